import { describe, expect, it } from 'vitest';
import { median, medianCi, medianDifferenceCi } from './median';
import { seededRandom } from './random';

describe('median and its bootstrap intervals', () => {
  it.each([
    { xs: [], m: Number.NaN },
    { xs: [3], m: 3 },
    { xs: [3, 1, 2], m: 2 },
    { xs: [4, 1, 3, 2], m: 2.5 },
  ])('median($xs) = $m', ({ xs, m }) => {
    expect(median(xs)).toBe(m);
  });

  it('bootstraps an interval around the median that covers it and narrows with data', () => {
    const rng = seededRandom(3);
    const small = Array.from({ length: 30 }, () => 100 + 50 * rng());
    const big = Array.from({ length: 3000 }, () => 100 + 50 * rng());
    const [a, b] = medianCi(small, seededRandom(1));
    const [c, d] = medianCi(big, seededRandom(1));
    expect(a).toBeLessThanOrEqual(median(small));
    expect(b).toBeGreaterThanOrEqual(median(small));
    expect(d - c).toBeLessThan(b - a);
  });

  it('finds a real difference of medians and none where there is none', () => {
    const rng = seededRandom(9);
    const a = Array.from({ length: 500 }, () => 100 + 20 * rng());
    const b = Array.from({ length: 500 }, () => 80 + 20 * rng());
    const [lo, hi] = medianDifferenceCi(a, b, seededRandom(2));
    expect(hi).toBeLessThan(0);
    expect(lo).toBeGreaterThan(-30);
    const [lo2, hi2] = medianDifferenceCi(a, a, seededRandom(2));
    expect(lo2).toBeLessThanOrEqual(0);
    expect(hi2).toBeGreaterThanOrEqual(0);
  });
});
