import type { Signal } from '@smart-onboarding/protocol';
import type { TargetInfo } from '../capture/raw-event';
import { batchOf, makeSignal, type SignalStepper } from './shared';

export const HESITATION = {
  /** Resting on a button or link this long without using it. */
  hoverMs: 3000,
  /** Time on a step past this multiple of its estimate. */
  stepOverrun: 2,
};

/**
 * The rule as a stepper: the hover and the step under way, each closed by the event that ends it or by
 * the clock once its threshold has passed (then it is done: one signal each, with the dwell at that moment).
 */
export function hesitationStepper(): SignalStepper {
  let hover: { t: number; target: TargetInfo; acted: boolean } | undefined;
  let step: { t: number; stepId: string; estimateMs?: number | undefined; done?: boolean } | undefined;
  const closeHover = (end: number, out: Signal[]) => {
    if (hover && !hover.acted && end - hover.t >= HESITATION.hoverMs) {
      out.push(
        makeSignal('hesitation', hover.t + HESITATION.hoverMs, hover.target, {
          kind: 'hover',
          dwellMs: Math.round(end - hover.t),
        }),
      );
      hover.acted = true;
    }
  };
  const closeStep = (end: number, out: Signal[]) => {
    if (!step?.estimateMs || step.done) return;
    const limit = step.estimateMs * HESITATION.stepOverrun;
    if (end - step.t < limit) return;
    out.push(
      makeSignal('hesitation', step.t + limit, undefined, {
        kind: 'step',
        stepId: step.stepId,
        dwellMs: Math.round(end - step.t),
        estimateMs: step.estimateMs,
      }),
    );
    step.done = true;
  };
  return {
    add(e, out) {
      if (e.type === 'hover') {
        if (e.phase === 'enter') {
          closeHover(e.t, out);
          hover =
            e.target.interactive && !e.target.disabled
              ? { t: e.t, target: e.target, acted: false }
              : undefined;
        } else if (hover && e.target.selector === hover.target.selector) {
          closeHover(e.t, out);
          hover = undefined;
        }
      } else if (
        hover &&
        (e.type === 'down' || e.type === 'click' || e.type === 'key' || e.type === 'input')
      ) {
        hover.acted = true;
      } else if (e.type === 'visibility' && e.hidden) {
        // Away from the tab is not hesitation.
        if (hover) hover.acted = true;
      } else if (e.type === 'step') {
        closeStep(e.t, out);
        step = { t: e.t, stepId: e.stepId, estimateMs: e.estimateMs };
      }
    },
    at(now, out) {
      closeHover(now, out);
      closeStep(now, out);
    },
  };
}

const unsorted = batchOf(hesitationStepper);

/**
 * Hesitation, of two kinds:
 * - `hover`: the pointer rests on an actionable element for `hoverMs` without clicking, pressing or
 *   typing on it (dwell over the thing one is unsure about);
 * - `step`: the user has been on an onboarding step for more than `stepOverrun` times its estimate.
 * Both fire once, when the threshold passes (so they can fire while the hover or the step is ongoing).
 *
 * @example
 * detectHesitation(events, { now: performance.now() });
 */
export const detectHesitation: typeof unsorted = (events, options) =>
  unsorted(events, options).sort((a, b) => a.t - b.t);
