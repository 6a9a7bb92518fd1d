import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_BACKOFF, retryAfterFromHeaders } from './backoff';

const fixed = (x: number) => () => x;

describe('backoffDelayMs', () => {
  it.each([
    { attempt: 0, rng: 0.999, max: 200 },
    { attempt: 1, rng: 0.999, max: 400 },
    { attempt: 3, rng: 0.999, max: 1600 },
    { attempt: 20, rng: 0.999, max: 10_000 },
  ])('attempt $attempt stays under $max ms', ({ attempt, rng, max }) => {
    const d = backoffDelayMs(attempt, DEFAULT_BACKOFF, fixed(rng));
    expect(d).toBeLessThanOrEqual(max);
    expect(d).toBeGreaterThan(max * 0.99);
    expect(backoffDelayMs(attempt, DEFAULT_BACKOFF, fixed(0))).toBe(0);
  });

  it.each([
    { retryAfter: 3000, rng: 0, expected: 3000 },
    { retryAfter: 3000, rng: 0.5, expected: 3100 },
    { retryAfter: 60_000, rng: 0, expected: 10_000 },
    { retryAfter: 0, rng: 0, expected: 0 },
  ])(
    'retry-after $retryAfter ms is a floor (capped at maxMs): $expected',
    ({ retryAfter, rng, expected }) => {
      expect(backoffDelayMs(0, DEFAULT_BACKOFF, fixed(rng), retryAfter)).toBe(expected);
    },
  );
});

describe('retryAfterFromHeaders', () => {
  const now = Date.parse('2026-11-24T07:00:00Z');
  it.each([
    { headers: {}, expected: undefined },
    { headers: { 'retry-after': '2' }, expected: 2000 },
    { headers: { 'retry-after': '0.5' }, expected: 500 },
    { headers: { 'retry-after-ms': '1500', 'retry-after': '2' }, expected: 1500 },
    { headers: { 'retry-after': 'Tue, 24 Nov 2026 07:00:05 GMT' }, expected: 5000 },
    { headers: { 'retry-after': 'soon' }, expected: undefined },
    { headers: { 'retry-after': '-1' }, expected: undefined },
  ])('$headers → $expected', ({ headers, expected }) => {
    expect(retryAfterFromHeaders(new Headers(headers as Record<string, string>), now)).toBe(expected);
  });
});
