import type { ElementRef, Signal, SignalType } from '@smart-onboarding/protocol';
import type { RawEvent, TargetInfo } from '../capture/raw-event';

/**
 * Every detector takes the events (in time order) and `now`, the current time on the same clock. `now`
 * matters for rules that fire on the absence of something (a dead click, a long hover): they only
 * decide once their window has passed. It defaults to the last event's time.
 */
export interface DetectOptions {
  now?: number;
}

/** A detector: a pure function from a stream of raw events to the signals it shows. */
export type SignalDetector = (events: readonly RawEvent[], options?: DetectOptions) => Signal[];

/**
 * A detector as a state machine, fed one event at a time: what the SDK runs live, so each event is looked
 * at once instead of the whole buffer on every check. `add` pushes the signals an event completes onto
 * `out`; `at` those that the passing of time completes (a dead click's window, a long hover), each once.
 */
export interface SignalStepper {
  add(e: RawEvent, out: Signal[]): void;
  at?(now: number, out: Signal[]): void;
}

/**
 * The batch detector of a stepper: every event in order, then the clock at `now`. The batch form (what
 * `models/` and the tests call) and the live form (the SDK's signal loop) are the same code.
 */
export const batchOf =
  (stepper: () => SignalStepper): SignalDetector =>
  (events, options) => {
    const s = stepper();
    const out: Signal[] = [];
    for (const e of events) s.add(e, out);
    s.at?.(nowOf(events, options), out);
    return out;
  };

/** The element a signal names: its selector, tag and role, never its content. */
export function elementRef(target: TargetInfo | undefined): ElementRef | undefined {
  if (!target) return undefined;
  const ref: ElementRef = { selector: target.selector, tag: target.tag };
  if (target.role) ref.role = target.role;
  return ref;
}

/**
 * Builds a protocol `Signal`. `t` stays on the events' clock (rounded, as the wire wants integers);
 * the SDK core moves it to epoch milliseconds before it leaves the device.
 */
export function makeSignal(
  type: SignalType,
  t: number,
  target: TargetInfo | undefined,
  evidence: Signal['evidence'],
): Signal {
  const signal: Signal = { type, t: Math.max(0, Math.round(t)), evidence };
  const element = elementRef(target);
  if (element) signal.element = element;
  return signal;
}

function nowOf(events: readonly RawEvent[], options?: DetectOptions): number {
  return options?.now ?? events.at(-1)?.t ?? 0;
}

/**
 * Counts direction reversals along one axis with hysteresis: a reversal is counted only once the value
 * has come back `minLeg` from its last extreme, so sensor jitter and sub-pixel wobble never count.
 *
 * @example
 * const counter = createReversalCounter(200);
 * counter.push(0); counter.push(300); counter.push(50); // true: back 250 px from the extreme
 */
export function createReversalCounter(minLeg: number) {
  let dir = 0;
  let extreme = NaN;
  return {
    /** Feeds one value; returns true when it completes a reversal. */
    push(value: number): boolean {
      if (Number.isNaN(extreme)) {
        extreme = value;
        return false;
      }
      const delta = value - extreme;
      if (dir === 0) {
        if (Math.abs(delta) >= minLeg) {
          dir = Math.sign(delta);
          extreme = value;
        }
        return false;
      }
      if (delta * dir > 0) {
        extreme = value;
        return false;
      }
      if (Math.abs(delta) >= minLeg) {
        dir = -dir;
        extreme = value;
        return true;
      }
      return false;
    },
  };
}

export type ReversalCounter = ReturnType<typeof createReversalCounter>;
