import type { FlowDefinition, OnboardingStep, UserProfile } from '@smart-onboarding/protocol';

/** What a next-step policy may look at. Everything is given: a policy does no I/O. */
export interface NextStepContext {
  flow: FlowDefinition;
  /** Steps completed or skipped, by id. */
  done: ReadonlySet<string>;
  /** The step the user is on, if any: a policy may prefer to keep the user where they are. */
  currentStepId: string | null;
  profile?: Partial<UserProfile>;
  now: number;
  /** Uniform in [0, 1): the only source of chance a policy may use (tests pass a seeded one). */
  random: () => number;
}

export interface NextStepDecision {
  step: OnboardingStep | null;
  variantId?: string;
  /** True when every step is completed or skipped. */
  done: boolean;
  /** Why this step, in words a person can read in a log or a dashboard. */
  reason: string;
  /**
   * Optional steps the policy chose to pass over on the way to `step`: the journey records them as
   * skipped. Ignored unless each is optional, not done, and has its prerequisites met.
   */
  skip?: string[];
}

/**
 * Chooses the next step of a journey (the seed's `getNextOptimalStep`). Implementations must be pure and
 * must never return a step whose prerequisites are unmet: `feasibleSteps` gives the candidates.
 *
 * @example
 * const policy: NextStepPolicy = { name: 'first', choose: (ctx) => ruleBasedNextStep.choose(ctx) };
 */
export interface NextStepPolicy {
  readonly name: string;
  choose(ctx: NextStepContext): NextStepDecision;
}

/** Steps not yet done whose prerequisites are all done, in flow order. */
export function feasibleSteps(
  flow: { readonly steps: readonly OnboardingStep[] },
  done: ReadonlySet<string>,
): OnboardingStep[] {
  return flow.steps.filter((s) => !done.has(s.id) && s.prerequisites.every((p) => done.has(p)));
}

/** The default policy: the first feasible step in the order the tenant wrote the flow. */
export const ruleBasedNextStep: NextStepPolicy = {
  name: 'rules:first-feasible',
  choose({ flow, done }) {
    if (flow.steps.every((s) => done.has(s.id)))
      return { step: null, done: true, reason: 'every step is done' };
    const [first] = feasibleSteps(flow, done);
    if (!first) return { step: null, done: false, reason: 'no step has its prerequisites met' };
    return { step: first, done: false, reason: 'first step in flow order whose prerequisites are met' };
  },
};
