/**
 * Always-valid (sequential) inference for A/B tests: confidence sequences that stay valid however often
 * and whenever the results are looked at, so a team may stop an experiment the moment its interval
 * excludes zero without inflating the error rate. A fixed-sample 95 % interval checked every day is wrong
 * far more than 5 % of the time; these are not.
 *
 * The method is the mixture sequential probability ratio test (mSPRT) with a normal mixture over the
 * effect, as in Johari, Koomen, Pekelis and Walsh, "Always Valid Inference" (2017/2022), on the normal
 * approximation of the difference of two proportions. With V the variance of the estimated difference and
 * τ² the mixing variance, the (1 − α) interval is
 *
 *   θ̂ ± √( V (V + τ²) / τ² · ( ln((V + τ²) / V) − 2 ln α ) ),
 *
 * the set of effects θ₀ the mSPRT has not rejected. τ² sets where the interval is tightest: at the sample
 * size where V ≈ τ² / 8 (the minimum of (1 + r)/r · (ln(1 + r) − 2 ln α) over r = τ²/V, for α = 0.05).
 */

/** Successes out of trials in one variant. */
export interface Tally {
  successes: number;
  n: number;
}

export interface SequentialOptions {
  /** Error rate the sequence controls over all looks; 0.05 unless given. */
  alpha?: number;
  /**
   * Mixing variance of the effect (squared proportion points): 0.0025 (a standard deviation of 5 points)
   * unless given, which puts the tightest interval at about 1,700 users per variant near 50 %.
   */
  tau2?: number;
}

export interface SequentialDifference {
  /** `treatment` rate minus `control` rate. */
  estimate: number;
  lower: number;
  upper: number;
  alpha: number;
}

const DEFAULT_ALPHA = 0.05;
const DEFAULT_TAU2 = 0.0025;

/**
 * The half-width of the normal-mixture confidence sequence for an estimate of variance `variance`.
 *
 * @example
 * mixtureHalfWidth(0.0025, 0.0025, 0.05); // √(2 · 0.0025 · (ln 2 + 2 ln 20)) = 0.18282
 */
export function mixtureHalfWidth(variance: number, tau2: number, alpha: number): number {
  if (!(variance > 0)) return 0;
  const ratio = (variance + tau2) / variance;
  return Math.sqrt(((variance * (variance + tau2)) / tau2) * (Math.log(ratio) - 2 * Math.log(alpha)));
}

/**
 * A rate's variance with one pseudo-success and one pseudo-failure, so a variant at 0 % or 100 % after a
 * few users does not claim a variance of zero (and an interval of no width).
 */
function rateVariance(t: Tally): number {
  const p = (t.successes + 1) / (t.n + 2);
  return (p * (1 - p)) / t.n;
}

/**
 * The always-valid interval of `treatment.rate − control.rate`, clipped to [−1, 1]; the whole range while
 * either variant has no trials.
 *
 * @example
 * alwaysValidDifference({ successes: 300, n: 1000 }, { successes: 360, n: 1000 });
 * // { estimate: 0.06, lower: -0.0039, upper: 0.1239, alpha: 0.05 }: not yet (Newcombe's fixed 95 %
 * // interval, [0.019, 0.101], would already call it)
 */
export function alwaysValidDifference(
  control: Tally,
  treatment: Tally,
  options: SequentialOptions = {},
): SequentialDifference {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const tau2 = options.tau2 ?? DEFAULT_TAU2;
  if (control.n === 0 || treatment.n === 0) return { estimate: 0, lower: -1, upper: 1, alpha };
  const estimate = treatment.successes / treatment.n - control.successes / control.n;
  const half = mixtureHalfWidth(rateVariance(control) + rateVariance(treatment), tau2, alpha);
  return { estimate, lower: Math.max(-1, estimate - half), upper: Math.min(1, estimate + half), alpha };
}

/**
 * Narrows a confidence sequence with what was seen earlier: the running intersection of always-valid
 * intervals is itself always valid, so a stored interval never widens again.
 */
export function intersectIntervals(
  earlier: Pick<SequentialDifference, 'lower' | 'upper'> | null,
  now: SequentialDifference,
): SequentialDifference {
  if (!earlier) return now;
  const lower = Math.max(earlier.lower, now.lower);
  const upper = Math.min(earlier.upper, now.upper);
  // Disjoint only by chance (probability at most α): keep the current interval rather than an empty one.
  return lower <= upper ? { ...now, lower, upper } : now;
}

/** What an interval says: a winner when it excludes zero, otherwise keep running. */
export type SequentialVerdict = 'treatment_better' | 'control_better' | 'keep_running';

export function sequentialVerdict(d: Pick<SequentialDifference, 'lower' | 'upper'>): SequentialVerdict {
  if (d.lower > 0) return 'treatment_better';
  if (d.upper < 0) return 'control_better';
  return 'keep_running';
}
