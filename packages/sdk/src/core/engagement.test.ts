import { InteractionSummary } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../capture/raw-event';
import { click, key, move, scroll } from '../signals/fixtures';
import { createEngagementCounter } from './engagement';

const touchDown = (t: number): RawEvent => ({ type: 'down', t, x: 0, y: 0, button: 0, pointer: 'touch' });
const mouseDown = (t: number): RawEvent => ({ type: 'down', t, x: 0, y: 0, button: 0, pointer: 'mouse' });

const cases: [string, RawEvent[], number, Partial<InteractionSummary> | undefined][] = [
  ['nothing happened', [], 10_000, undefined],
  [
    'a few clicks and keys',
    [mouseDown(1000), click(1000), key(2000), key(2100), click(3000)],
    10_000,
    { timeSpentMs: 10_000, activeMs: 2000, clicks: 2, keystrokes: 2, pointer: 'mouse' },
  ],
  ['idle gaps count at most 5 s', [click(0), click(60_000)], 60_000, { activeMs: 5000, clicks: 2 }],
  [
    'pointer distance (mouse only)',
    [move(0, 0, 0), move(10, 30, 40), move(20, 30, 40, 'touch')],
    100,
    { pointerDistancePx: 50 },
  ],
  [
    'scroll distance per container',
    [scroll(0, 0), scroll(10, 500), scroll(20, 300), scroll(30, 0, '#list'), scroll(40, 100, '#list')],
    100,
    { scrollDistancePx: 800 },
  ],
  ['dominant pointer kind', [touchDown(0), touchDown(10), mouseDown(20)], 100, { pointer: 'touch' }],
];

describe('createEngagementCounter', () => {
  it.each(cases)('%s', (_name, events, now, expected) => {
    const counter = createEngagementCounter(0);
    // As observe feeds it: moves as plain numbers, everything else as events.
    for (const e of events) e.type === 'move' ? counter.move(e.t, e.x, e.y, e.pointer) : counter.add(e);
    const summary = counter.take(now);
    if (!expected) return expect(summary).toBeUndefined();
    expect(summary).toMatchObject(expected);
    expect(InteractionSummary.parse(summary)).toEqual(summary);
  });

  it('starts a new span after each take', () => {
    const counter = createEngagementCounter(0);
    counter.add(click(100));
    counter.hesitation();
    expect(counter.since()).toBe(0);
    expect(counter.take(1000)).toMatchObject({ clicks: 1, hesitations: 1, timeSpentMs: 1000 });
    expect(counter.since()).toBe(1000);
    counter.add(click(1500));
    expect(counter.take(3000)).toMatchObject({ clicks: 1, hesitations: 0, timeSpentMs: 2000 });
  });
});
