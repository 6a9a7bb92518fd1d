import type { Signal, SignalType } from '@smart-onboarding/protocol';
import type { RawEvent } from '../capture/raw-event';
import { detectDeadClicks } from './dead-click';
import { detectErrorClicks } from './error-click';
import { detectExcessiveScroll } from './excessive-scroll';
import { detectFormStruggle } from './form-struggle';
import { detectHesitation } from './hesitation';
import { detectQuickBacks } from './quick-back';
import { detectRageClicks } from './rage-click';
import type { DetectOptions, SignalDetector } from './shared';
import { detectThrashedCursor } from './thrashed-cursor';

export { DEAD_CLICK, detectDeadClicks } from './dead-click';
export { detectErrorClicks, ERROR_CLICK } from './error-click';
export { detectExcessiveScroll, EXCESSIVE_SCROLL } from './excessive-scroll';
export { detectFormStruggle, FORM_STRUGGLE } from './form-struggle';
export { detectHesitation, HESITATION } from './hesitation';
export { createSignalLoop } from './live';
export { detectQuickBacks, QUICK_BACK } from './quick-back';
export { detectRageClicks, RAGE_CLICK } from './rage-click';
export { type DetectOptions, elementRef, type SignalDetector } from './shared';
export { detectThrashedCursor, THRASHED_CURSOR } from './thrashed-cursor';

/** Every signal's detector, by signal type. */
export const SIGNAL_DETECTORS: Readonly<Record<SignalType, SignalDetector>> = {
  rage_click: detectRageClicks,
  dead_click: detectDeadClicks,
  error_click: detectErrorClicks,
  thrashed_cursor: detectThrashedCursor,
  excessive_scroll: detectExcessiveScroll,
  quick_back: detectQuickBacks,
  hesitation: detectHesitation,
  form_struggle: detectFormStruggle,
};

/** The signals that need only pointer and click input (no DOM): what can fire on bare mouse traces. */
export const POINTER_SIGNALS: readonly SignalType[] = ['rage_click', 'thrashed_cursor'];

/**
 * Runs every detector (or those named in `only`) over a stream of raw events, in time order, and
 * returns the signals sorted by time. Pure: same events, same signals, on the device and in `models/`.
 *
 * @example
 * import { detectSignals } from '@smart-onboarding/sdk/signals';
 * const signals = detectSignals(events, { now: events.at(-1)!.t });
 */
export function detectSignals(
  events: readonly RawEvent[],
  options: DetectOptions & { only?: readonly SignalType[] } = {},
): Signal[] {
  const types = options.only ?? (Object.keys(SIGNAL_DETECTORS) as SignalType[]);
  const out: Signal[] = [];
  for (const type of types) out.push(...SIGNAL_DETECTORS[type](events, options));
  return out.sort((a, b) => a.t - b.t);
}
