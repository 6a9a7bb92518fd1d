import { FEATURE_COUNT, type FeatureName } from '@smart-onboarding/protocol/features';
import { describe, expect, it } from 'vitest';
import type { RawEvent, TargetInfo } from '../capture/raw-event';
import { extractFeatures, featureIndex } from './extract';

const button: TargetInfo = { selector: '#save', tag: 'button', kind: 'button', interactive: true };
const plus: TargetInfo = {
  selector: '#plus',
  tag: 'button',
  kind: 'button',
  interactive: true,
  stepper: true,
};
const text: TargetInfo = { selector: 'p', tag: 'p', kind: 'other', interactive: false };
const click = (t: number, x: number, y: number, target?: TargetInfo, detail = 1): RawEvent => ({
  type: 'click',
  t,
  x,
  y,
  pointer: 'mouse',
  detail,
  ...(target ? { target } : {}),
});
const move = (t: number, x: number, y: number): RawEvent => ({ type: 'move', t, x, y, pointer: 'mouse' });

/** `legs` strokes of 80 px, left and right, 100 ms each, sampled at 60 Hz. */
const shake = (legs: number): RawEvent[] =>
  Array.from({ length: legs * 6 + 1 }, (_, i) => {
    const leg = Math.floor(i / 6);
    const k = i % 6;
    const x = leg % 2 === 0 ? k * 16 : 80 - k * 16;
    return move(i * 16.7, i === legs * 6 ? (legs % 2 === 0 ? 0 : 80) : x, 0);
  });

const f = (events: RawEvent[], name: FeatureName, t0 = 0, t1 = 6000) =>
  extractFeatures(events, t0, t1)[featureIndex(name)];

describe('extractFeatures', () => {
  it('has one value per slot, all zero-ish for an empty window', () => {
    const v = extractFeatures([], 0, 6000);
    expect(v).toHaveLength(FEATURE_COUNT);
    expect(v[featureIndex('max_gap_ms')]).toBe(6000);
    expect(v[featureIndex('straightness')]).toBe(1);
  });

  it.each<[string, RawEvent[], FeatureName, number]>([
    [
      'three close fast clicks chain',
      [click(100, 10, 10, button), click(400, 15, 12, button), click(700, 12, 8, button)],
      'rage_chain_max',
      3,
    ],
    [
      'clicks far apart do not chain',
      [click(100, 10, 10, button), click(400, 200, 12, button)],
      'rage_chain_max',
      1,
    ],
    [
      'stepper clicks never chain',
      [click(100, 10, 10, plus), click(300, 10, 10, plus), click(500, 10, 10, plus)],
      'rage_chain_max',
      0,
    ],
    [
      'stepper clicks are counted apart',
      [click(100, 10, 10, plus), click(300, 10, 10, plus)],
      'stepper_clicks',
      2,
    ],
    [
      'a click on a button with no answer is unanswered',
      [click(100, 10, 10, button)],
      'unanswered_clicks',
      1,
    ],
    [
      'a click answered by a mutation is not',
      [click(100, 10, 10, button), { type: 'mutation', t: 300, nodes: 2, attributes: 0 }],
      'unanswered_clicks',
      0,
    ],
    ['a click in the last second is not judged yet', [click(5500, 10, 10, button)], 'unanswered_clicks', 0],
    [
      'a click without target (bare mouse log) is never unanswered',
      [click(100, 10, 10)],
      'unanswered_clicks',
      0,
    ],
    ['clicks on text count as non-interactive', [click(100, 10, 10, text)], 'non_interactive_clicks', 1],
    [
      'double clicks are recognised',
      [click(100, 10, 10, text, 1), click(250, 10, 10, text, 2)],
      'double_clicks',
      1,
    ],
    [
      'an error right after a click',
      [click(100, 10, 10, button), { type: 'error', t: 400, kind: 'request', status: 500 }],
      'error_clicks',
      1,
    ],
    ['a straight path is straight', [move(0, 0, 0), move(16, 50, 0), move(32, 100, 0)], 'straightness', 1],
    [
      'path length sums segments',
      [move(0, 0, 0), move(16, 30, 40), move(32, 60, 80)],
      'pointer_path_px',
      100,
    ],
    ['back-and-forth is thrashing', shake(4), 'sharp_turns', 3],
    [
      'a jump faster than a hand is not path',
      [move(0, 0, 0), move(20, 30, 40), move(40, 1000, 40), move(60, 1030, 80)],
      'pointer_path_px',
      100,
    ],
    [
      'samples sharing a timestamp count once',
      [move(0, 0, 0), move(16, 30, 40), move(16, 30, 40), move(32, 60, 80)],
      'pointer_path_px',
      100,
    ],
    [
      'scroll reversals of 50 px or more',
      [
        { type: 'scroll', t: 0, x: 0, y: 0, maxY: 2000 },
        { type: 'scroll', t: 100, x: 0, y: 300, maxY: 2000 },
        { type: 'scroll', t: 200, x: 0, y: 100, maxY: 2000 },
        { type: 'scroll', t: 300, x: 0, y: 400, maxY: 2000 },
      ],
      'scroll_reversals',
      2,
    ],
    [
      'a quick back',
      [
        { type: 'nav', t: 100, path: '/a', kind: 'push' },
        { type: 'nav', t: 2100, path: '/', kind: 'pop' },
      ],
      'quick_backs',
      1,
    ],
    [
      'a field focused twice is a refocus',
      [
        { type: 'focus', t: 100, target: button },
        { type: 'focus', t: 900, target: button },
      ],
      'refocus',
      1,
    ],
    ['hidden from 3 s to the end', [{ type: 'visibility', t: 3000, hidden: true }], 'hidden_fraction', 0.5],
    ['hidden until 1.5 s', [{ type: 'visibility', t: 1500, hidden: false }], 'hidden_fraction', 0.25],
    [
      'events outside the window are ignored',
      [click(-100, 10, 10, button), click(7000, 10, 10, button)],
      'clicks',
      0,
    ],
  ])('%s', (_name, events, name, expected) => {
    expect(f(events, name)).toBeCloseTo(expected, 6);
  });

  it('measures the longest dwell without a click', () => {
    expect(
      f([move(0, 0, 0), move(100, 5, 0), move(2100, 100, 100), move(2200, 101, 100)], 'max_dwell_ms'),
    ).toBe(3900);
  });
});
