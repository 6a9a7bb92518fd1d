import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from './backoff';

const fixed = (x: number) => () => x;

describe('fullJitterDelay', () => {
  it.each([
    // attempt, random, options, expected
    { attempt: 0, r: 0.5, options: { baseMs: 1000, maxMs: 60_000 }, expected: 500 },
    { attempt: 3, r: 0.999, options: { baseMs: 1000, maxMs: 60_000 }, expected: 7992 },
    { attempt: 40, r: 0.999, options: { baseMs: 1000, maxMs: 60_000 }, expected: 59_940 },
    { attempt: -1, r: 0.5, options: { baseMs: 1000, maxMs: 60_000 }, expected: 500 },
    { attempt: 2, r: 0, options: { baseMs: 1000, maxMs: 60_000 }, expected: 0 },
    { attempt: 2, r: 0, options: { baseMs: 1000, maxMs: 60_000, minMs: 100 }, expected: 100 },
    { attempt: 2, r: 0.5, options: { baseMs: 200, maxMs: 10_000, factor: 3 }, expected: 900 },
  ])('attempt $attempt, random $r → $expected ms', ({ attempt, r, options, expected }) => {
    expect(fullJitterDelay(attempt, options, fixed(r))).toBe(expected);
  });

  it('spreads a crowd over the whole range below the cap', () => {
    const delays = Array.from({ length: 2000 }, () =>
      fullJitterDelay(5, { baseMs: 100, maxMs: 60_000 }, Math.random),
    );
    for (const d of delays) expect(d >= 0 && d < 3200).toBe(true);
    expect(Math.min(...delays)).toBeLessThan(400);
    expect(Math.max(...delays)).toBeGreaterThan(2800);
  });
});
