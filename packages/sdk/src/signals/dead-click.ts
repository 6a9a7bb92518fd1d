import type { Signal } from '@smart-onboarding/protocol';
import type { RawEvent } from '../capture/raw-event';
import { type DetectOptions, makeSignal, nowOf } from './shared';

export const DEAD_CLICK = {
  /** How long the page has to answer a click (PostHog waits 2.5 s for a mutation; most UIs answer in 100 ms). */
  windowMs: 1000,
};

/** Controls whose answer the DOM does not show (the browser navigates, places a caret, opens a picker). */
const SKIPPED_KINDS = new Set(['link', 'text-input', 'input', 'select', 'checkbox']);

/**
 * Dead clicks: a click on something that looks actionable, after which nothing happens within the
 * window: no DOM mutation, navigation, scroll, text selection, focus moving elsewhere, form input or
 * submit, and no error (that is an error click). A series of clicks on one element is judged by its first. Links and form fields are skipped: their answer is
 * outside the DOM. Clicks on plain text are skipped too: nothing is expected of them.
 * A click is only judged once its window has passed (`now`).
 *
 * @example
 * detectDeadClicks(events, { now: performance.now() });
 */
export function detectDeadClicks(events: readonly RawEvent[], options?: DetectOptions): Signal[] {
  const now = nowOf(events, options);
  const signals: Signal[] = [];
  const lastClickAt = new Map<string, number>();
  for (let i = 0; i < events.length; i++) {
    const click = events[i]!;
    if (click.type !== 'click' || !click.target?.interactive) continue;
    if (SKIPPED_KINDS.has(click.target.kind)) continue;
    // Repeated clicks on one element are one dead click (and maybe a rage click), not one each.
    const previous = lastClickAt.get(click.target.selector);
    lastClickAt.set(click.target.selector, click.t);
    if (previous !== undefined && click.t - previous <= DEAD_CLICK.windowMs) continue;
    const deadline = click.t + DEAD_CLICK.windowMs;
    if (now < deadline) continue;
    let answered = false;
    for (let j = i + 1; j < events.length && !answered; j++) {
      const e = events[j]!;
      if (e.t > deadline) break;
      answered = answers(e, click.target.selector);
    }
    if (!answered)
      signals.push(
        makeSignal('dead_click', click.t, click.target, {
          waitedMs: DEAD_CLICK.windowMs,
          disabled: click.target.disabled === true,
        }),
      );
  }
  return signals;
}

function answers(e: RawEvent, clickedSelector: string): boolean {
  switch (e.type) {
    case 'mutation':
    case 'nav':
    case 'scroll':
    case 'submit':
    case 'input':
    case 'error':
    case 'resize':
      return true;
    case 'selection':
      return e.length > 0;
    case 'visibility':
      return e.hidden;
    case 'focus':
      // Clicking a button focuses the button itself; only focus moving elsewhere is an answer.
      return e.target.selector !== clickedSelector;
    default:
      return false;
  }
}
