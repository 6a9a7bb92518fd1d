import type { Signal } from '@smart-onboarding/protocol';
import { batchOf, createReversalCounter, makeSignal, type SignalStepper } from './shared';

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
 * The thrashed-cursor rule over pointer samples as plain numbers: the SDK feeds it from its pointer ring,
 * so a move costs two comparisons and allocates nothing. Mouse and pen samples only (the caller skips touch).
 */
export function thrashedCursorOnMoves() {
  const counters = [0, 1].map(() => createReversalCounter(THRASHED_CURSOR.minLegPx));
  let turns: number[][] = [[], []];
  let quietUntil = -Infinity;
  return (t: number, x: number, y: number, out: Signal[]) => {
    for (let i = 0; i < 2; i++) {
      if (!counters[i]!.push(i ? y : x)) continue;
      const axis = turns[i]!;
      axis.push(t);
      while (t - axis[0]! > THRASHED_CURSOR.windowMs) axis.shift();
      if (axis.length < THRASHED_CURSOR.minReversals || t < quietUntil) continue;
      out.push(
        makeSignal('thrashed_cursor', t, undefined, {
          reversals: axis.length,
          durationMs: Math.round(t - axis[0]!),
          axis: i ? 'y' : 'x',
        }),
      );
      quietUntil = t + THRASHED_CURSOR.cooldownMs;
      turns = [[], []];
    }
  };
}

/** The rule as a stepper over raw events. */
function thrashedCursorStepper(): SignalStepper {
  const move = thrashedCursorOnMoves();
  return {
    add(e, out) {
      if (e.type === 'move' && e.pointer !== 'touch') move(e.t, e.x, e.y, out);
    },
  };
}

/**
 * Thrashed cursor: the pointer shaken back and forth along one axis, with repeated sharp reversals in a
 * short span, as people do when they cannot find something or the page does not respond. Each axis is
 * counted on its own, so circling and ordinary pointing (which turn on both axes at once) do not add up.
 * Mouse and pen only: a touch "move" is a drag or a scroll.
 *
 * @example
 * detectThrashedCursor(moveEvents);
 */
export const detectThrashedCursor = batchOf(thrashedCursorStepper);
