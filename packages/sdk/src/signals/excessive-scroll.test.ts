import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../capture/raw-event';
import { detectExcessiveScroll } from './excessive-scroll';
import { scroll } from './fixtures';

const path = (ys: number[], gapMs = 100, container?: string): RawEvent[] =>
  ys.map((y, i) => scroll(i * gapMs, y, container));

const cases: [string, RawEvent[], number][] = [
  ['reading a long page: down with small re-reads', path([0, 300, 600, 550, 900, 1200, 1150, 1500, 1800]), 0],
  ['down, up, down, up', path([0, 800, 100, 900, 50]), 1],
  ['down and up once (back to the top)', path([0, 2000, 0]), 0],
  ['the same reversals spread over a minute', path([0, 800, 100, 900, 50], 6000), 0],
  [
    'reversals in two different containers do not add up',
    [...path([0, 800, 100], 100, '#a'), ...path([0, 800, 100], 100, '#b')],
    0,
  ],
  ['searching in one container', path([0, 800, 100, 900, 50], 100, '#list'), 1],
];

describe('detectExcessiveScroll', () => {
  it.each(cases)('%s', (_name, events, expected) => {
    expect(detectExcessiveScroll(events)).toHaveLength(expected);
  });

  it('names the container and counts the reversals', () => {
    expect(detectExcessiveScroll(path([0, 800, 100, 900, 50], 100, '#list'))[0]?.evidence).toEqual({
      reversals: 3,
      durationMs: 200,
      container: '#list',
    });
  });
});
