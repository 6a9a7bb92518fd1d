import { describe, expect, it } from 'vitest';
import { newcombeInterval, wilsonInterval } from './proportions';
import { seededRandom } from './random';
import {
  alwaysValidDifference,
  intersectIntervals,
  mixtureHalfWidth,
  type SequentialDifference,
  sequentialVerdict,
  type Tally,
} from './sequential';

describe('the normal-mixture confidence sequence', () => {
  it('matches values worked by hand', () => {
    // τ² = V: √(2V (ln 2 + 2 ln 20)), with ln 2 = 0.693147 and ln 20 = 2.995732.
    expect(mixtureHalfWidth(0.0025, 0.0025, 0.05)).toBeCloseTo(Math.sqrt(0.005 * 6.684611), 6);
    expect(mixtureHalfWidth(0.0025, 0.0025, 0.05)).toBeCloseTo(0.18282, 5);
    // 300/1000 against 360/1000: V = (301/1002)(701/1002)/1000 + (361/1002)(641/1002)/1000.
    const v = ((301 / 1002) * (701 / 1002)) / 1000 + ((361 / 1002) * (641 / 1002)) / 1000;
    const half = Math.sqrt(((v * (v + 0.0025)) / 0.0025) * (Math.log((v + 0.0025) / v) + 2 * Math.log(20)));
    const d = alwaysValidDifference({ successes: 300, n: 1000 }, { successes: 360, n: 1000 });
    expect(d.estimate).toBeCloseTo(0.06, 12);
    expect(d.lower).toBeCloseTo(0.06 - half, 10);
    expect(d.lower).toBeCloseTo(-0.00395, 5);
    expect(d.upper).toBeCloseTo(0.12395, 5);
    // Wider than the fixed-sample interval, which is valid for one look only.
    const fixed = newcombeInterval(
      { rate: 0.36, ci95: wilsonInterval(360, 1000) },
      { rate: 0.3, ci95: wilsonInterval(300, 1000) },
    );
    expect(fixed[0]).toBeGreaterThan(0);
    expect(sequentialVerdict(d)).toBe('keep_running');
  });

  it('narrows as evidence grows and is the whole range with no data', () => {
    expect(alwaysValidDifference({ successes: 0, n: 0 }, { successes: 3, n: 5 })).toMatchObject({
      lower: -1,
      upper: 1,
    });
    const widths = [100, 1_000, 10_000].map((n) => {
      const d = alwaysValidDifference({ successes: 0.3 * n, n }, { successes: 0.3 * n, n });
      return d.upper - d.lower;
    });
    expect(widths[0]!).toBeGreaterThan(widths[1]!);
    expect(widths[1]!).toBeGreaterThan(widths[2]!);
    // All successes after a handful of users still leaves an interval of some width.
    const extreme = alwaysValidDifference({ successes: 0, n: 5 }, { successes: 5, n: 5 });
    expect(extreme.upper - extreme.lower).toBeGreaterThan(0.1);
    expect(extreme.upper).toBeLessThanOrEqual(1);
  });

  it('intersects with earlier intervals, never widening, and keeps the current one when disjoint', () => {
    const now: SequentialDifference = { estimate: 0.05, lower: -0.02, upper: 0.12, alpha: 0.05 };
    expect(intersectIntervals({ lower: 0, upper: 0.2 }, now)).toMatchObject({ lower: 0, upper: 0.12 });
    expect(intersectIntervals(null, now)).toBe(now);
    expect(intersectIntervals({ lower: 0.3, upper: 0.4 }, now)).toBe(now);
  });

  it.each([
    [{ lower: 0.01, upper: 0.2 }, 'treatment_better'],
    [{ lower: -0.2, upper: -0.01 }, 'control_better'],
    [{ lower: -0.01, upper: 0.2 }, 'keep_running'],
  ] as const)('%j is %s', (d, verdict) => {
    expect(sequentialVerdict(d)).toBe(verdict);
  });
});

/**
 * Runs `runs` simulated experiments of up to `maxPerArm` users per variant, looking after every `every`
 * users, and reports how often an interval at any look excluded the true difference, and how often the
 * verdict was a winner by the end.
 */
function simulate(opts: {
  seed: number;
  runs: number;
  pControl: number;
  pTreatment: number;
  maxPerArm: number;
  every: number;
  interval: (c: Tally, t: Tally) => { lower: number; upper: number };
}) {
  const rng = seededRandom(opts.seed);
  const truth = opts.pTreatment - opts.pControl;
  let missed = 0;
  let decidedForTreatment = 0;
  let decidedForControl = 0;
  for (let r = 0; r < opts.runs; r++) {
    const c: Tally = { successes: 0, n: 0 };
    const t: Tally = { successes: 0, n: 0 };
    let miss = false;
    let verdict: string = 'keep_running';
    while (c.n < opts.maxPerArm) {
      for (let k = 0; k < opts.every; k++) {
        c.n++;
        t.n++;
        if (rng() < opts.pControl) c.successes++;
        if (rng() < opts.pTreatment) t.successes++;
      }
      const d = opts.interval(c, t);
      if (d.lower > truth || d.upper < truth) miss = true;
      if (verdict === 'keep_running') verdict = sequentialVerdict(d);
    }
    if (miss) missed++;
    if (verdict === 'treatment_better') decidedForTreatment++;
    if (verdict === 'control_better') decidedForControl++;
  }
  return {
    missRate: missed / opts.runs,
    treatmentRate: decidedForTreatment / opts.runs,
    controlRate: decidedForControl / opts.runs,
  };
}

const newcombe = (c: Tally, t: Tally) => {
  const [lower, upper] = newcombeInterval(
    { rate: t.successes / t.n, ci95: wilsonInterval(t.successes, t.n) },
    { rate: c.successes / c.n, ci95: wilsonInterval(c.successes, c.n) },
  );
  return { lower, upper };
};

describe('always valid under continuous peeking (simulation)', () => {
  const looks = { runs: 400, maxPerArm: 2_000, every: 25 };

  it('an A/A test looked at 80 times is wrong at most about α of the time; the fixed interval is not', () => {
    const sequential = simulate({
      seed: 7,
      ...looks,
      pControl: 0.3,
      pTreatment: 0.3,
      interval: (c, t) => alwaysValidDifference(c, t),
    });
    // 400 runs: the Monte Carlo standard error at 5 % is 1.1 points.
    expect(sequential.missRate).toBeLessThanOrEqual(0.05 + 2 * 0.011);
    const fixed = simulate({ seed: 7, ...looks, pControl: 0.3, pTreatment: 0.3, interval: newcombe });
    expect(fixed.missRate).toBeGreaterThan(0.15);
  });

  it('covers a real difference at every look, finds the better variant, and never the worse', () => {
    const r = simulate({
      seed: 11,
      ...looks,
      pControl: 0.3,
      pTreatment: 0.4,
      interval: (c, t) => alwaysValidDifference(c, t),
    });
    expect(r.missRate).toBeLessThanOrEqual(0.05 + 2 * 0.011);
    expect(r.treatmentRate).toBeGreaterThan(0.95);
    expect(r.controlRate).toBe(0);
  });
});
