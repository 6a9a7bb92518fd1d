import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  AccessConfig,
  AllowedOrigins,
  ApiKeyListResponse,
  AuditLogResponse,
  CreateApiKeyRequest,
  CreatedApiKeyResponse,
  ErrorBody,
  Id,
} from '@smart-onboarding/protocol';
import { z } from 'zod';
import {
  findLiveKey,
  getAccessConfig,
  getAllowedOrigins,
  listApiKeys,
  setAccessConfig,
  setAllowedOrigins,
} from '../../adapters/d1/queries/admin-keys';
import { listAudit } from '../../adapters/d1/queries/audit';
import { addApiKey, revokeApiKey } from '../../adapters/d1/queries/tenants';
import type { AppEnv } from '../../http/app-env';
import { ApiError } from '../../http/errors';
import { json } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { clearKeyCache } from '../../middleware/auth/require-key';
import { acceptableTeamDomain } from '../access-certs';
import { auditAdmin } from '../audit';
import { requireAdmin } from '../require-admin';
import { newApiKey } from '../tokens';
import { adminErrors, adminSecurity } from './admin-openapi';

const tags = ['admin: keys and access'];
const manage = requireAdmin('manage');
const KeyParams = z.object({ keyId: Id });
const notFound = { 404: json(ErrorBody, 'No live key with this id (`not_found`).') };

const route = <M extends 'get' | 'post' | 'put' | 'delete', P extends string>(
  method: M,
  path: P,
  operationId: string,
  summary: string,
) => ({ method, path, operationId, summary, tags, security: adminSecurity, middleware: [manage] });

const listKeys = createRoute({
  ...route('get', '/v1/admin/keys', 'listApiKeys', 'The tenant’s keys, live and revoked (prefixes only).'),
  responses: { 200: json(ApiKeyListResponse, 'The keys.'), ...adminErrors },
});
const createKey = createRoute({
  ...route('post', '/v1/admin/keys', 'createApiKey', 'Creates a publishable or secret key, shown once.'),
  request: { body: { ...json(CreateApiKeyRequest, 'The kind of key.'), required: true } },
  responses: { 201: json(CreatedApiKeyResponse, 'The key, in `secret`: store it now.'), ...adminErrors },
});
const rotateKey = createRoute({
  ...route(
    'post',
    '/v1/admin/keys/{keyId}/rotate',
    'rotateApiKey',
    'Replaces a key with a new one of its kind and revokes it.',
  ),
  request: { params: KeyParams },
  responses: { 201: json(CreatedApiKeyResponse, 'The new key.'), ...adminErrors, ...notFound },
});
const revokeKey = createRoute({
  ...route(
    'delete',
    '/v1/admin/keys/{keyId}',
    'revokeApiKey',
    'Revokes a key (every isolate stops accepting it within 30 s).',
  ),
  request: { params: KeyParams },
  responses: { 204: { description: 'Revoked.' }, ...adminErrors, ...notFound },
});
const getOrigins = createRoute({
  ...route('get', '/v1/admin/origins', 'getAllowedOrigins', 'Origins allowed to use the publishable keys.'),
  responses: { 200: json(AllowedOrigins, 'The origins.'), ...adminErrors },
});
const putOrigins = createRoute({
  ...route('put', '/v1/admin/origins', 'setAllowedOrigins', 'Replaces the allowed origins.'),
  request: { body: { ...json(AllowedOrigins, 'The origins.'), required: true } },
  responses: { 200: json(AllowedOrigins, 'Saved.'), ...adminErrors },
});
const getAccess = createRoute({
  ...route(
    'get',
    '/v1/admin/access',
    'getAccessConfig',
    'The Cloudflare Access application members may sign in through.',
  ),
  responses: {
    200: json(AccessConfig, 'The configuration.'),
    ...adminErrors,
    404: json(ErrorBody, 'Not configured (`access_not_configured`).'),
  },
});
const putAccess = createRoute({
  ...route(
    'put',
    '/v1/admin/access',
    'setAccessConfig',
    'Sets the Cloudflare Access team domain and audience tag.',
  ),
  request: {
    body: {
      ...json(AccessConfig, 'Team domain (`https://<team>.cloudflareaccess.com`) and AUD tag.'),
      required: true,
    },
  },
  responses: { 200: json(AccessConfig, 'Saved.'), ...adminErrors },
});
const audit = createRoute({
  ...route('get', '/v1/admin/audit', 'listAdminAudit', 'The audit log: every change, by whom, newest first.'),
  middleware: [requireAdmin('read')],
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: { 200: json(AuditLogResponse, 'Entries.'), ...adminErrors },
});

async function issueKey(
  c: Parameters<Parameters<typeof keyRoutes.openapi>[1]>[0],
  kind: 'publishable' | 'secret',
) {
  const secret = newApiKey(kind);
  const id = `key_${crypto.randomUUID()}`;
  const now = Date.now();
  await addApiKey(c.var.services.db, { id, tenantId: c.var.admin.tenantId, kind, key: secret }, now);
  return { key: { id, kind, prefix: secret.slice(0, 10), createdAt: now, revokedAt: null }, secret };
}

export const keyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(listKeys, async (c) =>
    c.json({ keys: await listApiKeys(c.var.services.db, c.var.admin.tenantId) }, 200),
  )
  .openapi(createKey, async (c) => {
    const created = await issueKey(c, c.req.valid('json').kind);
    await auditAdmin(c, 'createApiKey', `keys/${created.key.id}`, { kind: created.key.kind });
    return c.json(created, 201);
  })
  .openapi(rotateKey, async (c) => {
    const { keyId } = c.req.valid('param');
    const old = await findLiveKey(c.var.services.db, c.var.admin.tenantId, keyId);
    if (!old) throw new ApiError(404, 'not_found', `no live key ${keyId}`);
    const created = await issueKey(c, old.kind);
    await revokeApiKey(c.var.services.db, keyId);
    clearKeyCache();
    await auditAdmin(c, 'rotateApiKey', `keys/${keyId}`, { replacedBy: created.key.id });
    return c.json({ ...created, revokedKeyId: keyId }, 201);
  })
  .openapi(revokeKey, async (c) => {
    const { keyId } = c.req.valid('param');
    if (!(await findLiveKey(c.var.services.db, c.var.admin.tenantId, keyId))) {
      throw new ApiError(404, 'not_found', `no live key ${keyId}`);
    }
    await revokeApiKey(c.var.services.db, keyId);
    clearKeyCache();
    await auditAdmin(c, 'revokeApiKey', `keys/${keyId}`);
    return c.body(null, 204);
  })
  .openapi(getOrigins, async (c) =>
    c.json({ allowedOrigins: await getAllowedOrigins(c.var.services.db, c.var.admin.tenantId) }, 200),
  )
  .openapi(putOrigins, async (c) => {
    const { allowedOrigins } = c.req.valid('json');
    const unique = [...new Set(allowedOrigins.map((o) => o.toLowerCase()))];
    await setAllowedOrigins(c.var.services.db, c.var.admin.tenantId, unique);
    clearKeyCache();
    await auditAdmin(c, 'setAllowedOrigins', 'origins', { allowedOrigins: unique });
    return c.json({ allowedOrigins: unique }, 200);
  })
  .openapi(getAccess, async (c) => {
    const config = await getAccessConfig(c.var.services.db, c.var.admin.tenantId);
    if (!config) throw new ApiError(404, 'access_not_configured', 'Cloudflare Access is not set up');
    return c.json(config, 200);
  })
  .openapi(putAccess, async (c) => {
    const config = c.req.valid('json');
    const teamDomain = config.teamDomain.replace(/\/+$/, '').toLowerCase();
    if (!acceptableTeamDomain(teamDomain, c.var.services.environment)) {
      throw new ApiError(400, 'validation_failed', 'teamDomain must be https://<team>.cloudflareaccess.com', {
        issues: [
          { path: 'teamDomain', message: 'must be https://<team>.cloudflareaccess.com', code: 'custom' },
        ],
      });
    }
    await setAccessConfig(c.var.services.db, c.var.admin.tenantId, { teamDomain, audience: config.audience });
    await auditAdmin(c, 'setAccessConfig', 'access', { teamDomain, audience: config.audience });
    return c.json({ teamDomain, audience: config.audience }, 200);
  })
  .openapi(audit, async (c) => {
    const entries = await listAudit(c.var.services.db, c.var.admin.tenantId, c.req.valid('query').limit);
    return c.json({ entries: entries.map((e) => ({ ...e, details: e.details ?? undefined })) }, 200);
  });
