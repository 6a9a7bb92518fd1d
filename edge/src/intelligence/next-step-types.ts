import type { OnboardingStep } from '@smart-onboarding/protocol';
import { feasibleSteps as feasibleInFlow, ruleBasedNextStep } from '../journey/next-step-policy';

/**
 * The next-step policy seam is defined once, by the journey service (`../journey/next-step-policy.ts`,
 * itself pure: types and the rule-based default, no I/O). The learned policies of this core implement it.
 */
export type { NextStepContext, NextStepDecision, NextStepPolicy } from '../journey/next-step-policy';

/** The rule-based default: the first feasible step in flow order, its own wording. */
export const firstFeasibleStep = ruleBasedNextStep;

/** Steps not yet done whose prerequisites are all done, in flow order. */
export function feasibleSteps(steps: readonly OnboardingStep[], done: ReadonlySet<string>): OnboardingStep[] {
  return feasibleInFlow({ steps }, done);
}
