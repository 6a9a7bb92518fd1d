import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { EventBatch, PATHS } from '@smart-onboarding/protocol';

export interface Receiver {
  url: string;
  /** How many times each event id arrived (accepted or as a duplicate). */
  arrivals: Map<string, number>;
  /** Events accepted, in arrival order (each id once). */
  accepted: { id: string; eventType: string; [k: string]: unknown }[];
  /** Every request, for "nothing was sent" checks. */
  requests: { method: string; path: string }[];
  /** `fail` answers 503 to every event batch (an edge outage); `ok` accepts. */
  mode: 'ok' | 'fail';
  /** Validation failures: a batch the protocol schema refused (must stay empty). */
  invalid: unknown[];
  close(): Promise<void>;
}

/**
 * A stand-in for the edge's ingestion, for tests written before the real endpoints landed and for fault
 * injection: validates every batch with the protocol's own schema, deduplicates by event id as the edge
 * does, answers CORS like the edge, and issues anonymous identities.
 */
export async function startReceiver(): Promise<Receiver> {
  const state: Omit<Receiver, 'url' | 'close'> = {
    arrivals: new Map(),
    accepted: [],
    requests: [],
    mode: 'ok',
    invalid: [],
  };
  const cors = (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
    res.setHeader(
      'access-control-allow-headers',
      'content-type, x-so-key, x-so-user, x-so-user-hash, x-so-session',
    );
    res.setHeader('access-control-allow-methods', 'POST, GET, OPTIONS');
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    state.requests.push({ method: req.method ?? '', path: url.pathname });
    cors(req, res);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (req.method === 'POST' && url.pathname === PATHS.anonymousIdentity) {
      res.writeHead(201, { 'content-type': 'application/json' });
      return void res.end(
        JSON.stringify({ userId: `anon_${Math.random().toString(36).slice(2)}`, userHash: 'a'.repeat(64) }),
      );
    }
    if (req.method === 'POST' && url.pathname === PATHS.events) {
      if (!url.searchParams.get('key') || !url.searchParams.get('session'))
        return void res.writeHead(401).end();
      if (state.mode === 'fail') return void res.writeHead(503).end();
      const parsed = EventBatch.safeParse(JSON.parse(body || 'null'));
      if (!parsed.success) {
        state.invalid.push(parsed.error.issues);
        return void res
          .writeHead(400, { 'content-type': 'application/json' })
          .end('{"error":{"code":"validation_failed","message":"bad batch"}}');
      }
      let accepted = 0;
      let duplicates = 0;
      for (const e of parsed.data.events) {
        const n = state.arrivals.get(e.id) ?? 0;
        state.arrivals.set(e.id, n + 1);
        if (n) duplicates++;
        else {
          accepted++;
          state.accepted.push(e as Receiver['accepted'][number]);
        }
      }
      res.writeHead(202, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ accepted, duplicates }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const receiver = state as Receiver;
  receiver.url = `http://127.0.0.1:${address.port}`;
  receiver.close = () =>
    new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return receiver;
}
