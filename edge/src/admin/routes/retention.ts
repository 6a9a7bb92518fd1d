import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../http/app-env';
import { json } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { RETENTION_DEFAULT_DAYS, RETENTION_MAX_DAYS } from '../../privacy/data-classes';
import { retentionOf, setRetention } from '../../privacy/retention';
import { auditAdmin } from '../audit';
import { requireAdmin } from '../require-admin';
import { adminErrors, adminSecurity } from './admin-openapi';

const tags = ['admin: retention'];
const Days = z.number().int().min(1).max(RETENTION_MAX_DAYS);
const RetentionPolicy = z
  .object({ events: Days, journeys: Days, training: Days, audit: Days, deadLetters: Days })
  .meta({ id: 'RetentionPolicy' });

const get = createRoute({
  method: 'get',
  path: '/v1/admin/retention',
  operationId: 'getRetention',
  tags,
  summary: `Days each data class is kept before the daily cron deletes it (defaults: ${Object.entries(
    RETENTION_DEFAULT_DAYS,
  )
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}).`,
  security: adminSecurity,
  middleware: [requireAdmin('read')],
  responses: { 200: json(RetentionPolicy, 'The policy.'), ...adminErrors },
});

const put = createRoute({
  method: 'put',
  path: '/v1/admin/retention',
  operationId: 'setRetention',
  tags,
  summary: 'Sets the days of the classes named (1 to 3650); the others keep theirs. Owners only.',
  security: adminSecurity,
  middleware: [requireAdmin('manage')],
  request: { body: { ...json(RetentionPolicy.partial().strict(), 'Classes to set.'), required: true } },
  responses: { 200: json(RetentionPolicy, 'The policy now.'), ...adminErrors },
});

/** `/v1/admin/retention`: the tenant's retention per data class (`privacy/retention.ts`). */
export const retentionAdminRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(get, async (c) => c.json(await retentionOf(c.var.services.db, c.var.admin.tenantId), 200))
  .openapi(put, async (c) => {
    const days = c.req.valid('json');
    const { admin, services } = c.var;
    await setRetention(services.db, admin.tenantId, days, Date.now());
    await auditAdmin(c, 'setRetention', 'retention', days);
    return c.json(await retentionOf(services.db, admin.tenantId), 200);
  });
