import type { FlowLearningState } from '../learning/flow-learning';
import type { Services } from '../services';
import { type AlarmScheduler, RETRY_SOON_MS } from './alarm-scheduler';
import type { JourneyOwner } from './owner';
import type { JourneyStore } from './store/journey-store';

/** How stale the flow's learning may be in a journey read (decisions always read it afresh). */
export const LEARNING_READ_MAX_AGE_MS = 5_000;

/**
 * The journey's line to its flow learner (one Durable Object per tenant and flow): snapshots of what the
 * flow has learned, decision counts, and the ended journey's outcome, sent once and retried by the alarm.
 * The learner may be unreachable; callers fall back (the rules decide, predictions use priors).
 */
export class LearnerLink {
  /** The flow learner's state, kept a few seconds for reads. */
  private cached: { flowId: string; at: number; value: FlowLearningState } | null = null;

  constructor(
    private readonly deps: {
      services: Pick<Services, 'flowLearner'>;
      store: JourneyStore;
      alarms: AlarmScheduler;
      waitUntil(work: Promise<unknown>): void;
    },
  ) {}

  /** The flow's learning, at most `maxAgeMs` old (0: ask the learner now). Throws when unreachable. */
  async snapshot(tenantId: string, flowId: string, maxAgeMs: number): Promise<FlowLearningState> {
    const cached = this.cached;
    if (cached && cached.flowId === flowId && Date.now() - cached.at <= maxAgeMs) return cached.value;
    const value = await this.deps.services.flowLearner(tenantId, flowId).snapshot();
    this.cached = { flowId, at: Date.now(), value };
    return value;
  }

  /** Counts decisions made on a snapshot at the learner, after the answer (a lost count is only a count). */
  noteDecisions(tenantId: string, flowId: string, decisions: number, explorations: number): void {
    this.deps.waitUntil(
      this.deps.services
        .flowLearner(tenantId, flowId)
        .noteDecisions(decisions, explorations)
        .catch((err) => console.warn('decision count not sent to the flow learner', err)),
    );
  }

  /** Sends an ended journey's outcome to its flow learner (idempotent there); the alarm retries. */
  async sendOutcome(owner: JourneyOwner): Promise<void> {
    const { store, services, alarms } = this.deps;
    const pending = store.get('pendingOutcome');
    if (!pending) return;
    try {
      await services
        .flowLearner(owner.tenantId, pending.flowId)
        .learnFromJourney(pending.journeyId, pending.outcome);
      store.set('pendingOutcome', null);
      this.cached = null;
    } catch (err) {
      console.warn('journey outcome not learned yet; the alarm retries', err);
      await alarms.armAt(Date.now() + RETRY_SOON_MS);
    }
  }
}
