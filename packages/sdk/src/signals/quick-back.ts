import { batchOf, makeSignal, type SignalStepper } from './shared';

export const QUICK_BACK = {
  /** Back on the previous page this soon after leaving it: the new page was not what was expected. */
  maxDwellMs: 5000,
};

/** The rule as a stepper (see `detectQuickBacks`). */
export function quickBackStepper(): SignalStepper {
  let previous: { path: string; t: number } | undefined;
  let current: { path: string; t: number } | undefined;
  return {
    add(e, signals) {
      if (e.type !== 'nav') return;
      if (current && e.path === current.path) return;
      if (e.kind === 'replace' && current) {
        current = { path: e.path, t: current.t };
        return;
      }
      if (previous && current && e.path === previous.path && e.t - current.t <= QUICK_BACK.maxDwellMs) {
        signals.push(
          makeSignal('quick_back', e.t, undefined, {
            from: current.path,
            to: e.path,
            dwellMs: Math.round(e.t - current.t),
            back: e.kind === 'pop',
          }),
        );
      }
      previous = current;
      current = { path: e.path, t: e.t };
    },
  };
}

/**
 * Quick back: the user went to a page and returned to the one before within a few seconds (by the back
 * button, or by navigating to it again). Paths only: queries never enter the capture.
 *
 * @example
 * detectQuickBacks([{ type: 'nav', t: 0, path: '/a', kind: 'load' }, { type: 'nav', t: 900, path: '/b', kind: 'push' },
 *   { type: 'nav', t: 2000, path: '/a', kind: 'pop' }]); // one quick_back from /b to /a
 */
export const detectQuickBacks = batchOf(quickBackStepper);
