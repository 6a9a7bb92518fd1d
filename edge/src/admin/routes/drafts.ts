import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  AdminFlowListResponse,
  ErrorBody,
  FlowDraft,
  PublishFlowResponse,
  Slug,
} from '@smart-onboarding/protocol';
import type { Context } from 'hono';
import { z } from 'zod';
import { getDraft, listDrafts, recordPublish, saveDraft } from '../../adapters/d1/queries/drafts';
import { getFlowVersion, listFlows, publishFlowVersion } from '../../adapters/d1/queries/flows';
import type { AppEnv } from '../../http/app-env';
import { ApiError } from '../../http/errors';
import { json } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { auditAdmin } from '../audit';
import { etagOf, revisionOf, validateDraft } from '../draft-validation';
import { requireAdmin } from '../require-admin';
import { adminErrors, adminSecurity } from './admin-openapi';

const tags = ['admin: flows'];
const FlowParams = z.object({ flowId: Slug });
const IfMatch = z.object({ 'if-match': z.string().max(100).optional() });
const preconditions = {
  404: json(ErrorBody, 'No such flow or draft (`not_found`).'),
  412: json(ErrorBody, 'The draft changed since the revision in If-Match (`precondition_failed`).'),
  428: json(ErrorBody, 'If-Match is required (`precondition_required`).'),
};

const list = createRoute({
  method: 'get',
  path: '/v1/admin/flows',
  operationId: 'listAdminFlows',
  tags,
  summary: 'Every flow with a draft or a published version.',
  security: adminSecurity,
  middleware: [requireAdmin('read')],
  responses: { 200: json(AdminFlowListResponse, 'The flows.'), ...adminErrors },
});

const get = createRoute({
  method: 'get',
  path: '/v1/admin/flows/{flowId}/draft',
  operationId: 'getFlowDraft',
  tags,
  summary: 'The draft (revision 0: the latest version, nothing saved yet), its ETag and its problems.',
  security: adminSecurity,
  middleware: [requireAdmin('read')],
  request: { params: FlowParams },
  responses: { 200: json(FlowDraft, 'The draft; ETag is its revision.'), ...adminErrors, ...preconditions },
});

const save = createRoute({
  method: 'put',
  path: '/v1/admin/flows/{flowId}/draft',
  operationId: 'saveFlowDraft',
  tags,
  summary: 'Saves the draft if it is still at the revision in If-Match (`"0"` creates it); never publishes.',
  security: adminSecurity,
  middleware: [requireAdmin('author')],
  request: {
    params: FlowParams,
    headers: IfMatch,
    body: { ...json(z.record(z.string(), z.unknown()), 'The flow definition as edited.'), required: true },
  },
  responses: {
    200: json(FlowDraft, 'Saved; `issues` lists what would stop a publish.'),
    ...adminErrors,
    ...preconditions,
  },
});

const publish = createRoute({
  method: 'post',
  path: '/v1/admin/flows/{flowId}/publish',
  operationId: 'publishFlowDraft',
  tags,
  summary: 'Publishes the draft at the revision in If-Match as a new immutable version.',
  security: adminSecurity,
  middleware: [requireAdmin('author')],
  request: { params: FlowParams, headers: IfMatch },
  responses: {
    200: json(PublishFlowResponse, 'The latest version already had this definition.'),
    201: json(PublishFlowResponse, 'A new version.'),
    ...adminErrors,
    ...preconditions,
  },
});

function requireRevision(c: Context<AppEnv>): number {
  const revision = revisionOf(c.req.header('if-match'));
  if (revision === undefined) {
    throw new ApiError(428, 'precondition_required', 'send If-Match with the revision you edited (its ETag)');
  }
  if (revision === null) throw new ApiError(400, 'bad_request', 'If-Match must be an ETag such as "3"');
  return revision;
}

export const draftRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const { db } = c.var.services;
    const tenantId = c.var.admin.tenantId;
    const [published, drafts] = await Promise.all([listFlows(db, tenantId), listDrafts(db, tenantId)]);
    const byId = new Map(
      published.map((f) => [
        f.id,
        {
          id: f.id,
          name: f.name,
          latestVersion: f.latestVersion as number | null,
          draftRevision: 0,
          updatedAt: f.updatedAt,
        },
      ]),
    );
    for (const d of drafts) {
      const name = String((d.definition as { name?: unknown } | null)?.name ?? d.flowId);
      const known = byId.get(d.flowId);
      byId.set(d.flowId, {
        id: d.flowId,
        name: known?.name ?? name,
        latestVersion: known?.latestVersion ?? null,
        draftRevision: d.revision,
        updatedAt: Math.max(known?.updatedAt ?? 0, d.updatedAt),
      });
    }
    return c.json({ flows: [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)) }, 200);
  })
  .openapi(get, async (c) => {
    const { flowId } = c.req.valid('param');
    const { db } = c.var.services;
    const tenantId = c.var.admin.tenantId;
    const [draft, latest] = await Promise.all([
      getDraft(db, tenantId, flowId),
      getFlowVersion(db, tenantId, flowId),
    ]);
    if (!draft && !latest) throw new ApiError(404, 'not_found', `no flow or draft "${flowId}"`);
    const definition = draft ? draft.definition : latest!.flow;
    const revision = draft?.revision ?? 0;
    c.header('etag', etagOf(revision));
    return c.json(
      {
        flowId,
        definition,
        revision,
        updatedAt: draft?.updatedAt ?? null,
        updatedBy: draft?.updatedBy ?? null,
        latestVersion: latest?.version ?? null,
        issues: validateDraft(flowId, definition).issues,
      },
      200,
    );
  })
  .openapi(save, async (c) => {
    const { flowId } = c.req.valid('param');
    const expectedRevision = requireRevision(c);
    const definition = c.req.valid('json');
    const { admin, services } = c.var;
    const saved = await saveDraft(services.db, {
      tenantId: admin.tenantId,
      flowId,
      definition,
      expectedRevision,
      actor: admin.actorId,
    });
    if (!saved) {
      const current = await getDraft(services.db, admin.tenantId, flowId);
      throw new ApiError(
        412,
        'precondition_failed',
        `the draft is at revision ${current?.revision ?? 0}, not ${expectedRevision}: someone else saved it; reload and reapply your edit`,
        { revision: current?.revision ?? 0, updatedBy: current?.updatedBy ?? null },
      );
    }
    await auditAdmin(c, 'saveFlowDraft', `flows/${flowId}/draft`, { revision: saved.revision });
    const latest = await getFlowVersion(services.db, admin.tenantId, flowId);
    c.header('etag', etagOf(saved.revision));
    return c.json(
      {
        flowId,
        definition: saved.definition,
        revision: saved.revision,
        updatedAt: saved.updatedAt,
        updatedBy: saved.updatedBy,
        latestVersion: latest?.version ?? null,
        issues: validateDraft(flowId, saved.definition).issues,
      },
      200,
    );
  })
  .openapi(publish, async (c) => {
    const { flowId } = c.req.valid('param');
    const expectedRevision = requireRevision(c);
    const { admin, services } = c.var;
    const draft = await getDraft(services.db, admin.tenantId, flowId);
    if (!draft) throw new ApiError(404, 'not_found', `no draft of "${flowId}" to publish`);
    if (draft.revision !== expectedRevision) {
      throw new ApiError(
        412,
        'precondition_failed',
        `the draft is at revision ${draft.revision}, not ${expectedRevision}`,
        {
          revision: draft.revision,
        },
      );
    }
    const checked = validateDraft(flowId, draft.definition);
    if (!checked.ok) {
      throw new ApiError(400, 'validation_failed', 'the draft does not validate; fix the fields listed', {
        issues: checked.issues,
      });
    }
    const { version, created } = await publishFlowVersion(
      services.db,
      admin.tenantId,
      checked.flow,
      admin.actorId,
    );
    if (created) {
      await recordPublish(services.db, {
        tenantId: admin.tenantId,
        flowId,
        version: version.version,
        kind: 'publish',
        source: draft.revision,
        actor: admin.actorId,
        at: version.createdAt,
      });
      await auditAdmin(c, 'publishFlowDraft', `flows/${flowId}/versions/${version.version}`, {
        revision: draft.revision,
      });
    }
    return c.json({ flow: version, created }, created ? 201 : 200);
  });
