import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  CompleteOnboardingResponse,
  Id,
  InitializeJourneyRequest,
  InterventionResponse,
  JourneyListResponse,
  JourneyResponse,
  JourneyStatus,
  NextStepResponse,
  ProgressResponse,
  Slug,
  StruggleMetrics,
  UpdateProgressRequest,
  UserExportResponse,
} from '@smart-onboarding/protocol';
import { z } from 'zod';
import { logExposure } from '../adapters/d1/queries/experiments';
import { getFlowVersion } from '../adapters/d1/queries/flows';
import { listJourneySummaries } from '../adapters/d1/queries/journeys';
import { cacheKeys } from '../adapters/upstash/hot-cache';
import { serverOnlyFields } from '../auth/server-only-profile';
import { assignJourney } from '../experiments/journey-assignment';
import type { AppEnv } from '../http/app-env';
import { auditSecretCall } from '../http/audit';
import { ApiError, unwrap } from '../http/errors';
import { json, keyErrorResponses, security, userErrorResponses } from '../http/openapi';
import { validationHook } from '../http/validation';
import { requireKey } from '../middleware/auth/require-key';
import { resolveUser } from '../middleware/auth/resolve-user';
import { forgetUser } from '../privacy/forget-user';
import { exportUserRows } from '../privacy/user-data';
import { flowByTargeting } from '../targeting/journey-targeting';

const UserParams = z.object({ userId: Id });
const anyKey = requireKey({ secret: false });
const secretKey = requireKey({ secret: true });
const tags = ['journeys'];

const initializeUserJourney = createRoute({
  method: 'post',
  path: '/v1/journeys/{userId}',
  operationId: 'initializeUserJourney',
  tags,
  summary:
    "Starts the user's journey on the latest version of a flow (idempotent for the same flow); without `flowId`, on the flow the tenant's targeting rules give this user on `path` (404 `no_flow`: none).",
  security: security.user,
  middleware: [anyKey] as const,
  request: {
    params: UserParams,
    body: { ...json(InitializeJourneyRequest, 'The flow, and what is known of the user.'), required: true },
  },
  responses: {
    200: json(JourneyResponse, 'The journey already on this flow.'),
    201: json(JourneyResponse, 'A new journey.'),
    ...userErrorResponses,
  },
});

const getJourney = createRoute({
  method: 'get',
  path: '/v1/journeys/{userId}',
  operationId: 'getJourney',
  tags,
  summary: "The user's journey. Reads with a secret key are written to the audit log.",
  security: security.user,
  middleware: [anyKey] as const,
  request: { params: UserParams },
  responses: { 200: json(JourneyResponse, 'The journey.'), ...userErrorResponses },
});

const getNextOptimalStep = createRoute({
  method: 'get',
  path: '/v1/journeys/{userId}/next',
  operationId: 'getNextOptimalStep',
  tags,
  summary: 'The step the user should do next, and why.',
  security: security.user,
  middleware: [anyKey] as const,
  request: { params: UserParams },
  responses: { 200: json(NextStepResponse, 'The next step (null when done).'), ...userErrorResponses },
});

const updateUserProgress = createRoute({
  method: 'post',
  path: '/v1/journeys/{userId}/progress',
  operationId: 'updateUserProgress',
  tags,
  summary: 'Records a step viewed, completed or skipped; answers the journey and the next step.',
  security: security.user,
  middleware: [anyKey] as const,
  request: {
    params: UserParams,
    body: { ...json(UpdateProgressRequest, 'What the user did.'), required: true },
  },
  responses: { 200: json(ProgressResponse, 'The journey after the update.'), ...userErrorResponses },
});

const handleUserStruggle = createRoute({
  method: 'post',
  path: '/v1/journeys/{userId}/struggle',
  operationId: 'handleUserStruggle',
  tags,
  summary: 'Decides what to do about a struggle report (also pushed to the user’s open sockets).',
  security: security.user,
  middleware: [anyKey] as const,
  request: { params: UserParams, body: { ...json(StruggleMetrics, 'The struggle report.'), required: true } },
  responses: {
    200: json(InterventionResponse, 'The intervention plan (kind `none` for nothing).'),
    ...userErrorResponses,
  },
});

const completeOnboarding = createRoute({
  method: 'post',
  path: '/v1/journeys/{userId}/complete',
  operationId: 'completeOnboarding',
  tags,
  summary: 'Ends the journey (idempotent) and answers its result.',
  security: security.user,
  middleware: [anyKey] as const,
  responses: { 200: json(CompleteOnboardingResponse, 'The result.'), ...userErrorResponses },
  request: { params: UserParams },
});

const deleteUserJourney = createRoute({
  method: 'delete',
  path: '/v1/journeys/{userId}',
  operationId: 'deleteUserJourney',
  tags,
  summary:
    "Forgets the user: the journey object, the flow learners' journey ids and every D1 table of the user (USER_TABLES); events still queued are dropped by a tombstone.",
  security: security.secretKey,
  middleware: [secretKey] as const,
  request: { params: UserParams },
  responses: { 204: { description: 'Forgotten.' }, ...userErrorResponses },
});

const exportUserData = createRoute({
  method: 'get',
  path: '/v1/journeys/{userId}/export',
  operationId: 'exportUserData',
  tags,
  summary:
    'Everything held about the user: the journey and its profile, and every D1 table of the user (USER_TABLES), audited.',
  security: security.secretKey,
  middleware: [secretKey] as const,
  request: { params: UserParams },
  responses: { 200: json(UserExportResponse, 'The export.'), ...userErrorResponses },
});

const listJourneys = createRoute({
  method: 'get',
  path: '/v1/journeys',
  operationId: 'listJourneys',
  tags,
  summary: "The tenant's journeys, most recently updated first (written to the audit log).",
  security: security.secretKey,
  middleware: [secretKey] as const,
  request: {
    query: z.object({
      flowId: Slug.optional(),
      status: JourneyStatus.optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: z.coerce.number().int().nonnegative().optional(),
    }),
  },
  responses: { 200: json(JourneyListResponse, 'A page of journeys.'), ...keyErrorResponses },
});

export const journeyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(initializeUserJourney, async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    const body = c.req.valid('json');
    const serverOnly = c.var.caller.key.kind === 'secret' ? [] : serverOnlyFields(body.profile);
    if (serverOnly.length > 0) {
      throw new ApiError(
        400,
        'validation_failed',
        `${serverOnly.join(', ')}: accepted with a secret key only`,
        {
          issues: serverOnly.map((path) => ({
            path,
            message: 'send it from your server, with a secret key',
          })),
        },
      );
    }
    const { db } = c.var.services;
    const flowId = body.flowId ?? (await flowByTargeting(c, owner, body.path));
    const latest = await getFlowVersion(db, owner.tenantId, flowId);
    if (!latest) throw new ApiError(404, 'not_found', `no flow "${flowId}"`);
    // The edge, never the browser, puts the user into the flow's running experiment.
    const { experiment, flow, profile } = await assignJourney(
      db,
      owner.tenantId,
      owner.userId,
      latest,
      body.profile,
    );
    const { journey, created } = unwrap(
      await c.var.services.journey(owner).initializeUserJourney(owner, flow, profile, experiment),
    );
    // The exposure is the first decision made under the experiment: the journey's first step.
    if (created && experiment) {
      await logExposure(db, {
        tenantId: owner.tenantId,
        experimentId: experiment.id,
        userId: owner.userId,
        variant: experiment.variant,
        journeyId: journey.id,
        exposedAt: Date.now(),
      });
    }
    return c.json({ journey }, created ? 201 : 200);
  })
  .openapi(getJourney, async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    const journey = unwrap(await c.var.services.journey(owner).getJourney(owner));
    await auditSecretCall(c, 'getJourney', `journeys/${owner.userId}`);
    return c.json({ journey }, 200);
  })
  .openapi(getNextOptimalStep, async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    const { cache } = c.var.services;
    const cached = cache.enabled
      ? await cache.get<NextStepResponse>(cacheKeys.nextStep(owner.tenantId, owner.userId))
      : null;
    if (cached) return c.json(cached, 200);
    return c.json(unwrap(await c.var.services.journey(owner).getNextOptimalStep(owner)), 200);
  })
  .openapi(updateUserProgress, async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    const result = unwrap(await c.var.services.journey(owner).updateUserProgress(owner, c.req.valid('json')));
    return c.json(result, 200);
  })
  .openapi(handleUserStruggle, async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    const plan = unwrap(
      await c.var.services
        .journey(owner)
        .handleUserStruggle(owner, c.req.valid('json'), { pushToSockets: true }),
    );
    return c.json({ plan }, 200);
  })
  .openapi(completeOnboarding, async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    const result = unwrap(await c.var.services.journey(owner).completeOnboarding(owner));
    return c.json({ result }, 200);
  })
  .openapi(deleteUserJourney, async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    const forgotten = unwrap(await c.var.services.journey(owner).deleteJourney(owner));
    await forgetUser(c.var.services, owner, forgotten);
    await auditSecretCall(c, 'deleteUserJourney', `journeys/${owner.userId}`);
    return c.body(null, 204);
  })
  .openapi(exportUserData, async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    const stub = c.var.services.journey(owner);
    const journey = await stub.getJourney(owner);
    if (!journey.ok && journey.error.code !== 'not_found') unwrap(journey);
    const profile = unwrap(await stub.storedProfile(owner));
    const rows = await exportUserRows(c.var.services.db, owner.tenantId, owner.userId);
    await auditSecretCall(c, 'exportUserData', `journeys/${owner.userId}`);
    const body: UserExportResponse = {
      userId: owner.userId,
      exportedAt: Date.now(),
      journey: journey.ok ? journey.value : null,
      profile,
      ...(rows as Omit<UserExportResponse, 'userId' | 'exportedAt' | 'journey' | 'profile'>),
    };
    return c.json(body, 200);
  })
  .openapi(listJourneys, async (c) => {
    const { caller } = c.var;
    const q = c.req.valid('query');
    const rows = await listJourneySummaries(c.var.services.db, caller.tenant.id, q);
    await auditSecretCall(c, 'listJourneys', 'journeys', { ...q, returned: rows.length });
    const journeys = rows.map(({ tenantId: _t, ...row }) => row);
    const last = rows.at(-1);
    return c.json(
      { journeys, nextBefore: rows.length === q.limit && last ? last.updatedAt : undefined },
      200,
    );
  });
