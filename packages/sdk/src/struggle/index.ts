/**
 * Struggle detection: feature windows, the rule-based scorer, the on-device model (in a Web Worker) and
 * the alarm gate, behind the seam in `./detector`.
 */
import { browserEnvironment } from './browser-environment';
import { createDetectorWith } from './create-detector';
import type { CreateStruggleDetector } from './detector';

export { createWorkerModelScorer, type WorkerModelOptions } from '../worker/client';
export { reasonsFrom } from '../worker/reasons';
export { type Alarm, type AlarmGate, type AlarmOptions, createAlarmGate, DEFAULT_ALARM } from './alarm';
export { createDetectorWith, type DetectorEnvironment } from './create-detector';
export type {
  CreateStruggleDetector,
  ScorerState,
  StruggleDetector,
  StruggleDetectorOptions,
  StruggleReport,
} from './detector';
export { ModelLoadError, type ModelScore, type ModelScorer, type ModelUnavailable } from './model-scorer';
export { RULE_WEIGHTS, type RuleScore, scoreSignals } from './rules';
export { type ScoringPoint, scoringPoints } from './schedule';

/**
 * Creates the struggle detector the SDK core pushes raw events and signals into. Rules decide at once;
 * unless `model: false`, the ONNX model loads in a Web Worker once the page is idle and takes over, and
 * `onScorerChange` says so (or says why it could not: `wasm-blocked`, `load-failed`).
 *
 * @example
 * const detector = createStruggleDetector({
 *   model: true,
 *   assetsBaseUrl: 'https://edge.example.com/v1/model/',
 *   onStruggle: (r) => console.log(r.score, r.reasons),
 *   onWindow: (w) => transport.send(w),
 *   onScorerChange: (s) => console.log('scorer', s.active, s.detail),
 * });
 * detector.push(newEvents, newSignals);
 * // later
 * detector.teardown();
 */
export const createStruggleDetector: CreateStruggleDetector = (options) =>
  createDetectorWith(options, browserEnvironment);
