/**
 * The feature vector's schema: its version, its window, and what each slot means, in order. It is part of
 * the wire format (a `FeatureWindow` carries these values), so it lives here and every side imports it:
 * the SDK computes the vector (`@smart-onboarding/sdk/features`), the edge reads slots by name, and
 * training (`models/`) and the on-device model read the same slots in the same order. A change here is a
 * new `FEATURE_SCHEMA` and a retrained model: never reorder or redefine a slot under the same schema name.
 *
 * Every value is a non-negative number in plain units (counts, pixels, milliseconds, fractions); the
 * model applies its own `log1p` and standardisation, so the vector stays readable when it reaches the edge.
 *
 * Plain constants, no zod: browser code imports this file (`@smart-onboarding/protocol/features`).
 */

/** Names the layout below; sent with every window (`FeatureWindow.schema`) so the edge and training never mix vectors. */
export const FEATURE_SCHEMA = 'fw1' as const;

/** Length of one window: long enough to hold a burst of clicks and the pause around it. */
export const WINDOW_MS = 6000;
/** A window ends every `HOP_MS` on the capture clock (boundaries at multiples of the hop). */
export const HOP_MS = 1000;

/**
 * The slots, in order, each with what it measures. Pointer paths count mouse and pen only (touch has no
 * hover path); kinematics are measured on the path resampled every 20 ms, and jumps faster than 8000 px/s
 * are not motion. "Target" facts come from `TargetInfo`; events without a target (e.g. traces converted from
 * plain mouse logs) never count toward target-based slots.
 */
export const FEATURE_DOCS = {
  event_count: 'raw events in the window',
  pointer_path_px: 'length of the mouse/pen path, px',
  pointer_moving_ms: 'time the mouse/pen was moving faster than 20 px/s, ms',
  pointer_mean_speed: 'path length over moving time, px/s',
  pointer_peak_speed: 'highest speed over 20 ms steps of the resampled path, px/s',
  sharp_turns:
    'direction changes sharper than 120 degrees between 3 px+ segments of the resampled path (thrashing)',
  sharp_turn_rate: 'sharp turns per second of movement',
  straightness: 'chord over path of strokes longer than 50 px, path-weighted (1 when none)',
  corrections_per_stroke: 'extra speed peaks per stroke: corrective sub-movements',
  strokes: 'movements separated by pauses of 250 ms or more',
  max_gap_ms: 'longest stretch with no event at all, window edges included, ms',
  max_dwell_ms: 'longest time the pointer stayed within 12 px without a click, ms',
  clicks: 'clicks (any pointer, keyboard activation included)',
  double_clicks: 'clicks with a browser click count of 2 or more',
  keyboard_clicks: 'clicks with click count 0: activation by keyboard',
  touch_clicks: 'clicks by touch',
  stepper_clicks: 'clicks on steppers and pagers, where fast repeats are normal',
  rage_chain_max: 'longest chain of non-stepper clicks each within 30 px and 1 s of the previous',
  same_target_clicks_max: 'most non-stepper clicks on one selector',
  unanswered_clicks:
    'clicks on interactive non-link, non-text targets with no mutation, navigation, scroll, focus, selection or error within 1 s',
  non_interactive_clicks: 'clicks on targets that do not look actionable',
  errors: 'JS errors and failed requests',
  error_clicks: 'clicks followed by an error within 1 s',
  scroll_px: 'scrolled distance, all containers, px',
  scroll_reversals: 'scroll direction reversals of 50 px or more',
  wheel_events: 'wheel events',
  keys: 'key presses (timing only)',
  delete_keys: 'delete and backspace presses',
  input_corrections: 'field changes that delete or replace',
  refocus: 'focus on a field already focused earlier in the window',
  invalid: 'fields rejected by validation',
  submits: 'form submissions',
  navs: 'route changes',
  back_navs: 'back/forward (popstate) navigations',
  quick_backs: 'back navigations within 5 s of arriving on a route',
  mutations: 'DOM mutation batches',
  hidden_fraction: 'fraction of the window with the tab hidden',
  selections: 'text selection changes',
} as const;

export type FeatureName = keyof typeof FEATURE_DOCS;

/** The slot order of the vector. */
export const FEATURE_NAMES = Object.keys(FEATURE_DOCS) as FeatureName[];

export const FEATURE_COUNT = FEATURE_NAMES.length;
