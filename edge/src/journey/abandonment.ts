import type { FlowDefinition, FlowVersion } from '@smart-onboarding/protocol';
import type { JourneyChanges } from './journey-changes';
import { abandonJourney, type JourneyState } from './journey-state';
import type { JourneyOwner } from './owner';
import type { SocketHub } from './socket-hub';
import type { JourneyStore } from './store/journey-store';

/**
 * A flow's inactivity window when it sets none: three days without progress. Long enough for a user who
 * comes back after a weekend, short enough that the optimizer hears about abandonment within the week.
 */
export const DEFAULT_ABANDON_AFTER_SEC = 3 * 86_400;

/** When the journey last made progress: its start, the user arriving on the current step, a step done. */
function lastProgressAt(state: Pick<JourneyState, 'startedAt' | 'currentStepSince' | 'completions'>): number {
  return Math.max(state.startedAt, state.currentStepSince, ...state.completions.map((c) => c.at));
}

/**
 * When an active journey is closed as abandoned if nothing happens before: its last progress plus the
 * flow's inactivity window. Null for a finished journey. Pure.
 */
function abandonDeadline(
  state: Pick<JourneyState, 'status' | 'startedAt' | 'currentStepSince' | 'completions'>,
  flow: Pick<FlowDefinition, 'abandonAfterSec'>,
): number | null {
  if (state.status !== 'active') return null;
  return lastProgressAt(state) + (flow.abandonAfterSec ?? DEFAULT_ABANDON_AFTER_SEC) * 1000;
}

/** The journey's abandonment deadline as stored, or null (no journey, or finished). */
export function storedAbandonDeadline(store: JourneyStore): number | null {
  const state = store.get('journey');
  const flow = store.get('flow');
  return state && flow ? abandonDeadline(state, flow.flow) : null;
}

/**
 * From the alarm: closes the journey as abandoned once its inactivity window has passed. The journey ends
 * when the user was last seen (their last progress, or a later message on a tab), so the step they
 * stopped on is censored at the time they really spent, not at the length of the window. Learning,
 * mirroring and the outcome for the flow learner go through `JourneyChanges`, as for any other ending.
 * Returns whether it closed the journey.
 */
export async function abandonIfInactive(
  deps: { store: JourneyStore; changes: JourneyChanges; sockets: SocketHub },
  owner: JourneyOwner,
  now: number,
): Promise<boolean> {
  const { store, changes, sockets } = deps;
  const before = store.get('journey');
  const flow: FlowVersion | null = store.get('flow');
  if (!before || !flow) return false;
  const deadline = abandonDeadline(before, flow.flow);
  if (deadline === null || now < deadline) return false;
  const lastSeen = Math.max(lastProgressAt(before), store.get('lastActivityAt') ?? 0);
  const idleSec = Math.round((now - lastProgressAt(before)) / 1000);
  const where = before.currentStepId ? ` on step ${before.currentStepId}` : '';
  const state = abandonJourney(
    before,
    now,
    `no progress for ${idleSec} s${where}`,
    'inactivity',
    Math.min(lastSeen, now),
  );
  await changes.apply(owner, before, state, flow);
  sockets.broadcast({ type: 'next_step', step: null });
  return true;
}
