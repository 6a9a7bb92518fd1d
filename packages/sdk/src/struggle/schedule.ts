import type { RawEvent } from '../capture/raw-event';
import type { ComputedWindow, WindowStream } from '../features/windows';

/** A moment the struggle score is computed: at each window boundary, and right after each click. */
export interface ScoringPoint {
  window: ComputedWindow;
  /** A regular window (sent up as a feature window) rather than a peek after a click. */
  boundary: boolean;
}

/**
 * Feeds events to the window stream one by one and lists where to score: every completed window, plus a
 * window ending just after each click, so a burst of clicks is judged at once instead of at the next
 * boundary (the 300 ms budget from the third rage click to help on screen). The live detector and the
 * offline scorer (`pnpm score`) both go through here, so they score the same moments.
 */
export function scoringPoints(stream: WindowStream, events: readonly RawEvent[]): ScoringPoint[] {
  const out: ScoringPoint[] = [];
  // One list reused for every event (pointer moves are most of them).
  const one: RawEvent[] = [];
  for (const e of events) {
    one[0] = e;
    for (const window of stream.push(one)) out.push({ window, boundary: true });
    if (e.type === 'click') out.push({ window: stream.peek(e.t + 1), boundary: false });
  }
  return out;
}
