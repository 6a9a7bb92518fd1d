import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { database } from '../src/adapters/d1/client';
import { revokeApiKey } from '../src/adapters/d1/queries/tenants';
import { clearKeyCache } from '../src/middleware/auth/require-key';
import {
  api,
  DEMO,
  freshTenant,
  hashFor,
  json,
  roomInRateWindow,
  serverHeaders,
  uniqueUser,
} from './helpers';

const code = async (res: Response) => (await json<{ error: { code: string } }>(res)).error.code;

describe('authentication failures: a clear 4xx with a stable code', () => {
  const user = 'auth-user';

  it.each([
    ['no key', {}, 401, 'unauthorized'],
    ['a key of no known kind', { 'x-so-key': 'hello' }, 401, 'invalid_key'],
    ['an unknown publishable key', { 'x-so-key': 'pk_nope' }, 401, 'invalid_key'],
    ['an unknown secret key', { authorization: 'Bearer sk_nope' }, 401, 'invalid_key'],
    [
      'a publishable key without the user hash',
      { 'x-so-key': DEMO.publishableKey },
      401,
      'user_hash_required',
    ],
    [
      'a wrong user hash',
      { 'x-so-key': DEMO.publishableKey, 'x-so-user-hash': 'ab'.repeat(32) },
      401,
      'user_hash_invalid',
    ],
    [
      'a malformed user hash',
      { 'x-so-key': DEMO.publishableKey, 'x-so-user-hash': 'xyz' },
      401,
      'user_hash_invalid',
    ],
    [
      'an origin the tenant does not allow',
      { 'x-so-key': DEMO.publishableKey, origin: 'https://evil.example' },
      403,
      'origin_not_allowed',
    ],
  ] as const)('%s → %i %s', async (_name, headers, status, expected) => {
    const res = await api(`/v1/journeys/${user}/next`, { headers });
    expect(res.status).toBe(status);
    expect(await code(res)).toBe(expected);
  });

  it('refuses another user’s hash', async () => {
    const res = await api(`/v1/journeys/${user}/next`, {
      headers: { 'x-so-key': DEMO.publishableKey, 'x-so-user-hash': await hashFor('someone-else') },
    });
    expect(res.status).toBe(401);
    expect(await code(res)).toBe('user_hash_invalid');
  });

  it.each([
    ['GET', '/v1/journeys'],
    ['GET', '/v1/audit'],
    ['POST', '/v1/flows'],
    ['DELETE', `/v1/journeys/${user}`],
  ])('%s %s needs a secret key (secret_key_required)', async (method, path) => {
    const res = await api(path, {
      method,
      headers: {
        'x-so-key': DEMO.publishableKey,
        'x-so-user-hash': await hashFor(user),
        'content-type': 'application/json',
      },
      body:
        method === 'POST'
          ? JSON.stringify({ id: 'x', name: 'x', steps: [{ id: 'a', title: 'A' }] })
          : undefined,
    });
    expect(res.status).toBe(403);
    expect(await code(res)).toBe('secret_key_required');
  });

  it('refuses a secret key in a URL, where it would end up in logs', async () => {
    const res = await api(`/v1/flows?key=${DEMO.secretKey}`);
    expect(res.status).toBe(401);
    expect(await code(res)).toBe('invalid_key');
  });

  it('refuses a revoked key (once the per-isolate key cache forgets it)', async () => {
    const t = await freshTenant();
    const headers = { authorization: `Bearer ${t.secretKey}` };
    expect((await api('/v1/flows', { headers })).status).toBe(200);
    await revokeApiKey(database(env.DB), `${t.id}-sk`);
    clearKeyCache();
    const res = await api('/v1/flows', { headers });
    expect(res.status).toBe(401);
    expect(await code(res)).toBe('invalid_key');
  });

  it('accepts credentials as query parameters (beacons and WebSockets cannot set headers)', async () => {
    const u = uniqueUser();
    const res = await api(`/v1/journeys/${u}/next?key=${DEMO.publishableKey}&user_hash=${await hashFor(u)}`);
    expect(res.status).toBe(404); // authenticated; the user simply has no journey yet
    expect(await code(res)).toBe('not_found');
  });

  it('keeps tenants apart: a key of one tenant cannot read another tenant’s flows', async () => {
    const t = await freshTenant();
    const res = await api(`/v1/flows/${DEMO.flowId}`, {
      headers: { authorization: `Bearer ${t.secretKey}` },
    });
    expect(res.status).toBe(404);
    const demo = await api(`/v1/flows/${DEMO.flowId}`, { headers: serverHeaders });
    expect(demo.status).toBe(200);
  });
});

describe('anonymous users', () => {
  it('issues signed anonymous ids when the tenant allows them, and they work as identities', async () => {
    const res = await api('/v1/identity/anonymous', {
      method: 'POST',
      headers: { 'x-so-key': DEMO.publishableKey },
    });
    expect(res.status).toBe(201);
    const { userId, userHash } = await json<{ userId: string; userHash: string }>(res);
    expect(userId).toMatch(/^anon_/);
    const init = await api(`/v1/journeys/${userId}?key=${DEMO.publishableKey}&user_hash=${userHash}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ flowId: DEMO.flowId }),
    });
    expect(init.status).toBe(201);
    const forged = await api(
      `/v1/journeys/anon_forged/next?key=${DEMO.publishableKey}&user_hash=${userHash}`,
    );
    expect(await code(forged)).toBe('user_hash_invalid');
  });

  it('refuses anonymous ids where the tenant does not allow them', async () => {
    const t = await freshTenant({ allowAnonymous: false });
    const issue = await api('/v1/identity/anonymous', {
      method: 'POST',
      headers: { 'x-so-key': t.publishableKey },
    });
    expect(issue.status).toBe(403);
    expect(await code(issue)).toBe('forbidden');
    const id = 'anon_abc';
    const res = await api(`/v1/journeys/${id}/next`, {
      headers: { 'x-so-key': t.publishableKey, 'x-so-user-hash': await hashFor(id, t.identitySecret) },
    });
    expect(res.status).toBe(403);
    expect(await code(res)).toBe('forbidden');
  });
});

describe('CORS per tenant', () => {
  it('answers a preflight for the headers the SDK sends', async () => {
    const res = await api('/v1/events', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-so-key,x-so-user,x-so-user-hash',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')).toContain('x-so-user-hash');
  });

  it('lets an allowed origin read the answer, and refuses another origin', async () => {
    const t = await freshTenant({ allowedOrigins: ['https://app.example.com'] });
    const ok = await api('/v1/flows', {
      headers: { 'x-so-key': t.publishableKey, origin: 'https://app.example.com' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const other = await api('/v1/flows', {
      headers: { 'x-so-key': t.publishableKey, origin: 'http://localhost:3000' },
    });
    expect(other.status).toBe(403);
    expect(await code(other)).toBe('origin_not_allowed');
  });
});

describe('rate limits', () => {
  it('limits requests per user (rate_limited, 429)', async () => {
    const t = await freshTenant();
    const headers = { authorization: `Bearer ${t.secretKey}` };
    const statuses: number[] = [];
    await roomInRateWindow();
    for (let i = 0; i < env.TEST_USER_LIMIT + 5; i++)
      statuses.push((await api('/v1/journeys/busy-user/next', { headers })).status);
    expect(statuses.slice(0, env.TEST_USER_LIMIT - 1).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const res = await api('/v1/journeys/busy-user/next', { headers });
    expect(await code(res)).toBe('rate_limited');
    expect(res.headers.get('retry-after')).toBe('10');
    // Another user of the same key is not affected.
    expect((await api('/v1/journeys/calm-user/next', { headers })).status).toBe(404);
  }, 90_000);

  it('limits requests per key', async () => {
    const t = await freshTenant();
    const headers = { authorization: `Bearer ${t.secretKey}` };
    const statuses: number[] = [];
    await roomInRateWindow();
    for (let i = 0; i < env.TEST_KEY_LIMIT + 5; i += 50) {
      const wave = await Promise.all(Array.from({ length: 50 }, () => api('/v1/flows', { headers })));
      statuses.push(...wave.map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(env.TEST_KEY_LIMIT);
    expect(statuses.at(-1)).toBe(429);
  }, 90_000);
});
