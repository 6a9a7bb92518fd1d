import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from './consumer';

describe('retryDelaySeconds', () => {
  it.each([
    [0, 2],
    [1, 2],
    [2, 4],
    [3, 8],
    [8, 256],
    [9, 300],
    [50, 300],
  ])('attempt %i waits %i s', (attempts, seconds) => {
    expect(retryDelaySeconds(attempts)).toBe(seconds);
  });
});
