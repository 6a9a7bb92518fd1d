import { describe, expect, it } from 'vitest';
import { beta, gamma, normal, seededRandom } from './random';
import { unitHash } from './stable-hash';

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const draws = (n: number, f: () => number) => Array.from({ length: n }, f);

describe('seeded randomness', () => {
  it('replays the same sequence from the same seed, and another from another', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const sa = draws(5, a);
    expect(draws(5, b)).toEqual(sa);
    expect(draws(5, c)).not.toEqual(sa);
    for (const x of sa) expect(x >= 0 && x < 1).toBe(true);
  });

  it.each([
    { name: 'normal', draw: (r: () => number) => normal(r), expected: 0, tol: 0.03 },
    { name: 'gamma(0.5)', draw: (r: () => number) => gamma(r, 0.5), expected: 0.5, tol: 0.03 },
    { name: 'gamma(4)', draw: (r: () => number) => gamma(r, 4), expected: 4, tol: 0.08 },
    { name: 'beta(2, 8)', draw: (r: () => number) => beta(r, 2, 8), expected: 0.2, tol: 0.01 },
    { name: 'beta(30, 10)', draw: (r: () => number) => beta(r, 30, 10), expected: 0.75, tol: 0.01 },
  ])('$name has the right mean', ({ draw, expected, tol }) => {
    const rng = seededRandom(123);
    expect(Math.abs(mean(draws(20_000, () => draw(rng))) - expected)).toBeLessThan(tol);
  });
});

describe('unitHash', () => {
  it('is stable and spreads users evenly', () => {
    expect(unitHash('user-1')).toBe(unitHash('user-1'));
    const below = draws(
      10_000,
      (() => {
        let i = 0;
        return () => i++;
      })(),
    ).filter((i) => unitHash(`holdout:user-${i}`) < 0.1).length;
    expect(below).toBeGreaterThan(900);
    expect(below).toBeLessThan(1100);
  });
});
