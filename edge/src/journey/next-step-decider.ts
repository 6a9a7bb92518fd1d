import type { FlowVersion } from '@smart-onboarding/protocol';
import type { InterventionEngineOptions } from '../intelligence/intervention/engine';
import { type JourneyIntelligence, rememberDecisions } from '../intelligence/journey-intelligence';
import { doneSteps, type JourneyState } from './journey-state';
import type { LearnerLink } from './learner-link';
import { type NextStepDecision, type NextStepPolicy, ruleBasedNextStep } from './next-step-policy';
import type { JourneyOwner } from './owner';
import { journeyArm, journeyPolicies, type OptimizerHolder, startJourneyIntelligence } from './policies';
import type { JourneyStore } from './store/journey-store';

/** The policy a decision uses, and (smart arm) the optimizer snapshot it advances. */
export interface ChosenPolicy {
  policy: NextStepPolicy;
  holder?: OptimizerHolder;
  before?: { decisions: number; explorations: number };
}

type DecisionFacts = Pick<JourneyState, 'completions' | 'currentStepId' | 'profile'>;

/**
 * Next-step decisions for one journey: the user's arm picks the policy (the path optimizer on a fresh
 * snapshot of the flow learner for the smart arm, the rules for the adaptive arm or when the learner cannot
 * be reached), and the decisions made are remembered for credit and counted at the learner.
 */
export class NextStepDecider {
  constructor(
    private readonly deps: { store: JourneyStore; learner: LearnerLink; engine: InterventionEngineOptions },
  ) {}

  /** What the intelligence knows of the journey (always stored beside it; a fresh one otherwise). */
  intelligence(state: Pick<JourneyState, 'profile'>): JourneyIntelligence {
    return this.deps.store.get('intelligence') ?? startJourneyIntelligence(state.profile);
  }

  /**
   * The next-step policy for the user's arm. When the learner cannot be reached the rules decide
   * (onboarding never waits on learning) and the log says why.
   */
  async policyFor(
    owner: JourneyOwner,
    flow: FlowVersion,
    state: Pick<JourneyState, 'profile'>,
  ): Promise<ChosenPolicy> {
    const arm = journeyArm(state.profile);
    if (arm === 'adaptive') return { policy: ruleBasedNextStep };
    try {
      const learning = await this.deps.learner.snapshot(owner.tenantId, flow.flow.id, 0);
      const holder: OptimizerHolder = {
        state: learning.optimizer,
        records: [],
        learning: this.intelligence(state).learning,
      };
      const before = {
        decisions: learning.optimizer.decisions,
        explorations: learning.optimizer.explorations,
      };
      return { policy: journeyPolicies(this.deps.engine, arm, holder).nextStep, holder, before };
    } catch (err) {
      console.warn('flow learner unreachable; the rules decide', err);
      return { policy: journeyPolicies(this.deps.engine, arm).nextStep };
    }
  }

  decide(state: DecisionFacts, flow: FlowVersion, policy: NextStepPolicy): NextStepDecision {
    return policy.choose({
      flow: flow.flow,
      done: doneSteps(state),
      currentStepId: state.currentStepId,
      profile: state.profile,
      now: Date.now(),
      random: Math.random,
    });
  }

  /** After decisions on a snapshot: the journey remembers them (for credit), the learner counts them. */
  note(
    owner: JourneyOwner,
    flowId: string,
    chosen: ChosenPolicy,
    state: Pick<JourneyState, 'profile'>,
  ): void {
    const { holder, before } = chosen;
    if (!holder || !before || holder.records.length === 0) return;
    this.deps.store.set('intelligence', rememberDecisions(this.intelligence(state), holder.records));
    this.deps.learner.noteDecisions(
      owner.tenantId,
      flowId,
      holder.state.decisions - before.decisions,
      holder.state.explorations - before.explorations,
    );
  }
}
