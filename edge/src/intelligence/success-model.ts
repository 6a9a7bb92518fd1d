import type { PersonaType } from '@smart-onboarding/protocol';
import { sigmoid } from '@smart-onboarding/stats';
import { PERSONA_TYPES } from './persona';

/**
 * Success prediction: the probability that a journey ends completed, by logistic regression learned online
 * (one SGD step per labelled snapshot, AdaGrad step sizes) from a tenant's completed and abandoned journeys.
 *
 * Cold start: the weights start at a hand-set prior (`PRIOR_WEIGHTS`) and every update is pulled back toward
 * it by a Gaussian prior (an L2 penalty around the prior, not around zero), so a new tenant gets sensible
 * numbers on day one and its own numbers as journeys end. Log loss is a proper scoring rule, so the
 * fitted probabilities are calibrated where the model is well specified; `calibrationReport` (`@smart-onboarding/stats`) measures it.
 */

/** What a journey looks like at one moment, for prediction and as a training snapshot. */
export interface JourneySnapshot {
  persona: PersonaType;
  /** The user's proficiency score, 0..1. */
  proficiency: number;
  /** Required steps done / required steps, 0..1. */
  progress: number;
  /** Struggle reports so far. */
  struggles: number;
  /** Time elapsed / time the done steps were estimated to take (1 = on pace). */
  paceRatio: number;
  /** Interventions the user dismissed. */
  dismissals: number;
}

const _SUCCESS_FEATURES = [
  'bias',
  ...PERSONA_TYPES.map((p) => `persona:${p}`),
  'proficiency',
  'progress',
  'log1p_struggles',
  'log2_pace',
  'log1p_dismissals',
] as const;

/** Prior log-odds: a little under half complete from the start, most of those nearly done; progress, fluency help; struggles and a slow pace hurt. */
const PRIOR_WEIGHTS: readonly number[] = [
  0.9, // bias
  -0.3, // cautious_beginner
  0, // guided_learner
  0, // explorer
  -0.2, // time_pressed
  0.2, // power_user
  0.8, // proficiency (centred at 0.5)
  2, // progress (centred at 0.5)
  -0.6, // log1p struggles
  -0.5, // log2 pace
  -0.3, // log1p dismissals
];

export interface SuccessModelState {
  version: 1;
  weights: number[];
  /** AdaGrad's running sum of squared gradients, per weight. */
  gradSq: number[];
  /** Snapshots learned from. */
  examples: number;
}

interface SuccessModelOptions {
  /** Base step size. */
  learningRate: number;
  /** Strength of the pull toward the prior weights, per example. */
  priorStrength: number;
}

const DEFAULT_SUCCESS_OPTIONS: SuccessModelOptions = { learningRate: 0.3, priorStrength: 1e-3 };

export function emptySuccessModel(): SuccessModelState {
  return { version: 1, weights: [...PRIOR_WEIGHTS], gradSq: PRIOR_WEIGHTS.map(() => 0), examples: 0 };
}

export function successFeatures(s: JourneySnapshot): number[] {
  return [
    1,
    ...PERSONA_TYPES.map((p) => (p === s.persona ? 1 : 0)),
    s.proficiency - 0.5,
    s.progress - 0.5,
    Math.log1p(Math.max(0, s.struggles)),
    Math.max(-3, Math.min(3, Math.log2(Math.max(s.paceRatio, 1e-3)))),
    Math.log1p(Math.max(0, s.dismissals)),
  ];
}

function predictRaw(weights: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += weights[i]! * x[i]!;
  return sigmoid(z);
}

/**
 * The journey's `predictedSuccessRate`.
 *
 * @example
 * journey.predictedSuccessRate = predictSuccess(model, snapshot);
 */
export function predictSuccess(model: SuccessModelState, snapshot: JourneySnapshot): number {
  return predictRaw(model.weights, successFeatures(snapshot));
}

/**
 * Learns from a journey that ended: every snapshot taken along the way, labelled with how it ended.
 * Returns a new state.
 *
 * @example
 * model = trainSuccessModel(model, journey.snapshots, journey.status === 'completed');
 */
export function trainSuccessModel(
  model: SuccessModelState,
  snapshots: readonly JourneySnapshot[],
  completed: boolean,
  options: SuccessModelOptions = DEFAULT_SUCCESS_OPTIONS,
): SuccessModelState {
  const weights = [...model.weights];
  const gradSq = [...model.gradSq];
  const y = completed ? 1 : 0;
  // Every snapshot counts fully: predictions are made at snapshots, so calibration is owed per snapshot.
  // (Weighting a journey's snapshots 1/k would over-weight the few snapshots of short, abandoned journeys
  // and bias mid-journey predictions low.)
  const w = 1;
  for (const snapshot of snapshots) {
    const x = successFeatures(snapshot);
    const error = predictRaw(weights, x) - y;
    for (let i = 0; i < weights.length; i++) {
      const g = w * error * x[i]! + options.priorStrength * (weights[i]! - PRIOR_WEIGHTS[i]!);
      gradSq[i]! += g * g;
      weights[i]! -= (options.learningRate * g) / Math.sqrt(gradSq[i]! + 1e-8);
    }
  }
  return { version: 1, weights, gradSq, examples: model.examples + snapshots.length };
}
