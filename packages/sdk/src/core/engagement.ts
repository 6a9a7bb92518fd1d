import type { InteractionSummary, PointerKind } from '@smart-onboarding/protocol';
import type { RawEvent } from '../capture/raw-event';

/** A gap longer than this between events is idle time, not active time. */
const IDLE_GAP_MS = 5000;

/**
 * Running totals of how the user interacted since the last summary: the seed's `interactionData` once raw
 * paths stay home. Cheap to feed on every event; `take` returns the summary and starts a new span.
 *
 * @example
 * const counter = createEngagementCounter(performance.now());
 * counter.add(event);
 * const summary = counter.take(performance.now()); // { timeSpentMs, activeMs, clicks, ... }
 */
export function createEngagementCounter(start: number) {
  let from = start;
  let s = fresh();
  function fresh() {
    return {
      activeMs: 0,
      clicks: 0,
      pointerPx: 0,
      scrollPx: 0,
      keystrokes: 0,
      hesitations: 0,
      last: undefined as number | undefined,
      /** The last mouse or pen position (NaN before the first: the first move adds no distance). */
      lastX: NaN,
      lastY: NaN,
      lastScroll: new Map<string, number>(),
      kinds: new Map<PointerKind, number>(),
    };
  }
  const active = (t: number) => {
    if (s.last !== undefined && t > s.last) s.activeMs += Math.min(t - s.last, IDLE_GAP_MS);
    s.last = t;
  };
  /** A pointer move as plain numbers (what capture hands over: nothing allocated per move). */
  const move = (t: number, x: number, y: number, pointer: PointerKind) => {
    active(t);
    if (pointer === 'touch') return;
    s.pointerPx += Math.hypot(x - s.lastX, y - s.lastY) || 0;
    s.lastX = x;
    s.lastY = y;
  };
  return {
    move,
    /** Any other raw event (moves come through `move`). */
    add(e: RawEvent) {
      active(e.t);
      if (e.type === 'click') s.clicks++;
      else if (e.type === 'key') s.keystrokes++;
      else if (e.type === 'scroll') {
        const key = e.container ?? '';
        const previous = s.lastScroll.get(key);
        if (previous !== undefined) s.scrollPx += Math.abs(e.y - previous);
        s.lastScroll.set(key, e.y);
      }
      if (e.type === 'down') s.kinds.set(e.pointer, (s.kinds.get(e.pointer) ?? 0) + 1);
    },
    /** Counts a hesitation signal (they are derived, not captured). */
    hesitation() {
      s.hesitations++;
    },
    /** When the current span began (the counter's start, or the last `take`). */
    since: () => from,
    /** The summary since the last `take` (undefined when nothing happened), and a new span from `now`. */
    take(now: number): InteractionSummary | undefined {
      const span = s;
      const since = from;
      from = now;
      s = fresh();
      if (span.last === undefined) return undefined;
      let pointer: PointerKind | undefined;
      let most = 0;
      for (const [kind, n] of span.kinds) if (n > most) [pointer, most] = [kind, n];
      const summary: InteractionSummary = {
        timeSpentMs: Math.max(0, Math.round(now - since)),
        activeMs: Math.round(span.activeMs),
        clicks: span.clicks,
        pointerDistancePx: Math.round(span.pointerPx),
        scrollDistancePx: Math.round(span.scrollPx),
        hesitations: span.hesitations,
        keystrokes: span.keystrokes,
      };
      if (pointer) summary.pointer = pointer;
      return summary;
    },
  };
}
