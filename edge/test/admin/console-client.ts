import { api, freshTenant, json } from '../helpers';

/** The console's own origin in tests (the Worker under test answers at http://edge.test). */
export const CONSOLE_ORIGIN = 'http://edge.test';

type Tenant = Awaited<ReturnType<typeof freshTenant>>;

/** What a signed-in browser holds: its session cookie and the CSRF token the sign-in returned. */
export interface ConsoleSession {
  cookie: string;
  csrf: string;
  memberId: string;
}

export function sessionCookieOf(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  const value = /__Host-so_session=([^;]*)/.exec(set)?.[1];
  if (!value) throw new Error(`no session cookie in ${set}`);
  return value;
}

/** A request as the console makes it: cookie, CSRF token, same origin, JSON. */
export function asMember(session: ConsoleSession, path: string, init: RequestInit = {}) {
  return api(path, {
    ...init,
    headers: {
      cookie: `__Host-so_session=${session.cookie}`,
      'x-so-csrf': session.csrf,
      origin: CONSOLE_ORIGIN,
      'content-type': 'application/json',
      ...(init.headers as Record<string, string>),
    },
  });
}

export function asServer(tenant: Tenant, path: string, init: RequestInit = {}) {
  return api(path, {
    ...init,
    headers: { authorization: `Bearer ${tenant.secretKey}`, 'content-type': 'application/json' },
  });
}

export async function signIn(
  tenantId: string,
  email: string,
  password: string,
  extra: Record<string, string> = {},
) {
  return api('/v1/admin/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: CONSOLE_ORIGIN, ...extra },
    body: JSON.stringify({ tenantId, email, password }),
  });
}

export const PASSWORD = 'a long enough passphrase';

/** Invites `email` with `role` through the secret key, accepts, signs in: a member with a live session. */
export async function memberOf(tenant: Tenant, email: string, role: 'owner' | 'editor' | 'viewer') {
  const invited = await asServer(tenant, '/v1/admin/members', {
    method: 'POST',
    body: JSON.stringify({ email, role }),
  });
  if (invited.status !== 201) throw new Error(`invite answered ${invited.status}: ${await invited.text()}`);
  const { invitationToken } = await json<{ invitationToken: string }>(invited);
  const accepted = await api('/v1/admin/invitations/accept', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId: tenant.id, token: invitationToken, password: PASSWORD }),
  });
  if (accepted.status !== 200) throw new Error(`accept answered ${accepted.status}`);
  const res = await signIn(tenant.id, email, PASSWORD);
  const body = await json<{ csrfToken: string; member: { id: string } }>(res);
  return {
    cookie: sessionCookieOf(res),
    csrf: body.csrfToken,
    memberId: body.member.id,
  } satisfies ConsoleSession;
}

/** A fresh tenant with an owner signed in. */
export async function team() {
  const tenant = await freshTenant();
  const owner = await memberOf(tenant, `owner@${tenant.id}.test`, 'owner');
  return { tenant, owner };
}
