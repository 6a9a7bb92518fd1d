import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  ErrorBody,
  FlowDefinition,
  FlowListResponse,
  FlowVersion,
  FlowVersionListResponse,
  PublishFlowResponse,
  Slug,
} from '@smart-onboarding/protocol';
import { z } from 'zod';
import {
  getFlowVersion,
  listFlows,
  listFlowVersions,
  publishFlowVersion,
} from '../adapters/d1/queries/flows';
import type { AppEnv } from '../http/app-env';
import { auditSecretCall } from '../http/audit';
import { ApiError } from '../http/errors';
import { json, keyErrorResponses, security } from '../http/openapi';
import { validationHook } from '../http/validation';
import { requireKey } from '../middleware/auth/require-key';

const tags = ['flows'];
const anyKey = requireKey({ secret: false });
const secretKey = requireKey({ secret: true });
const FlowParams = z.object({ flowId: Slug });
const notFound = { 404: json(ErrorBody, 'No such flow or version (`not_found`).') };

const publishFlow = createRoute({
  method: 'post',
  path: '/v1/flows',
  operationId: 'publishFlow',
  tags,
  summary: 'Publishes a flow definition as its next version; the same definition again is not a new version.',
  security: security.secretKey,
  middleware: [secretKey] as const,
  request: {
    body: {
      ...json(FlowDefinition, 'The flow: steps, targets, prerequisites, goals, variants.'),
      required: true,
    },
  },
  responses: {
    200: json(PublishFlowResponse, 'The latest version already had this definition.'),
    201: json(PublishFlowResponse, 'A new version.'),
    ...keyErrorResponses,
  },
});

const listFlowsRoute = createRoute({
  method: 'get',
  path: '/v1/flows',
  operationId: 'listFlows',
  tags,
  summary: "The tenant's flows and their latest versions.",
  security: security.anyKey,
  middleware: [anyKey] as const,
  responses: { 200: json(FlowListResponse, 'The flows.'), ...keyErrorResponses },
});

const getFlow = createRoute({
  method: 'get',
  path: '/v1/flows/{flowId}',
  operationId: 'getFlow',
  tags,
  summary: 'The latest version of a flow (publishable keys may read flows: widgets render them).',
  security: security.anyKey,
  middleware: [anyKey] as const,
  request: { params: FlowParams },
  responses: { 200: json(FlowVersion, 'The latest version.'), ...keyErrorResponses, ...notFound },
});

const listVersions = createRoute({
  method: 'get',
  path: '/v1/flows/{flowId}/versions',
  operationId: 'listFlowVersions',
  tags,
  summary: 'Every version of a flow, newest first.',
  security: security.anyKey,
  middleware: [anyKey] as const,
  request: { params: FlowParams },
  responses: { 200: json(FlowVersionListResponse, 'The versions.'), ...keyErrorResponses, ...notFound },
});

const getVersion = createRoute({
  method: 'get',
  path: '/v1/flows/{flowId}/versions/{version}',
  operationId: 'getFlowVersion',
  tags,
  summary: 'One version of a flow.',
  security: security.anyKey,
  middleware: [anyKey] as const,
  request: { params: FlowParams.extend({ version: z.coerce.number().int().positive().max(1_000_000) }) },
  responses: { 200: json(FlowVersion, 'The version.'), ...keyErrorResponses, ...notFound },
});

export const flowRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(publishFlow, async (c) => {
    const { caller } = c.var;
    const db = c.var.services.db;
    const { version, created } = await publishFlowVersion(
      db,
      caller.tenant.id,
      c.req.valid('json'),
      caller.key.id,
    );
    if (created) {
      await auditSecretCall(c, 'publishFlow', `flows/${version.flow.id}/versions/${version.version}`);
    }
    return c.json({ flow: version, created }, created ? 201 : 200);
  })
  .openapi(listFlowsRoute, async (c) => {
    return c.json({ flows: await listFlows(c.var.services.db, c.var.caller.tenant.id) }, 200);
  })
  .openapi(getFlow, async (c) => {
    const { flowId } = c.req.valid('param');
    const version = await getFlowVersion(c.var.services.db, c.var.caller.tenant.id, flowId);
    if (!version) throw new ApiError(404, 'not_found', `no flow "${flowId}"`);
    return c.json(version, 200);
  })
  .openapi(listVersions, async (c) => {
    const { flowId } = c.req.valid('param');
    const versions = await listFlowVersions(c.var.services.db, c.var.caller.tenant.id, flowId);
    if (versions.length === 0) throw new ApiError(404, 'not_found', `no flow "${flowId}"`);
    return c.json({ versions }, 200);
  })
  .openapi(getVersion, async (c) => {
    const { flowId, version } = c.req.valid('param');
    const found = await getFlowVersion(c.var.services.db, c.var.caller.tenant.id, flowId, version);
    if (!found) throw new ApiError(404, 'not_found', `no version ${version} of flow "${flowId}"`);
    return c.json(found, 200);
  });
