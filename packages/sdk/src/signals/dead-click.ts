import type { Signal } from '@smart-onboarding/protocol';
import type { RawEvent, RawEventOf, TargetInfo } from '../capture/raw-event';
import { batchOf, makeSignal, type SignalStepper } from './shared';

export const DEAD_CLICK = {
  /** How long the page has to answer a click (PostHog waits 2.5 s for a mutation; most UIs answer in 100 ms). */
  windowMs: 1000,
};

/** Controls whose answer the DOM does not show (the browser navigates, places a caret, opens a picker). */
const SKIPPED_KINDS = new Set(['link', 'text-input', 'input', 'select', 'checkbox']);

/**
 * The rule as a stepper: each judged click waits for its answer until its window has passed, decided by
 * the first event past the window or by the clock, whichever comes first.
 */
export function deadClickStepper(): SignalStepper {
  const lastClickAt = new Map<string, number>();
  let waiting: { click: RawEventOf<'click'> & { target: TargetInfo }; deadline: number }[] = [];
  const decide = (now: number, out: Signal[]) => {
    while (waiting[0] && waiting[0].deadline < now) {
      const { click } = waiting.shift()!;
      out.push(
        makeSignal('dead_click', click.t, click.target, {
          waitedMs: DEAD_CLICK.windowMs,
          disabled: click.target.disabled === true,
        }),
      );
    }
  };
  return {
    add(e, out) {
      decide(e.t, out);
      if (waiting.length) waiting = waiting.filter((w) => !answers(e, w.click.target.selector));
      if (e.type !== 'click' || !e.target?.interactive || SKIPPED_KINDS.has(e.target.kind)) return;
      // Repeated clicks on one element are one dead click (and maybe a rage click), not one each.
      const previous = lastClickAt.get(e.target.selector);
      lastClickAt.set(e.target.selector, e.t);
      if (previous !== undefined && e.t - previous <= DEAD_CLICK.windowMs) return;
      waiting.push({
        click: e as RawEventOf<'click'> & { target: TargetInfo },
        deadline: e.t + DEAD_CLICK.windowMs,
      });
    },
    // The window is closed once the clock reaches its end (an event stamped at the end still answers in `add`).
    at: (now, out) => decide(now + 1e-9, out),
  };
}

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
export const detectDeadClicks = batchOf(deadClickStepper);

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
