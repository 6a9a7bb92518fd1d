import type { FlowVersion } from '@smart-onboarding/protocol';
import { journeyOutcome, takeSnapshot } from '../intelligence/journey-intelligence';
import type { Services } from '../services';
import type { JourneyState } from './journey-state';
import { nextStepOf } from './journey-view';
import type { LearnerLink } from './learner-link';
import type { NextStepCache } from './next-step-cache';
import type { NextStepDecider } from './next-step-decider';
import type { JourneyOwner } from './owner';
import type { SocketHub } from './socket-hub';
import type { JourneyStore } from './store/journey-store';
import type { SummaryMirror } from './summary-mirror';

/** What a module that decides and then changes the journey needs (events, reconciliation). */
export interface JourneyEditDeps {
  store: JourneyStore;
  decider: NextStepDecider;
  changes: JourneyChanges;
  services: Pick<Services, 'db'>;
}

/**
 * How a new journey state is made durable and known: stored, mirrored to the cache (before answering) and
 * to D1 (after), learned from (a snapshot when a step ended, the outcome when the journey ended), and
 * announced to the user's open tabs.
 */
export class JourneyChanges {
  constructor(
    private readonly deps: {
      store: JourneyStore;
      decider: NextStepDecider;
      learner: LearnerLink;
      summaries: SummaryMirror;
      nextStepCache: NextStepCache;
      sockets: SocketHub;
    },
  ) {}

  /** Stores a new state, then mirrors it: D1 after the answer, the cache before it. */
  async commit(owner: JourneyOwner, state: JourneyState): Promise<void> {
    this.deps.store.set('journey', state);
    await this.deps.summaries.schedule(owner.tenantId);
    // Awaited: once a write is answered, a read through the cache sees it.
    await this.deps.nextStepCache.refresh(owner);
  }

  /** `commit`, then what the change means for the intelligence (`learnFrom`). */
  async apply(
    owner: JourneyOwner,
    before: JourneyState,
    after: JourneyState,
    flow: FlowVersion,
  ): Promise<void> {
    await this.commit(owner, after);
    await this.learnFrom(owner, before, after, flow);
  }

  /**
   * A snapshot when a step ended (for the success model), and the outcome sent to the flow learner when the
   * journey completed or was abandoned.
   */
  private async learnFrom(owner: JourneyOwner, before: JourneyState, after: JourneyState, flow: FlowVersion) {
    const { store, decider, learner } = this.deps;
    const now = Date.now();
    const facts = {
      completions: after.completions,
      interventions: after.interventions,
      startedAt: after.startedAt,
      now,
    };
    let intel = decider.intelligence(after);
    if (after.completions.length > before.completions.length) intel = takeSnapshot(intel, flow.flow, facts);
    store.set('intelligence', intel);
    if (before.status === 'active' && (after.status === 'completed' || after.status === 'abandoned')) {
      const outcome = journeyOutcome(intel, flow.flow, {
        ...facts,
        now: after.completedAt ?? now,
        status: after.status,
        currentStepId: after.currentStepId ?? before.currentStepId,
        currentStepSince: after.currentStepSince,
      });
      store.set('pendingOutcome', { journeyId: after.id, flowId: flow.flow.id, outcome });
      await learner.sendOutcome(owner);
    }
  }

  /** Pushes the journey's next step to the user's open tabs. */
  announceNextStep(state: JourneyState, flow: FlowVersion): void {
    const next = nextStepOf(state, flow);
    this.deps.sockets.broadcast({ type: 'next_step', step: next.step, variantId: next.variantId });
  }
}
