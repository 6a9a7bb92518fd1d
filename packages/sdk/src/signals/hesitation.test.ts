import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../capture/raw-event';
import { button, click, hover, key, step, text } from './fixtures';
import { detectHesitation } from './hesitation';

const cases: [string, RawEvent[], number | undefined, number][] = [
  ['resting on a button for 4 s', [hover(0, 'enter'), hover(4000, 'leave')], undefined, 1],
  ['resting on a button, still there', [hover(0, 'enter')], 3500, 1],
  ['still there but not long enough yet', [hover(0, 'enter')], 2000, 0],
  ['hover then click', [hover(0, 'enter'), click(3500), hover(4000, 'leave')], undefined, 0],
  ['hover then type', [hover(0, 'enter'), key(1000), hover(4000, 'leave')], undefined, 0],
  ['passing over a button', [hover(0, 'enter'), hover(300, 'leave')], 5000, 0],
  ['hovering plain text', [hover(0, 'enter', text), hover(5000, 'leave', text)], undefined, 0],
  ['a disabled button', [hover(0, 'enter', { ...button, disabled: true })], 5000, 0],
  ['tab hidden while hovering', [hover(0, 'enter'), { type: 'visibility', t: 500, hidden: true }], 9000, 0],
  ['a step past twice its estimate', [step(0, 'connect', 10_000)], 21_000, 1],
  ['a step within its estimate', [step(0, 'connect', 10_000), step(12_000, 'goal', 10_000)], 13_000, 0],
  ['a step without an estimate', [step(0, 'connect')], 100_000, 0],
];

describe('detectHesitation', () => {
  it.each(cases)('%s', (_name, events, now, expected) => {
    expect(detectHesitation(events, now === undefined ? {} : { now })).toHaveLength(expected);
  });

  it('fires when the threshold passes, with the dwell', () => {
    expect(detectHesitation([hover(100, 'enter'), hover(5100, 'leave')])[0]).toEqual({
      type: 'hesitation',
      t: 3100,
      element: { selector: '#save', tag: 'button' },
      evidence: { kind: 'hover', dwellMs: 5000 },
    });
    expect(detectHesitation([step(0, 'connect', 10_000)], { now: 25_000 })[0]?.evidence).toEqual({
      kind: 'step',
      stepId: 'connect',
      dwellMs: 25_000,
      estimateMs: 10_000,
    });
  });
});
