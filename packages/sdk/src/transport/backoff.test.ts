import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const cases: [number, number, number][] = [
  // attempt, random, expected
  [0, 0.5, 500],
  [1, 0.5, 1000],
  [3, 0.5, 4000],
  [3, 0.999, 7992],
  [10, 0.5, 30_000],
  [40, 0.999, 59_940],
  [2, 0, 100],
  [-1, 0.5, 500],
];

describe('backoffDelay', () => {
  it.each(cases)('attempt %i with random %f waits %i ms', (attempt, r, expected) => {
    expect(backoffDelay(attempt, undefined, () => r)).toBe(expected);
  });

  it('spreads retries: jitter covers the range', () => {
    const delays = new Set(Array.from({ length: 200 }, () => backoffDelay(5)));
    expect(delays.size).toBeGreaterThan(150);
    for (const d of delays) expect(d).toBeLessThan(32_000);
  });
});
