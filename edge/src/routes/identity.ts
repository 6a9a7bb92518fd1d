import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { AnonymousIdentityResponse, AuditLogResponse } from '@smart-onboarding/protocol';
import { z } from 'zod';
import { listAudit } from '../adapters/d1/queries/audit';
import { issueAnonymousIdentity } from '../auth/identity';
import type { AppEnv } from '../http/app-env';
import { auditSecretCall } from '../http/audit';
import { ApiError } from '../http/errors';
import { json, keyErrorResponses, security } from '../http/openapi';
import { validationHook } from '../http/validation';
import { requireKey } from '../middleware/auth/require-key';
import { clientAddress, enforceRateLimit } from '../middleware/rate-limit/rate-limit';

const issueAnonymous = createRoute({
  method: 'post',
  path: '/v1/identity/anonymous',
  operationId: 'issueAnonymousIdentity',
  tags: ['identity'],
  summary: 'A signed anonymous user id, for tenants that allow anonymous visitors.',
  security: security.anyKey,
  middleware: [requireKey({ secret: false })] as const,
  responses: { 201: json(AnonymousIdentityResponse, 'Use as `user` and `user_hash`.'), ...keyErrorResponses },
});

const listAuditLog = createRoute({
  method: 'get',
  path: '/v1/audit',
  operationId: 'listAuditLog',
  tags: ['audit'],
  summary: "The tenant's audit log of admin reads and changes, newest first (reading it is audited too).",
  security: security.secretKey,
  middleware: [requireKey({ secret: true })] as const,
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      action: z.string().max(64).optional(),
    }),
  },
  responses: { 200: json(AuditLogResponse, 'Entries.'), ...keyErrorResponses },
});

export const identityRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(issueAnonymous, async (c) => {
    const { tenant } = c.var.caller;
    if (!tenant.allowAnonymous)
      throw new ApiError(403, 'forbidden', 'this tenant does not allow anonymous users');
    // Each id has its own per-user budget: minting ids is limited per client address (issue 12, hole 5).
    const address = clientAddress(c.req.raw);
    await enforceRateLimit(c.var.services.limits.perAddress, `anon\n${tenant.id}\n${address}`, 'address');
    return c.json(await issueAnonymousIdentity(tenant.identitySecret), 201);
  })
  .openapi(listAuditLog, async (c) => {
    const { caller } = c.var;
    const { limit, action } = c.req.valid('query');
    const db = c.var.services.db;
    await auditSecretCall(c, 'listAuditLog', 'audit');
    const rows = await listAudit(db, caller.tenant.id, limit, action);
    return c.json(
      { entries: rows.map(({ tenantId: _t, details, ...r }) => ({ ...r, details: details ?? undefined })) },
      200,
    );
  });
