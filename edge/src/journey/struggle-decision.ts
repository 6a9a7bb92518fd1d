import type { InterventionPlan, InterventionRecord, StruggleMetrics } from '@smart-onboarding/protocol';
import { saveIntervention } from '../adapters/d1/queries/journeys';
import type { Services } from '../services';
import { recordIntervention } from './journey-state';
import type { NextStepDecider } from './next-step-decider';
import { type Outcome, ok } from './outcome';
import type { JourneyOwner } from './owner';
import { claim } from './ownership';
import { journeyArm, journeyPolicies } from './policies';
import type { JourneyStore } from './store/journey-store';
import { type StruggleFollowUp, struggleFollowUp } from './struggle-follow-up';
import type { SummaryMirror } from './summary-mirror';

/** Enough to span a session's cap and cooldown; older loose interventions no longer limit anything. */
const LOOSE_CAP = 20;

const looseRecord = (plan: InterventionPlan): InterventionRecord => ({
  id: plan.id,
  kind: plan.kind,
  ...(plan.stepId ? { stepId: plan.stepId } : {}),
  createdAt: plan.createdAt,
  holdout: plan.holdout,
});

/** What fatigue limits count: the journey's interventions and those decided before it existed, in time order. */
const historyOf = (journey: readonly InterventionRecord[], loose: readonly InterventionRecord[]) =>
  loose.length === 0 ? journey : [...loose, ...journey].sort((a, b) => a.createdAt - b.createdAt);

export interface StruggleDecision {
  plan: InterventionPlan;
  /** Work after the answer: help to generate and stream, or a ticket for a person. */
  followUp?: StruggleFollowUp;
}

/**
 * The seed's `handleUserStruggle`, decided: the user's arm's intervention policy (the engine, with the
 * persona's threshold, fatigue limits, the holdout and what this deployment can offer, or the rules)
 * answers the report; the decision is recorded in the journey and in D1. A user without a journey still
 * gets an answer (the SDK may report struggle before the journey starts), under the same fatigue limits:
 * what was offered then is kept in the object and counted.
 */
export async function decideStruggle(
  deps: {
    store: JourneyStore;
    decider: NextStepDecider;
    summaries: SummaryMirror;
    services: Pick<Services, 'db' | 'interventionEngine' | 'capabilities' | 'escalation'>;
  },
  owner: JourneyOwner,
  report: StruggleMetrics,
): Promise<Outcome<StruggleDecision>> {
  const { store, decider, summaries, services } = deps;
  const claimed = claim(store, owner);
  if (!claimed.ok) return claimed;
  const state = store.get('journey');
  const flow = store.get('flow');
  const intel = state ? decider.intelligence(state) : null;
  const now = Date.now();
  const loose = store.get('looseInterventions');
  const { capabilities, escalation } = services;
  // A person can be offered when the deployment or the tenant itself has an escalation webhook.
  const human =
    capabilities.human || (escalation.webhookFor ? !!(await escalation.webhookFor(owner.tenantId)) : false);
  const plan = journeyPolicies(services.interventionEngine, journeyArm(state?.profile)).intervention.decide({
    flow: flow?.flow ?? null,
    report,
    currentStepId: state?.currentStepId ?? null,
    history: historyOf(state?.interventions ?? [], loose),
    now,
    random: Math.random,
    newId: () => crypto.randomUUID(),
    userId: owner.userId,
    ...(intel ? { threshold: intel.persona.recommendedApproach.interventionThreshold } : {}),
    ...(state ? { sessionStartedAt: state.startedAt } : {}),
    capabilities: { ...capabilities, human },
  });
  if (state && flow) {
    store.set('journey', recordIntervention(state, plan, now));
    await summaries.schedule(owner.tenantId);
  } else if (plan.kind !== 'none') {
    store.set('looseInterventions', [...loose, looseRecord(plan)].slice(-LOOSE_CAP));
  }
  try {
    await saveIntervention(services.db, {
      tenantId: owner.tenantId,
      userId: owner.userId,
      journeyId: state?.id ?? '',
      plan,
    });
  } catch (err) {
    console.warn('intervention record failed', err);
  }
  const followUp = struggleFollowUp(plan, { tenantId: owner.tenantId, report, state, flow, intel, now });
  return ok(followUp ? { plan, followUp } : { plan });
}
