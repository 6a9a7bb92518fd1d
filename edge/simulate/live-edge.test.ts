import { describe, expect, it } from 'vitest';
import { percentiles } from './live-edge';

describe('percentiles', () => {
  it.each([
    { ms: [5], p50: 5, p95: 5, p99: 5, max: 5 },
    { ms: Array.from({ length: 100 }, (_, i) => i + 1), p50: 50.5, p95: 95, p99: 99, max: 100 },
    { ms: [3, 1, 2], p50: 2, p95: 3, p99: 3, max: 3 },
  ])('$ms.length samples', ({ ms, p50, p95, p99, max }) => {
    expect(percentiles(ms)).toEqual({ samples: ms.length, p50, p95, p99, max });
  });
});
