import { describe, expect, it } from 'vitest';
import { api, freshTenant, json } from '../helpers';
import {
  asMember,
  asServer,
  CONSOLE_ORIGIN,
  memberOf,
  PASSWORD,
  sessionCookieOf,
  signIn,
  team,
} from './console-client';

describe('console sign-in and sessions', () => {
  it('signs in with a password and sets a __Host- HttpOnly Secure SameSite=Strict cookie', async () => {
    const tenant = await freshTenant();
    const email = `ada@${tenant.id}.test`;
    await memberOf(tenant, email, 'editor');
    const res = await signIn(tenant.id, email.toUpperCase(), PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-so_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    const body = await json<{ csrfToken: string; member: { email: string; role: string }; via: string }>(res);
    expect(body).toMatchObject({ member: { email, role: 'editor' }, via: 'password' });

    const session = { cookie: sessionCookieOf(res), csrf: body.csrfToken, memberId: '' };
    const me = await asMember(session, '/v1/admin/session');
    expect(me.status).toBe(200);
    expect(await json(me)).toMatchObject({ csrfToken: body.csrfToken, member: { email } });
  });

  it('answers a wrong password, an unknown e-mail and an unaccepted invitation alike', async () => {
    const tenant = await freshTenant();
    await memberOf(tenant, `known@${tenant.id}.test`, 'viewer');
    await asServer(tenant, '/v1/admin/members', {
      method: 'POST',
      body: JSON.stringify({ email: `pending@${tenant.id}.test`, role: 'viewer' }),
    });
    for (const [email, password] of [
      [`known@${tenant.id}.test`, 'not the password at all'],
      [`nobody@${tenant.id}.test`, PASSWORD],
      [`pending@${tenant.id}.test`, PASSWORD],
    ] as const) {
      const res = await signIn(tenant.id, email, password);
      expect(res.status).toBe(401);
      expect(await json(res)).toEqual({
        error: { code: 'invalid_credentials', message: 'wrong e-mail or password' },
      });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('refuses malformed sign-in bodies with validation_failed', async () => {
    const res = await api('/v1/admin/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: 't', email: 'not-an-email', password: 'x', role: 'owner' }),
    });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('never adopts a session token the browser brings (session fixation)', async () => {
    const { tenant, owner } = await team();
    const email = `victim@${tenant.id}.test`;
    await memberOf(tenant, email, 'editor');
    // The attacker plants their own valid session token, then a made-up one, in the victim's browser.
    for (const planted of [owner.cookie, 'A'.repeat(43)]) {
      const res = await signIn(tenant.id, email, PASSWORD, { cookie: `__Host-so_session=${planted}` });
      expect(res.status).toBe(200);
      const issued = sessionCookieOf(res);
      expect(issued).not.toBe(planted);
      const withPlanted = await asMember(
        { cookie: planted, csrf: owner.csrf, memberId: '' },
        '/v1/admin/session',
      );
      expect(withPlanted.status).toBe(401);
    }
  });

  it('checks CSRF on every changing request made with the cookie', async () => {
    const { tenant, owner } = await team();
    const other = await memberOf(tenant, `other@${tenant.id}.test`, 'owner');
    const invite = (headers: Record<string, string>) =>
      api('/v1/admin/members', {
        method: 'POST',
        headers: {
          cookie: `__Host-so_session=${owner.cookie}`,
          'content-type': 'application/json',
          ...headers,
        },
        body: JSON.stringify({ email: `x${Math.random()}@${tenant.id}.test`, role: 'viewer' }),
      });
    const cases: Array<[string, Record<string, string>]> = [
      ['no token', { origin: CONSOLE_ORIGIN }],
      ['a wrong token', { origin: CONSOLE_ORIGIN, 'x-so-csrf': 'guess' }],
      ["another session's token", { origin: CONSOLE_ORIGIN, 'x-so-csrf': other.csrf }],
      ['the right token from another origin', { origin: 'https://evil.example', 'x-so-csrf': owner.csrf }],
      ['the right token from a sibling origin', { origin: 'http://evil.edge.test', 'x-so-csrf': owner.csrf }],
    ];
    for (const [name, headers] of cases) {
      const res = await invite(headers);
      expect(res.status, name).toBe(403);
      expect((await json<{ error: { code: string } }>(res)).error.code, name).toBe('csrf_failed');
    }
    expect((await invite({ origin: CONSOLE_ORIGIN, 'x-so-csrf': owner.csrf })).status).toBe(201);
    // A reading request needs no token (it changes nothing), only the cookie.
    const read = await api('/v1/admin/members', { headers: { cookie: `__Host-so_session=${owner.cookie}` } });
    expect(read.status).toBe(200);
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const { owner } = await team();
    const out = await asMember(owner, '/v1/admin/session', { method: 'DELETE' });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/__Host-so_session=;.*Max-Age=0/);
    expect((await asMember(owner, '/v1/admin/members')).status).toBe(401);
  });

  it('uses an invitation once', async () => {
    const tenant = await freshTenant();
    const invited = await asServer(tenant, '/v1/admin/members', {
      method: 'POST',
      body: JSON.stringify({ email: `once@${tenant.id}.test`, role: 'viewer' }),
    });
    const { invitationToken } = await json<{ invitationToken: string }>(invited);
    const accept = (password: string) =>
      api('/v1/admin/invitations/accept', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantId: tenant.id, token: invitationToken, password }),
      });
    expect((await accept('short')).status).toBe(400);
    expect((await accept(PASSWORD)).status).toBe(200);
    const again = await accept('the attacker’s own password');
    expect(again.status).toBe(404);
    expect((await signIn(tenant.id, `once@${tenant.id}.test`, 'the attacker’s own password')).status).toBe(
      401,
    );
  });

  it('tells a key apart from a session, and refuses publishable keys on admin routes', async () => {
    const tenant = await freshTenant();
    const session = await asServer(tenant, '/v1/admin/session');
    expect(session.status).toBe(400);
    const publishable = await api('/v1/admin/members', {
      headers: { authorization: `Bearer ${tenant.publishableKey}` },
    });
    expect(publishable.status).toBe(403);
    expect(await json(publishable)).toMatchObject({ error: { code: 'secret_key_required' } });
    const none = await api('/v1/admin/members');
    expect(none.status).toBe(401);
    expect(await json(none)).toMatchObject({ error: { code: 'session_required' } });
  });
});
