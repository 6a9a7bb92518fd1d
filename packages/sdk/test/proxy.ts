import { createServer, request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { PATHS } from '@smart-onboarding/protocol';

export interface CountingProxy {
  url: string;
  /** `up` forwards; `down` answers 503 to HTTP and refuses WebSocket upgrades (an edge outage). */
  mode: 'up' | 'down';
  /** Every request that reached the proxy, in order. */
  requests: { method: string; path: string }[];
  /**
   * Each batch the edge answered: over HTTP (ids sent, status, the edge's counts) or over the WebSocket
   * (the ids of an `ack`, status 202). `names` are the names of `track` events, for finding them again.
   */
  batches: {
    via: 'http' | 'socket';
    /** The `user` credential the batch came with. */
    user: string | null;
    ids: string[];
    names: string[];
    status: number;
    accepted?: number;
    duplicates?: number;
  }[];
  /** Every message that crossed a WebSocket, parsed, with who sent it (acks included). */
  messages: {
    user: string | null;
    from: 'browser' | 'edge';
    message: { type: string } & Record<string, unknown>;
  }[];
  /** WebSocket upgrades forwarded. */
  upgrades: number;
  /** Cuts every open WebSocket (with `mode = 'down'`, an outage that also drops live sockets). */
  cutSockets(): void;
  close(): Promise<void>;
}

/**
 * A transparent proxy in front of the edge (the real one, or the test receiver) that records what the
 * browser sent and what the edge answered, and can play an outage. The browser talks to it as it would to
 * the edge: same paths, same CORS answers (they come from the edge), WebSockets piped through.
 */
export async function startProxy(target: string): Promise<CountingProxy> {
  const to = new URL(target);
  const sockets = new Set<Socket>();
  const state = {
    mode: 'up',
    requests: [],
    batches: [],
    messages: [],
    upgrades: 0,
  } as unknown as CountingProxy;
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    state.requests.push({ method: req.method ?? '', path });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    if (state.mode === 'down') {
      res.writeHead(503, { 'access-control-allow-origin': req.headers.origin ?? '*' });
      return void res.end();
    }
    const upstream = httpRequest(
      {
        host: to.hostname,
        port: to.port,
        method: req.method,
        path: req.url,
        // Identity encoding, so the proxy can read the edge's answers.
        headers: { ...req.headers, host: to.host, 'accept-encoding': 'identity' },
      },
      (up) => {
        const out: Buffer[] = [];
        up.on('data', (d: Buffer) => out.push(d));
        up.on('end', () => {
          const answer = Buffer.concat(out);
          if (req.method === 'POST' && path === PATHS.events) {
            let events: { id: string; name?: string }[] = [];
            try {
              events = (JSON.parse(body.toString('utf8')) as { events: { id: string; name?: string }[] })
                .events;
            } catch {
              // recorded with no ids
            }
            const ids = events.map((e) => e.id);
            const names = events.flatMap((e) => (e.name ? [e.name] : []));
            let parsed: { accepted?: number; duplicates?: number } = {};
            try {
              parsed = JSON.parse(answer.toString('utf8'));
            } catch {
              // not JSON
            }
            state.batches.push({
              via: 'http',
              user: new URL(req.url ?? '/', 'http://x').searchParams.get('user'),
              ids,
              names,
              status: up.statusCode ?? 0,
              accepted: parsed.accepted,
              duplicates: parsed.duplicates,
            });
          }
          res.writeHead(up.statusCode ?? 502, up.headers);
          res.end(answer);
        });
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    upstream.end(body);
  });
  server.on('upgrade', (req, socket, head) => {
    sockets.add(socket as Socket);
    state.requests.push({ method: 'UPGRADE', path: new URL(req.url ?? '/', 'http://x').pathname });
    if (state.mode === 'down') return void socket.destroy();
    state.upgrades++;
    const upstream = connect(Number(to.port), to.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i]!.toLowerCase();
        // No compression, so the proxy can read the edge's frames.
        if (name === 'sec-websocket-extensions') continue;
        lines.push(`${req.rawHeaders[i]}: ${name === 'host' ? to.host : req.rawHeaders[i + 1]}`);
      }
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      socket.pipe(upstream);
      const user = new URL(req.url ?? '/', 'http://x').searchParams.get('user');
      const sent = new Map<string, string>();
      const readUp = frameReader((text) => {
        try {
          const m = JSON.parse(text) as { type: string; ids?: string[]; duplicates?: number };
          state.messages.push({ user, from: 'edge', message: m });
          if (m.type === 'ack' && m.ids)
            state.batches.push({
              via: 'socket',
              user,
              ids: m.ids,
              names: m.ids.flatMap((id) => (sent.has(id) ? [sent.get(id)!] : [])),
              status: 202,
              accepted: m.ids.length - (m.duplicates ?? 0),
              duplicates: m.duplicates ?? 0,
            });
        } catch {
          // not JSON
        }
      });
      const readDown = frameReader((text) => {
        try {
          const m = JSON.parse(text) as { type: string; batch?: { events: { id: string; name?: string }[] } };
          state.messages.push({ user, from: 'browser', message: m });
          for (const e of m.batch?.events ?? []) if (e.name) sent.set(e.id, e.name);
        } catch {
          // not JSON
        }
      });
      let upgraded = false;
      upstream.on('data', (d: Buffer) => {
        socket.write(d);
        if (upgraded) return readUp(d);
        const end = d.indexOf('\r\n\r\n');
        if (end >= 0) {
          upgraded = true;
          readUp(d.subarray(end + 4));
        }
      });
      socket.on('data', (d: Buffer) => readDown(d));
    });
    sockets.add(upstream);
    const end = () => {
      socket.destroy();
      upstream.destroy();
    };
    upstream.on('error', end);
    socket.on('error', end);
    upstream.on('close', end);
    socket.on('close', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  state.url = `http://127.0.0.1:${address.port}`;
  state.cutSockets = () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  state.close = () =>
    new Promise((r) => {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      server.close(() => r());
    });
  return state;
}

/** Reads WebSocket text frames from a byte stream (masked or not, unfragmented), for observation only. */
function frameReader(onText: (text: string) => void) {
  let buf = Buffer.alloc(0);
  return (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      if (buf.length < 2) return;
      const opcode = buf[0]! & 0x0f;
      const masked = (buf[1]! & 0x80) !== 0;
      let len = buf[1]! & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (buf.length < 4) return;
        len = buf.readUInt16BE(2);
        offset = 4;
      } else if (len === 127) {
        if (buf.length < 10) return;
        len = Number(buf.readBigUInt64BE(2));
        offset = 10;
      }
      const maskAt = offset;
      if (masked) offset += 4;
      if (buf.length < offset + len) return;
      const payload = Buffer.from(buf.subarray(offset, offset + len));
      if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= buf[maskAt + (i % 4)]!;
      buf = buf.subarray(offset + len);
      if (opcode === 1) onText(payload.toString('utf8'));
    }
  };
}
