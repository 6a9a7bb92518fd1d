import type { InterventionKind } from '@smart-onboarding/protocol';
import { and, eq, gte, ne, sql } from 'drizzle-orm';
import type { InterventionExposure } from '../../../intelligence/intervention/effectiveness';
import type { Database } from '../client';
import { interventions } from '../schema';

/**
 * The tenant's interventions since `since` (shown and held out; `none` decisions left out), each with when
 * its journey next completed a step, for `trackInterventionEffectiveness`.
 *
 * @example
 * const report = trackInterventionEffectiveness(await interventionExposures(db, tenantId, since), 5 * 60_000);
 */
export async function interventionExposures(
  db: Database,
  tenantId: string,
  since: number,
  limit = 50_000,
): Promise<InterventionExposure[]> {
  // Spelled out with table names: drizzle renders a single-table query's columns unqualified, which
  // inside the subquery would bind to step_completions' own columns.
  const progressedAt = sql<number | null>`(
    SELECT min(sc.at) FROM step_completions AS sc
    WHERE sc.tenant_id = "interventions"."tenant_id"
      AND sc.journey_id = "interventions"."journey_id"
      AND sc.action = 'completed'
      AND sc.at > "interventions"."created_at"
  )`;
  const persona = sql<string | null>`(
    SELECT js.persona FROM journey_summaries AS js
    WHERE js.id = "interventions"."journey_id" AND js.tenant_id = "interventions"."tenant_id"
  )`;
  const rows = await db
    .select({
      id: interventions.id,
      stepId: interventions.stepId,
      persona,
      kind: interventions.kind,
      holdout: interventions.holdout,
      createdAt: interventions.createdAt,
      progressedAt,
    })
    .from(interventions)
    .where(
      and(
        eq(interventions.tenantId, tenantId),
        gte(interventions.createdAt, since),
        ne(interventions.kind, 'none'),
      ),
    )
    .orderBy(interventions.createdAt)
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as InterventionKind,
    holdout: r.holdout,
    createdAt: r.createdAt,
    stepId: r.stepId,
    persona: r.persona ?? 'unknown',
    ...(r.progressedAt !== null ? { progressedAt: r.progressedAt } : {}),
  }));
}
