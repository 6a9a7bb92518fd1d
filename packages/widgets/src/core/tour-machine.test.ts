import { describe, expect, it } from 'vitest';
import {
  canAdvanceManually,
  resolveStartIndex,
  type TourAction,
  type TourState,
  tourTransition,
} from './tour-machine';

const at = (index: number): TourState => ({ index, status: 'active' });

describe('tourTransition over a 3-step tour', () => {
  it.each<[string, TourState, TourAction, TourState, unknown[]]>([
    [
      'next moves on',
      at(0),
      { type: 'next' },
      at(1),
      [{ type: 'stepChange', from: 0, to: 1, reason: 'next' }],
    ],
    [
      'next on the last step completes',
      at(2),
      { type: 'next' },
      { index: 2, status: 'completed' },
      [{ type: 'complete' }],
    ],
    [
      'back moves back',
      at(2),
      { type: 'back' },
      at(1),
      [{ type: 'stepChange', from: 2, to: 1, reason: 'back' }],
    ],
    ['back on the first step stays', at(0), { type: 'back' }, at(0), []],
    [
      'goal of the current step advances',
      at(1),
      { type: 'goal', index: 1 },
      at(2),
      [{ type: 'stepChange', from: 1, to: 2, reason: 'goal' }],
    ],
    [
      'goal of the last step completes',
      at(2),
      { type: 'goal', index: 2 },
      { index: 2, status: 'completed' },
      [{ type: 'complete' }],
    ],
    ['a stale goal is ignored', at(2), { type: 'goal', index: 1 }, at(2), []],
    [
      'goto jumps',
      at(0),
      { type: 'goto', index: 2 },
      at(2),
      [{ type: 'stepChange', from: 0, to: 2, reason: 'jump' }],
    ],
    ['goto the current step does nothing', at(1), { type: 'goto', index: 1 }, at(1), []],
    ['goto out of range does nothing', at(1), { type: 'goto', index: 3 }, at(1), []],
    ['goto a negative index does nothing', at(1), { type: 'goto', index: -1 }, at(1), []],
    ['goto a fraction does nothing', at(1), { type: 'goto', index: 0.5 }, at(1), []],
    [
      'dismiss ends the tour',
      at(1),
      { type: 'dismiss' },
      { index: 1, status: 'dismissed' },
      [{ type: 'dismiss', index: 1 }],
    ],
    [
      'nothing happens after completion',
      { index: 2, status: 'completed' },
      { type: 'next' },
      { index: 2, status: 'completed' },
      [],
    ],
    [
      'nothing happens after dismissal',
      { index: 1, status: 'dismissed' },
      { type: 'dismiss' },
      { index: 1, status: 'dismissed' },
      [],
    ],
  ])('%s', (_name, state, action, nextState, events) => {
    const out = tourTransition(state, action, 3);
    expect(out.state).toEqual(nextState);
    expect(out.events).toEqual(events);
  });
});

describe('resolveStartIndex', () => {
  const steps = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it.each<[number | string | undefined, number]>([
    [undefined, 0],
    [1, 1],
    [9, 2],
    [-3, 0],
    [1.7, 1],
    [Number.NaN, 0],
    ['c', 2],
    ['zzz', 0],
  ])('%s → %s', (startAt, expected) => {
    expect(resolveStartIndex(steps, startAt)).toBe(expected);
  });
});

describe('canAdvanceManually', () => {
  it.each([
    [{}, true],
    [{ goal: { kind: 'manual' as const } }, true],
    [{ goal: { kind: 'click' as const } }, false],
    [{ goal: { kind: 'navigate' as const, route: '/x' } }, false],
    [{ goal: { kind: 'event' as const, event: 'post_created' } }, false],
    [{ goal: { kind: 'click' as const }, optional: true }, true],
  ])('%j → %s', (step, expected) => {
    expect(canAdvanceManually(step)).toBe(expected);
  });
});
