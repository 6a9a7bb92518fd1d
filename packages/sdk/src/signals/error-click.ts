import type { Signal } from '@smart-onboarding/protocol';
import type { RawEventOf } from '../capture/raw-event';
import { batchOf, makeSignal, type SignalStepper } from './shared';

export const ERROR_CLICK = {
  /** An error this soon after a click is taken as the click's outcome. */
  windowMs: 1000,
};

/** The rule as a stepper: the latest click waits up to the window for an error (a later click ends its wait). */
export function errorClickStepper(): SignalStepper {
  let click: RawEventOf<'click'> | undefined;
  return {
    add(e, out) {
      if (click && e.t - click.t > ERROR_CLICK.windowMs) click = undefined;
      if (e.type === 'click') click = e;
      else if (e.type === 'error' && click) {
        const evidence: Signal['evidence'] = { errorKind: e.kind, delayMs: Math.round(e.t - click.t) };
        if (e.status !== undefined) evidence.status = e.status;
        out.push(makeSignal('error_click', click.t, click.target, evidence));
        click = undefined;
      }
    },
  };
}

/**
 * Error clicks: a click followed, within the window, by a JS error or a failed request. One signal per
 * click, naming the first error that followed it.
 *
 * @example
 * detectErrorClicks(events);
 */
export const detectErrorClicks = batchOf(errorClickStepper);
