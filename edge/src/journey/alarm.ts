import type { Services } from '../services';
import { type AlarmScheduler, RETRY_SOON_MS } from './alarm-scheduler';
import { retryDueEscalations } from './escalation-retry';
import type { LearnerLink } from './learner-link';
import type { JourneyOwner } from './owner';
import { MONITOR_INTERVAL_MS } from './progress-monitor';
import { RECONCILE_EVERY_MS } from './reconciliation';
import type { JourneyStore } from './store/journey-store';
import type { SummaryMirror } from './summary-mirror';

/**
 * When the alarm has work left: escalations due again, an outcome the flow learner has not taken, the
 * progress monitor while a smart-arm tab is open, and an active journey's abandonment deadline. Pure.
 */
export function pendingAlarmTimes(
  stored: {
    escalations: readonly { retryAt: number }[];
    outcomePending: boolean;
    monitored: boolean;
    abandonAt: number | null;
  },
  now: number,
): number[] {
  const times = stored.escalations.map((e) => e.retryAt);
  if (stored.outcomePending) times.push(now + RETRY_SOON_MS);
  if (stored.monitored) times.push(now + MONITOR_INTERVAL_MS);
  // A deadline already past (an object that slept through it) is due now.
  if (stored.abandonAt !== null) times.push(Math.max(now, stored.abandonAt));
  return times;
}

/**
 * One run of the journey object's alarm, the safety net for work after the answer: the D1 summary, the
 * periodic reconciliation with D1, closing a journey idle past its flow's inactivity window, a finished
 * journey's outcome for the flow learner, the progress monitor,
 * and escalation tickets whose webhook delivery is due again. Each part is retried on its own; the alarm is
 * then set again for what is still pending.
 */
export async function runAlarm(deps: {
  store: JourneyStore;
  alarms: AlarmScheduler;
  summaries: SummaryMirror;
  learner: LearnerLink;
  services: Pick<Services, 'escalation'>;
  reconcile(owner: JourneyOwner): Promise<unknown>;
  monitor(owner: JourneyOwner): Promise<void>;
  abandonIfInactive(owner: JourneyOwner, now: number): Promise<boolean>;
  rearm(): Promise<void>;
}): Promise<void> {
  const { store, alarms, summaries, learner, services } = deps;
  const owner = store.get('owner');
  if (!owner) return;
  const hasJourney = store.get('journey') !== null && store.get('flow') !== null;
  const now = Date.now();
  const summaryWritten = await summaries.catchUp(owner.tenantId);
  if (hasJourney && summaryWritten && now - store.get('reconciledAt') >= RECONCILE_EVERY_MS) {
    try {
      await deps.reconcile(owner);
      store.set('reconciledAt', now);
    } catch (err) {
      console.warn('reconciliation with D1 failed; the next alarm tries again', err);
    }
  }
  if (hasJourney) {
    try {
      await deps.abandonIfInactive(owner, Date.now());
    } catch (err) {
      console.warn('closing an inactive journey failed; the next alarm tries again', err);
    }
  }
  await learner.sendOutcome(owner);
  try {
    await deps.monitor(owner);
  } catch (err) {
    console.warn('progress monitor failed', err);
  }
  const pending = store.get('escalations');
  if (pending.length > 0) {
    store.set('escalations', await retryDueEscalations(services.escalation, pending, Date.now()));
  }
  await deps.rearm();
  if (!summaryWritten) await alarms.armAt(Date.now() + RETRY_SOON_MS);
}
