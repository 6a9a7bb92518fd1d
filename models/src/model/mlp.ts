import { sigmoid } from '@smart-onboarding/stats';

/**
 * The struggle model: a one-hidden-layer perceptron over the SDK's feature vector. Inputs go through
 * `log1p` (counts and durations are heavy-tailed) and standardisation baked into the model, so the
 * SDK feeds raw feature values. Besides the score it returns, per feature, the gradient of the logit
 * times the standardised input: how much each feature pushed this score up (the report's reasons).
 *
 * This TypeScript forward pass is the reference the ONNX graph is tested against.
 */
export interface MlpParams {
  inputs: number;
  hidden: number;
  /** Per input: mean and 1/sd of log1p(x) on the training set. */
  mean: number[];
  invStd: number[];
  /** inputs x hidden, row-major. */
  w1: number[];
  b1: number[];
  /** hidden -> 1 */
  w2: number[];
  b2: number;
}

interface MlpOutput {
  score: number;
  logit: number;
  contributions: number[];
}

function standardise(
  p: MlpParams,
  x: readonly number[],
  out: Float64Array = new Float64Array(p.inputs),
): Float64Array {
  for (let i = 0; i < p.inputs; i++)
    out[i] = (Math.log1p(Math.max(0, x[i] ?? 0)) - p.mean[i]!) * p.invStd[i]!;
  return out;
}

/**
 * @example
 * const { score, contributions } = forward(params, window.values);
 */
export function forward(p: MlpParams, x: readonly number[]): MlpOutput {
  const z = standardise(p, x);
  const pre = new Float64Array(p.hidden);
  for (let j = 0; j < p.hidden; j++) pre[j] = p.b1[j]!;
  for (let i = 0; i < p.inputs; i++) {
    const zi = z[i]!;
    if (zi === 0) continue;
    const row = i * p.hidden;
    for (let j = 0; j < p.hidden; j++) pre[j]! += zi * p.w1[row + j]!;
  }
  let logit = p.b2;
  for (let j = 0; j < p.hidden; j++) if (pre[j]! > 0) logit += pre[j]! * p.w2[j]!;
  const contributions = new Array<number>(p.inputs);
  for (let i = 0; i < p.inputs; i++) {
    let g = 0;
    const row = i * p.hidden;
    for (let j = 0; j < p.hidden; j++) if (pre[j]! > 0) g += p.w2[j]! * p.w1[row + j]!;
    contributions[i] = g * z[i]!;
  }
  return { score: sigmoid(logit), logit, contributions };
}

/** Rounds every parameter to float32, as the ONNX file stores them, so both forward passes use the same numbers. */
export function toFloat32(p: MlpParams): MlpParams {
  const f = (a: number[]) => a.map((v) => Math.fround(v));
  return {
    ...p,
    mean: f(p.mean),
    invStd: f(p.invStd),
    w1: f(p.w1),
    b1: f(p.b1),
    w2: f(p.w2),
    b2: Math.fround(p.b2),
  };
}
