import { createWorkerModelScorer } from '../worker/client';
import type { DetectorEnvironment } from './create-detector';

/** How long to wait for an idle moment before loading the model anyway. */
const IDLE_TIMEOUT_MS = 10_000;

/**
 * The detector's surroundings in a page: the performance clock, interval timers, `requestIdleCallback`
 * after the load event (so the runtime never competes with the page's own start), and the model in a
 * Web Worker.
 */
export const browserEnvironment: DetectorEnvironment = {
  now: () => performance.now(),
  every(ms, fn) {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
  whenIdle(fn) {
    let cancelled = false;
    let cancelIdle: (() => void) | undefined;
    const schedule = () => {
      if (cancelled) return;
      if (typeof requestIdleCallback === 'function') {
        const id = requestIdleCallback(() => fn(), { timeout: IDLE_TIMEOUT_MS });
        cancelIdle = () => cancelIdleCallback(id);
      } else {
        const id = setTimeout(fn, 1000);
        cancelIdle = () => clearTimeout(id);
      }
    };
    if (document.readyState === 'complete') schedule();
    else addEventListener('load', schedule, { once: true });
    return () => {
      cancelled = true;
      removeEventListener('load', schedule);
      cancelIdle?.();
    };
  },
  loadModel: (assetsBaseUrl, debug) => createWorkerModelScorer({ assetsBaseUrl, debug }),
};
