/**
 * Statistics and seeded random numbers, one home for every package: the edge (decisions, effectiveness,
 * the A/B simulation), the model pipeline (simulator, training, evaluation) and the SDK (retry backoff).
 * Pure, no dependencies, no I/O.
 */
export { type FullJitterOptions, fullJitterDelay } from './backoff';
export { type CalibrationReport, calibrationReport, type ReliabilityBin } from './calibration';
export { median, medianCi, medianDifferenceCi } from './median';
export { newcombeInterval, type RateWithInterval, wilsonInterval, Z95 } from './proportions';
export { beta, gamma, normal, type Random, seededRandom } from './random';
export { createRandom, type RandomStream } from './random-stream';
export { prAuc, rocAuc } from './ranking';
export {
  alwaysValidDifference,
  intersectIntervals,
  mixtureHalfWidth,
  type SequentialDifference,
  type SequentialOptions,
  type SequentialVerdict,
  sequentialVerdict,
  type Tally,
} from './sequential';
export { sigmoid } from './sigmoid';
