import { describe, expect, it } from 'vitest';
import { api, freshTenant, json } from '../helpers';

/** Attacks on keys and identity proofs (issue 12, holes 7 and 8), against the real Worker, D1 and DOs. */

const code = async (res: Response) => (await json<{ error: { code: string } }>(res)).error.code;

describe('attack: a secret key where a browser would send it (hole 8)', () => {
  it('refuses a secret key in the x-so-key header (secret_key_misplaced)', async () => {
    const t = await freshTenant();
    const res = await api('/v1/flows', { headers: { 'x-so-key': t.secretKey } });
    expect(res.status).toBe(401);
    expect(await code(res)).toBe('secret_key_misplaced');
  });

  it('refuses a secret key sent with a browser Origin (secret_key_in_browser)', async () => {
    const t = await freshTenant();
    const res = await api('/v1/flows', {
      headers: { authorization: `Bearer ${t.secretKey}`, origin: 'https://app.example.com' },
    });
    expect(res.status).toBe(403);
    expect(await code(res)).toBe('secret_key_in_browser');
  });

  it('still accepts a secret key in the Authorization header from a server', async () => {
    const t = await freshTenant();
    const res = await api('/v1/flows', { headers: { authorization: `Bearer ${t.secretKey}` } });
    expect(res.status).toBe(200);
  });
});

describe('attack: an anonymous proof replayed for a real user id (hole 7)', () => {
  it('refuses the anonymous proof of anon_x as the proof of the real user id anon:anon_x', async () => {
    const t = await freshTenant({ allowAnonymous: true });
    const issued = await api('/v1/identity/anonymous', {
      method: 'POST',
      headers: { 'x-so-key': t.publishableKey, origin: 'https://app.example.com' },
    });
    expect(issued.status).toBe(201);
    const { userId, userHash } = await json<{ userId: string; userHash: string }>(issued);
    const forged = `anon:${userId}`;
    const res = await api(`/v1/journeys/${encodeURIComponent(forged)}/next`, {
      headers: { 'x-so-key': t.publishableKey, 'x-so-user-hash': userHash },
    });
    expect(res.status).toBe(401);
    expect(await code(res)).toBe('user_hash_invalid');
    // The proof still proves the anonymous id it was issued for.
    const own = await api(`/v1/journeys/${userId}/next`, {
      headers: { 'x-so-key': t.publishableKey, 'x-so-user-hash': userHash },
    });
    expect(own.status).toBe(404);
  });
});
