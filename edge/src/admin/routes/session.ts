import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  AcceptInvitationRequest,
  AccessSignInRequest,
  ErrorBody,
  Member,
  SessionResponse,
  SignInRequest,
} from '@smart-onboarding/protocol';
import type { Context } from 'hono';
import { z } from 'zod';
import { getAccessConfig } from '../../adapters/d1/queries/admin-keys';
import { deleteSession } from '../../adapters/d1/queries/admin-sessions';
import { recordAudit } from '../../adapters/d1/queries/audit';
import {
  acceptInvitation,
  activateMember,
  findMember,
  findMemberByEmail,
  publicMember,
} from '../../adapters/d1/queries/members';
import { sha256Hex } from '../../crypto/hmac';
import type { AppEnv } from '../../http/app-env';
import { ApiError } from '../../http/errors';
import { json } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { enforceRateLimit } from '../../middleware/rate-limit/rate-limit';
import { accessKeys } from '../access-certs';
import { verifyAccessJwt } from '../access-jwt';
import { hashPassword, verifyPassword } from '../password';
import { requireAdmin } from '../require-admin';
import { clearSessionCookie, readSessionToken, startSession } from '../session-cookie';

const tags = ['admin: session'];
const ACCESS_HEADER = 'cf-access-jwt-assertion';
const errors = {
  400: json(ErrorBody, 'Invalid input (`validation_failed`).'),
  401: json(ErrorBody, 'Wrong credentials, or no session (`invalid_credentials`, `session_required`).'),
  403: json(ErrorBody, 'CSRF check failed (`csrf_failed`).'),
  429: json(ErrorBody, 'Too many attempts (`rate_limited`).'),
};

const signIn = createRoute({
  method: 'post',
  path: '/v1/admin/session',
  operationId: 'signIn',
  tags,
  summary: 'Signs a member in with e-mail and password; sets the HttpOnly session cookie.',
  request: { body: { ...json(SignInRequest, 'Tenant, e-mail, password.'), required: true } },
  responses: { 200: json(SessionResponse, 'Signed in; keep `csrfToken` for changing requests.'), ...errors },
});

const accessSignIn = createRoute({
  method: 'post',
  path: '/v1/admin/session/access',
  operationId: 'signInWithAccess',
  tags,
  summary: 'Signs a member in with the Cloudflare Access JWT of the request (`Cf-Access-Jwt-Assertion`).',
  request: { body: { ...json(AccessSignInRequest, 'The tenant.'), required: true } },
  responses: {
    200: json(SessionResponse, 'Signed in.'),
    ...errors,
    401: json(ErrorBody, 'No valid Access JWT, or its e-mail is not a member (`access_token_invalid`).'),
    404: json(ErrorBody, 'The tenant has not configured Access (`access_not_configured`).'),
  },
});

const getSession = createRoute({
  method: 'get',
  path: '/v1/admin/session',
  operationId: 'getSession',
  tags,
  summary: 'The signed-in member and the session’s CSRF token.',
  security: [{ consoleSession: [] }],
  middleware: [requireAdmin('read', { session: true })] as const,
  responses: { 200: json(SessionResponse, 'The session.'), ...errors },
});

const signOut = createRoute({
  method: 'delete',
  path: '/v1/admin/session',
  operationId: 'signOut',
  tags,
  summary: 'Ends the session.',
  security: [{ consoleSession: [] }],
  middleware: [requireAdmin('read', { session: true })] as const,
  responses: { 204: { description: 'Signed out.' }, ...errors },
});

const accept = createRoute({
  method: 'post',
  path: '/v1/admin/invitations/accept',
  operationId: 'acceptInvitation',
  tags,
  summary: 'Sets the password of an invited member with the invitation token (once).',
  request: { body: { ...json(AcceptInvitationRequest, 'Tenant, token, new password.'), required: true } },
  responses: {
    200: json(z.object({ member: Member }), 'The member, now active; sign in next.'),
    ...errors,
    404: json(ErrorBody, 'Unknown, used or expired invitation (`not_found`).'),
  },
});

function wrongCredentials(): never {
  throw new ApiError(401, 'invalid_credentials', 'wrong e-mail or password');
}

export const sessionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(signIn, async (c) => {
    const { tenantId, email, password } = c.req.valid('json');
    const { services } = c.var;
    // Guessing is bounded per account, whoever guesses (Cloudflare's limiter is per location).
    await enforceRateLimit(services.limits.perUser, `signin:${tenantId}:${email}`, 'account');
    const member = await findMemberByEmail(services.db, tenantId, email);
    // verifyPassword does the full work for a missing hash too: no timing difference for unknown e-mails.
    const ok = await verifyPassword(password, member?.passwordHash ?? null);
    if (!member || !ok || member.status !== 'active') wrongCredentials();
    await endPresentedSession(c);
    const session = await startSession(c, services, member, 'password');
    await recordAudit(services.db, {
      tenantId,
      keyId: `member:${member.id}`,
      action: 'signIn',
      resource: `members/${member.id}`,
    });
    return c.json(session, 200);
  })
  .openapi(accessSignIn, async (c) => {
    const { tenantId } = c.req.valid('json');
    const { services } = c.var;
    const config = await getAccessConfig(services.db, tenantId);
    if (!config)
      throw new ApiError(404, 'access_not_configured', 'this tenant has not set up Cloudflare Access');
    const token = c.req.header(ACCESS_HEADER);
    if (!token)
      throw new ApiError(401, 'access_token_invalid', `no ${ACCESS_HEADER} header: sign in through Access`);
    const expected = { issuer: config.teamDomain, audience: config.audience };
    let result = await verifyAccessJwt(token, { ...expected, keys: await accessKeys(config.teamDomain) });
    if (!result.ok && result.unknownKey) {
      result = await verifyAccessJwt(token, {
        ...expected,
        keys: await accessKeys(config.teamDomain, { fresh: true }),
      });
    }
    if (!result.ok)
      throw new ApiError(401, 'access_token_invalid', `the Access JWT is not valid: ${result.reason}`);
    const member = await findMemberByEmail(services.db, tenantId, result.email);
    if (!member)
      throw new ApiError(401, 'access_token_invalid', `${result.email} is not a member of this team`);
    // Access has proven the e-mail, which is what an invitation waits for.
    const active = member.status === 'active' ? member : await activateMember(services.db, member);
    await endPresentedSession(c);
    const session = await startSession(c, services, active, 'access');
    await recordAudit(services.db, {
      tenantId,
      keyId: `member:${member.id}`,
      action: 'signInWithAccess',
      resource: `members/${member.id}`,
      details: { subject: result.subject },
    });
    return c.json(session, 200);
  })
  .openapi(getSession, async (c) => {
    const { admin, services } = c.var;
    const session = admin.session!;
    const member = await findMember(services.db, admin.tenantId, session.memberId);
    if (!member) throw new ApiError(401, 'session_required', 'the member was removed');
    const found = publicMember(member);
    return c.json(
      {
        tenantId: admin.tenantId,
        member: found,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
        via: session.via,
      },
      200,
    );
  })
  .openapi(signOut, async (c) => {
    await deleteSession(c.var.services.db, c.var.admin.session!.tokenHash);
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .openapi(accept, async (c) => {
    const { tenantId, token, password } = c.req.valid('json');
    const { services } = c.var;
    const member = await acceptInvitation(services.db, {
      tenantId,
      invitationHash: await sha256Hex(token),
      passwordHash: await hashPassword(password),
    });
    if (!member) throw new ApiError(404, 'not_found', 'unknown, used or expired invitation');
    await recordAudit(services.db, {
      tenantId,
      keyId: `member:${member.id}`,
      action: 'acceptInvitation',
      resource: `members/${member.id}`,
    });
    return c.json({ member: publicMember(member) }, 200);
  });

/** Signing in ends whatever session the browser brought, so two sessions never share a cookie jar slot. */
async function endPresentedSession(c: Context<AppEnv>) {
  const presented = readSessionToken(c);
  if (presented) await deleteSession(c.var.services.db, await sha256Hex(presented));
}
