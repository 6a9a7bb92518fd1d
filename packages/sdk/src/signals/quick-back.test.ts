import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../capture/raw-event';
import { nav } from './fixtures';
import { detectQuickBacks } from './quick-back';

const cases: [string, RawEvent[], number][] = [
  ['to a page and back within 2 s', [nav(0, '/a', 'load'), nav(1000, '/b'), nav(3000, '/a', 'pop')], 1],
  ['to a page and back after a minute', [nav(0, '/a', 'load'), nav(1000, '/b'), nav(61_000, '/a', 'pop')], 0],
  ['onward, not back', [nav(0, '/a', 'load'), nav(1000, '/b'), nav(2000, '/c')], 0],
  ['hash changes count as pages', [nav(0, '/a', 'load'), nav(100, '/a#b', 'hash'), nav(900, '/a', 'pop')], 1],
  ['a replace is not a new page', [nav(0, '/a', 'load'), nav(100, '/a2', 'replace'), nav(900, '/b')], 0],
  ['re-navigating to the same path', [nav(0, '/a', 'load'), nav(100, '/a'), nav(200, '/a')], 0],
  [
    'clicking the previous page again counts too',
    [nav(0, '/a', 'load'), nav(1000, '/b'), nav(2000, '/a', 'push')],
    1,
  ],
];

describe('detectQuickBacks', () => {
  it.each(cases)('%s', (_name, events, expected) => {
    expect(detectQuickBacks(events)).toHaveLength(expected);
  });

  it('names where from and where to', () => {
    expect(detectQuickBacks(cases[0]![1])[0]).toEqual({
      type: 'quick_back',
      t: 3000,
      evidence: { from: '/b', to: '/a', dwellMs: 2000, back: true },
    });
  });
});
