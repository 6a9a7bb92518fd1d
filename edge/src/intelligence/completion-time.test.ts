import { seededRandom } from '@smart-onboarding/stats';
import { describe, expect, it } from 'vitest';
import {
  emptyCompletionTimeModel,
  estimateCompletionTimeSec,
  expectedStepDurationSec,
  recordStepDuration,
  userPaceFactor,
} from './completion-time';

const step = { id: 'connect', estimatedDurationSec: 60 };

describe('step durations, survival-style', () => {
  it('starts at the author estimate', () => {
    expect(expectedStepDurationSec(emptyCompletionTimeModel(), step)).toBe(60);
  });

  it('learns the true mean with censoring, where the completed-only mean is biased low', () => {
    // True durations ~ Exponential(mean 150 s); a third of users leave at a uniform time before finishing.
    const rng = seededRandom(11);
    let model = emptyCompletionTimeModel();
    const completedOnly: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const duration = -150 * Math.log(1 - rng());
      const leaveAt = rng() < 1 / 3 ? rng() * 300 : Number.POSITIVE_INFINITY;
      if (leaveAt < duration) model = recordStepDuration(model, step.id, leaveAt, false);
      else {
        model = recordStepDuration(model, step.id, duration, true);
        completedOnly.push(duration);
      }
    }
    const naive = completedOnly.reduce((s, x) => s + x, 0) / completedOnly.length;
    const learned = expectedStepDurationSec(model, step);
    expect(Math.abs(learned - 150)).toBeLessThan(10);
    expect(naive).toBeLessThan(140);
  });

  it.each([
    { name: 'negative', d: -1 },
    { name: 'NaN', d: Number.NaN },
    { name: 'infinite', d: Number.POSITIVE_INFINITY },
  ])('ignores a $name duration', ({ d }) => {
    const m = emptyCompletionTimeModel();
    expect(recordStepDuration(m, 'x', d, true)).toBe(m);
  });
});

describe('estimateCompletionTimeSec', () => {
  const remaining = [
    { id: 'a', estimatedDurationSec: 60, optional: false },
    { id: 'b', estimatedDurationSec: 100, optional: true },
  ];
  it.each([
    { pace: 1, take: 1, expected: 160 },
    { pace: 1, take: 0, expected: 60 },
    { pace: 2, take: 0.5, expected: 220 },
  ])('pace $pace, optional take rate $take → $expected s', ({ pace, take, expected }) => {
    expect(
      estimateCompletionTimeSec(emptyCompletionTimeModel(), remaining, {
        paceFactor: pace,
        optionalTakeRate: take,
      }),
    ).toBe(expected);
  });

  it('is zero when nothing remains', () => {
    expect(
      estimateCompletionTimeSec(emptyCompletionTimeModel(), [], { paceFactor: 1, optionalTakeRate: 1 }),
    ).toBe(0);
  });
});

describe('userPaceFactor', () => {
  it.each([
    { ratios: [], pace: 'standard' as const, expected: 1 },
    { ratios: [], pace: 'slow' as const, expected: 1.3 },
    { ratios: [2, 2, 2, 2, 2, 2, 2, 2], pace: 'standard' as const, min: 1.6, max: 2 },
    { ratios: [0, Number.NaN], pace: 'fast' as const, expected: 0.75 },
  ])('$ratios at $pace pace', ({ ratios, pace, expected, min, max }) => {
    const f = userPaceFactor(ratios, pace);
    if (expected !== undefined) expect(f).toBeCloseTo(expected, 6);
    else {
      expect(f).toBeGreaterThan(min!);
      expect(f).toBeLessThan(max!);
    }
  });
});
