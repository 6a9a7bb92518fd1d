import { journeySummaryOf, readJourneySummary, saveJourneySummary } from '../adapters/d1/queries/journeys';
import { reconcileUserState } from '../intelligence/recovery/reconcile';
import type { JourneyEditDeps } from './journey-changes';
import type { Reconciliation } from './journey-rpc';
import { advance, HISTORY_CAP, type JourneyState } from './journey-state';
import { type Outcome, ok } from './outcome';
import type { JourneyOwner } from './owner';
import { loadJourney } from './ownership';
import { analysisOf } from './summary-mirror';

/** The alarm compares the journey with D1 at most this often. */
export const RECONCILE_EVERY_MS = 10 * 60_000;

/**
 * The seed's `reconcileUserState` for one journey object: compares its journey with D1's summary and
 * completions and repairs whichever side lost something. The object stays authoritative, but a completion
 * only D1 knows is kept, a later terminal status in D1 is adopted, a current step already done is replaced
 * by the next decision, and D1 is rewritten from the merged journey.
 */
export async function reconcileWithD1(
  deps: JourneyEditDeps,
  owner: JourneyOwner,
): Promise<Outcome<Reconciliation>> {
  const { store, decider, changes, services } = deps;
  const loaded = loadJourney(store, owner);
  if (!loaded.ok) return loaded;
  const { state, flow } = loaded.value;
  const summary = await readJourneySummary(services.db, owner.tenantId, state.id);
  const mirrored = journeySummaryOf(owner.tenantId, state, flow.flow);
  const merged = reconcileUserState(
    {
      status: state.status,
      currentStepId: state.currentStepId,
      completedSteps: state.completions,
      interventions: mirrored.interventions,
      predictedSuccessRate: mirrored.predictedSuccessRate,
      updatedAt: state.updatedAt,
      ...(state.completedAt !== undefined ? { completedAt: state.completedAt } : {}),
    },
    summary,
  );
  if (merged.conflicts.length > 0) console.warn(`reconciled ${state.id}: ${merged.conflicts.join('; ')}`);
  if (merged.repair.journey) {
    const now = Date.now();
    let repaired: JourneyState = {
      ...state,
      status: merged.journey.status,
      completions: merged.journey.completedSteps,
      currentStepId: merged.journey.currentStepId,
      ...(merged.journey.completedAt !== undefined ? { completedAt: merged.journey.completedAt } : {}),
      adaptationHistory: [
        ...state.adaptationHistory,
        { t: now, kind: 'reconciled', detail: merged.conflicts.join('; ').slice(0, 500) },
      ].slice(-HISTORY_CAP),
      updatedAt: now,
      revision: state.revision + 1,
    };
    if (repaired.status === 'active' && repaired.currentStepId === null) {
      const chosen = await decider.policyFor(owner, flow, repaired);
      repaired = advance(repaired, flow.flow, decider.decide(repaired, flow, chosen.policy), now);
      decider.note(owner, flow.flow.id, chosen, repaired);
    }
    await changes.apply(owner, state, repaired, flow);
    if (repaired.currentStepId !== state.currentStepId) changes.announceNextStep(repaired, flow);
  } else if (merged.repair.summary) {
    await saveJourneySummary(services.db, owner.tenantId, state, flow.flow, analysisOf(store, state));
  }
  return ok({ conflicts: merged.conflicts, repaired: merged.repair });
}
