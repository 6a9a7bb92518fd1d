import { describe, expect, it } from 'vitest';
import { createPointerRing } from './pointer-ring';

describe('createPointerRing', () => {
  it('writes each sample into its slot, overwriting the oldest once full', () => {
    const ring = createPointerRing(4);
    for (let n = 0; n < 6; n++) ring.push(10 * n, n, -n, n === 5 ? 'pen' : 'mouse');
    expect(ring.count).toBe(6);
    // Samples 4 and 5 took the slots of 0 and 1.
    expect([...ring.data]).toEqual([40, 4, -4, 0, 50, 5, -5, 2, 20, 2, -2, 0, 30, 3, -3, 0]);
  });
});
