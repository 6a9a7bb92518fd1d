import { seededRandom } from '@smart-onboarding/stats';
import { describe, expect, it } from 'vitest';
import {
  type InterventionExposure,
  recordInterventionOutcome,
  trackInterventionEffectiveness,
  wilson,
} from './effectiveness';

describe('wilson', () => {
  it.each([
    { k: 0, n: 0, rate: 0, lo: 0, hi: 1 },
    { k: 0, n: 10, rate: 0, lo: 0, hi: 0.2775 },
    { k: 5, n: 10, rate: 0.5, lo: 0.2366, hi: 0.7634 },
  ])('$k of $n → $rate in [$lo, $hi]', ({ k, n, rate, lo, hi }) => {
    const p = wilson(k, n);
    expect(p).toMatchObject({ n, progressed: k, rate });
    expect(p.ci95[0]).toBeCloseTo(lo, 3);
    expect(p.ci95[1]).toBeCloseTo(hi, 3);
  });
});

function simulate(n: number, treatedRate: number, holdoutRate: number, seed: number): InterventionExposure[] {
  const rng = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const holdout = rng() < 0.5;
    const createdAt = i * 1000;
    const progressed = rng() < (holdout ? holdoutRate : treatedRate);
    return {
      id: `i${i}`,
      kind: i % 2 ? 'hint' : 'explain_step',
      holdout,
      createdAt,
      // Progress sometimes comes after the window: it must not count.
      ...(progressed
        ? { progressedAt: createdAt + 60_000 }
        : rng() < 0.3
          ? { progressedAt: createdAt + 3_600_000 }
          : {}),
    } as InterventionExposure;
  });
}

describe('trackInterventionEffectiveness', () => {
  it('finds a real uplift, with an interval that excludes zero and covers the truth', () => {
    const r = trackInterventionEffectiveness(simulate(4000, 0.6, 0.45, 5), 5 * 60_000);
    expect(r.uplift).toBeGreaterThan(0.1);
    expect(r.upliftCi95[0]).toBeGreaterThan(0);
    expect(r.upliftCi95[0]).toBeLessThan(0.15);
    expect(r.upliftCi95[1]).toBeGreaterThan(0.15);
    expect(Object.keys(r.byKind).sort()).toEqual(['explain_step', 'hint']);
  });

  it('splits by kind, step and persona, each with its uplift interval', () => {
    const exposures = simulate(4000, 0.6, 0.45, 7).map((e, i) => ({
      ...e,
      stepId: i % 3 === 0 ? 'connect' : null,
      persona: i % 4 === 0 ? 'power_user' : 'novice',
    }));
    const r = trackInterventionEffectiveness(exposures, 5 * 60_000);
    expect(Object.keys(r.byStep).sort()).toEqual(['', 'connect']);
    expect(Object.keys(r.byPersona).sort()).toEqual(['novice', 'power_user']);
    const power = r.byPersona.power_user;
    expect((power?.treated.n ?? 0) + (power?.holdout.n ?? 0)).toBe(1000);
    for (const c of [...Object.values(r.byKind), ...Object.values(r.byStep), ...Object.values(r.byPersona)]) {
      expect(c?.upliftCi95[0]).toBeLessThan(c?.uplift ?? 0);
      expect(c?.upliftCi95[1]).toBeGreaterThan(c?.uplift ?? 0);
    }
    // A quarter of the users: an interval about √3 times as wide as the other three quarters'.
    const width = (c?: { upliftCi95: [number, number] }) => (c ? c.upliftCi95[1] - c.upliftCi95[0] : 0);
    const ratio = width(r.byPersona.power_user) / width(r.byPersona.novice);
    expect(ratio).toBeGreaterThan(1.5);
    expect(ratio).toBeLessThan(2);
  });

  it('reports no clear effect when there is none: the interval straddles zero', () => {
    const r = trackInterventionEffectiveness(simulate(2000, 0.5, 0.5, 6));
    expect(r.upliftCi95[0]).toBeLessThan(0);
    expect(r.upliftCi95[1]).toBeGreaterThan(0);
  });

  it('counts only progress within the window', () => {
    const r = trackInterventionEffectiveness(
      [
        { id: 'a', kind: 'hint', holdout: false, createdAt: 0, progressedAt: 1000 },
        { id: 'b', kind: 'hint', holdout: false, createdAt: 0, progressedAt: 10_000 },
        { id: 'c', kind: 'hint', holdout: true, createdAt: 0 },
      ],
      5000,
    );
    expect(r.treated).toMatchObject({ n: 2, progressed: 1, rate: 0.5 });
    expect(r.holdout).toMatchObject({ n: 1, progressed: 0 });
  });
});

describe('recordInterventionOutcome', () => {
  const history = [{ id: 'x', kind: 'hint' as const, createdAt: 0, holdout: false }];
  it.each([
    {
      name: 'first outcome is kept',
      first: 'dismissed' as const,
      later: 'accepted' as const,
      expected: 'dismissed',
    },
    {
      name: 'progress supersedes ignored',
      first: 'ignored' as const,
      later: 'step_completed' as const,
      expected: 'step_completed',
    },
  ])('$name', ({ first, later, expected }) => {
    const h = recordInterventionOutcome(recordInterventionOutcome(history, 'x', first), 'x', later);
    expect(h[0]?.outcome).toBe(expected);
  });
});
