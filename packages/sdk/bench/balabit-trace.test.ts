import { describe, expect, it } from 'vitest';
import { balabitToRawEvents, posthogRageClicks } from './balabit-trace';

const csv = (rows: string[]) => ['record timestamp,client timestamp,button,state,x,y', ...rows].join('\n');

describe('balabitToRawEvents', () => {
  it('turns moves, drags, presses, releases and scrolls into raw events, with click counts', () => {
    const events = balabitToRawEvents(
      csv([
        '0,0.0,NoButton,Move,10,10',
        '0,0.1,Left,Pressed,10,10',
        '0,0.15,Left,Released,11,10',
        '0,0.3,Left,Pressed,11,10',
        '0,0.35,Left,Released,11,10',
        '0,0.5,Left,Pressed,11,10',
        '0,0.6,NoButton,Drag,80,10',
        '0,0.7,Left,Released,90,10',
        '0,0.8,Scroll,Down,90,10',
        '0,0.9,NoButton,Move,65535,10',
      ]),
    );
    expect(events.map((e) => e.type)).toEqual([
      'move',
      'down',
      'up',
      'click',
      'down',
      'up',
      'click',
      'down',
      'move',
      'up',
      'wheel',
    ]);
    expect(events.filter((e) => e.type === 'click').map((e) => (e.type === 'click' ? e.detail : 0))).toEqual([
      1, 2,
    ]);
  });
});

describe('posthogRageClicks', () => {
  const clicks = (ts: number[], dx = 5) =>
    ts.map((t, i) => ({ type: 'click' as const, t, x: i * dx, y: 0, pointer: 'mouse' as const, detail: 1 }));
  it.each([
    [[0, 300, 600], 5, 1],
    [[0, 300, 600, 900, 1200], 5, 1],
    [[0, 300, 1400], 5, 0],
    [[0, 300, 600], 40, 0],
    [[0, 100, 200, 5000, 5100, 5200], 5, 2],
  ])('clicks at %o, %i px apart: %i fires', (ts, dx, expected) => {
    expect(posthogRageClicks(clicks(ts, dx))).toBe(expected);
  });
});
