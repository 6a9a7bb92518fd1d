import type { BehaviorEvent, EngagementMetric, FlowDefinition } from '@smart-onboarding/protocol';
import {
  abandonJourney,
  advance,
  applyProgress,
  type JourneyState,
  recordEngagement,
  recordInterventionOutcome,
} from './journey-state';
import type { NextStepDecision } from './next-step-policy';

/** An intervention outcome the SDK reported, for the D1 record of that intervention. */
export interface ReportedOutcome {
  interventionId: string;
  outcome: 'dismissed' | 'accepted' | 'helpful' | 'not_helpful';
}

/**
 * What a batch of the user's events changes in the journey: steps completed or skipped (each followed by
 * the policy's next choice), abandonment (a step event `abandoned` or a `session_end`), engagement scores, and intervention outcomes. Events that do not fit (a step
 * whose prerequisites are unmet, an unknown step) change nothing here; the queue still counts them.
 * Returns the same state object when nothing changed.
 */
export function applyEventsToJourney(
  initial: JourneyState,
  flow: FlowDefinition,
  events: readonly BehaviorEvent[],
  decide: (state: JourneyState) => NextStepDecision,
  now: number,
): { state: JourneyState; outcomes: ReportedOutcome[] } {
  let state = initial;
  const engagement: EngagementMetric[] = [];
  const outcomes: ReportedOutcome[] = [];
  for (const e of events) {
    if (e.eventType === 'step' && (e.action === 'completed' || e.action === 'skipped')) {
      const applied = applyProgress(state, flow, { stepId: e.stepId, action: e.action }, now);
      if (applied.ok && applied.value.changed) {
        state = advance(applied.value.state, flow, decide(applied.value.state), now);
      }
    } else if (e.eventType === 'step' && e.action === 'abandoned') {
      state = abandonJourney(state, now, `the user left on step ${e.stepId}`);
    } else if (e.eventType === 'session_end') {
      const where = state.currentStepId ? ` on step ${state.currentStepId}` : '';
      state = abandonJourney(state, now, `the session ended (${e.reason})${where}`, 'session_end');
    } else if (e.eventType === 'engagement' && e.engagementScore !== undefined) {
      engagement.push({ t: e.timestamp, stepId: e.stepId, score: e.engagementScore });
    } else if (e.eventType === 'intervention') {
      state = recordInterventionOutcome(state, e.interventionId, e.action, now);
      if (e.action !== 'shown') outcomes.push({ interventionId: e.interventionId, outcome: e.action });
    }
  }
  return { state: recordEngagement(state, engagement, now), outcomes };
}
