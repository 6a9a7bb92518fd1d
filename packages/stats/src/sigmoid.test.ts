import { describe, expect, it } from 'vitest';
import { sigmoid } from './sigmoid';

describe('sigmoid', () => {
  it.each([
    { z: 0, p: 0.5 },
    { z: 2, p: 0.8807970779778823 },
    { z: -2, p: 0.11920292202211755 },
    { z: 800, p: 1 },
    { z: -800, p: 0 },
  ])('sigmoid($z) = $p', ({ z, p }) => {
    expect(sigmoid(z)).toBeCloseTo(p, 15);
    expect(Number.isNaN(sigmoid(z))).toBe(false);
  });

  it('is symmetric: σ(−z) = 1 − σ(z)', () => {
    for (const z of [0.1, 1, 3, 7]) expect(sigmoid(-z)).toBeCloseTo(1 - sigmoid(z), 12);
  });
});
