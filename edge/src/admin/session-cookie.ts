import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { members } from '../adapters/d1/admin-schema';
import { insertSession } from '../adapters/d1/queries/admin-sessions';
import { publicMember } from '../adapters/d1/queries/members';
import { sha256Hex } from '../crypto/hmac';
import type { Services } from '../services';
import { randomToken } from './tokens';

/**
 * The console's session cookie: `__Host-so_session`, HttpOnly (scripts cannot read it), Secure, SameSite
 * Strict (no other site's request carries it), host-only with Path=/ (the `__Host-` prefix makes the
 * browser refuse it otherwise, so a sibling subdomain cannot plant one).
 */
const COOKIE = 'so_session';
/** Sessions end after this, whatever happens: a stolen laptop's session does not last forever. */
const SESSION_TTL_MS = 12 * 60 * 60_000;

export function readSessionToken(c: Context): string | undefined {
  const token = getCookie(c, COOKIE, 'host');
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

/**
 * Starts a session for a member: always a fresh random token (never one the request brought, so a
 * planted cookie cannot become signed in: session fixation), stored by its hash, with its own CSRF token.
 */
export async function startSession(
  c: Context,
  services: Services,
  member: typeof members.$inferSelect,
  via: 'password' | 'access',
  now = Date.now(),
) {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = now + SESSION_TTL_MS;
  await insertSession(services.db, {
    tokenHash: await sha256Hex(token),
    tenantId: member.tenantId,
    memberId: member.id,
    csrfToken,
    via,
    createdAt: now,
    expiresAt,
  });
  setCookie(c, COOKIE, token, {
    prefix: 'host',
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
  return { tenantId: member.tenantId, member: publicMember(member), csrfToken, expiresAt, via };
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, COOKIE, { prefix: 'host', secure: true, path: '/' });
}
