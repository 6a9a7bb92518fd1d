import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it.each([
    // [capacity, perSecond, times of takes, expected results]
    [2, 1, [0, 0, 0], [true, true, false]],
    [2, 1, [0, 0, 0, 1000], [true, true, false, true]],
    [2, 1, [0, 0, 500, 999], [true, true, false, false]],
    [1, 10, [0, 50, 100, 150, 200], [true, false, true, false, true]],
    [3, 1, [0, 0, 0, 10_000, 10_000, 10_000, 10_000], [true, true, true, true, true, true, false]],
  ])('capacity %i at %i/s over %j gives %j', (capacity, perSecond, times, expected) => {
    const bucket = new TokenBucket(capacity, perSecond);
    expect(times.map((t) => bucket.take(t))).toEqual(expected);
  });
});
