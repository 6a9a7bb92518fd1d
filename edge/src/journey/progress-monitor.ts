import type { StruggleMetrics } from '@smart-onboarding/protocol';
import { expectedStepDurationSec } from '../intelligence/completion-time';
import { monitorUserProgress } from '../intelligence/intervention/monitor';
import { LEARNING_READ_MAX_AGE_MS, type LearnerLink } from './learner-link';
import type { Outcome } from './outcome';
import type { JourneyOwner } from './owner';
import { journeyArm } from './policies';
import type { SocketHub } from './socket-hub';
import type { JourneyStore } from './store/journey-store';
import type { StruggleDecision } from './struggle-decision';
import type { StruggleFollowUp } from './struggle-follow-up';

/** While a tab is open, the alarm looks this often for a user stalled on a step (`monitorUserProgress`). */
export const MONITOR_INTERVAL_MS = 30_000;

/** A smart-arm journey that is active with a tab open is watched for stalls. */
export function isMonitored(store: JourneyStore, sockets: SocketHub): boolean {
  const state = store.get('journey');
  return (
    state !== null && state.status === 'active' && journeyArm(state.profile) === 'smart' && sockets.anyOpen
  );
}

/**
 * The seed's `monitorUserProgress`, from the alarm: a user present on a step far longer than expected
 * (which the device cannot see: sitting still raises no signal) gets the engine's answer to a stall,
 * pushed to their tabs like any other intervention.
 */
export async function monitorProgress(
  deps: {
    store: JourneyStore;
    sockets: SocketHub;
    learner: LearnerLink;
    decide(owner: JourneyOwner, report: StruggleMetrics): Promise<Outcome<StruggleDecision>>;
    followUp(owner: JourneyOwner, followUp: StruggleFollowUp): Promise<void>;
  },
  owner: JourneyOwner,
): Promise<void> {
  const { store, sockets, learner } = deps;
  if (!isMonitored(store, sockets)) return;
  const state = store.get('journey')!;
  const flow = store.get('flow');
  const step = flow?.flow.steps.find((s) => s.id === state.currentStepId);
  if (!flow || !step) return;
  let expectedStepSec = step.estimatedDurationSec;
  try {
    const learning = await learner.snapshot(owner.tenantId, flow.flow.id, LEARNING_READ_MAX_AGE_MS);
    expectedStepSec = expectedStepDurationSec(learning.times, step);
  } catch {
    // the author's estimate will do
  }
  const lastOnStep = state.interventions.filter((i) => i.stepId === step.id).at(-1);
  const assessment = monitorUserProgress(
    {
      currentStepId: step.id,
      stepStartedAt: state.currentStepSince,
      expectedStepSec,
      lastActivityAt: store.get('lastActivityAt') ?? state.updatedAt,
      ...(lastOnStep ? { lastInterventionAt: lastOnStep.createdAt } : {}),
    },
    Date.now(),
  );
  if (assessment.status !== 'stalled') return;
  const decided = await deps.decide(owner, assessment.report);
  if (!decided.ok) return;
  const { plan, followUp } = decided.value;
  if (plan.kind !== 'none' && !plan.holdout)
    sockets.broadcast({ type: 'intervention', plan, reportedAt: assessment.report.t });
  if (followUp) await deps.followUp(owner, followUp);
}
