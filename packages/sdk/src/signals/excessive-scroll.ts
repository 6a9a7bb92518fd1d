import type { Signal } from '@smart-onboarding/protocol';
import {
  batchOf,
  createReversalCounter,
  makeSignal,
  type ReversalCounter,
  type SignalStepper,
} from './shared';

export const EXCESSIVE_SCROLL = {
  /** A reversal counts once the scroll position has come back this far (a re-read of a line does not). */
  minLegPx: 200,
  /** Up, down, up, down: searching for something the page does not show where expected. */
  minReversals: 3,
  windowMs: 10_000,
  cooldownMs: 10_000,
};

/** The rule as a stepper (see `detectExcessiveScroll`). */
export function excessiveScrollStepper(): SignalStepper {
  const perContainer = new Map<string, { counter: ReversalCounter; turns: number[]; quietUntil: number }>();
  return {
    add(e, signals) {
      if (e.type !== 'scroll') return;
      const key = e.container ?? '';
      let state = perContainer.get(key);
      if (!state) {
        state = {
          counter: createReversalCounter(EXCESSIVE_SCROLL.minLegPx),
          turns: [],
          quietUntil: -Infinity,
        };
        perContainer.set(key, state);
      }
      if (!state.counter.push(e.y)) return;
      state.turns.push(e.t);
      while (e.t - state.turns[0]! > EXCESSIVE_SCROLL.windowMs) state.turns.shift();
      if (state.turns.length >= EXCESSIVE_SCROLL.minReversals && e.t >= state.quietUntil) {
        const evidence: Signal['evidence'] = {
          reversals: state.turns.length,
          durationMs: Math.round(e.t - state.turns[0]!),
        };
        if (e.container) evidence.container = e.container;
        signals.push(makeSignal('excessive_scroll', e.t, undefined, evidence));
        state.quietUntil = e.t + EXCESSIVE_SCROLL.cooldownMs;
        state.turns = [];
      }
    },
  };
}

/**
 * Excessive scrolling: the page (or one scrolling container) scrolled back and forth several times in a
 * short span. Reading a long page scrolls one way with small corrections, which never reach the leg.
 *
 * @example
 * detectExcessiveScroll(events);
 */
export const detectExcessiveScroll = batchOf(excessiveScrollStepper);
