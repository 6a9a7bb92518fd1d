/**
 * Feature windows: the one home of the feature code. The SDK scores and sends these vectors; `models/`
 * imports this module unchanged to train on simulated and exported traces, so both see the same numbers.
 * The layout they fill (names, order, `fw1`, window and hop) is the protocol's:
 * `@smart-onboarding/protocol/features`.
 */
export { CLICK_RESPONSE_MS, extractFeatures, featureIndex } from './extract';
export {
  type ComputedWindow,
  createWindowStream,
  slidingWindows,
  type WindowStream,
  type WindowStreamOptions,
} from './windows';
