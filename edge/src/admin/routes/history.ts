import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  ErrorBody,
  type FlowDefinition,
  FlowDiffResponse,
  FlowHistoryResponse,
  PublishFlowResponse,
  RollbackRequest,
  Slug,
} from '@smart-onboarding/protocol';
import { z } from 'zod';
import { getDraft, listPublishes, recordPublish } from '../../adapters/d1/queries/drafts';
import { getFlowVersion, listFlowVersions, publishFlowVersion } from '../../adapters/d1/queries/flows';
import type { AppEnv } from '../../http/app-env';
import { ApiError } from '../../http/errors';
import { json } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { auditAdmin } from '../audit';
import { validateDraft } from '../draft-validation';
import { diffFlows } from '../flow-diff';
import { requireAdmin } from '../require-admin';
import { adminErrors, adminSecurity } from './admin-openapi';

const tags = ['admin: flows'];
const FlowParams = z.object({ flowId: Slug });
const notFound = { 404: json(ErrorBody, 'No such flow, version or draft (`not_found`).') };
/** A version number, or `draft`. */
const Side = z.union([z.literal('draft'), z.coerce.number().int().positive().max(1_000_000)]);

const history = createRoute({
  method: 'get',
  path: '/v1/admin/flows/{flowId}/history',
  operationId: 'getFlowHistory',
  tags,
  summary: 'Every version of a flow, newest first, with who published it and how.',
  security: adminSecurity,
  middleware: [requireAdmin('read')],
  request: { params: FlowParams },
  responses: { 200: json(FlowHistoryResponse, 'The versions.'), ...adminErrors, ...notFound },
});

const diff = createRoute({
  method: 'get',
  path: '/v1/admin/flows/{flowId}/diff',
  operationId: 'diffFlowVersions',
  tags,
  summary: 'What changed between two versions, or between a version and the draft.',
  security: adminSecurity,
  middleware: [requireAdmin('read')],
  request: { params: FlowParams, query: z.object({ from: Side, to: Side }) },
  responses: {
    200: json(FlowDiffResponse, 'The changes.'),
    ...adminErrors,
    ...notFound,
    409: json(ErrorBody, 'The draft does not validate yet (`conflict`).'),
  },
});

const rollback = createRoute({
  method: 'post',
  path: '/v1/admin/flows/{flowId}/rollback',
  operationId: 'rollbackFlow',
  tags,
  summary: 'Publishes an older version again, as a new version (versions are never rewritten).',
  security: adminSecurity,
  middleware: [requireAdmin('author')],
  request: {
    params: FlowParams,
    body: { ...json(RollbackRequest, 'The version to return to.'), required: true },
  },
  responses: {
    200: json(PublishFlowResponse, 'That version is already the latest.'),
    201: json(PublishFlowResponse, 'A new version with the old definition.'),
    ...adminErrors,
    ...notFound,
  },
});

export const historyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(history, async (c) => {
    const { flowId } = c.req.valid('param');
    const { db } = c.var.services;
    const tenantId = c.var.admin.tenantId;
    const [versions, publishes] = await Promise.all([
      listFlowVersions(db, tenantId, flowId),
      listPublishes(db, tenantId, flowId),
    ]);
    if (versions.length === 0)
      throw new ApiError(404, 'not_found', `flow "${flowId}" has no published version`);
    const byVersion = new Map(publishes.map((p) => [p.version, p]));
    return c.json(
      {
        versions: versions.map((v) => {
          const p = byVersion.get(v.version);
          return {
            version: v.version,
            createdAt: v.createdAt,
            name: v.flow.name,
            steps: v.flow.steps.length,
            kind: p?.kind ?? ('api' as const),
            source: p?.source ?? null,
            actor: p?.actor ?? null,
          };
        }),
      },
      200,
    );
  })
  .openapi(diff, async (c) => {
    const { flowId } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    const tenantId = c.var.admin.tenantId;
    const { db } = c.var.services;
    const load = async (side: 'draft' | number): Promise<FlowDefinition> => {
      if (side === 'draft') {
        const draft = await getDraft(db, tenantId, flowId);
        if (!draft) throw new ApiError(404, 'not_found', `no draft of "${flowId}"`);
        const checked = validateDraft(flowId, draft.definition);
        if (!checked.ok)
          throw new ApiError(409, 'conflict', 'the draft does not validate yet', { issues: checked.issues });
        return checked.flow;
      }
      const version = await getFlowVersion(db, tenantId, flowId, side);
      if (!version) throw new ApiError(404, 'not_found', `no version ${side} of "${flowId}"`);
      return version.flow;
    };
    const changes = diffFlows(await load(from), await load(to));
    return c.json({ from: String(from), to: String(to), changes }, 200);
  })
  .openapi(rollback, async (c) => {
    const { flowId } = c.req.valid('param');
    const { version: target } = c.req.valid('json');
    const { admin, services } = c.var;
    const old = await getFlowVersion(services.db, admin.tenantId, flowId, target);
    if (!old) throw new ApiError(404, 'not_found', `no version ${target} of "${flowId}"`);
    const { version, created } = await publishFlowVersion(
      services.db,
      admin.tenantId,
      old.flow,
      admin.actorId,
    );
    if (created) {
      await recordPublish(services.db, {
        tenantId: admin.tenantId,
        flowId,
        version: version.version,
        kind: 'rollback',
        source: target,
        actor: admin.actorId,
        at: version.createdAt,
      });
      await auditAdmin(c, 'rollbackFlow', `flows/${flowId}/versions/${version.version}`, { to: target });
    }
    return c.json({ flow: version, created }, created ? 201 : 200);
  });
