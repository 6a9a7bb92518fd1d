import { describe, expect, it } from 'vitest';
import { reasonsFrom } from './reasons';

describe('reasonsFrom', () => {
  it.each([
    [
      'positive contributions, largest first',
      [0.1, 2.3, -1, 0.5],
      [
        { code: 'b', weight: 2.3 },
        { code: 'd', weight: 0.5 },
        { code: 'a', weight: 0.1 },
      ],
    ],
    ['none when nothing pushes up', [-0.1, 0, -3, 0], []],
  ] as const)('%s', (_name, contributions, expected) => {
    expect(reasonsFrom(contributions, ['a', 'b', 'c', 'd'])).toEqual(expected);
  });
  it('keeps the top few', () => {
    expect(reasonsFrom([1, 2, 3, 4], ['a', 'b', 'c', 'd'], 2).map((r) => r.code)).toEqual(['d', 'c']);
  });
});
