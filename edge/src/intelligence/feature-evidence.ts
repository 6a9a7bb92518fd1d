import type { FeatureWindow, SignalType } from '@smart-onboarding/protocol';
import {
  FEATURE_NAMES,
  FEATURE_SCHEMA,
  type FeatureName,
  HOP_MS,
  WINDOW_MS,
} from '@smart-onboarding/protocol/features';

/**
 * What the SDK's feature windows (schema `fw1`, layout in `@smart-onboarding/protocol/features`) say about how a
 * user works, summed over a step. Windows slide (6 s long, one every second), so every event is seen by about
 * `WINDOW_MS / HOP_MS` windows: counts are scaled by `HOP_MS / WINDOW_MS` to count each event once.
 */
export interface WindowEvidence {
  windows: number;
  /** Seconds of visible, attended time (one hop per window with the tab mostly visible). */
  activeMs: number;
  clicks: number;
  keys: number;
  keyboardClicks: number;
  /** Friction the windows show, as the signal types it corresponds to. */
  friction: Partial<Record<SignalType, number>>;
  /** Windows where the pointer dwelt 3 s or more without acting. */
  hesitations: number;
}

const SLOT = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i])) as Record<FeatureName, number>;
const SHARE = HOP_MS / WINDOW_MS;

export function emptyWindowEvidence(): WindowEvidence {
  return { windows: 0, activeMs: 0, clicks: 0, keys: 0, keyboardClicks: 0, friction: {}, hesitations: 0 };
}

/**
 * Adds one window. Windows of another schema (or a malformed length) are ignored: the edge never guesses
 * what a slot means.
 *
 * @example
 * evidence = addFeatureWindow(evidence, event.window);
 */
export function addFeatureWindow(evidence: WindowEvidence, window: FeatureWindow): WindowEvidence {
  if (window.schema !== FEATURE_SCHEMA || window.values.length !== FEATURE_NAMES.length) return evidence;
  const v = (name: FeatureName) => Math.max(0, window.values[SLOT[name]] ?? 0);
  const friction = { ...evidence.friction };
  const add = (type: SignalType, n: number) => {
    if (n > 0) friction[type] = (friction[type] ?? 0) + n;
  };
  // A rage chain is one burst seen by every window that overlaps it: count it once.
  add('rage_click', v('rage_chain_max') >= 3 ? SHARE : 0);
  add('dead_click', v('unanswered_clicks') * SHARE);
  add('error_click', v('error_clicks') * SHARE);
  add('thrashed_cursor', v('sharp_turn_rate') >= 3 ? SHARE : 0);
  add('form_struggle', (v('invalid') + (v('input_corrections') >= 3 ? 1 : 0)) * SHARE);
  add('quick_back', v('quick_backs') * SHARE);
  add('excessive_scroll', v('scroll_reversals') >= 3 ? SHARE : 0);
  return {
    windows: evidence.windows + 1,
    activeMs: evidence.activeMs + (v('hidden_fraction') < 0.5 ? HOP_MS : 0),
    clicks: evidence.clicks + v('clicks') * SHARE,
    keys: evidence.keys + v('keys') * SHARE,
    keyboardClicks: evidence.keyboardClicks + v('keyboard_clicks') * SHARE,
    friction,
    hesitations: evidence.hesitations + (v('max_dwell_ms') >= 3000 ? SHARE : 0),
  };
}
