import { CREDENTIALS } from '@smart-onboarding/protocol';
import { cors } from 'hono/cors';

/**
 * CORS for browsers. A preflight carries no key, so it cannot be checked against a tenant: it is
 * answered for any origin, and the tenant's allowlist is enforced on the real request (`requireKey`
 * refuses an origin the tenant did not allow, with `origin_not_allowed`). Since every successful response
 * has passed that check, reflecting the origin lets allowed pages read their answers and everyone read
 * errors (which hold no tenant data). No cookies are used, so credentials are never allowed.
 */
export const browserCors = cors({
  origin: (origin) => origin,
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
  allowHeaders: [
    'authorization',
    'content-type',
    CREDENTIALS.publishableKey.header,
    CREDENTIALS.userId.header,
    CREDENTIALS.userHash.header,
    CREDENTIALS.sessionId.header,
  ],
  exposeHeaders: ['retry-after'],
  maxAge: 600,
});
