import { describe, expect, it } from 'vitest';
import { balabitToEvents } from './balabit';

const CSV = `record timestamp,client timestamp,button,state,x,y
0.0,0.0,NoButton,Move,100,200
0.1,0.1,NoButton,Move,110,200
0.2,0.2,Left,Pressed,110,200
0.25,0.25,Left,Released,110,200
0.3,0.35,Left,Pressed,111,200
0.4,0.4,Left,Released,111,200
0.5,0.5,Left,Drag,150,220
0.6,0.6,Scroll,Down,150,220
0.7,0.7,Scroll,Up,150,220
0.8,0.8,Right,Pressed,150,220
0.9,0.9,Right,Released,150,220
1.0,0.95,NoButton,Move,160,230
`;

describe('balabitToEvents', () => {
  it('maps rows to the capture format with the browser click count', () => {
    const events = balabitToEvents(CSV);
    expect(events.map((e) => e.type)).toEqual([
      'move',
      'move',
      'down',
      'up',
      'click',
      'down',
      'up',
      'click',
      'move',
      'wheel',
      'wheel',
      'down',
      'up',
      'move',
    ]);
    const clicks = events.filter((e) => e.type === 'click');
    expect(clicks.map((c) => c.detail)).toEqual([1, 2]);
    expect(clicks[0]).toEqual({ type: 'click', t: 250, x: 110, y: 200, pointer: 'mouse', detail: 1 });
    expect(events.filter((e) => e.type === 'wheel').map((e) => e.dy)).toEqual([100, -100]);
    expect(events.find((e) => e.type === 'down' && e.button === 2)).toBeDefined();
  });

  it('puts rows with out-of-order client times back in order', () => {
    const events = balabitToEvents('h\n0,0.5,NoButton,Move,1,1\n0,0.2,NoButton,Move,2,2\n');
    expect(events.map((e) => e.t)).toEqual([200, 500]);
  });

  it('counts a press released far away as a drag, not a click, and drops glitch coordinates', () => {
    const events = balabitToEvents(
      [
        'h',
        '0,0.1,Left,Pressed,10,10',
        '0,0.2,NoButton,Drag,80,10',
        '0,0.3,Left,Released,90,10',
        '0,0.4,NoButton,Move,65535,10',
      ].join('\n'),
    );
    expect(events.map((e) => e.type)).toEqual(['down', 'move', 'up']);
  });
});
