import { describe, expect, it } from 'vitest';
import { fitsInBand } from './layout';

const box = (top: number, bottom: number) => ({ top, bottom });

describe('fitsInBand (viewport 600, header 80)', () => {
  it.each([
    [box(100, 200), 0, true],
    [box(80, 600), 0, true],
    [box(70, 200), 0, false],
    [box(100, 601), 0, false],
    [box(100, 450), 200, false],
    [box(100, 400), 200, true],
  ])('%j with a %s px sheet → %s', (target, bottomInset, expected) => {
    expect(fitsInBand(target, 600, 80, bottomInset)).toBe(expected);
  });
});
