import type { FlowDefinition, InterventionPlan, JourneyStatus } from '@smart-onboarding/protocol';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { type JourneyAnalysis, journeyAnalysisOf } from '../../../analytics/journey-analysis';
import type { JourneySummary } from '../../../intelligence/recovery/reconcile';
import { type JourneyState, priorSuccessRate } from '../../../journey/journey-state';
import type { Database } from '../client';
import { interventions, journeySummaries, stepCompletions } from '../schema';

/**
 * Writes a journey's summary and its step completions, as its Durable Object sees them now. Idempotent:
 * the object may write the same state twice, and an older write never hides a newer one (by `updatedAt`).
 */
/** The D1 row of a journey as its object sees it now. */
export function journeySummaryOf(
  tenantId: string,
  state: JourneyState,
  flow: FlowDefinition,
  analysis: JourneyAnalysis = journeyAnalysisOf(state, null, null),
) {
  return {
    ...analysis,
    id: state.id,
    tenantId,
    userId: state.userId,
    flowId: state.flowId,
    flowVersion: state.flowVersion,
    status: state.status,
    currentStepId: state.currentStepId,
    stepsCompleted: state.completions.filter((c) => c.action === 'completed').length,
    stepsSkipped: state.completions.filter((c) => c.action === 'skipped').length,
    interventions: state.interventions.filter((i) => i.kind !== 'none').length,
    predictedSuccessRate: priorSuccessRate(state, flow),
    startedAt: state.startedAt,
    updatedAt: state.updatedAt,
    completedAt: state.completedAt ?? null,
  };
}

/**
 * What a summary says, apart from when: two states with the same fingerprint need only one D1 write
 * (engagement alone, for instance, changes the journey but not its summary).
 */
export function summaryFingerprint(
  tenantId: string,
  state: JourneyState,
  flow: FlowDefinition,
  analysis?: JourneyAnalysis,
): string {
  const { updatedAt: _u, ...rest } = journeySummaryOf(tenantId, state, flow, analysis);
  return JSON.stringify(rest);
}

export async function saveJourneySummary(
  db: Database,
  tenantId: string,
  state: JourneyState,
  flow: FlowDefinition,
  analysis?: JourneyAnalysis,
) {
  const summary = journeySummaryOf(tenantId, state, flow, analysis);
  const { id: _id, tenantId: _t, userId: _u, startedAt: _s, ...changing } = summary;
  const upsert = db
    .insert(journeySummaries)
    .values(summary)
    .onConflictDoUpdate({
      target: journeySummaries.id,
      set: changing,
      setWhere: sql`${journeySummaries.updatedAt} <= ${state.updatedAt}`,
    });
  if (state.completions.length === 0) {
    await upsert;
    return;
  }
  // D1 binds at most 100 parameters per statement: 8 per completion row, so 12 rows per insert.
  const rows = state.completions.map((c) => ({
    journeyId: state.id,
    stepId: c.stepId,
    tenantId,
    userId: state.userId,
    flowId: state.flowId,
    action: c.action,
    at: c.at,
    durationMs: Math.round(c.durationMs),
  }));
  const inserts = [];
  for (let k = 0; k < rows.length; k += 12)
    inserts.push(
      db
        .insert(stepCompletions)
        .values(rows.slice(k, k + 12))
        .onConflictDoNothing(),
    );
  await db.batch([upsert, ...inserts]);
}

export async function saveIntervention(
  db: Database,
  input: { tenantId: string; userId: string; journeyId: string; plan: InterventionPlan },
) {
  const { plan } = input;
  await db
    .insert(interventions)
    .values({
      id: plan.id,
      tenantId: input.tenantId,
      userId: input.userId,
      journeyId: input.journeyId,
      stepId: plan.stepId ?? null,
      kind: plan.kind,
      holdout: plan.holdout,
      reason: plan.reason,
      createdAt: plan.createdAt,
    })
    .onConflictDoNothing();
}

export async function setInterventionOutcome(
  db: Database,
  tenantId: string,
  interventionId: string,
  outcome: string,
) {
  await db
    .update(interventions)
    .set({ outcome })
    .where(and(eq(interventions.tenantId, tenantId), eq(interventions.id, interventionId)));
}

interface JourneySummaryQuery {
  flowId?: string;
  status?: JourneyStatus;
  limit: number;
  /** `updatedAt` of the last row of the previous page. */
  before?: number;
}

/** A tenant's journeys, most recently updated first. */
export async function listJourneySummaries(db: Database, tenantId: string, q: JourneySummaryQuery) {
  const where = [eq(journeySummaries.tenantId, tenantId)];
  if (q.flowId) where.push(eq(journeySummaries.flowId, q.flowId));
  if (q.status) where.push(eq(journeySummaries.status, q.status));
  if (q.before !== undefined) where.push(lt(journeySummaries.updatedAt, q.before));
  return db
    .select()
    .from(journeySummaries)
    .where(and(...where))
    .orderBy(desc(journeySummaries.updatedAt))
    .limit(q.limit);
}

/** Step completions of a tenant's flow: the optimizer's training data. */
export async function listStepCompletions(db: Database, tenantId: string, flowId: string) {
  return db
    .select()
    .from(stepCompletions)
    .where(and(eq(stepCompletions.tenantId, tenantId), eq(stepCompletions.flowId, flowId)));
}

/**
 * D1's view of one journey (its summary row and step completions), for `reconcileUserState`; null when D1
 * has no summary of it.
 */
export async function readJourneySummary(
  db: Database,
  tenantId: string,
  journeyId: string,
): Promise<JourneySummary | null> {
  const [row] = await db
    .select()
    .from(journeySummaries)
    .where(and(eq(journeySummaries.tenantId, tenantId), eq(journeySummaries.id, journeyId)));
  if (!row) return null;
  const completions = await db
    .select()
    .from(stepCompletions)
    .where(and(eq(stepCompletions.tenantId, tenantId), eq(stepCompletions.journeyId, journeyId)))
    .orderBy(stepCompletions.at);
  return {
    status: row.status,
    currentStepId: row.currentStepId,
    stepsCompleted: row.stepsCompleted,
    stepsSkipped: row.stepsSkipped,
    interventions: row.interventions,
    predictedSuccessRate: row.predictedSuccessRate,
    updatedAt: row.updatedAt,
    completedAt: row.completedAt,
    completions: completions.map((c) => ({
      stepId: c.stepId,
      action: c.action,
      at: c.at,
      durationMs: c.durationMs,
    })),
  };
}
