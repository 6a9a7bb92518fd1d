import { describe, expect, it } from 'vitest';
import { calculateEngagementScore } from './engagement-score';

const minute = 60_000;

describe('calculateEngagementScore', () => {
  it.each([
    { name: 'no history', history: [], expected: [0, 0] },
    {
      name: 'present but idle',
      history: [{ timeSpentMs: 5 * minute, activeMs: 0, clicks: 0 }],
      expected: [0, 0],
    },
    {
      name: 'a tab left open, one click',
      history: [{ timeSpentMs: 30 * minute, activeMs: minute, clicks: 1 }],
      expected: [0, 0.1],
    },
    {
      name: 'steady work',
      history: [{ timeSpentMs: minute, activeMs: minute, clicks: 8 }],
      expected: [0.8, 0.9],
    },
    {
      name: 'typing counts in fives',
      history: [{ timeSpentMs: minute, activeMs: minute, clicks: 0, keystrokes: 40 }],
      expected: [0.8, 0.9],
    },
    {
      name: 'much hesitation',
      history: [{ timeSpentMs: minute, activeMs: minute, clicks: 8, hesitations: 12 }],
      expected: [0.5, 0.65],
    },
  ])('$name', ({ history, expected: [lo, hi] }) => {
    const score = calculateEngagementScore(history);
    expect(score).toBeGreaterThanOrEqual(lo!);
    expect(score).toBeLessThanOrEqual(hi!);
  });

  it('grows with interaction and saturates below 1', () => {
    const at = (clicks: number) =>
      calculateEngagementScore([{ timeSpentMs: minute, activeMs: minute, clicks }]);
    expect(at(2)).toBeLessThan(at(4));
    expect(at(4)).toBeLessThan(at(12));
    expect(at(1000)).toBeLessThanOrEqual(1);
  });

  it('adds summaries up rather than averaging their scores', () => {
    const one = { timeSpentMs: minute, activeMs: minute, clicks: 4 };
    expect(calculateEngagementScore([one, one])).toBeCloseTo(
      calculateEngagementScore([{ ...one, timeSpentMs: 2 * minute, activeMs: 2 * minute, clicks: 8 }]),
    );
  });
});
