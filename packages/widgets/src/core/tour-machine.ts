import type { StepGoal } from '@smart-onboarding/protocol/v1';

/** Where a tour is: on a step, or finished one way or the other. */
export interface TourState {
  index: number;
  status: 'active' | 'completed' | 'dismissed';
}

/** Why the tour moved: a button or arrow key (`next`, `back`), the step's goal, or the host app (`jump`). */
export type StepChangeReason = 'next' | 'back' | 'goal' | 'jump';

export type TourAction =
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'goto'; index: number }
  | { type: 'goal'; index: number }
  | { type: 'dismiss' };

export type TourEvent =
  | { type: 'stepChange'; from: number; to: number; reason: StepChangeReason }
  | { type: 'complete' }
  | { type: 'dismiss'; index: number };

/**
 * The tour as a pure state machine: the component feeds it actions and turns the returned events into
 * lifecycle callbacks, so the order of callbacks is decided here and tested with tables.
 * A `goal` for a step other than the current one is stale (a late click after moving on) and ignored.
 */
export function tourTransition(
  state: TourState,
  action: TourAction,
  stepCount: number,
): { state: TourState; events: TourEvent[] } {
  const same = { state, events: [] as TourEvent[] };
  if (state.status !== 'active') return same;
  const last = stepCount - 1;
  const move = (to: number, reason: StepChangeReason) =>
    to === state.index
      ? same
      : {
          state: { index: to, status: 'active' as const },
          events: [{ type: 'stepChange' as const, from: state.index, to, reason }],
        };
  const finish = () => ({
    state: { ...state, status: 'completed' as const },
    events: [{ type: 'complete' as const }],
  });
  switch (action.type) {
    case 'next':
      return state.index >= last ? finish() : move(state.index + 1, 'next');
    case 'goal':
      if (action.index !== state.index) return same;
      return state.index >= last ? finish() : move(state.index + 1, 'goal');
    case 'back':
      return state.index <= 0 ? same : move(state.index - 1, 'back');
    case 'goto':
      return Number.isInteger(action.index) && action.index >= 0 && action.index <= last
        ? move(action.index, 'jump')
        : same;
    case 'dismiss':
      return {
        state: { ...state, status: 'dismissed' },
        events: [{ type: 'dismiss', index: state.index }],
      };
  }
}

/** The step to start on: an index (clamped), a step id, or the first step. */
export function resolveStartIndex(steps: ReadonlyArray<{ id: string }>, startAt?: number | string): number {
  if (typeof startAt === 'number' && Number.isFinite(startAt))
    return Math.min(Math.max(0, Math.trunc(startAt)), Math.max(0, steps.length - 1));
  if (typeof startAt === 'string') {
    const found = steps.findIndex((s) => s.id === startAt);
    if (found >= 0) return found;
  }
  return 0;
}

/**
 * Whether the step offers a Next button (and the right arrow key). A step whose goal is a real action
 * (click, navigate, event) waits for that action, so a novice learns by doing; optional steps can always
 * be skipped.
 */
export function canAdvanceManually(step: { goal?: StepGoal; optional?: boolean }): boolean {
  return !step.goal || step.goal.kind === 'manual' || step.optional === true;
}
