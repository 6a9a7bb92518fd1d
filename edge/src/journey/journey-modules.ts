import type { FlowVersion, OnboardingJourney, StruggleMetrics } from '@smart-onboarding/protocol';
import type { Services } from '../services';
import { abandonIfInactive, storedAbandonDeadline } from './abandonment';
import { pendingAlarmTimes } from './alarm';
import { AlarmScheduler } from './alarm-scheduler';
import { applyIngestedEvents } from './event-effects';
import { runFollowUp } from './follow-ups';
import { EventIngestion } from './ingestion';
import { JourneyChanges } from './journey-changes';
import type { Reconciliation } from './journey-rpc';
import { type JourneyState, toOnboardingJourney } from './journey-state';
import { withPredictions } from './journey-view';
import { LEARNING_READ_MAX_AGE_MS, LearnerLink } from './learner-link';
import { NextStepCache } from './next-step-cache';
import { NextStepDecider } from './next-step-decider';
import type { Outcome } from './outcome';
import type { JourneyOwner } from './owner';
import { journeyArm } from './policies';
import { isMonitored, monitorProgress } from './progress-monitor';
import { reconcileWithD1 } from './reconciliation';
import { SocketHub } from './socket-hub';
import { JourneyStore } from './store/journey-store';
import { decideStruggle, type StruggleDecision } from './struggle-decision';
import type { StruggleFollowUp } from './struggle-follow-up';
import { SummaryMirror } from './summary-mirror';

/** The parts of one journey object, wired once in its constructor; the object's methods only call them. */
export interface JourneyModules {
  services: Services;
  store: JourneyStore;
  alarms: AlarmScheduler;
  sockets: SocketHub;
  learner: LearnerLink;
  decider: NextStepDecider;
  summaries: SummaryMirror;
  nextStepCache: NextStepCache;
  changes: JourneyChanges;
  ingestion: EventIngestion;
  decideStruggle(owner: JourneyOwner, report: StruggleMetrics): Promise<Outcome<StruggleDecision>>;
  followUp(owner: JourneyOwner, followUp: StruggleFollowUp): Promise<void>;
  monitor(owner: JourneyOwner): Promise<void>;
  reconcile(owner: JourneyOwner): Promise<Outcome<Reconciliation>>;
  /** Closes the journey as abandoned when its flow's inactivity window has passed. */
  abandonIfInactive(owner: JourneyOwner, now: number): Promise<boolean>;
  /** Sets the alarm for the work still pending (or clears it). */
  rearm(): Promise<void>;
  /** The wire form of the journey, with the flow's predictions when the learner answers. */
  describe(owner: JourneyOwner, state: JourneyState, flow: FlowVersion): Promise<OnboardingJourney>;
}

/**
 * Builds a journey object's modules over its state (storage, sockets, `waitUntil`) and the edge's services.
 *
 * @example
 * const m = journeyModules(ctx, servicesFor(env));
 * await m.changes.apply(owner, before, after, flow);
 */
export function journeyModules(ctx: DurableObjectState, services: Services): JourneyModules {
  const waitUntil = (work: Promise<unknown>) => ctx.waitUntil(work);
  const store = new JourneyStore(ctx.storage);
  const alarms = new AlarmScheduler(ctx.storage);
  const sockets = new SocketHub(ctx);
  const learner = new LearnerLink({ services, store, alarms, waitUntil });
  const decider = new NextStepDecider({ store, learner, engine: services.interventionEngine });
  const rearm = () =>
    alarms.rearm(
      pendingAlarmTimes(
        {
          escalations: store.get('escalations'),
          outcomePending: store.get('pendingOutcome') !== null,
          monitored: isMonitored(store, sockets),
          abandonAt: storedAbandonDeadline(store),
        },
        Date.now(),
      ),
    );
  const summaries = new SummaryMirror({ store, services, alarms, rearm, waitUntil });
  const nextStepCache = new NextStepCache({ store, services, waitUntil });
  const changes = new JourneyChanges({ store, decider, learner, summaries, nextStepCache, sockets });
  const ingestion = new EventIngestion({
    store,
    services,
    onFresh: (owner, events) => applyIngestedEvents({ store, decider, changes, services }, owner, events),
  });
  const decide = (owner: JourneyOwner, report: StruggleMetrics) =>
    decideStruggle({ store, decider, summaries, services }, owner, report);
  const followUp = (owner: JourneyOwner, f: StruggleFollowUp) =>
    runFollowUp({ store, alarms, sockets, services }, owner, f);
  return {
    services,
    store,
    alarms,
    sockets,
    learner,
    decider,
    summaries,
    nextStepCache,
    changes,
    ingestion,
    decideStruggle: decide,
    followUp,
    monitor: (owner) => monitorProgress({ store, sockets, learner, decide, followUp }, owner),
    reconcile: (owner) => reconcileWithD1({ store, decider, changes, services }, owner),
    abandonIfInactive: (owner, now) => abandonIfInactive({ store, changes, sockets }, owner, now),
    rearm,
    async describe(owner, state, flow) {
      const plain = toOnboardingJourney(state, flow.flow);
      try {
        const learning = await learner.snapshot(owner.tenantId, flow.flow.id, LEARNING_READ_MAX_AGE_MS);
        const intel = decider.intelligence(state);
        return withPredictions(
          plain,
          state,
          intel,
          learning,
          flow.flow,
          journeyArm(state.profile),
          Date.now(),
        );
      } catch (err) {
        console.warn('flow learner unreachable; the journey shows prior predictions', err);
        return plain;
      }
    },
  };
}
