import { ErrorBody } from '@smart-onboarding/protocol';
import { seededRandom } from '@smart-onboarding/stats';
import { describe, expect, it } from 'vitest';
import { api, eventId, freshTenant, hashFor } from './helpers';

const SEED = 20261124;
const CASES = 300;

describe('malformed input never produces a 500', () => {
  it(`answers ${CASES} random requests (seed ${SEED}) with a 2xx or a protocol error`, async () => {
    const t = await freshTenant({ allowAnonymous: true, allowedOrigins: ['http://localhost:*'] });
    const random = seededRandom(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const junk = (n: number) =>
      Array.from({ length: n }, () => String.fromCharCode(Math.floor(random() * 0x3000))).join('');
    const asciiJunk = (n: number) =>
      Array.from({ length: n }, () => String.fromCharCode(0x21 + Math.floor(random() * 94))).join('');
    const user = 'fuzz-user';
    const hash = await hashFor(user, t.identitySecret);

    const paths = [
      '/v1/events',
      `/v1/journeys/${user}`,
      `/v1/journeys/${user}/next`,
      `/v1/journeys/${user}/progress`,
      `/v1/journeys/${user}/struggle`,
      `/v1/journeys/${user}/complete`,
      '/v1/journeys',
      '/v1/flows',
      '/v1/flows/creator-studio',
      '/v1/flows/creator-studio/versions/1',
      '/v1/identity/anonymous',
      '/v1/audit',
      '/v1/socket',
      '/v1/model/empty.wasm',
      '/v1/journeys/%E0%A4%A',
      '/v1/journeys/%00/next',
      `/v1/journeys/${'x'.repeat(5000)}`,
      '/v1/flows/..%2F..%2Fetc',
      '/v1/flows/creator-studio/versions/-1',
      '/v1/flows/creator-studio/versions/1e309',
      '/v1/journeys/a b',
    ];
    const bodies = [
      () => undefined,
      () => '',
      () => '{',
      () => 'null',
      () => '[]',
      () => '"string"',
      () => '1e999',
      () => junk(200),
      () => '{"__proto__":{"admin":true},"flowId":"creator-studio"}',
      () => `${'['.repeat(5000)}${']'.repeat(5000)}`,
      () => JSON.stringify({ flowId: junk(10) }),
      () => JSON.stringify({ stepId: 'connect-account', action: pick(['completed', 'viewed', 'bogus']) }),
      () => JSON.stringify({ score: random() * 3 - 1, source: 'model', reasons: [], t: -5 }),
      () =>
        JSON.stringify({
          sentAt: Date.now(),
          events: [
            {
              id: pick([eventId(), 'nope']),
              sessionId: 's',
              timestamp: Date.now(),
              eventType: pick(['page', 'signal', 'x']),
              action: 'view',
            },
          ],
        }),
      () => JSON.stringify({ id: 'f', name: 'F', steps: [{ id: 'a', title: 'A', prerequisites: ['a'] }] }),
      () => JSON.stringify({ sentAt: 1, events: Array.from({ length: 600 }, () => ({})) }),
    ];
    const keys: Array<Record<string, string>> = [
      {},
      { 'x-so-key': t.publishableKey },
      { 'x-so-key': t.publishableKey, 'x-so-user': user, 'x-so-user-hash': hash },
      { 'x-so-key': t.publishableKey, 'x-so-user': asciiJunk(3), 'x-so-user-hash': hash },
      { authorization: `Bearer ${t.secretKey}`, 'x-so-user': user },
      { authorization: 'Bearer' },
      { authorization: `Basic ${btoa('a:b')}` },
      { 'x-so-key': 'pk_'.padEnd(300, 'x') },
      {
        'x-so-key': t.publishableKey,
        origin: pick(['null', 'http://localhost:1', 'https://evil.example', 'garbage']),
      },
    ];
    const contentTypes = [
      'application/json',
      'text/plain',
      'application/xml',
      'multipart/form-data; boundary=x',
      '',
    ];
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

    const failures: string[] = [];
    const seen = new Map<string, number>();
    for (let i = 0; i < CASES; i++) {
      const method = pick(methods);
      const path = pick(paths);
      const body = method === 'GET' || method === 'HEAD' ? undefined : pick(bodies)();
      const headers: Record<string, string> = { ...pick(keys) };
      const type = pick(contentTypes);
      if (type) headers['content-type'] = type;
      if (random() < 0.1) headers.upgrade = 'websocket';
      const res = await api(path, { method, headers, body });
      const bytes = await res.arrayBuffer();
      const text = new TextDecoder().decode(bytes);
      const where = `#${i} ${method} ${path.slice(0, 60)} → ${res.status}`;
      if (res.status >= 500) failures.push(`${where}: ${text.slice(0, 200)}`);
      else if (res.status >= 400 && method !== 'HEAD') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
        const error = ErrorBody.safeParse(parsed);
        if (!error.success) failures.push(`${where}: not an ErrorBody: ${text.slice(0, 200)}`);
        else seen.set(error.data.error.code, (seen.get(error.data.error.code) ?? 0) + 1);
      } else seen.set(String(res.status), (seen.get(String(res.status)) ?? 0) + 1);
      if (res.webSocket) {
        res.webSocket.accept();
        res.webSocket.close();
      }
    }
    expect(failures).toEqual([]);
    // The cases reach past authentication into the handlers, not only the front door.
    expect([...seen.keys()]).toEqual(
      expect.arrayContaining([
        'unauthorized',
        'invalid_key',
        'validation_failed',
        'not_found',
        'origin_not_allowed',
      ]),
    );
    expect(seen.size).toBeGreaterThanOrEqual(8);
  }, 20_000); // 300 requests take 4-5 s on a loaded machine: the default 5 s was a coin toss
});

describe('malformed WebSocket frames never break the socket', () => {
  it('answers random frames with a ServerMessage and keeps the socket open', async () => {
    const { ServerMessage } = await import('@smart-onboarding/protocol');
    const random = seededRandom(SEED + 1);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const t = await freshTenant();
    const user = 'fuzz-ws';
    const res = await api(
      `/v1/socket?key=${t.publishableKey}&user=${user}&user_hash=${await hashFor(user, t.identitySecret)}`,
      { headers: { upgrade: 'websocket' } },
    );
    const ws = res.webSocket!;
    ws.accept();
    const replies: unknown[] = [];
    ws.addEventListener('message', (e) => replies.push(JSON.parse(e.data as string)));
    const frames = [
      () => '',
      () => '{}',
      () => 'null',
      () => '[1]',
      () => JSON.stringify({ type: pick(['hello', 'events', 'struggle', 'ping', 'nope', 7]) }),
      () => JSON.stringify({ type: 'ping', t: pick([-1, 1.5, 'x', 2 ** 60, null]) }),
      () =>
        JSON.stringify({
          type: 'struggle',
          report: { score: random() * 2, source: 'model', reasons: [], t: 1 },
        }),
      () =>
        JSON.stringify({
          type: 'events',
          batch: { sentAt: 1, events: [{ id: eventId(), eventType: 'page' }] },
        }),
      () => `{"type":"hello","sessionId":"${'s'.repeat(200)}"}`,
      () => new Uint8Array([1, 2, 3]).buffer,
    ];
    const sent = 40;
    for (let i = 0; i < sent; i++) {
      ws.send(pick(frames)());
      await new Promise((r) => setTimeout(r, 5));
    }
    ws.send(JSON.stringify({ type: 'ping', t: 99 }));
    const deadline = Date.now() + 5000;
    while (replies.length < sent + 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(replies).toHaveLength(sent + 1);
    for (const reply of replies)
      expect(ServerMessage.safeParse(reply).success, JSON.stringify(reply)).toBe(true);
    expect(replies.at(-1)).toEqual({ type: 'pong', t: 99 });
    ws.close();
  });
});
