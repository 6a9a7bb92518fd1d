import { describe, expect, it } from 'vitest';
import { newcombeInterval, wilsonInterval } from './proportions';

describe('wilsonInterval', () => {
  it.each([
    { k: 0, n: 0, lo: 0, hi: 1 },
    { k: 0, n: 10, lo: 0, hi: 0.2775 },
    { k: 5, n: 10, lo: 0.2366, hi: 0.7634 },
    { k: 81, n: 263, lo: 0.2553, hi: 0.3662 },
  ])('$k of $n → [$lo, $hi]', ({ k, n, lo, hi }) => {
    const [a, b] = wilsonInterval(k, n);
    expect(a).toBeCloseTo(lo, 3);
    expect(b).toBeCloseTo(hi, 3);
  });
});

describe('newcombeInterval', () => {
  it('matches Newcombe’s worked example (56/70 vs 48/80: 0.0524 to 0.3339)', () => {
    const [lo, hi] = newcombeInterval(
      { rate: 56 / 70, ci95: wilsonInterval(56, 70) },
      { rate: 48 / 80, ci95: wilsonInterval(48, 80) },
    );
    expect(lo).toBeCloseTo(0.0524, 3);
    expect(hi).toBeCloseTo(0.3339, 3);
  });
});
