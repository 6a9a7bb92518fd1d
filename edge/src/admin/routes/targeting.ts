import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ErrorBody, TargetingRules } from '@smart-onboarding/protocol';
import { z } from 'zod';
import { getTargeting, saveTargeting } from '../../adapters/d1/queries/targeting';
import type { AppEnv } from '../../http/app-env';
import { ApiError } from '../../http/errors';
import { json } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { auditAdmin } from '../audit';
import { etagOf, revisionOf } from '../draft-validation';
import { requireAdmin } from '../require-admin';
import { adminErrors, adminSecurity } from './admin-openapi';

const tags = ['admin: targeting'];
const Revisioned = TargetingRules.extend({ revision: z.number().int().nonnegative() });

const get = createRoute({
  method: 'get',
  path: '/v1/admin/targeting',
  operationId: 'getTargeting',
  tags,
  summary: 'The targeting rules in priority order, and their revision (also the ETag).',
  security: adminSecurity,
  middleware: [requireAdmin('read')],
  responses: { 200: json(Revisioned, 'The rules.'), ...adminErrors },
});

const put = createRoute({
  method: 'put',
  path: '/v1/admin/targeting',
  operationId: 'setTargeting',
  tags,
  summary: 'Replaces the rules if still at the revision in If-Match (`"0"` the first time).',
  security: adminSecurity,
  middleware: [requireAdmin('author')],
  request: {
    headers: z.object({ 'if-match': z.string().max(100).optional() }),
    body: { ...json(TargetingRules, 'The rules.'), required: true },
  },
  responses: {
    200: json(Revisioned, 'Saved.'),
    ...adminErrors,
    412: json(ErrorBody, 'Someone saved first (`precondition_failed`).'),
    428: json(ErrorBody, 'If-Match is required (`precondition_required`).'),
  },
});

export const targetingAdminRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(get, async (c) => {
    const targeting = await getTargeting(c.var.services.db, c.var.admin.tenantId);
    c.header('etag', etagOf(targeting.revision));
    return c.json(targeting, 200);
  })
  .openapi(put, async (c) => {
    const expectedRevision = revisionOf(c.req.header('if-match'));
    if (expectedRevision === undefined)
      throw new ApiError(428, 'precondition_required', 'send If-Match with the revision you edited');
    if (expectedRevision === null)
      throw new ApiError(400, 'bad_request', 'If-Match must be an ETag such as "3"');
    const { rules } = c.req.valid('json');
    const { admin, services } = c.var;
    const saved = await saveTargeting(services.db, {
      tenantId: admin.tenantId,
      rules,
      expectedRevision,
      actor: admin.actorId,
    });
    if (!saved)
      throw new ApiError(412, 'precondition_failed', 'the rules changed since you loaded them; reload');
    await auditAdmin(c, 'setTargeting', 'targeting', { rules: rules.length, revision: saved.revision });
    c.header('etag', etagOf(saved.revision));
    return c.json({ rules, revision: saved.revision }, 200);
  });
