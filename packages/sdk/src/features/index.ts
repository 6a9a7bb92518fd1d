/**
 * Feature windows: the one home of the feature code. The SDK scores and sends these vectors; `models/`
 * imports this module unchanged to train on simulated and exported traces, so both see the same numbers.
 */
export { extractFeatures, featureIndex } from './extract';
export {
  CLICK_RESPONSE_MS,
  FEATURE_COUNT,
  FEATURE_DOCS,
  FEATURE_NAMES,
  FEATURE_SCHEMA,
  type FeatureName,
  HOP_MS,
  WINDOW_MS,
} from './schema';
export {
  type ComputedWindow,
  createWindowStream,
  slidingWindows,
  type WindowStream,
  type WindowStreamOptions,
} from './windows';
