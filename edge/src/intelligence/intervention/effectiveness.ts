import type { InterventionKind, InterventionOutcome, InterventionRecord } from '@smart-onboarding/protocol';
import { newcombeInterval, wilsonInterval } from '@smart-onboarding/stats';

/** One intervention (shown or held out) and when the user next made progress after it, if they did. */
export interface InterventionExposure {
  id: string;
  kind: InterventionKind;
  holdout: boolean;
  createdAt: number;
  /** When the user next completed a step (or the journey) after the intervention. */
  progressedAt?: number;
  /** The step it was about, and the persona of the journey (for the splits by step and persona). */
  stepId?: string | null;
  persona?: string;
}

interface Proportion {
  n: number;
  progressed: number;
  rate: number;
  /** 95% Wilson score interval. */
  ci95: [number, number];
}

interface EffectivenessReport {
  windowMs: number;
  treated: Proportion;
  holdout: Proportion;
  /** treated.rate − holdout.rate. */
  uplift: number;
  /** 95% interval of the uplift (Newcombe's hybrid score method): excludes 0 when the effect is clear. */
  upliftCi95: [number, number];
  byKind: Partial<Record<InterventionKind, Comparison>>;
  /** Per step the intervention was about ('' for none), and per persona of the journey. */
  byStep: Record<string, Comparison>;
  byPersona: Record<string, Comparison>;
}

interface Comparison {
  treated: Proportion;
  holdout: Proportion;
  uplift: number;
  upliftCi95: [number, number];
}

/** A share of exposures that progressed, with its 95 % Wilson interval. */
export function wilson(progressed: number, n: number): Proportion {
  return { n, progressed, rate: n === 0 ? 0 : progressed / n, ci95: wilsonInterval(progressed, n) };
}

function compare(exposures: readonly InterventionExposure[], windowMs: number): Comparison {
  const within = (e: InterventionExposure) =>
    e.progressedAt !== undefined && e.progressedAt - e.createdAt <= windowMs && e.progressedAt >= e.createdAt;
  const t = exposures.filter((e) => !e.holdout);
  const h = exposures.filter((e) => e.holdout);
  const treated = wilson(t.filter(within).length, t.length);
  const holdout = wilson(h.filter(within).length, h.length);
  return {
    treated,
    holdout,
    uplift: treated.rate - holdout.rate,
    upliftCi95: newcombeInterval(treated, holdout),
  };
}

/** The comparison within each group of exposures that `key` names. */
function compareBy(
  exposures: readonly InterventionExposure[],
  windowMs: number,
  key: (e: InterventionExposure) => string,
): Record<string, Comparison> {
  const groups = new Map<string, InterventionExposure[]>();
  for (const e of exposures) {
    const k = key(e);
    const list = groups.get(k) ?? [];
    list.push(e);
    groups.set(k, list);
  }
  return Object.fromEntries([...groups].map(([k, list]) => [k, compare(list, windowMs)]));
}

/**
 * The seed's `trackInterventionEffectiveness`: the share of users who progress within `windowMs` of an
 * intervention, shown against held out, with the uplift and its 95% interval, overall and per kind, step
 * and persona.
 *
 * @example
 * const r = trackInterventionEffectiveness(exposures, 5 * 60_000);
 * console.log(`uplift ${r.uplift.toFixed(2)} [${r.upliftCi95.map((x) => x.toFixed(2)).join(', ')}]`);
 */
export function trackInterventionEffectiveness(
  exposures: readonly InterventionExposure[],
  windowMs = 5 * 60_000,
): EffectivenessReport {
  return {
    windowMs,
    ...compare(exposures, windowMs),
    byKind: compareBy(exposures, windowMs, (e) => e.kind),
    byStep: compareBy(exposures, windowMs, (e) => e.stepId ?? ''),
    byPersona: compareBy(exposures, windowMs, (e) => e.persona ?? 'unknown'),
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
