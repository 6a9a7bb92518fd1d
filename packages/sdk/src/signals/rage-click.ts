import type { Signal } from '@smart-onboarding/protocol';
import type { RawEvent, RawEventOf } from '../capture/raw-event';
import { type DetectOptions, makeSignal, type SignalStepper } from './shared';

type Click = RawEventOf<'click'>;

export const RAGE_CLICK = {
  /** PostHog's rule: 3 clicks, each within 30 px (Manhattan) and 1 s of the one before. */
  minClicks: 3,
  maxDistancePx: 30,
  maxIntervalMs: 1000,
  /** How soon after a double or triple click on a control the page's answer (it opened something) counts as its result. */
  answerWindowMs: 300,
};

/**
 * Rage clicks: at least 3 clicks close in space and time, PostHog's rule, made more precise. The burst is
 * measured from its first click (a slow drift along a list is not rage), and it is not rage when:
 * - the target is a stepper or pager (next, +, −): clicking it fast is how it is used;
 * - it is made of double or triple clicks on text (selecting), in a text field (select a word, select
 *   all), or on an unknown target: each such gesture counts as one click (a double click to select a word, then a triple click
 *   to select the paragraph, is two). A gesture is what the browser's click count says: a click with
 *   count 1 starts one, every later count (2, 3, and 3 again, as Chromium caps it on Linux, or 4, 5 on
 *   macOS) continues it. On a control (a button, or a `div` that shows a pointer), a double or triple
 *   click counts in full unless the page answered it (a double click that opens an item): a dead
 *   "Save" clicked four times is four clicks whatever counts the browser gave them.
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

/**
 * The rule live: the burst under way is judged at each of its clicks, with the page's answers seen so far,
 * and raises once, at the click that made it rage, as `detectRageClicks` run at that moment would (its
 * evidence is the burst up to that click). Only answers a gesture of the burst could still own are kept.
 */
export function rageClickStepper(): SignalStepper {
  let burst: Click[] = [];
  let answers: RawEvent[] = [];
  let raised = false;
  return {
    add(e, out) {
      const last = burst.at(-1);
      if (e.type === 'mutation' || e.type === 'nav') {
        if (last && e.t - last.t <= RAGE_CLICK.maxIntervalMs + RAGE_CLICK.answerWindowMs) answers.push(e);
        return;
      }
      if (e.type !== 'click') return;
      const first = burst[0];
      if (
        !first ||
        !last ||
        Math.abs(e.x - first.x) + Math.abs(e.y - first.y) > RAGE_CLICK.maxDistancePx ||
        e.t - last.t > RAGE_CLICK.maxIntervalMs
      ) {
        burst = [];
        answers = [];
        raised = false;
      }
      burst.push(e);
      const signal = raised ? undefined : rageOf(burst, answers);
      if (signal) {
        out.push(signal);
        raised = true;
      }
    },
  };
}

function rageOf(burst: Click[], events: readonly RawEvent[]): Signal | undefined {
  if (burst.length < RAGE_CLICK.minClicks) return undefined;
  if (burst.some((c) => c.target?.stepper)) return undefined;
  // Count clicks gesture by gesture (a gesture starts at click count 1 and goes on while the count is
  // above 1). A double or triple click that selects text or opens something counts as one click; four or
  // more in one gesture count in full (nobody selects by quadruple click).
  const value = (g: Click[]) => (isSelectionOrOpenGesture(g, events) ? 1 : g.length);
  let closed = 0;
  let gesture: Click[] = [];
  let at: Click | undefined;
  for (const c of burst) {
    if (gesture.length && c.detail > 1) gesture.push(c);
    else {
      closed += value(gesture);
      gesture = [c];
    }
    if (closed + value(gesture) >= RAGE_CLICK.minClicks) {
      at = c;
      break;
    }
  }
  if (!at) return undefined;
  const first = burst[0]!;
  const last = burst.at(-1)!;
  return makeSignal('rage_click', at.t, last.target ?? at.target, {
    clicks: burst.length,
    durationMs: Math.round(last.t - first.t),
    spreadPx: Math.round(Math.max(...burst.map((c) => Math.abs(c.x - first.x) + Math.abs(c.y - first.y)))),
  });
}

/**
 * Whether a gesture of 2 or 3 clicks is the browser's double/triple click used as one: on plain text or
 * an unknown target (selecting), in a text field (select a word, select all), or, on a control, when
 * the page answered it (a double click that opens an item). Selection is not asked for: a dead `div`
 * button's label gets selected by the very clicks that rage at it.
 */
function isSelectionOrOpenGesture(gesture: Click[], events: readonly RawEvent[]): boolean {
  if (gesture.length < 2 || gesture.length > 3) return false;
  const target = gesture.at(-1)!.target;
  if (!target?.interactive || target.kind === 'text-input') return true;
  const start = gesture[0]!.t;
  const end = gesture.at(-1)!.t + RAGE_CLICK.answerWindowMs;
  return events.some((e) => e.t >= start && e.t <= end && (e.type === 'mutation' || e.type === 'nav'));
}
