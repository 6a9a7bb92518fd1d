import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  AnalyticsWindowDays,
  BehavioralInsightsResponse,
  BehaviorEvent,
  ErrorBody,
  EventBatchAccepted,
  Id,
  InsightFormat,
  StruggleIndicatorsResponse,
  TenantEngagementResponse,
  UserEngagementListResponse,
  UserEngagementResponse,
} from '@smart-onboarding/protocol';
import type { Context } from 'hono';
import { z } from 'zod';
import { behavioralAnalyticsService } from '../analytics/service';
import type { AppEnv } from '../http/app-env';
import { auditSecretCall } from '../http/audit';
import { csvResponse, toCsv } from '../http/csv';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { ApiError, unwrap } from '../http/errors';
import { json, keyErrorResponses, security, userErrorResponses } from '../http/openapi';
import { validationHook } from '../http/validation';
import { requireKey } from '../middleware/auth/require-key';
import { resolveUser } from '../middleware/auth/resolve-user';

const tags = ['analytics'];
const secretKey = requireKey({ secret: true });
const UserParams = z.object({ userId: Id });
const WindowQuery = z.object({ windowDays: AnalyticsWindowDays });
const PageCursor = z.object({
  struggleReports: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  userId: Id,
});

/** The seed's `BehavioralAnalyticsService` for the caller's tenant, tracking through the user's journey object. */
function analyticsFor(c: Context<AppEnv>) {
  const { services, caller } = c.var;
  const tenantId = caller.tenant.id;
  return behavioralAnalyticsService({
    db: services.db,
    tenantId,
    ingest: async (userId, events) =>
      unwrap(
        await services
          .journey({ tenantId, userId })
          .ingestEvents({ tenantId, userId }, { sentAt: Date.now(), events }),
      ),
  });
}

const tenantEngagement = createRoute({
  method: 'get',
  path: '/v1/analytics/engagement',
  operationId: 'analyzeTenantEngagement',
  tags,
  summary:
    "The tenant's engagement over a window: every user's daily aggregates by step, trend and findings.",
  description:
    '`analyzeEngagementPatterns` and `generateBehavioralInsights` over the sum of all users: where time goes, where struggle concentrates, whether activity rises or falls. Written to the audit log.',
  security: security.secretKey,
  middleware: [secretKey] as const,
  request: { query: WindowQuery.extend({ format: InsightFormat }) },
  responses: {
    200: {
      content: {
        'application/json': { schema: TenantEngagementResponse },
        'text/csv': { schema: z.string().meta({ description: 'One row per step of the analysis.' }) },
      },
      description: 'The analysis (`?format=csv`: its steps).',
    },
    ...keyErrorResponses,
  },
});

const listUsers = createRoute({
  method: 'get',
  path: '/v1/analytics/users',
  operationId: 'listUserEngagement',
  tags,
  summary: "The tenant's users active in the window, with their engagement, most struggle first.",
  description:
    'Pages of `limit` users; `nextCursor`, when present, is the `cursor` of the next page. Written to the audit log.',
  security: security.secretKey,
  middleware: [secretKey] as const,
  request: {
    query: WindowQuery.extend({
      limit: z.coerce.number().int().min(1).max(500).default(50),
      cursor: z.string().max(600).optional(),
    }),
  },
  responses: { 200: json(UserEngagementListResponse, 'A page of users.'), ...keyErrorResponses },
});

const userRoute = <R extends object>(
  path: string,
  operationId: string,
  summary: string,
  response: z.ZodType<R>,
) =>
  createRoute({
    method: 'get',
    path: `/v1/analytics/users/{userId}/${path}`,
    operationId,
    tags,
    summary,
    description: 'From the daily engagement aggregates the event queue writes. Written to the audit log.',
    security: security.secretKey,
    middleware: [secretKey] as const,
    request: { params: UserParams, query: WindowQuery },
    responses: { 200: json(response, 'The analysis.'), ...userErrorResponses },
  });

const userEngagement = userRoute(
  'engagement',
  'analyzeEngagementPatterns',
  "A user's engagement over the window: totals, time by step, struggle by step, trend, engagement score.",
  UserEngagementResponse,
);
const userStruggle = userRoute(
  'struggle',
  'detectStruggleIndicators',
  'Where and how hard a user struggled over the window (the steps carrying the reports and signals).',
  StruggleIndicatorsResponse,
);
const userInsights = userRoute(
  'insights',
  'generateBehavioralInsights',
  "Plain findings about a user's behaviour over the window, each with the numbers behind it.",
  BehavioralInsightsResponse,
);

const trackInteraction = createRoute({
  method: 'post',
  path: '/v1/analytics/users/{userId}/interactions',
  operationId: 'trackInteraction',
  tags,
  summary: "Records one interaction for a user from the tenant's server, as the SDK's events are recorded.",
  description:
    'The same path as `POST /v1/events`: idempotent by event id, queued for the aggregates, applied to the journey.',
  security: security.secretKey,
  middleware: [secretKey] as const,
  request: { params: UserParams, body: { ...json(BehaviorEvent, 'The interaction.'), required: true } },
  responses: {
    202: json(EventBatchAccepted, 'Queued; `duplicates` is 1 when the event id was seen before.'),
    ...userErrorResponses,
    503: json(ErrorBody, 'The queue did not take the event; send it again (`unavailable`).'),
  },
});

/** Secret-key analytics over D1's engagement aggregates (the seed's `BehavioralAnalyticsService`). */
export const analyticsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(tenantEngagement, async (c) => {
    const { windowDays, format } = c.req.valid('query');
    const report = await analyticsFor(c).analyzeTenantEngagement(windowDays);
    await auditSecretCall(c, 'analyzeTenantEngagement', 'analytics/engagement', { windowDays, format });
    if (format === 'csv') {
      const columns = [
        'stepId',
        'timeSpentMs',
        'timeShare',
        'clicks',
        'signals',
        'struggleReports',
        'maxStruggleScore',
      ] as const;
      return csvResponse(c, `engagement-${windowDays}d.csv`, toCsv(columns, report.analysis.steps));
    }
    return c.json(report, 200);
  })
  .openapi(listUsers, async (c) => {
    const { windowDays, limit, cursor } = c.req.valid('query');
    const page = await analyticsFor(c).listUserEngagement(windowDays, {
      limit,
      ...(cursor ? { after: decodeCursor(cursor, PageCursor) } : {}),
    });
    await auditSecretCall(c, 'listUserEngagement', 'analytics/users', {
      windowDays,
      returned: page.users.length,
    });
    return c.json(
      { windowDays, users: page.users, nextCursor: page.next ? encodeCursor(page.next) : undefined },
      200,
    );
  })
  .openapi(userEngagement, async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    const { windowDays } = c.req.valid('query');
    const analysis = await analyticsFor(c).analyzeEngagementPatterns(owner.userId, windowDays);
    await auditSecretCall(c, 'analyzeEngagementPatterns', `analytics/users/${owner.userId}`, { windowDays });
    return c.json({ userId: owner.userId, generatedAt: Date.now(), analysis }, 200);
  })
  .openapi(userStruggle, async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    const { windowDays } = c.req.valid('query');
    const indicators = await analyticsFor(c).detectStruggleIndicators(owner.userId, windowDays);
    await auditSecretCall(c, 'detectStruggleIndicators', `analytics/users/${owner.userId}`, { windowDays });
    return c.json({ userId: owner.userId, generatedAt: Date.now(), windowDays, indicators }, 200);
  })
  .openapi(userInsights, async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    const { windowDays } = c.req.valid('query');
    const report = await analyticsFor(c).generateBehavioralInsights(owner.userId, windowDays);
    await auditSecretCall(c, 'generateBehavioralInsights', `analytics/users/${owner.userId}`, { windowDays });
    return c.json(report, 200);
  })
  .openapi(trackInteraction, async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    let result: { accepted: number; duplicates: number };
    try {
      result = await analyticsFor(c).trackInteraction(owner.userId, c.req.valid('json'));
    } catch (err) {
      if (err instanceof ApiError) throw err;
      console.error('interaction tracking failed', err);
      c.header('retry-after', '5');
      throw new ApiError(503, 'unavailable', 'the interaction could not be queued; send it again');
    }
    return c.json({ accepted: result.accepted, duplicates: result.duplicates }, 202);
  });
