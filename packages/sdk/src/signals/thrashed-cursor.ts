import type { Signal } from '@smart-onboarding/protocol';
import type { RawEvent } from '../capture/raw-event';
import { createReversalCounter, type DetectOptions, makeSignal } from './shared';

export const THRASHED_CURSOR = {
  /** A turn counts once the pointer has come back this far from its last extreme. */
  minLegPx: 50,
  /** This many turns along one axis... */
  minReversals: 6,
  /** ...within this span. Ordinary pointing turns once or twice a second at most. */
  windowMs: 1500,
  /** One episode of shaking raises one signal. */
  cooldownMs: 3000,
};

/**
 * Thrashed cursor: the pointer shaken back and forth along one axis, with repeated sharp reversals in a
 * short span, as people do when they cannot find something or the page does not respond. Each axis is
 * counted on its own, so circling and ordinary pointing (which turn on both axes at once) do not add up.
 * Mouse and pen only: a touch "move" is a drag or a scroll.
 *
 * @example
 * detectThrashedCursor(moveEvents);
 */
export function detectThrashedCursor(events: readonly RawEvent[], _options?: DetectOptions): Signal[] {
  const signals: Signal[] = [];
  const axes = [0, 1].map(() => ({
    counter: createReversalCounter(THRASHED_CURSOR.minLegPx),
    turns: [] as number[],
  }));
  let quietUntil = -Infinity;
  for (const e of events) {
    if (e.type !== 'move' || e.pointer === 'touch') continue;
    for (const [i, axis] of axes.entries()) {
      if (!axis.counter.push(i ? e.y : e.x)) continue;
      axis.turns.push(e.t);
      while (e.t - axis.turns[0]! > THRASHED_CURSOR.windowMs) axis.turns.shift();
      if (axis.turns.length < THRASHED_CURSOR.minReversals || e.t < quietUntil) continue;
      signals.push(
        makeSignal('thrashed_cursor', e.t, undefined, {
          reversals: axis.turns.length,
          durationMs: Math.round(e.t - axis.turns[0]!),
          axis: i ? 'y' : 'x',
        }),
      );
      quietUntil = e.t + THRASHED_CURSOR.cooldownMs;
      for (const a of axes) a.turns = [];
    }
  }
  return signals;
}
