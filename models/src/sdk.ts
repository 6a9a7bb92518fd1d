/**
 * The SDK code the pipeline trains and scores with, imported unchanged from its one home through the
 * SDK's subpath exports (feature windows, signals, the rule-based scorer, the alarm gate, the scoring
 * schedule), so Node computes exactly what the browser does.
 */
export type { RawEvent, RawEventOf, TargetInfo } from '@smart-onboarding/sdk/capture';
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
} from '@smart-onboarding/sdk/features';
export { detectSignals, POINTER_SIGNALS } from '@smart-onboarding/sdk/signals';
export {
  type AlarmOptions,
  createAlarmGate,
  DEFAULT_ALARM,
  RULE_WEIGHTS,
  reasonsFrom,
  type ScoringPoint,
  scoreSignals,
  scoringPoints,
} from '@smart-onboarding/sdk/struggle';
