import type { FlowDefinition, OnboardingStep, UserProfile } from '@smart-onboarding/protocol';

/**
 * The next-step policy seam, mirrored from the journey service (`edge/src/journey/next-step-policy.ts`)
 * so the pure core does not import the adapter. The shapes are the same, so TypeScript's structural
 * typing lets the journey object use `pathOptimizerPolicy` wherever it takes a `NextStepPolicy`.
 */
export interface NextStepContext {
  flow: FlowDefinition;
  /** Steps completed or skipped, by id. */
  done: ReadonlySet<string>;
  currentStepId: string | null;
  profile?: Partial<UserProfile>;
  now: number;
  /** Uniform in [0, 1): the only source of chance a policy may use. */
  random: () => number;
}

export interface NextStepDecision {
  step: OnboardingStep | null;
  variantId?: string;
  done: boolean;
  reason: string;
  /**
   * Optional steps the policy chose to skip on the way to `step`: the journey marks them skipped.
   * An addition to the journey service's decision; ignoring it only means those steps are offered later.
   */
  skip?: string[];
}

export interface NextStepPolicy {
  readonly name: string;
  choose(ctx: NextStepContext): NextStepDecision;
}

/** Steps not yet done whose prerequisites are all done, in flow order (same rule as the journey service). */
export function feasibleSteps(steps: readonly OnboardingStep[], done: ReadonlySet<string>): OnboardingStep[] {
  return steps.filter((s) => !done.has(s.id) && s.prerequisites.every((p) => done.has(p)));
}

/** The rule-based default: the first feasible step in flow order, its own wording. */
export const firstFeasibleStep: NextStepPolicy = {
  name: 'rules:first-feasible',
  choose({ flow, done }) {
    if (flow.steps.every((s) => done.has(s.id)))
      return { step: null, done: true, reason: 'every step is done' };
    const [first] = feasibleSteps(flow.steps, done);
    if (!first) return { step: null, done: false, reason: 'no step has its prerequisites met' };
    return { step: first, done: false, reason: 'first step in flow order whose prerequisites are met' };
  },
};
