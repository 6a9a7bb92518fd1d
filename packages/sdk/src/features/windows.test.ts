import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../capture/raw-event';
import { extractFeatures } from './extract';
import { createWindowStream, slidingWindows } from './windows';

const move = (t: number): RawEvent => ({ type: 'move', t, x: t / 10, y: 0, pointer: 'mouse' });

describe('window stream', () => {
  it('cuts windows at hop boundaries from the first event on', () => {
    const events = Array.from({ length: 100 }, (_, i) => move(500 + i * 100)); // 0.5 s .. 10.4 s
    const windows = slidingWindows(events);
    expect(windows[0]!.t1).toBe(1000);
    expect(windows.map((w) => w.t1 % 1000)).toEqual(windows.map(() => 0));
    expect(windows.at(-1)!.t1).toBe(16000);
    for (const w of windows) expect(w.values).toEqual(extractFeatures(events, w.t0, w.t1));
  });

  it('gives the same windows pushed in pieces as pushed at once', () => {
    const events = Array.from({ length: 300 }, (_, i) => move(i * 37));
    const stream = createWindowStream();
    const pieces = [];
    for (let i = 0; i < events.length; i += 17) pieces.push(...stream.push(events.slice(i, i + 17)));
    pieces.push(...stream.advance(events.at(-1)!.t + 7000));
    expect(pieces).toEqual(slidingWindows(events));
  });

  it('produces no windows while idle, and resumes at the next event', () => {
    const events = [move(0), move(100), move(60_000), move(60_100)];
    const ends = slidingWindows(events).map((w) => w.t1);
    expect(ends).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 61000, 62000, 63000, 64000, 65000, 66000]);
  });

  it('advance completes windows without new events', () => {
    const stream = createWindowStream();
    stream.push([move(0)]);
    expect(stream.advance(999)).toEqual([]);
    expect(stream.advance(2500).map((w) => w.t1)).toEqual([1000, 2000]);
  });
});
