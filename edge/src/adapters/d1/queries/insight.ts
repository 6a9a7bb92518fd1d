import { sql } from 'drizzle-orm';
import type { Database } from '../client';

/** What journeys can be split by, and the `journey_summaries` column each reads. */
const SEGMENTS = {
  none: `'all'`,
  persona: 'js.persona',
  arm: 'js.arm',
  device: 'js.device_class',
  cohort: 'js.cohort',
  flowVersion: 'js.flow_version',
  experiment: `coalesce(js.experiment_id || ':' || js.experiment_variant, '')`,
} as const;
export type Segment = keyof typeof SEGMENTS;

interface FlowScope {
  tenantId: string;
  flowId: string;
  /** Journeys started at or after this time. */
  since: number;
  by: Segment;
}

// The segment expression is one of the constants above, never input: sql.raw is safe here.
const segmentOf = (by: Segment) => sql.raw(SEGMENTS[by]);

/** Journeys of a flow per segment: started, completed, abandoned. */
export async function journeyCounts(db: Database, s: FlowScope) {
  const rows = await db.all<{
    segment: string | number;
    started: number;
    completed: number;
    abandoned: number;
  }>(sql`
    SELECT ${segmentOf(s.by)} AS segment, count(*) AS started,
      sum(js.status = 'completed') AS completed, sum(js.status = 'abandoned') AS abandoned
    FROM journey_summaries AS js
    WHERE js.tenant_id = ${s.tenantId} AND js.flow_id = ${s.flowId} AND js.started_at >= ${s.since}
    GROUP BY 1`);
  return rows.map((r) => ({
    segment: String(r.segment),
    started: Number(r.started),
    completed: Number(r.completed ?? 0),
    abandoned: Number(r.abandoned ?? 0),
  }));
}

/** Journeys per segment that completed or skipped each step of a flow. */
export async function stepCounts(db: Database, s: FlowScope) {
  const rows = await db.all<{
    segment: string | number;
    stepId: string;
    completed: number;
    skipped: number;
  }>(sql`
    SELECT ${segmentOf(s.by)} AS segment, sc.step_id AS stepId,
      sum(sc.action = 'completed') AS completed, sum(sc.action = 'skipped') AS skipped
    FROM journey_summaries AS js
    JOIN step_completions AS sc ON sc.tenant_id = js.tenant_id AND sc.journey_id = js.id
    WHERE js.tenant_id = ${s.tenantId} AND js.flow_id = ${s.flowId} AND js.started_at >= ${s.since}
    GROUP BY 1, 2`);
  return rows.map((r) => ({
    segment: String(r.segment),
    stepId: r.stepId,
    completed: Number(r.completed ?? 0),
    skipped: Number(r.skipped ?? 0),
  }));
}

/**
 * Start-to-completion times of a flow's completed journeys per segment: count, mean, median and 90th
 * percentile (nearest rank, by window functions, so D1 returns one row per segment, not every time).
 */
export async function completionTimes(db: Database, s: FlowScope) {
  const rows = await db.all<{
    segment: string | number;
    completed: number;
    meanMs: number;
    medianMs: number;
    p90Ms: number;
  }>(sql`
    WITH t AS (
      SELECT ${segmentOf(s.by)} AS segment, js.time_to_complete_ms AS ms,
        row_number() OVER (PARTITION BY ${segmentOf(s.by)} ORDER BY js.time_to_complete_ms) AS rn,
        count(*) OVER (PARTITION BY ${segmentOf(s.by)}) AS n
      FROM journey_summaries AS js
      WHERE js.tenant_id = ${s.tenantId} AND js.flow_id = ${s.flowId} AND js.started_at >= ${s.since}
        AND js.status = 'completed' AND js.time_to_complete_ms IS NOT NULL
    )
    SELECT segment, max(n) AS completed, avg(ms) AS meanMs,
      max(CASE WHEN rn = (n * 50 + 99) / 100 THEN ms END) AS medianMs,
      max(CASE WHEN rn = (n * 90 + 99) / 100 THEN ms END) AS p90Ms
    FROM t GROUP BY segment`);
  return rows.map((r) => ({
    segment: String(r.segment),
    completed: Number(r.completed),
    meanMs: Math.round(Number(r.meanMs)),
    medianMs: Number(r.medianMs),
    p90Ms: Number(r.p90Ms),
  }));
}

/** Signals per step, element and kind since `fromDay`, with how many fell on or after `recentDay`. */
export async function hotspotTotals(
  db: Database,
  tenantId: string,
  window: { fromDay: string; recentDay: string; limit: number },
) {
  const rows = await db.all<{
    stepId: string;
    element: string;
    signal: string;
    total: number;
    recent: number;
  }>(sql`
    SELECT step_id AS stepId, element, signal, sum(count) AS total,
      sum(CASE WHEN day >= ${window.recentDay} THEN count ELSE 0 END) AS recent
    FROM struggle_hotspots_daily
    WHERE tenant_id = ${tenantId} AND day >= ${window.fromDay}
    GROUP BY step_id, element, signal
    ORDER BY total DESC, step_id, element, signal
    LIMIT ${window.limit}`);
  return rows.map((r) => ({ ...r, total: Number(r.total), recent: Number(r.recent) }));
}
