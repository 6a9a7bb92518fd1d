import { describe, expect, inject, it } from 'vitest';
import { api, json } from '../helpers';
import { asMember, memberOf, sessionCookieOf, team } from './console-client';

type Created = { key: { id: string; kind: string; prefix: string }; secret: string; revokedKeyId?: string };

describe('API keys and allowed origins from the admin API', () => {
  it('creates, rotates and revokes keys; a revoked key stops working', async () => {
    const { owner } = await team();
    const created = await asMember(owner, '/v1/admin/keys', {
      method: 'POST',
      body: JSON.stringify({ kind: 'secret' }),
    });
    expect(created.status).toBe(201);
    const first = await json<Created>(created);
    expect(first.secret).toMatch(/^sk_[\w-]{32}$/);
    expect(first.key.prefix).toBe(first.secret.slice(0, 10));
    const useKey = (secret: string) => api('/v1/flows', { headers: { authorization: `Bearer ${secret}` } });
    expect((await useKey(first.secret)).status).toBe(200);

    const rotated = await json<Created>(
      await asMember(owner, `/v1/admin/keys/${first.key.id}/rotate`, { method: 'POST' }),
    );
    expect(rotated.revokedKeyId).toBe(first.key.id);
    expect(rotated.key.kind).toBe('secret');
    expect((await useKey(first.secret)).status).toBe(401);
    expect((await useKey(rotated.secret)).status).toBe(200);

    expect((await asMember(owner, `/v1/admin/keys/${rotated.key.id}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await useKey(rotated.secret)).status).toBe(401);
    expect((await asMember(owner, `/v1/admin/keys/${rotated.key.id}`, { method: 'DELETE' })).status).toBe(
      404,
    );

    const list = await json<{ keys: Array<{ id: string; revokedAt: number | null }> }>(
      await asMember(owner, '/v1/admin/keys'),
    );
    expect(list.keys.find((k) => k.id === first.key.id)?.revokedAt).toEqual(expect.any(Number));
    expect(JSON.stringify(list)).not.toContain(first.secret);
  });

  it("cannot revoke or rotate another tenant's key", async () => {
    const a = await team();
    const b = await team();
    for (const [path, method] of [
      [`/v1/admin/keys/${b.tenant.id}-sk`, 'DELETE'],
      [`/v1/admin/keys/${b.tenant.id}-sk/rotate`, 'POST'],
    ] as const) {
      expect((await asMember(a.owner, path, { method })).status).toBe(404);
    }
    expect(
      (await api('/v1/flows', { headers: { authorization: `Bearer ${b.tenant.secretKey}` } })).status,
    ).toBe(200);
  });

  it('sets allowed origins, which publishable keys then honour, and refuses what is not an origin', async () => {
    const { tenant, owner } = await team();
    const fromNew = () =>
      api('/v1/flows', { headers: { 'x-so-key': tenant.publishableKey, origin: 'https://new.example.com' } });
    expect((await fromNew()).status).toBe(403);
    const set = await asMember(owner, '/v1/admin/origins', {
      method: 'PUT',
      body: JSON.stringify({ allowedOrigins: ['https://new.example.com', 'http://localhost:*'] }),
    });
    expect(set.status).toBe(200);
    expect((await fromNew()).status).toBe(200);
    const bad = await asMember(owner, '/v1/admin/origins', {
      method: 'PUT',
      body: JSON.stringify({ allowedOrigins: ['javascript:alert(1)'] }),
    });
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ error: { code: 'validation_failed' } });
  });
});

const encoder = new TextEncoder();
function b64url(bytes: Uint8Array | string) {
  const raw = typeof bytes === 'string' ? encoder.encode(bytes) : bytes;
  return btoa(String.fromCharCode(...raw))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Signs a JWT as an Access team would (RS256), or as an attacker would with `alg`/`key` overrides. */
async function accessJwt(
  claims: Record<string, unknown>,
  options: { alg?: string; kid?: string; privateJwk?: JsonWebKey } = {},
) {
  const access = inject('access');
  const header = b64url(
    JSON.stringify({ alg: options.alg ?? 'RS256', kid: options.kid ?? access.kid, typ: 'JWT' }),
  );
  const payload = b64url(JSON.stringify(claims));
  if (options.alg === 'none') return `${header}.${payload}.`;
  const key = await crypto.subtle.importKey(
    'jwk',
    options.privateJwk ?? access.privateJwk,
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const sig = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, encoder.encode(`${header}.${payload}`));
  return `${header}.${payload}.${b64url(new Uint8Array(sig))}`;
}

describe('sign-in through Cloudflare Access', () => {
  it('signs a member in with a verified Access JWT and refuses forged, foreign and stale ones', async () => {
    const { teamDomain } = inject('access');
    const { tenant, owner } = await team();
    const audience = `aud-${tenant.id}`;
    const configured = await asMember(owner, '/v1/admin/access', {
      method: 'PUT',
      body: JSON.stringify({ teamDomain, audience }),
    });
    expect(configured.status).toBe(200);
    await asMember(owner, '/v1/admin/members', {
      method: 'POST',
      body: JSON.stringify({ email: `zoe@${tenant.id}.test`, role: 'editor' }),
    });
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: teamDomain,
      aud: [audience],
      email: `Zoe@${tenant.id}.test`,
      sub: 'zoe-1',
      iat: now,
      exp: now + 600,
    };
    const signInWith = (token: string | null) =>
      api('/v1/admin/session/access', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { 'cf-access-jwt-assertion': token } : {}),
        },
        body: JSON.stringify({ tenantId: tenant.id }),
      });

    const ok = await signInWith(await accessJwt(claims));
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({
      via: 'access',
      member: { email: `zoe@${tenant.id}.test`, status: 'active', role: 'editor' },
    });
    const session = { cookie: sessionCookieOf(ok), csrf: '', memberId: '' };
    expect((await asMember(session, '/v1/admin/members')).status).toBe(200);

    const attacker = (await crypto.subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const attackerJwk = (await crypto.subtle.exportKey('jwk', attacker.privateKey)) as JsonWebKey;
    const refused: Array<[string, string | null]> = [
      ['no token', null],
      ['alg none', await accessJwt(claims, { alg: 'none' })],
      ['HS256', await accessJwt(claims, { alg: 'HS256' })],
      ["another key under the team's kid", await accessJwt(claims, { privateJwk: attackerJwk })],
      ['an unknown kid', await accessJwt(claims, { kid: 'rotated-away' })],
      ['another audience', await accessJwt({ ...claims, aud: ['someone-else'] })],
      ['another team', await accessJwt({ ...claims, iss: 'https://evil.cloudflareaccess.com' })],
      ['expired', await accessJwt({ ...claims, exp: now - 3600 })],
      ['not yet valid', await accessJwt({ ...claims, nbf: now + 3600 })],
      ['a service token (no e-mail)', await accessJwt({ ...claims, email: undefined })],
      ['an e-mail not on the team', await accessJwt({ ...claims, email: `mallory@${tenant.id}.test` })],
      ['garbage', 'a.b.c'],
    ];
    for (const [name, token] of refused) {
      const res = await signInWith(token);
      expect(res.status, name).toBe(401);
      expect(await json(res), name).toMatchObject({ error: { code: 'access_token_invalid' } });
      expect(res.headers.get('set-cookie'), name).toBeNull();
    }
  });

  it('refuses Access for tenants that did not set it up, and team domains that are not Access', async () => {
    const { tenant, owner } = await team();
    const res = await api('/v1/admin/session/access', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-access-jwt-assertion': 'x.y.z' },
      body: JSON.stringify({ tenantId: tenant.id }),
    });
    expect(res.status).toBe(404);
    expect(await json(res)).toMatchObject({ error: { code: 'access_not_configured' } });
    for (const teamDomain of [
      'https://evil.example.com',
      'http://169.254.169.254',
      'https://x.cloudflareaccess.com.evil.io',
    ]) {
      const put = await asMember(owner, '/v1/admin/access', {
        method: 'PUT',
        body: JSON.stringify({ teamDomain, audience: 'aud' }),
      });
      expect(put.status, teamDomain).toBe(400);
    }
    const editor = await memberOf(tenant, `ed@${tenant.id}.test`, 'editor');
    const byEditor = await asMember(editor, '/v1/admin/access', {
      method: 'PUT',
      body: JSON.stringify({ teamDomain: 'https://team.cloudflareaccess.com', audience: 'aud' }),
    });
    expect(byEditor.status).toBe(403);
  });
});
