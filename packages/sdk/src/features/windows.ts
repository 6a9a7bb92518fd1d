import { HOP_MS, WINDOW_MS } from '@smart-onboarding/protocol/features';
import type { RawEvent } from '../capture/raw-event';
import { extractFeatures } from './extract';

/** One completed window: `[t0, t1)` on the capture clock, and its feature vector. */
export interface ComputedWindow {
  t0: number;
  t1: number;
  values: number[];
}

export interface WindowStreamOptions {
  windowMs?: number;
  hopMs?: number;
}

/**
 * Turns a live stream of raw events into sliding windows. A window `[t1 - windowMs, t1)` is complete when
 * an event at or after `t1` arrives or the clock passes `t1` (`advance`); the first window ends at the first
 * boundary after the first event. Boundaries sit at multiples of the hop, so the browser and an offline run over the same trace cut the same windows. Windows with no event
 * are not produced: after a silent window the stream waits for the next event, so an idle tab costs nothing.
 *
 * @example
 * const stream = createWindowStream();
 * for (const w of stream.push(events)) send(w);
 * setInterval(() => stream.advance(performance.now()).forEach(send), HOP_MS);
 */
export interface WindowStream {
  /** Adds events (in time order) and returns the windows they complete. */
  push(events: readonly RawEvent[]): ComputedWindow[];
  /** Returns the windows that end at or before `now`. */
  advance(now: number): ComputedWindow[];
  /** The features of the window ending at `t1` (for scoring right after a click, between boundaries). */
  peek(t1: number): ComputedWindow;
}

/** What a push or an advance returns when it completes no window: the same empty list, nothing made per event. */
const NONE: ComputedWindow[] = [];

export function createWindowStream(options: WindowStreamOptions = {}): WindowStream {
  const windowMs = options.windowMs ?? WINDOW_MS;
  const hopMs = options.hopMs ?? HOP_MS;
  let buffer: RawEvent[] = [];
  /** End of the next window to produce; undefined until the first event, or while idle. */
  let nextT1: number | undefined;

  const firstBoundaryAfter = (t: number) => (Math.floor(t / hopMs) + 1) * hopMs;

  const drain = (until: number): ComputedWindow[] => {
    let out: ComputedWindow[] | undefined;
    while (nextT1 !== undefined && nextT1 <= until) {
      const t1 = nextT1;
      const t0 = t1 - windowMs;
      const any = buffer.some((e) => e.t >= t0 && e.t < t1);
      if (!any) {
        nextT1 = undefined;
        break;
      }
      out ??= [];
      out.push({ t0, t1, values: extractFeatures(buffer, t0, t1) });
      nextT1 = t1 + hopMs;
    }
    // Keep what the next window still needs.
    const keepFrom = (nextT1 ?? until) - windowMs;
    if (buffer.length && buffer[0]!.t < keepFrom) buffer = buffer.filter((e) => e.t >= keepFrom);
    return out ?? NONE;
  };

  return {
    push(events) {
      let out: ComputedWindow[] | undefined;
      for (const e of events) {
        const done = drain(e.t);
        if (done.length) out = out ? [...out, ...done] : done;
        if (nextT1 === undefined) nextT1 = firstBoundaryAfter(e.t);
        buffer.push(e);
      }
      return out ?? NONE;
    },
    advance(now) {
      return drain(now);
    },
    peek(t1) {
      return { t0: t1 - windowMs, t1, values: extractFeatures(buffer, t1 - windowMs, t1) };
    },
  };
}

/**
 * Every window of a finished trace, as the live stream would have produced it, including the windows
 * after the last event until the stream falls silent.
 *
 * @example
 * for (const w of slidingWindows(trace)) console.log(w.t1, w.values);
 */
export function slidingWindows(
  events: readonly RawEvent[],
  options: WindowStreamOptions = {},
): ComputedWindow[] {
  const stream = createWindowStream(options);
  const out = [...stream.push(events)];
  const last = events.at(-1);
  if (last) out.push(...stream.advance(last.t + (options.windowMs ?? WINDOW_MS) + (options.hopMs ?? HOP_MS)));
  return out;
}
