import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { WS_MAX_SOCKETS, WS_RATE } from '../../src/journey/socket';
import { api, freshTenant, json, roomInRateWindow, uniqueUser } from '../helpers';
import { open } from '../test-socket';

/** Attacks that multiplied or dodged the rate limits (issue 12, hole 5). */

const code = async (res: Response) => (await json<{ error: { code: string } }>(res)).error.code;
let ipCounter = 0;
/** A client address of its own (Cloudflare sets cf-connecting-ip; a client cannot choose it there). */
const freshIp = () => `203.0.113.${(++ipCounter % 250) + 1}-${Date.now().toString(36)}`;

/** Sends `n` requests in waves of 50, returns their statuses; all within one rate-limit window. */
async function flood(n: number, request: () => Promise<Response>) {
  await roomInRateWindow();
  const statuses: number[] = [];
  for (let i = 0; i < n; i += 50) {
    const wave = await Promise.all(Array.from({ length: Math.min(50, n - i) }, request));
    statuses.push(...wave.map((r) => r.status));
  }
  return statuses;
}

describe('attack: more sockets for more budget (hole 5)', () => {
  it('shares one message budget among all of a user’s sockets', async () => {
    const user = uniqueUser('wsflood');
    const sockets = await Promise.all([open(user), open(user), open(user)]);
    const started = Date.now();
    let pongs = 0;
    let limited = 0;
    const replies = sockets.map(async (s) => {
      for (let i = 0; i < 40; i++) s.send({ type: 'ping', t: i });
      for (let i = 0; i < 40; i++) {
        const m = await s.next(5000);
        if (m.type === 'pong') pongs++;
        else if (m.type === 'error' && m.error.code === 'rate_limited') limited++;
      }
    });
    await Promise.all(replies);
    const refill = Math.ceil(((Date.now() - started) / 1000) * WS_RATE.perSecond) + 1;
    expect(pongs + limited).toBe(120);
    expect(pongs).toBeLessThanOrEqual(WS_RATE.burst + refill);
    for (const s of sockets) s.close();
  });

  it(`keeps at most ${WS_MAX_SOCKETS} sockets per user, closing the oldest`, async () => {
    const user = uniqueUser('wsmany');
    const first = await open(user);
    const closed = new Promise<number>((resolve) =>
      first.ws.addEventListener('close', (e) => resolve(e.code)),
    );
    const rest = [];
    for (let i = 0; i < WS_MAX_SOCKETS; i++) rest.push(await open(user));
    expect(await closed).toBe(1008);
    for (const s of rest) s.close();
  });
});

describe('attack: requests that were never limited (hole 5)', () => {
  it('limits requests with unknown keys per client address (rate_limited)', async () => {
    const ip = freshIp();
    const statuses = await flood(env.TEST_IP_LIMIT + 5, () =>
      api('/v1/flows', {
        headers: { 'x-so-key': `pk_unknown_${crypto.randomUUID()}`, 'cf-connecting-ip': ip },
      }),
    );
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(env.TEST_IP_LIMIT);
    expect(statuses.at(-1)).toBe(429);
    const res = await api('/v1/flows', {
      headers: { 'x-so-key': 'pk_unknown_last', 'cf-connecting-ip': ip },
    });
    expect(await code(res)).toBe('rate_limited');
  }, 90_000);

  it('limits issuing anonymous ids per client address, so fresh ids cannot reset the per-user limit', async () => {
    const t = await freshTenant({ allowAnonymous: true });
    const ip = freshIp();
    const issue = (from: string) =>
      api('/v1/identity/anonymous', {
        method: 'POST',
        headers: {
          'x-so-key': t.publishableKey,
          origin: 'https://app.example.com',
          'cf-connecting-ip': from,
        },
      });
    const statuses = await flood(env.TEST_IP_LIMIT + 5, () => issue(ip));
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(env.TEST_IP_LIMIT);
    expect(statuses.at(-1)).toBe(429);
    expect((await issue(freshIp())).status).toBe(201);
  }, 90_000);

  it('charges a publishable key per client address: one browser cannot spend the tenant’s budget', async () => {
    const t = await freshTenant();
    const headers = (ip: string) => ({
      'x-so-key': t.publishableKey,
      origin: 'https://app.example.com',
      'cf-connecting-ip': ip,
    });
    const noisy = freshIp();
    const statuses = await flood(env.TEST_KEY_LIMIT + 5, () => api('/v1/flows', { headers: headers(noisy) }));
    expect(statuses.at(-1)).toBe(429);
    expect((await api('/v1/flows', { headers: headers(freshIp()) })).status).toBe(200);
  }, 90_000);
});
