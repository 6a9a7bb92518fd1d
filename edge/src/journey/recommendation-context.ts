import type { FlowVersion } from '@smart-onboarding/protocol';
import type { RecommendationContext } from '../intelligence/content-recommendations';
import type { JourneyIntelligence } from '../intelligence/journey-intelligence';
import type { PersonaProfile } from '../intelligence/persona';
import { behaviourEvidence } from '../intelligence/user-model';
import type { FlowLearningState } from '../learning/flow-learning';
import type { JourneyState } from './journey-state';
import { fail, type Outcome, ok } from './outcome';
import { journeyArm } from './policies';

/**
 * What `generateContentRecommendations` needs from a journey at one step (the named one, else the current
 * one): the persona, the proficiency the user showed, the step, and, in the smart arm, what the flow's
 * optimizer learned about the step's variants for this cohort and persona. Pure.
 *
 * @example
 * const context = recommendationContextOf({ state, flow, intel, learning });
 */
export function recommendationContextOf(facts: {
  state: JourneyState;
  flow: FlowVersion;
  intel: JourneyIntelligence;
  /** The flow learner's snapshot; undefined when it could not be reached. */
  learning?: FlowLearningState;
  stepId?: string;
}): Outcome<RecommendationContext> {
  const { state, flow, intel, learning } = facts;
  const stepId = facts.stepId ?? state.currentStepId;
  const step = stepId ? flow.flow.steps.find((s) => s.id === stepId) : undefined;
  if (facts.stepId && !step)
    return fail(404, 'not_found', `flow ${flow.flow.id} has no step "${facts.stepId}"`);
  const profile = state.profile as PersonaProfile;
  const proficiency = behaviourEvidence(intel.userModel, profile.technicalProficiency).proficiency;
  return ok({
    persona: intel.persona,
    ...(proficiency ? { proficiency } : {}),
    ...(step ? { step } : {}),
    ...(learning && journeyArm(state.profile) === 'smart'
      ? { optimizer: { state: learning.optimizer, learning: intel.learning } }
      : {}),
  });
}
