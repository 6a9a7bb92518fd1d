import { createRandom, sigmoid } from '@smart-onboarding/stats';
import type { MlpParams } from './mlp';

export interface TrainConfig {
  seed: number;
  hidden: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Decoupled weight decay (AdamW) on the weights, not the biases. */
  weightDecay: number;
}

export const DEFAULT_TRAIN: TrainConfig = {
  seed: 20_261_124,
  hidden: 16,
  epochs: 40,
  batchSize: 128,
  learningRate: 0.004,
  weightDecay: 1e-4,
};

/** Mean and 1/sd of log1p(x) per feature: the standardisation the model carries. */
function fitStandardiser(
  rows: readonly (readonly number[])[],
  inputs: number,
): { mean: number[]; invStd: number[] } {
  const mean = new Array<number>(inputs).fill(0);
  const sq = new Array<number>(inputs).fill(0);
  for (const r of rows)
    for (let i = 0; i < inputs; i++) {
      const v = Math.log1p(Math.max(0, r[i]!));
      mean[i]! += v;
      sq[i]! += v * v;
    }
  const n = Math.max(1, rows.length);
  const invStd = mean.map((m, i) => {
    const mu = m / n;
    const variance = sq[i]! / n - mu * mu;
    return 1 / Math.max(Math.sqrt(Math.max(variance, 0)), 1e-3);
  });
  return { mean: mean.map((m) => m / n), invStd };
}

interface EpochReport {
  epoch: number;
  loss: number;
}

/**
 * Trains the perceptron with binary cross-entropy and AdamW on mini-batches. Every random choice (weight
 * initialisation, batch order) comes from `config.seed`, and the arithmetic is plain float64 in a fixed
 * order, so the same data and config give the same parameters bit for bit.
 *
 * @example
 * const params = trainMlp(rows, labels, DEFAULT_TRAIN, (r) => console.log(r.epoch, r.loss));
 */
export function trainMlp(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  config: TrainConfig,
  onEpoch?: (r: EpochReport) => void,
): MlpParams {
  const F = rows[0]?.length ?? 0;
  const H = config.hidden;
  const n = rows.length;
  if (n === 0 || F === 0) throw new Error('trainMlp: no training rows');
  const rng = createRandom(config.seed);
  const { mean, invStd } = fitStandardiser(rows, F);
  const z = new Float64Array(n * F);
  for (let r = 0; r < n; r++)
    for (let i = 0; i < F; i++)
      z[r * F + i] = (Math.log1p(Math.max(0, rows[r]![i]!)) - mean[i]!) * invStd[i]!;

  const w1 = Array.from({ length: F * H }, () => rng.normal(0, Math.sqrt(2 / F)));
  const b1 = new Array<number>(H).fill(0);
  const w2 = Array.from({ length: H }, () => rng.normal(0, Math.sqrt(1 / H)));
  const prior = Math.min(0.99, Math.max(0.01, labels.reduce((a, b) => a + b, 0) / n));
  const theta = [w1, b1, w2, [Math.log(prior / (1 - prior))]];
  const decays = [true, false, true, false];
  const m = theta.map((t) => new Float64Array(t.length));
  const v = theta.map((t) => new Float64Array(t.length));
  const grads = theta.map((t) => new Float64Array(t.length));
  const pre = new Float64Array(H);
  const dh = new Float64Array(H);
  const order = Array.from({ length: n }, (_, i) => i);
  const beta1 = 0.9;
  const beta2 = 0.999;
  let step = 0;

  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let lossSum = 0;
    for (let start = 0; start < n; start += config.batchSize) {
      const end = Math.min(n, start + config.batchSize);
      for (const g of grads) g.fill(0);
      const [gw1, gb1, gw2, gb2] = grads as [Float64Array, Float64Array, Float64Array, Float64Array];
      for (let k = start; k < end; k++) {
        const r = order[k]!;
        const off = r * F;
        for (let j = 0; j < H; j++) pre[j] = b1[j]!;
        for (let i = 0; i < F; i++) {
          const zi = z[off + i]!;
          const row = i * H;
          for (let j = 0; j < H; j++) pre[j]! += zi * w1[row + j]!;
        }
        let logit = theta[3]![0]!;
        for (let j = 0; j < H; j++) if (pre[j]! > 0) logit += pre[j]! * w2[j]!;
        const p = sigmoid(logit);
        const y = labels[r]!;
        lossSum += -(y * Math.log(Math.max(p, 1e-12)) + (1 - y) * Math.log(Math.max(1 - p, 1e-12)));
        const d = (p - y) / (end - start);
        gb2[0]! += d;
        for (let j = 0; j < H; j++) {
          if (pre[j]! > 0) {
            gw2[j]! += d * pre[j]!;
            dh[j] = d * w2[j]!;
          } else dh[j] = 0;
          gb1[j]! += dh[j]!;
        }
        for (let i = 0; i < F; i++) {
          const zi = z[off + i]!;
          if (zi === 0) continue;
          const row = i * H;
          for (let j = 0; j < H; j++) gw1[row + j]! += zi * dh[j]!;
        }
      }
      step++;
      const c1 = 1 - beta1 ** step;
      const c2 = 1 - beta2 ** step;
      for (let t = 0; t < theta.length; t++) {
        const w = theta[t]!;
        const g = grads[t]!;
        const mt = m[t]!;
        const vt = v[t]!;
        for (let k = 0; k < w.length; k++) {
          mt[k] = beta1 * mt[k]! + (1 - beta1) * g[k]!;
          vt[k] = beta2 * vt[k]! + (1 - beta2) * g[k]! * g[k]!;
          const update = mt[k]! / c1 / (Math.sqrt(vt[k]! / c2) + 1e-8);
          w[k] = w[k]! - config.learningRate * (update + (decays[t] ? config.weightDecay * w[k]! : 0));
        }
      }
    }
    onEpoch?.({ epoch, loss: lossSum / n });
  }
  return { inputs: F, hidden: H, mean, invStd, w1, b1, w2, b2: theta[3]![0]! };
}
