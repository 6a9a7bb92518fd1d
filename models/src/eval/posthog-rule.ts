import type { RawEvent } from '../sdk';

/**
 * PostHog's rage-click rule as its browser SDK applies it (the reference our alarm is compared with):
 * a click within 30 px (Manhattan) and 1 s of the previous one extends the run, and the run fires when it
 * reaches three clicks (once: a longer run does not fire again until it breaks). Steppers, text selection and targets are not considered: that is the rule's known weakness.
 *
 * @example
 * posthogRageClicks(events).length; // times the rule fired
 */
export function posthogRageClicks(
  events: readonly RawEvent[],
  thresholdPx = 30,
  timeoutMs = 1000,
  clickCount = 3,
): number[] {
  const fired: number[] = [];
  let run: { x: number; y: number; t: number }[] = [];
  for (const e of events) {
    if (e.type !== 'click') continue;
    const last = run.at(-1);
    if (last && Math.abs(e.x - last.x) + Math.abs(e.y - last.y) < thresholdPx && e.t - last.t < timeoutMs) {
      run.push({ x: e.x, y: e.y, t: e.t });
      if (run.length === clickCount) fired.push(e.t);
    } else run = [{ x: e.x, y: e.y, t: e.t }];
  }
  return fired;
}
