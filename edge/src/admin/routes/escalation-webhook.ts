import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ErrorBody } from '@smart-onboarding/protocol';
import { z } from 'zod';
import { tenantWebhookUrlProblem } from '../../escalation/config';
import { deleteTenantWebhook, saveTenantWebhook, tenantWebhook } from '../../escalation/tenant-webhooks';
import type { AppEnv } from '../../http/app-env';
import { ApiError } from '../../http/errors';
import { json } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { auditAdmin } from '../audit';
import { requireAdmin } from '../require-admin';
import { adminErrors, adminSecurity } from './admin-openapi';

const tags = ['admin: escalation'];
const path = '/v1/admin/escalation-webhook';
const Format = z.enum(['json', 'slack']);

/** What the API shows of the settings: never the secret, only that there is one. */
const WebhookSettings = z
  .object({
    configured: z.boolean(),
    /** `tenant`: the tenant's own; `deployment`: the deployment's fallback (its URL is not shown). */
    source: z.enum(['tenant', 'deployment', 'none']),
    url: z.string().optional(),
    format: Format.optional(),
    updatedAt: z.number().int().optional(),
  })
  .meta({ id: 'EscalationWebhookSettings' });

const WebhookRequest = z
  .object({
    url: z.string().max(2048),
    /** The HMAC key of `x-smart-onboarding-signature`; write-only. */
    secret: z.string().min(16).max(256),
    /** Default: `slack` for hooks.slack.com, else `json`. */
    format: Format.optional(),
  })
  .strict()
  .meta({ id: 'EscalationWebhookRequest' });

const get = createRoute({
  method: 'get',
  path,
  operationId: 'getEscalationWebhook',
  tags,
  summary: "Where the tenant's escalation tickets go (the secret is never returned).",
  security: adminSecurity,
  middleware: [requireAdmin('read')],
  responses: { 200: json(WebhookSettings, 'The settings.'), ...adminErrors },
});

const put = createRoute({
  method: 'put',
  path,
  operationId: 'setEscalationWebhook',
  tags,
  summary:
    "Sets the tenant's own webhook (https to a public host), used instead of the deployment's. Owners only.",
  security: adminSecurity,
  middleware: [requireAdmin('manage')],
  request: { body: { ...json(WebhookRequest, 'The webhook.'), required: true } },
  responses: {
    200: json(WebhookSettings, 'Saved.'),
    ...adminErrors,
    400: json(ErrorBody, 'Invalid input, or a URL that is not https to a public host (`validation_failed`).'),
  },
});

const remove = createRoute({
  method: 'delete',
  path,
  operationId: 'deleteEscalationWebhook',
  tags,
  summary: "Forgets the tenant's webhook: tickets go to the deployment's again. Owners only.",
  security: adminSecurity,
  middleware: [requireAdmin('manage')],
  responses: { 204: { description: 'Forgotten.' }, ...adminErrors },
});

/** `/v1/admin/escalation-webhook`: the tenant's escalation webhook, for the tenant of the credential only. */
export const escalationWebhookAdminRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(get, async (c) => {
    const own = await tenantWebhook(c.var.services.db, c.var.admin.tenantId);
    if (own) {
      const { url, format, updatedAt } = own;
      return c.json({ configured: true, source: 'tenant' as const, url, format, updatedAt }, 200);
    }
    const deployment = c.var.services.escalation.webhook !== undefined;
    return c.json(
      { configured: deployment, source: deployment ? ('deployment' as const) : ('none' as const) },
      200,
    );
  })
  .openapi(put, async (c) => {
    const body = c.req.valid('json');
    const { admin, services } = c.var;
    const problem = tenantWebhookUrlProblem(body.url, services.environment);
    if (problem) {
      throw new ApiError(400, 'validation_failed', `url: ${problem}`, {
        issues: [{ path: 'url', message: problem }],
      });
    }
    const format = body.format ?? (new URL(body.url).hostname === 'hooks.slack.com' ? 'slack' : 'json');
    const now = Date.now();
    await saveTenantWebhook(services.db, admin.tenantId, { url: body.url, secret: body.secret, format }, now);
    // The audit names the host, never the secret or the URL's path (a Slack hook's path is a credential).
    await auditAdmin(c, 'setEscalationWebhook', 'escalation-webhook', {
      host: new URL(body.url).host,
      format,
    });
    return c.json(
      { configured: true, source: 'tenant' as const, url: body.url, format, updatedAt: now },
      200,
    );
  })
  .openapi(remove, async (c) => {
    await deleteTenantWebhook(c.var.services.db, c.var.admin.tenantId);
    await auditAdmin(c, 'deleteEscalationWebhook', 'escalation-webhook');
    return c.body(null, 204);
  });
