import type { JourneyStatus, StepCompletion } from '@smart-onboarding/protocol';

/** The journey as its Durable Object holds it (the authoritative copy), reduced to what D1 mirrors. */
export interface JourneyRecord {
  status: JourneyStatus;
  currentStepId: string | null;
  completedSteps: StepCompletion[];
  interventions: number;
  predictedSuccessRate: number;
  updatedAt: number;
  completedAt?: number;
}

/** The D1 side: the `journey_summaries` row and the journey's `step_completions` rows. */
export interface JourneySummary {
  status: JourneyStatus;
  currentStepId: string | null;
  stepsCompleted: number;
  stepsSkipped: number;
  interventions: number;
  predictedSuccessRate: number;
  updatedAt: number;
  completedAt: number | null;
  completions: StepCompletion[];
}

export interface ReconciledState {
  journey: JourneyRecord;
  summary: JourneySummary;
  /** Differences found, in words, for the log. */
  conflicts: string[];
  /** Which side needs writing back. */
  repair: { journey: boolean; summary: boolean };
}

const TERMINAL: ReadonlySet<JourneyStatus> = new Set(['completed', 'abandoned']);

function summaryOf(j: JourneyRecord): JourneySummary {
  return {
    status: j.status,
    currentStepId: j.currentStepId,
    stepsCompleted: j.completedSteps.filter((c) => c.action === 'completed').length,
    stepsSkipped: j.completedSteps.filter((c) => c.action === 'skipped').length,
    interventions: j.interventions,
    predictedSuccessRate: j.predictedSuccessRate,
    updatedAt: j.updatedAt,
    completedAt: j.completedAt ?? null,
    completions: j.completedSteps,
  };
}

/**
 * The seed's `reconcileUserState`, as a pure merge of the journey object's state and D1's summary.
 *
 * The object is authoritative, but nothing accepted may be lost: a completion known to either side is
 * kept (the object's record wins when both have one); a terminal status D1 recorded after the object's
 * last write is adopted (the object lost a write, e.g. restored from older storage); when the object
 * lost everything (`null`) it is rebuilt from D1. A current step that is already done is cleared, so the
 * caller asks the policy for the next one. The summary is then re-derived from the merged journey.
 *
 * @example
 * const r = reconcileUserState(await this.loadJourney(), await readSummary(db, journeyId));
 * if (r.repair.journey) await this.saveJourney(r.journey);
 * if (r.repair.summary) await writeSummary(db, journeyId, r.summary);
 */
export function reconcileUserState(
  journey: JourneyRecord | null,
  summary: JourneySummary | null,
): ReconciledState {
  const conflicts: string[] = [];
  if (!journey && !summary)
    throw new RangeError('nothing to reconcile: neither the journey nor its summary exists');
  if (!journey) conflicts.push('journey object state missing: rebuilt from D1');
  if (!summary) conflicts.push('D1 summary missing');

  const byStep = new Map<string, StepCompletion>();
  for (const c of summary?.completions ?? []) byStep.set(c.stepId, c);
  for (const c of journey?.completedSteps ?? []) {
    const other = byStep.get(c.stepId);
    if (other && other.action !== c.action)
      conflicts.push(`step ${c.stepId}: object says ${c.action}, D1 says ${other.action}`);
    byStep.set(c.stepId, c);
  }
  for (const c of summary?.completions ?? []) {
    if (journey && !journey.completedSteps.some((x) => x.stepId === c.stepId))
      conflicts.push(`step ${c.stepId}: only D1 has it`);
  }
  const completedSteps = [...byStep.values()].sort((a, b) => a.at - b.at || a.stepId.localeCompare(b.stepId));

  let status: JourneyStatus = journey?.status ?? summary!.status;
  let completedAt = journey?.completedAt ?? undefined;
  if (
    journey &&
    summary &&
    !TERMINAL.has(journey.status) &&
    TERMINAL.has(summary.status) &&
    summary.updatedAt > journey.updatedAt
  ) {
    conflicts.push(`status: D1 recorded ${summary.status} after the object's last write`);
    status = summary.status;
    completedAt = summary.completedAt ?? undefined;
  }
  if (!journey && summary?.completedAt != null) completedAt = summary.completedAt;

  let currentStepId = journey ? journey.currentStepId : summary!.currentStepId;
  if (currentStepId && byStep.has(currentStepId)) {
    conflicts.push(`current step ${currentStepId} is already done`);
    currentStepId = null;
  }
  if (TERMINAL.has(status)) currentStepId = null;

  const merged: JourneyRecord = {
    status,
    currentStepId,
    completedSteps,
    interventions: Math.max(journey?.interventions ?? 0, summary?.interventions ?? 0),
    predictedSuccessRate: journey?.predictedSuccessRate ?? summary!.predictedSuccessRate,
    updatedAt: Math.max(journey?.updatedAt ?? 0, summary?.updatedAt ?? 0),
    ...(completedAt !== undefined ? { completedAt } : {}),
  };
  const mergedSummary = summaryOf(merged);
  const sameJourney =
    journey !== null && JSON.stringify(journey) === JSON.stringify({ ...journey, ...merged });
  const sameSummary =
    summary !== null &&
    JSON.stringify({ ...mergedSummary, updatedAt: 0 }) ===
      JSON.stringify({ ...summary, completions: sortCompletions(summary.completions), updatedAt: 0 });
  return {
    journey: merged,
    summary: mergedSummary,
    conflicts,
    repair: { journey: !sameJourney, summary: !sameSummary },
  };
}

function sortCompletions(c: StepCompletion[]) {
  return [...c].sort((a, b) => a.at - b.at || a.stepId.localeCompare(b.stepId));
}
