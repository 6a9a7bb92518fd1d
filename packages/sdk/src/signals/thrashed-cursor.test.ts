import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../capture/raw-event';
import { move, zigzag } from './fixtures';
import { detectThrashedCursor } from './thrashed-cursor';

const line = (from: number, to: number, ms: number, t0 = 0): RawEvent[] =>
  Array.from({ length: Math.ceil(ms / 16) }, (_, i) =>
    move(t0 + i * 16, from + ((to - from) * i * 16) / ms, 200),
  );

const cases: [string, RawEvent[], number][] = [
  ['shaking: 8 legs of 150 px at 150 ms each', zigzag(8, 150, 150), 1],
  ['a straight movement', line(0, 1200, 800), 0],
  ['going back and forth between two targets once a second', zigzag(6, 400, 1000), 0],
  ['tiny jitter (10 px) does not count', zigzag(20, 10, 60), 0],
  ['touch drags are ignored', zigzag(8, 150, 150).map((e) => ({ ...e, pointer: 'touch' }) as RawEvent), 0],
  ['two episodes far apart', [...zigzag(8, 150, 150), ...zigzag(8, 150, 150, 10_000)], 2],
  ['a long shake is one episode', zigzag(16, 150, 150), 1],
  [
    'circling once a second is not shaking',
    Array.from({ length: 300 }, (_, i) =>
      move(i * 16, 400 + 80 * Math.cos(i / 10), 300 + 80 * Math.sin(i / 10)),
    ),
    0,
  ],
];

describe('detectThrashedCursor', () => {
  it.each(cases)('%s', (_name, events, expected) => {
    expect(detectThrashedCursor(events)).toHaveLength(expected);
  });

  it('counts the turns', () => {
    const [signal] = detectThrashedCursor(zigzag(8, 150, 150));
    expect(signal?.type).toBe('thrashed_cursor');
    expect(signal?.evidence).toMatchObject({ reversals: 6, axis: 'x' });
  });
});
