import { describe, expect, it } from 'vitest';
import { createGuard } from './guard';

describe('createGuard', () => {
  it('passes results through, and turns a throw into a warning and undefined', () => {
    const warnings: unknown[] = [];
    const guard = createGuard((...args) => warnings.push(...args));
    expect(guard((a: number, b: number) => a + b)(1, 2)).toBe(3);
    const boom = new Error('host page broke something');
    expect(
      guard(() => {
        throw boom;
      })(),
    ).toBeUndefined();
    expect(warnings).toEqual([boom]);
  });
});
