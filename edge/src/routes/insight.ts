import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  AnalyticsWindowDays,
  ErrorBody,
  FunnelResponse,
  HotspotsResponse,
  InsightFormat,
  InsightSegment,
  Slug,
  TimeToCompleteResponse,
} from '@smart-onboarding/protocol';
import { z } from 'zod';
import { getFlowVersion } from '../adapters/d1/queries/flows';
import { completionTimes, hotspotTotals, journeyCounts, stepCounts } from '../adapters/d1/queries/insight';
import { auditAdmin } from '../admin/audit';
import { requireAdmin } from '../admin/require-admin';
import { adminErrors, adminSecurity } from '../admin/routes/admin-openapi';
import { windowStartDay } from '../analytics/engagement-patterns';
import { buildFunnel, hotspotTrend } from '../analytics/funnel';
import { utcDay } from '../events/aggregate';
import type { AppEnv } from '../http/app-env';
import { csvResponse, toCsv } from '../http/csv';
import { ApiError } from '../http/errors';
import { validationHook } from '../http/validation';

const tags = ['analytics'];
const read = requireAdmin('read');
const FlowParams = z.object({ flowId: Slug });
const FlowQuery = z.object({
  by: InsightSegment.default('none'),
  since: z.coerce.number().int().nonnegative().default(0),
  format: InsightFormat,
});

/** JSON, or the same view as CSV with `?format=csv`. */
const jsonOrCsv = <T>(schema: T, description: string) => ({
  content: {
    'application/json': { schema },
    'text/csv': {
      schema: z.string().meta({ description: 'RFC 4180, formula cells prefixed with an apostrophe.' }),
    },
  },
  description,
});

const flowErrors = {
  ...adminErrors,
  404: { content: { 'application/json': { schema: ErrorBody } }, description: 'No such flow (`not_found`).' },
};

const funnel = createRoute({
  method: 'get',
  path: '/v1/analytics/flows/{flowId}/funnel',
  operationId: 'getFlowFunnel',
  tags,
  summary: "A flow's funnel per step, split by persona, arm, device, cohort, flow version or experiment.",
  description:
    'Journeys started since `since` per segment, and how many completed or skipped each step, in the flow’s order. Written to the audit log.',
  security: adminSecurity,
  middleware: [read],
  request: { params: FlowParams, query: FlowQuery },
  responses: { 200: jsonOrCsv(FunnelResponse, 'The funnel.'), ...flowErrors },
});

const timeToComplete = createRoute({
  method: 'get',
  path: '/v1/analytics/flows/{flowId}/time-to-complete',
  operationId: 'getTimeToComplete',
  tags,
  summary: 'Start to completion per segment: mean, median and 90th percentile of completed journeys.',
  description:
    'Abandoned and active journeys have no completion time; their counts are given so the times are read with what they leave out. Written to the audit log.',
  security: adminSecurity,
  middleware: [read],
  request: { params: FlowParams, query: FlowQuery },
  responses: { 200: jsonOrCsv(TimeToCompleteResponse, 'The times.'), ...flowErrors },
});

const hotspots = createRoute({
  method: 'get',
  path: '/v1/analytics/struggle/hotspots',
  operationId: 'getStruggleHotspots',
  tags,
  summary: 'Where users struggle: signals per step × element × signal over the window, with their trend.',
  description:
    'Most signals first. The trend compares the recent half of the window with the earlier half. Elements are the selectors the SDK reported (browser input: the CSV neutralises formulas). Written to the audit log.',
  security: adminSecurity,
  middleware: [read],
  request: {
    query: z.object({
      windowDays: AnalyticsWindowDays,
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      format: InsightFormat,
    }),
  },
  responses: { 200: jsonOrCsv(HotspotsResponse, 'The hot spots.'), ...adminErrors },
});

async function latestFlow(c: { var: AppEnv['Variables'] }, flowId: string) {
  const flow = await getFlowVersion(c.var.services.db, c.var.admin.tenantId, flowId);
  if (!flow) throw new ApiError(404, 'not_found', `no flow "${flowId}"`);
  return flow;
}

/** Tenant-wide analytics views over D1 (funnel, time to complete, hot spots), JSON or CSV. */
export const insightRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(funnel, async (c) => {
    const { flowId } = c.req.valid('param');
    const { by, since, format } = c.req.valid('query');
    const flow = await latestFlow(c, flowId);
    const scope = { tenantId: c.var.admin.tenantId, flowId, since, by };
    const { db } = c.var.services;
    const [journeys, steps] = await Promise.all([journeyCounts(db, scope), stepCounts(db, scope)]);
    const segments = buildFunnel(flow.flow, journeys, steps);
    await auditAdmin(c, 'getFlowFunnel', `analytics/flows/${flowId}/funnel`, { by, since, format });
    if (format === 'csv') {
      const rows = segments.flatMap((s) =>
        s.steps.map((step) => ({
          segment: s.segment,
          started: s.started,
          step_id: step.stepId,
          title: step.title,
          completed: step.completed,
          skipped: step.skipped,
          rate: step.rate,
          step_rate: step.stepRate,
        })),
      );
      const columns = [
        'segment',
        'started',
        'step_id',
        'title',
        'completed',
        'skipped',
        'rate',
        'step_rate',
      ] as const;
      return csvResponse(c, `funnel-${flowId}-${by}.csv`, toCsv(columns, rows));
    }
    return c.json({ flowId, by, since, segments }, 200);
  })
  .openapi(timeToComplete, async (c) => {
    const { flowId } = c.req.valid('param');
    const { by, since, format } = c.req.valid('query');
    await latestFlow(c, flowId);
    const scope = { tenantId: c.var.admin.tenantId, flowId, since, by };
    const { db } = c.var.services;
    const [journeys, times] = await Promise.all([journeyCounts(db, scope), completionTimes(db, scope)]);
    const timeOf = new Map(times.map((t) => [t.segment, t]));
    const segments = journeys
      .sort((a, b) => b.started - a.started || a.segment.localeCompare(b.segment))
      .map((j) => {
        const t = timeOf.get(j.segment);
        return { ...j, meanMs: t?.meanMs ?? null, medianMs: t?.medianMs ?? null, p90Ms: t?.p90Ms ?? null };
      });
    await auditAdmin(c, 'getTimeToComplete', `analytics/flows/${flowId}/time-to-complete`, {
      by,
      since,
      format,
    });
    if (format === 'csv') {
      const columns = [
        'segment',
        'started',
        'completed',
        'abandoned',
        'meanMs',
        'medianMs',
        'p90Ms',
      ] as const;
      return csvResponse(c, `time-to-complete-${flowId}-${by}.csv`, toCsv(columns, segments));
    }
    return c.json({ flowId, by, since, segments }, 200);
  })
  .openapi(hotspots, async (c) => {
    const { windowDays, limit, format } = c.req.valid('query');
    const now = Date.now();
    const fromDay = windowStartDay(now, windowDays);
    // The recent half: the later ⌊windowDays / 2⌋ days (today alone for a one- or two-day window).
    const recentDays = Math.max(1, Math.floor(windowDays / 2));
    const recentFromDay = utcDay(now - (recentDays - 1) * 86_400_000);
    const rows = await hotspotTotals(c.var.services.db, c.var.admin.tenantId, {
      fromDay,
      recentDay: recentFromDay,
      limit,
    });
    const list = rows.map((r) => {
      const earlier = r.total - r.recent;
      return { ...r, earlier, trend: hotspotTrend(r.recent, earlier) };
    });
    await auditAdmin(c, 'getStruggleHotspots', 'analytics/struggle/hotspots', { windowDays, format });
    if (format === 'csv') {
      const columns = ['stepId', 'element', 'signal', 'total', 'recent', 'earlier', 'trend'] as const;
      return csvResponse(c, `struggle-hotspots-${windowDays}d.csv`, toCsv(columns, list));
    }
    return c.json({ windowDays, fromDay, recentFromDay, hotspots: list }, 200);
  });
