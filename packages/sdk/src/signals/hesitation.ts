import type { Signal } from '@smart-onboarding/protocol';
import type { RawEvent, TargetInfo } from '../capture/raw-event';
import { type DetectOptions, makeSignal, nowOf } from './shared';

export const HESITATION = {
  /** Resting on a button or link this long without using it. */
  hoverMs: 3000,
  /** Time on a step past this multiple of its estimate. */
  stepOverrun: 2,
};

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
export function detectHesitation(events: readonly RawEvent[], options?: DetectOptions): Signal[] {
  const now = nowOf(events, options);
  return [...hoverHesitations(events, now), ...stepHesitations(events, now)].sort((a, b) => a.t - b.t);
}

function hoverHesitations(events: readonly RawEvent[], now: number): Signal[] {
  const signals: Signal[] = [];
  let hover: { t: number; target: TargetInfo; acted: boolean } | undefined;
  const close = (end: number) => {
    if (hover && !hover.acted && end - hover.t >= HESITATION.hoverMs)
      signals.push(
        makeSignal('hesitation', hover.t + HESITATION.hoverMs, hover.target, {
          kind: 'hover',
          dwellMs: Math.round(end - hover.t),
        }),
      );
    hover = undefined;
  };
  for (const e of events) {
    if (e.type === 'hover') {
      if (e.phase === 'enter') {
        close(e.t);
        if (e.target.interactive && !e.target.disabled) hover = { t: e.t, target: e.target, acted: false };
      } else if (hover && e.target.selector === hover.target.selector) close(e.t);
    } else if (hover && (e.type === 'down' || e.type === 'click' || e.type === 'key' || e.type === 'input')) {
      hover.acted = true;
    } else if (e.type === 'visibility' && e.hidden) {
      // Away from the tab is not hesitation.
      if (hover) hover.acted = true;
    }
  }
  close(now);
  return signals;
}

function stepHesitations(events: readonly RawEvent[], now: number): Signal[] {
  const signals: Signal[] = [];
  let step: { t: number; stepId: string; estimateMs?: number | undefined } | undefined;
  const close = (end: number) => {
    if (!step?.estimateMs) return;
    const limit = step.estimateMs * HESITATION.stepOverrun;
    if (end - step.t >= limit)
      signals.push(
        makeSignal('hesitation', step.t + limit, undefined, {
          kind: 'step',
          stepId: step.stepId,
          dwellMs: Math.round(end - step.t),
          estimateMs: step.estimateMs,
        }),
      );
  };
  for (const e of events) {
    if (e.type !== 'step') continue;
    close(e.t);
    step = { t: e.t, stepId: e.stepId, estimateMs: e.estimateMs };
  }
  close(now);
  return signals;
}
