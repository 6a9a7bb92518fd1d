import type { MiddlewareHandler } from 'hono';
import { findSession } from '../adapters/d1/queries/admin-sessions';
import { sha256Hex } from '../crypto/hmac';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { requireKey } from '../middleware/auth/require-key';
import { constantTimeEqual } from './password';
import { can, type Permission } from './roles';
import { readSessionToken } from './session-cookie';

/** The header every changing request of a console session carries its CSRF token in. */
export const CSRF_HEADER = 'x-so-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const secretKey = requireKey({ secret: true });
const encoder = new TextEncoder();

/**
 * Admits an admin request with the permission it needs: a secret key (the tenant's server, an owner), or
 * a console session whose changing requests pass the CSRF checks (same origin when the browser says
 * where it comes from, and the session's CSRF token in `x-so-csrf`).
 *
 * @example
 * route({ middleware: [requireAdmin('manage')] })
 */
export function requireAdmin(
  permission: Permission,
  options: { session?: boolean } = {},
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.header('authorization')) {
      if (options.session)
        throw new ApiError(400, 'bad_request', 'this operation needs a console session, not a key');
      let admitted = false;
      // The key checks are requireKey's own; admin routes reuse them unchanged.
      await secretKey(c, async () => {
        admitted = true;
      });
      if (!admitted) throw new ApiError(401, 'invalid_key', 'unknown or revoked key');
      const { caller } = c.var;
      c.set('admin', { tenantId: caller.tenant.id, role: 'owner', actorId: caller.key.id });
      return next();
    }
    const token = readSessionToken(c);
    if (!token) throw new ApiError(401, 'session_required', 'sign in to the console, or send a secret key');
    const tokenHash = await sha256Hex(token);
    const found = await findSession(c.var.services.db, tokenHash);
    if (found?.member.status !== 'active') {
      throw new ApiError(401, 'session_required', 'the session has ended; sign in again');
    }
    const { session, member } = found;
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== new URL(c.req.url).origin) {
        throw new ApiError(403, 'csrf_failed', `a console session cannot be used from ${origin}`);
      }
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!constantTimeEqual(encoder.encode(sent), encoder.encode(session.csrfToken))) {
        throw new ApiError(403, 'csrf_failed', `send the session's CSRF token in ${CSRF_HEADER}`);
      }
    }
    if (!can(member.role, permission)) {
      throw new ApiError(403, 'role_forbidden', `a ${member.role} may not do this (needs ${permission})`);
    }
    c.set('admin', {
      tenantId: session.tenantId,
      role: member.role,
      actorId: `member:${member.id}`,
      session: {
        tokenHash,
        memberId: member.id,
        csrfToken: session.csrfToken,
        via: session.via,
        expiresAt: session.expiresAt,
      },
    });
    return next();
  };
}
