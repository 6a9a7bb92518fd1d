import type {
  FlowDefinition,
  FlowVersion,
  NextStepResponse,
  OnboardingJourney,
} from '@smart-onboarding/protocol';
import { expectedStepDurationSec, userPaceFactor } from '../intelligence/completion-time';
import { type JourneyIntelligence, journeyPredictions } from '../intelligence/journey-intelligence';
import { predictOptimalPath } from '../intelligence/learning-path';
import type { FlowLearningState } from '../learning/flow-learning';
import type { JourneyState } from './journey-state';
import type { JourneyArm } from './policies';

/**
 * The journey as the API shows it, with what the flow has learned: `predictedSuccessRate` and
 * `estimatedCompletionTime` from the flow's success and time models, and (smart arm) `personalizedPath`
 * in the order the optimizer currently thinks best. A finished journey keeps its certain rate (1 or 0).
 * Pure: the journey object passes the flow learner's snapshot.
 *
 * @example
 * const shown = withPredictions(toOnboardingJourney(state, flow), state, intel, learning, flow, 'smart');
 */
export function withPredictions(
  journey: OnboardingJourney,
  state: JourneyState,
  intel: JourneyIntelligence,
  learning: FlowLearningState,
  flow: FlowDefinition,
  arm: JourneyArm,
  now: number,
): OnboardingJourney {
  if (state.status !== 'active') return journey;
  const facts = {
    completions: state.completions,
    interventions: state.interventions,
    startedAt: state.startedAt,
    now,
  };
  const predicted = journeyPredictions(intel, learning, flow, facts);
  if (arm === 'adaptive') return { ...journey, ...predicted };
  const ratios = state.completions
    .filter((c) => c.action === 'completed')
    .map((c) => {
      const step = flow.steps.find((s) => s.id === c.stepId);
      return step ? c.durationMs / 1000 / expectedStepDurationSec(learning.times, step) : Number.NaN;
    });
  const path = predictOptimalPath({
    flow,
    done: new Set(state.completions.map((c) => c.stepId)),
    persona: intel.persona,
    learning: intel.learning,
    optimizer: learning.optimizer,
    times: learning.times,
    paceFactor: userPaceFactor(ratios, intel.persona.recommendedApproach.pace),
  });
  return { ...journey, ...predicted, personalizedPath: path };
}

/** The next step as the API and the cache show it: the one decided at the journey's last change. */
export function nextStepOf(state: JourneyState, flow: FlowVersion): NextStepResponse {
  const step = state.currentStepId
    ? (flow.flow.steps.find((s) => s.id === state.currentStepId) ?? null)
    : null;
  const done = state.status === 'completed';
  return { step, variantId: state.variantId, done, reason: state.currentReason };
}
