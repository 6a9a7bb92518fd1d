import type { Env } from '../env';
import { hintOnCurrentStep, type InterventionPolicy } from './intervention-policy';
import { type NextStepPolicy, ruleBasedNextStep } from './next-step-policy';

/** The decisions a journey delegates: which step next, and what to do about a struggle. */
export interface JourneyPolicies {
  nextStep: NextStepPolicy;
  intervention: InterventionPolicy;
}

/** Rules: the first feasible step, and a hint on the current step's target. */
export const defaultPolicies: JourneyPolicies = {
  nextStep: ruleBasedNextStep,
  intervention: hintOnCurrentStep,
};

/**
 * The policies a journey object uses. The one place to plug learned policies in (the path optimizer's
 * bandit, the intervention engine): they implement the same two interfaces and stay pure.
 */
export function journeyPolicies(_env: Env): JourneyPolicies {
  return defaultPolicies;
}
