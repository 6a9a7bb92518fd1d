/**
 * The SDK code the pipeline trains and scores with, imported unchanged from its one home in
 * `packages/sdk/src` (feature windows, signals, the rule-based scorer, the alarm gate, the scoring
 * schedule). Only the DOM-free modules are imported, so this runs in Node exactly as in the browser.
 */
export type { RawEvent, RawEventOf, TargetInfo } from '../../packages/sdk/src/capture/raw-event';
export {
  type ComputedWindow,
  createWindowStream,
  extractFeatures,
  FEATURE_COUNT,
  FEATURE_DOCS,
  FEATURE_NAMES,
  FEATURE_SCHEMA,
  type FeatureName,
  featureIndex,
  HOP_MS,
  slidingWindows,
  WINDOW_MS,
} from '../../packages/sdk/src/features/index';
export { detectSignals } from '../../packages/sdk/src/signals/index';
export { type AlarmOptions, createAlarmGate, DEFAULT_ALARM } from '../../packages/sdk/src/struggle/alarm';
export { RULE_WEIGHTS, scoreSignals } from '../../packages/sdk/src/struggle/rules';
export { type ScoringPoint, scoringPoints } from '../../packages/sdk/src/struggle/schedule';
export { reasonsFrom } from '../../packages/sdk/src/worker/reasons';
