import type { Random } from './random';

/** The median (the mean of the two middle values for an even count); NaN for no values. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const resample = (xs: readonly number[], rng: Random) =>
  Array.from({ length: xs.length }, () => xs[Math.floor(rng() * xs.length)]!);

/** Percentile bootstrap 95 % interval of the median (seeded, so a run is reproducible). */
export function medianCi(xs: readonly number[], rng: Random, resamples = 1000): [number, number] {
  if (xs.length === 0) return [Number.NaN, Number.NaN];
  const medians: number[] = [];
  for (let r = 0; r < resamples; r++) medians.push(median(resample(xs, rng)));
  medians.sort((a, b) => a - b);
  return [medians[Math.floor(0.025 * resamples)]!, medians[Math.floor(0.975 * resamples) - 1]!];
}

/** Percentile bootstrap 95 % interval of the difference of two medians (b − a). */
export function medianDifferenceCi(
  a: readonly number[],
  b: readonly number[],
  rng: Random,
  resamples = 1000,
): [number, number] {
  if (a.length === 0 || b.length === 0) return [Number.NaN, Number.NaN];
  const diffs: number[] = [];
  for (let r = 0; r < resamples; r++) diffs.push(median(resample(b, rng)) - median(resample(a, rng)));
  diffs.sort((x, y) => x - y);
  return [diffs[Math.floor(0.025 * resamples)]!, diffs[Math.floor(0.975 * resamples) - 1]!];
}
