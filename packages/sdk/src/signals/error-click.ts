import type { Signal } from '@smart-onboarding/protocol';
import type { RawEvent } from '../capture/raw-event';
import { type DetectOptions, makeSignal } from './shared';

export const ERROR_CLICK = {
  /** An error this soon after a click is taken as the click's outcome. */
  windowMs: 1000,
};

/**
 * Error clicks: a click followed, within the window, by a JS error or a failed request. One signal per
 * click, naming the first error that followed it.
 *
 * @example
 * detectErrorClicks(events);
 */
export function detectErrorClicks(events: readonly RawEvent[], _options?: DetectOptions): Signal[] {
  const signals: Signal[] = [];
  for (let i = 0; i < events.length; i++) {
    const click = events[i]!;
    if (click.type !== 'click') continue;
    for (let j = i + 1; j < events.length; j++) {
      const e = events[j]!;
      if (e.t - click.t > ERROR_CLICK.windowMs) break;
      if (e.type === 'click') break;
      if (e.type !== 'error') continue;
      const evidence: Signal['evidence'] = { errorKind: e.kind, delayMs: Math.round(e.t - click.t) };
      if (e.status !== undefined) evidence.status = e.status;
      signals.push(makeSignal('error_click', click.t, click.target, evidence));
      break;
    }
  }
  return signals;
}
