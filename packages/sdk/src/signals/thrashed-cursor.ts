import type { Signal } from '@smart-onboarding/protocol';
import type { RawEvent } from '../capture/raw-event';
import { type DetectOptions, makeSignal, ReversalCounter } from './shared';

export const THRASHED_CURSOR = {
  /** A turn counts once the pointer has come back this far from its last extreme. */
  minLegPx: 40,
  /** This many turns (horizontal and vertical together)... */
  minReversals: 6,
  /** ...within this span. Ordinary pointing turns once or twice a second at most. */
  windowMs: 1500,
  /** One episode of shaking raises one signal. */
  cooldownMs: 3000,
};

/**
 * Thrashed cursor: the pointer shaken back and forth, erratic changes of direction in a short span, as
 * people do when they cannot find something or the page does not respond. Mouse and pen only: a touch
 * "move" is a drag or a scroll.
 *
 * @example
 * detectThrashedCursor(moveEvents);
 */
export function detectThrashedCursor(events: readonly RawEvent[], _options?: DetectOptions): Signal[] {
  const signals: Signal[] = [];
  const xs = new ReversalCounter(THRASHED_CURSOR.minLegPx);
  const ys = new ReversalCounter(THRASHED_CURSOR.minLegPx);
  const turns: number[] = [];
  let quietUntil = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    if (e.type !== 'move' || e.pointer === 'touch') continue;
    const turned = Number(xs.push(e.x)) + Number(ys.push(e.y));
    for (let k = 0; k < turned; k++) turns.push(e.t);
    while (turns.length && e.t - turns[0]! > THRASHED_CURSOR.windowMs) turns.shift();
    if (turned && turns.length >= THRASHED_CURSOR.minReversals && e.t >= quietUntil) {
      signals.push(
        makeSignal('thrashed_cursor', e.t, undefined, {
          reversals: turns.length,
          durationMs: Math.round(e.t - turns[0]!),
        }),
      );
      quietUntil = e.t + THRASHED_CURSOR.cooldownMs;
      turns.length = 0;
    }
  }
  return signals;
}
