/**
 * The SDK code the pipeline trains and scores with, imported unchanged from its one home through the
 * SDK's subpath exports (feature windows, signals, the rule-based scorer, the alarm gate, the scoring
 * schedule), so Node computes exactly what the browser does. The vector's layout (names, order, `fw1`,
 * window and hop) is the protocol's: `@smart-onboarding/protocol/features`.
 */
export type { RawEvent, TargetInfo } from '@smart-onboarding/sdk/capture';
export { type ComputedWindow, createWindowStream, slidingWindows } from '@smart-onboarding/sdk/features';
export { createSignalLoop, detectSignals, POINTER_SIGNALS } from '@smart-onboarding/sdk/signals';
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
