import type { Signal } from '@smart-onboarding/protocol';
import type { RawEvent, RawEventOf } from '../capture/raw-event';
import { type DetectOptions, makeSignal } from './shared';

type Click = RawEventOf<'click'>;

export const RAGE_CLICK = {
  /** PostHog's rule: 3 clicks, each within 30 px (Manhattan) and 1 s of the one before. */
  minClicks: 3,
  maxDistancePx: 30,
  maxIntervalMs: 1000,
  /** How soon after the burst a text selection counts as its result. */
  selectionWindowMs: 300,
};

/**
 * Rage clicks: at least 3 clicks close in space and time, PostHog's rule, made more precise. The burst is
 * measured from its first click (a slow drift along a list is not rage), and it is not rage when:
 * - the target is a stepper or pager (next, +, −): clicking it fast is how it is used;
 * - the clicks selected text (a double or triple click on a word or paragraph);
 * - it is one multi-click gesture (browser click count 2 or 3) on text, a text field, or an unknown
 *   target (a double click to open, then one more click): on those a fourth click is needed.
 *
 * One burst raises one signal, at the click that made it rage; `clicks` counts the whole burst.
 *
 * @example
 * detectRageClicks([{ type: 'click', t: 0, x: 5, y: 5, pointer: 'mouse', detail: 1, target }, ...]);
 */
export function detectRageClicks(events: readonly RawEvent[], _options?: DetectOptions): Signal[] {
  const signals: Signal[] = [];
  let burst: Click[] = [];
  const close = () => {
    const signal = rageOf(burst, events);
    if (signal) signals.push(signal);
  };
  for (const e of events) {
    if (e.type !== 'click') continue;
    const first = burst[0];
    const last = burst.at(-1);
    if (
      first &&
      last &&
      Math.abs(e.x - first.x) + Math.abs(e.y - first.y) <= RAGE_CLICK.maxDistancePx &&
      e.t - last.t <= RAGE_CLICK.maxIntervalMs
    ) {
      burst.push(e);
    } else {
      close();
      burst = [e];
    }
  }
  close();
  return signals;
}

function rageOf(burst: Click[], events: readonly RawEvent[]): Signal | undefined {
  if (burst.length < RAGE_CLICK.minClicks) return undefined;
  if (burst.some((c) => c.target?.stepper)) return undefined;
  const start = burst[0]!.t;
  for (let n = RAGE_CLICK.minClicks; n <= burst.length; n++) {
    const clicks = burst.slice(0, n);
    if (isSelectionOrOpenGesture(clicks, events)) continue;
    const at = clicks[n - 1]!;
    const last = burst.at(-1)!;
    return makeSignal('rage_click', at.t, last.target ?? at.target, {
      clicks: burst.length,
      durationMs: Math.round(last.t - start),
      spreadPx: Math.round(
        Math.max(...burst.map((c) => Math.abs(c.x - burst[0]!.x) + Math.abs(c.y - burst[0]!.y))),
      ),
    });
  }
  return undefined;
}

/** Whether a burst of 3 (or fewer) clicks is the browser's double/triple-click gesture rather than rage. */
function isSelectionOrOpenGesture(clicks: Click[], events: readonly RawEvent[]): boolean {
  if (clicks.length > 3) return false;
  const start = clicks[0]!.t;
  const end = clicks.at(-1)!.t + RAGE_CLICK.selectionWindowMs;
  const selected = events.some((e) => e.type === 'selection' && e.length > 0 && e.t >= start && e.t <= end);
  if (selected) return true;
  const multiClick = clicks.some((c) => c.detail >= 2);
  if (!multiClick) return false;
  const target = clicks.at(-1)!.target;
  return !target?.interactive || target.kind === 'text-input' || target.kind === 'other';
}
