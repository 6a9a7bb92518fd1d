import type { Signal } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { scoreSignals } from './rules';

const sig = (type: Signal['type'], t: number): Signal => ({ type, t, evidence: {} });

describe('scoreSignals', () => {
  it.each([
    ['no signals', [], 0, []],
    ['one rage click', [sig('rage_click', 900)], 0.75, ['rage_click']],
    ['one hesitation stays low', [sig('hesitation', 900)], 0.25, ['hesitation']],
    [
      'dead + error clicks combine',
      [sig('dead_click', 500), sig('error_click', 800)],
      0.76,
      ['error_click', 'dead_click'],
    ],
    [
      'repeats count twice at most',
      [sig('hesitation', 1), sig('hesitation', 2), sig('hesitation', 3), sig('hesitation', 4)],
      0.4375,
      ['hesitation'],
    ],
    ['signals older than the window are ignored', [sig('rage_click', -6000)], 0, []],
    ['signals after now are ignored', [sig('rage_click', 1001)], 0, []],
  ] as const)('%s', (_name, signals, score, codes) => {
    const r = scoreSignals(signals, 1000);
    expect(r.score).toBeCloseTo(score, 4);
    expect(r.reasons.map((x) => x.code)).toEqual(codes);
  });
});
