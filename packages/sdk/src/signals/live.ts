import type { Signal } from '@smart-onboarding/protocol';
import type { PointerKind, RawEvent } from '../capture/raw-event';
import { deadClickStepper } from './dead-click';
import { errorClickStepper } from './error-click';
import { excessiveScrollStepper } from './excessive-scroll';
import { formStruggleStepper } from './form-struggle';
import { hesitationStepper } from './hesitation';
import { quickBackStepper } from './quick-back';
import { rageClickStepper } from './rage-click';
import type { SignalStepper } from './shared';
import { thrashedCursorOnMoves } from './thrashed-cursor';

/** A signal found this late (the loop was not asked for a while: a quiet tab) has lost its moment. */
const KEEP_MS = 30_000;

/**
 * Every signal, live: each raw event goes through every detector once, as it happens, and pointer moves
 * (as plain numbers, straight from capture: `move`) only through the one rule that reads them. `run(now)` adds
 * what the clock decides and returns the signals found since the last run, each once, in time order:
 * the signals `detectSignals` would find over all events so far, as of each run.
 *
 * @example
 * const loop = createSignalLoop();
 * loop.add(rawEvent);
 * loop.move(performance.now(), 120, 80, 'mouse');
 * for (const s of loop.run(performance.now())) emit(s);
 */
export function createSignalLoop() {
  let steppers: SignalStepper[];
  let onMove: ReturnType<typeof thrashedCursorOnMoves>;
  let found: Signal[];
  let last: number;
  const reset = () => {
    steppers = [
      rageClickStepper(),
      deadClickStepper(),
      errorClickStepper(),
      excessiveScrollStepper(),
      quickBackStepper(),
      hesitationStepper(),
      formStruggleStepper(),
    ];
    onMove = thrashedCursorOnMoves();
    found = [];
    last = -Infinity;
  };
  reset();
  /** One pointer move, as plain numbers: nothing is allocated for it. */
  const move = (t: number, x: number, y: number, pointer: PointerKind) => {
    last = t;
    if (pointer !== 'touch') onMove(t, x, y, found);
  };
  return {
    /** One raw event other than a pointer move (those come through `move`). */
    add(e: RawEvent) {
      last = e.t;
      for (const s of steppers) s.add(e, found);
    },
    move,
    /** New signals as of `now` (capture clock). */
    run(now: number): Signal[] {
      for (const s of steppers) s.at?.(now, found);
      const fresh = found.filter((s) => s.t >= now - KEEP_MS).sort((a, b) => a.t - b.t);
      found = [];
      return fresh;
    },
    /** The latest event time, to skip runs when nothing happens. */
    lastAt: () => last,
    clear: reset,
  };
}
