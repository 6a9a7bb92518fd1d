import type { InterventionKind, InterventionOutcome, InterventionRecord } from '@smart-onboarding/protocol';

/** One intervention (shown or held out) and when the user next made progress after it, if they did. */
export interface InterventionExposure {
  id: string;
  kind: InterventionKind;
  holdout: boolean;
  createdAt: number;
  /** When the user next completed a step (or the journey) after the intervention. */
  progressedAt?: number;
}

export interface Proportion {
  n: number;
  progressed: number;
  rate: number;
  /** 95% Wilson score interval. */
  ci95: [number, number];
}

export interface EffectivenessReport {
  windowMs: number;
  treated: Proportion;
  holdout: Proportion;
  /** treated.rate − holdout.rate. */
  uplift: number;
  /** 95% interval of the uplift (Newcombe's hybrid score method): excludes 0 when the effect is clear. */
  upliftCi95: [number, number];
  byKind: Partial<Record<InterventionKind, { treated: Proportion; holdout: Proportion; uplift: number }>>;
}

const Z95 = 1.959963984540054;

export function wilson(progressed: number, n: number): Proportion {
  if (n === 0) return { n, progressed, rate: 0, ci95: [0, 1] };
  const p = progressed / n;
  const denom = 1 + (Z95 * Z95) / n;
  const centre = (p + (Z95 * Z95) / (2 * n)) / denom;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + (Z95 * Z95) / (4 * n * n))) / denom;
  return { n, progressed, rate: p, ci95: [Math.max(0, centre - half), Math.min(1, centre + half)] };
}

/** Newcombe (1998), method 10: the difference of two proportions from their Wilson intervals. */
export function differenceCi(a: Proportion, b: Proportion): [number, number] {
  const d = a.rate - b.rate;
  const [l1, u1] = a.ci95;
  const [l2, u2] = b.ci95;
  const lower = d - Math.sqrt((a.rate - l1) ** 2 + (u2 - b.rate) ** 2);
  const upper = d + Math.sqrt((u1 - a.rate) ** 2 + (b.rate - l2) ** 2);
  return [Math.max(-1, lower), Math.min(1, upper)];
}

function compare(exposures: readonly InterventionExposure[], windowMs: number) {
  const within = (e: InterventionExposure) =>
    e.progressedAt !== undefined && e.progressedAt - e.createdAt <= windowMs && e.progressedAt >= e.createdAt;
  const t = exposures.filter((e) => !e.holdout);
  const h = exposures.filter((e) => e.holdout);
  const treated = wilson(t.filter(within).length, t.length);
  const holdout = wilson(h.filter(within).length, h.length);
  return { treated, holdout, uplift: treated.rate - holdout.rate };
}

/**
 * The seed's `trackInterventionEffectiveness`: the share of users who progress within `windowMs` of an
 * intervention, shown against held out, with the uplift and its 95% interval, overall and per kind.
 *
 * @example
 * const r = trackInterventionEffectiveness(exposures, 5 * 60_000);
 * console.log(`uplift ${r.uplift.toFixed(2)} [${r.upliftCi95.map((x) => x.toFixed(2)).join(', ')}]`);
 */
export function trackInterventionEffectiveness(
  exposures: readonly InterventionExposure[],
  windowMs = 5 * 60_000,
): EffectivenessReport {
  const overall = compare(exposures, windowMs);
  const kinds = [...new Set(exposures.map((e) => e.kind))];
  return {
    windowMs,
    ...overall,
    upliftCi95: differenceCi(overall.treated, overall.holdout),
    byKind: Object.fromEntries(
      kinds.map((k) => [
        k,
        compare(
          exposures.filter((e) => e.kind === k),
          windowMs,
        ),
      ]),
    ),
  };
}

/**
 * Records how an intervention ended in the journey's history (first outcome wins, except that progress
 * on the step supersedes a mere `ignored`). Pure: returns a new history.
 */
export function recordInterventionOutcome(
  history: readonly InterventionRecord[],
  interventionId: string,
  outcome: InterventionOutcome,
): InterventionRecord[] {
  return history.map((h) => {
    if (h.id !== interventionId) return h;
    if (h.outcome && !(h.outcome === 'ignored' && outcome === 'step_completed')) return h;
    return { ...h, outcome };
  });
}
