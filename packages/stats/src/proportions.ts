/** The 97.5th percentile of the standard normal: two-sided 95 % intervals. */
export const Z95 = 1.959963984540054;

/**
 * The Wilson score interval of a proportion (95 %): honest near 0 and 1 and for small n, where the
 * normal approximation is not. [0, 1] when n is 0.
 *
 * @example
 * wilsonInterval(5, 10); // [0.2366, 0.7634]
 */
export function wilsonInterval(successes: number, n: number, z = Z95): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** A proportion as its rate and 95 % interval. */
export interface RateWithInterval {
  rate: number;
  ci95: readonly [number, number];
}

/**
 * Newcombe (1998), method 10: the 95 % interval of `a.rate − b.rate` from the two Wilson intervals.
 *
 * @example
 * newcombeInterval(
 *   { rate: 56 / 70, ci95: wilsonInterval(56, 70) },
 *   { rate: 48 / 80, ci95: wilsonInterval(48, 80) },
 * ); // [0.0524, 0.3339]
 */
export function newcombeInterval(a: RateWithInterval, b: RateWithInterval): [number, number] {
  const d = a.rate - b.rate;
  const [l1, u1] = a.ci95;
  const [l2, u2] = b.ci95;
  const lower = d - Math.sqrt((a.rate - l1) ** 2 + (u2 - b.rate) ** 2);
  const upper = d + Math.sqrt((u1 - a.rate) ** 2 + (b.rate - l2) ** 2);
  return [Math.max(-1, lower), Math.min(1, upper)];
}
