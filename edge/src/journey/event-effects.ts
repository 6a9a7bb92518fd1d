import type { BehaviorEvent } from '@smart-onboarding/protocol';
import { setInterventionOutcome } from '../adapters/d1/queries/journeys';
import { deviceClassOfEvents } from '../analytics/journey-analysis';
import { observeEvents } from '../intelligence/journey-intelligence';
import type { PersonaProfile } from '../intelligence/persona';
import type { JourneyEditDeps } from './journey-changes';
import { applyEventsToJourney } from './journey-events';
import type { ChosenPolicy } from './next-step-decider';
import { ruleBasedNextStep } from './next-step-policy';
import type { JourneyOwner } from './owner';

/**
 * What newly accepted events change in the journey itself: the user model and persona learn from them,
 * step actions advance the journey (each followed by the arm's next decision), engagement is recorded,
 * and intervention outcomes reach D1. Events that do not fit the journey are only counted (by the queue).
 */
export async function applyIngestedEvents(
  deps: JourneyEditDeps,
  owner: JourneyOwner,
  events: BehaviorEvent[],
): Promise<void> {
  const { store, decider, changes, services } = deps;
  const flow = store.get('flow');
  const before = store.get('journey');
  if (!before || !flow) return;
  const profile = before.profile as PersonaProfile;
  if (store.get('deviceClass') === null) {
    const device = deviceClassOfEvents(events);
    if (device !== 'unknown') store.set('deviceClass', device);
  }
  store.set('intelligence', observeEvents(decider.intelligence(before), events, flow.flow, profile));
  const decides = events.some((e) => e.eventType === 'step' && e.action !== 'viewed');
  const chosen: ChosenPolicy = decides
    ? await decider.policyFor(owner, flow, before)
    : { policy: ruleBasedNextStep };
  const { state, outcomes } = applyEventsToJourney(
    before,
    flow.flow,
    events,
    (s) => decider.decide(s, flow, chosen.policy),
    Date.now(),
  );
  decider.note(owner, flow.flow.id, chosen, before);
  if (state === before) return;
  await changes.apply(owner, before, state, flow);
  if (state.currentStepId !== before.currentStepId) changes.announceNextStep(state, flow);
  if (outcomes.length > 0) {
    await Promise.all(
      outcomes.map((o) => setInterventionOutcome(services.db, owner.tenantId, o.interventionId, o.outcome)),
    ).catch((err) => console.warn('intervention outcome write failed', err));
  }
}
