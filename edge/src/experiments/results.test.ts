import { describe, expect, it } from 'vitest';
import { experimentVerdict } from './results';

const t = (name: string, exposed: number, completed: number) => ({
  name,
  exposed,
  completed,
  abandoned: exposed - completed,
});

describe('experimentVerdict: a winner only when the always-valid intervals say so', () => {
  it.each([
    ['no users yet', [t('smart', 0, 0), t('adaptive', 0, 0)], 'keep running'],
    ['a small sample with a large gap', [t('smart', 20, 10), t('adaptive', 20, 15)], 'keep running'],
    // 6 points at 1,000 a side: a fixed 95 % interval would call it, the sequence does not (stats' example).
    ['6 points at 1,000 a side', [t('smart', 1000, 300), t('adaptive', 1000, 360)], 'keep running'],
    ['10 points at 2,000 a side', [t('smart', 2000, 1200), t('adaptive', 2000, 1400)], 'winner: adaptive'],
    ['the control clearly better', [t('smart', 2000, 1400), t('adaptive', 2000, 1200)], 'winner: smart'],
  ])('%s: %s', (_label, tallies, summary) => {
    expect(experimentVerdict(tallies).summary).toBe(summary);
  });

  it('names the best of several treatments only when it also beats the others', () => {
    const close = experimentVerdict([t('v1', 3000, 1500), t('v2', 3000, 1800), t('v3', 3000, 1810)]);
    expect(close.comparisons.map((c) => c.verdict)).toEqual(['treatment_better', 'treatment_better']);
    expect(close.summary).toBe('keep running');
    const clear = experimentVerdict([t('v1', 3000, 1500), t('v2', 3000, 1550), t('v3', 3000, 1900)]);
    expect(clear.summary).toBe('winner: v3');
  });

  it('reports each difference with its interval, treatment minus control', () => {
    const r = experimentVerdict([t('smart', 2000, 1200), t('adaptive', 2000, 1400)]);
    const [c] = r.comparisons;
    expect(c?.difference.estimate).toBeCloseTo(0.1, 10);
    expect(c?.difference.lower).toBeGreaterThan(0);
    expect(c?.difference.upper).toBeGreaterThan(c?.difference.estimate ?? 1);
    expect(r).toMatchObject({ decision: 'winner', winner: 'adaptive', alpha: 0.05 });
  });
});
