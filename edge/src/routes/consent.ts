import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ErrorBody, Id } from '@smart-onboarding/protocol';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { auditSecretCall } from '../http/audit';
import { ApiError } from '../http/errors';
import { json, security, userErrorResponses } from '../http/openapi';
import { validationHook } from '../http/validation';
import { requireKey } from '../middleware/auth/require-key';
import { resolveUser } from '../middleware/auth/resolve-user';
import { browserMayRecord, consentOf, recordConsent } from '../privacy/consent';

const UserParams = z.object({ userId: Id });
const anyKey = requireKey({ secret: false });

const ConsentRecord = z
  .object({
    state: z.enum(['granted', 'denied']),
    source: z.enum(['banner', 'server', 'dnt_gpc']),
    at: z.number().int(),
  })
  .meta({ id: 'ConsentRecord' });

const ConsentRequest = z
  .object({
    state: z.enum(['granted', 'denied']),
    /** From a browser: `banner` (the default) or `dnt_gpc`; a secret key always records `server`. */
    source: z.enum(['banner', 'dnt_gpc']).optional(),
  })
  .strict()
  .meta({ id: 'ConsentRequest' });

const putConsent = createRoute({
  method: 'put',
  path: '/v1/journeys/{userId}/consent',
  operationId: 'setUserConsent',
  tags: ['consent'],
  summary:
    "Records the user's consent with the edge's time and its source (`banner` or `dnt_gpc` from a browser, `server` with a secret key). While denied, the user's events are refused one by one (`consent_denied`).",
  security: security.user,
  middleware: [anyKey] as const,
  request: { params: UserParams, body: { ...json(ConsentRequest, 'The consent.'), required: true } },
  responses: {
    200: json(ConsentRecord, 'As recorded.'),
    ...userErrorResponses,
    403: json(
      ErrorBody,
      'A browser may not lift a denial the tenant’s server recorded (`consent_set_by_server`).',
    ),
  },
});

const getConsent = createRoute({
  method: 'get',
  path: '/v1/journeys/{userId}/consent',
  operationId: 'getUserConsent',
  tags: ['consent'],
  summary: "The user's consent as last recorded (404 `not_found` when never).",
  security: security.user,
  middleware: [anyKey] as const,
  request: { params: UserParams },
  responses: { 200: json(ConsentRecord, 'The consent.'), ...userErrorResponses },
});

/** `PUT|GET /v1/journeys/{userId}/consent`: consent kept on the edge, per (tenant, user). */
export const consentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(putConsent, async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    const body = c.req.valid('json');
    const { db } = c.var.services;
    const fromServer = c.var.caller.key.kind === 'secret';
    if (!fromServer && !browserMayRecord(await consentOf(db, owner.tenantId, owner.userId), body.state)) {
      throw new ApiError(
        403,
        'consent_set_by_server',
        'the tenant’s server denied consent for this user; only it can grant it again',
      );
    }
    const record = {
      state: body.state,
      source: fromServer ? ('server' as const) : (body.source ?? 'banner'),
      at: Date.now(),
    };
    await recordConsent(db, owner.tenantId, owner.userId, record);
    await auditSecretCall(c, 'setUserConsent', `journeys/${owner.userId}/consent`, { state: record.state });
    return c.json(record, 200);
  })
  .openapi(getConsent, async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    const record = await consentOf(c.var.services.db, owner.tenantId, owner.userId);
    if (!record) throw new ApiError(404, 'not_found', 'no consent recorded for this user');
    return c.json(record, 200);
  });
