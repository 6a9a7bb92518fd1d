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

/**
 * Interventions of one kind, step, persona and group (shown or held out), and how many of them were
 * followed by progress within the window: what D1 counts (`interventionTallies`) so a tenant's
 * interventions are not shipped row by row to the Worker.
 */
export interface InterventionTally {
  kind: InterventionKind;
  stepId: string;
  persona: string;
  holdout: boolean;
  n: number;
  progressed: number;
}

function compare(tallies: readonly InterventionTally[]): Comparison {
  const sum = (holdout: boolean, field: 'n' | 'progressed') =>
    tallies.reduce((acc, t) => acc + (t.holdout === holdout ? t[field] : 0), 0);
  const treated = wilson(sum(false, 'progressed'), sum(false, 'n'));
  const holdout = wilson(sum(true, 'progressed'), sum(true, 'n'));
  return {
    treated,
    holdout,
    uplift: treated.rate - holdout.rate,
    upliftCi95: newcombeInterval(treated, holdout),
  };
}

/** The comparison within each group of tallies that `key` names. */
function compareBy(
  tallies: readonly InterventionTally[],
  key: (t: InterventionTally) => string,
): Record<string, Comparison> {
  const groups = new Map<string, InterventionTally[]>();
  for (const t of tallies) {
    const k = key(t);
    const list = groups.get(k) ?? [];
    list.push(t);
    groups.set(k, list);
  }
  return Object.fromEntries([...groups].map(([k, list]) => [k, compare(list)]));
}

/**
 * Shown against held out from counts, overall and per kind, step and persona: the report of
 * `trackInterventionEffectiveness` when D1 has done the counting. Pure.
 */
export function effectivenessOfTallies(
  tallies: readonly InterventionTally[],
  windowMs: number,
): EffectivenessReport {
  return {
    windowMs,
    ...compare(tallies),
    byKind: compareBy(tallies, (t) => t.kind),
    byStep: compareBy(tallies, (t) => t.stepId),
    byPersona: compareBy(tallies, (t) => t.persona),
  };
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
  const within = (e: InterventionExposure) =>
    e.progressedAt !== undefined && e.progressedAt - e.createdAt <= windowMs && e.progressedAt >= e.createdAt;
  const tallies = exposures.map((e) => ({
    kind: e.kind,
    stepId: e.stepId ?? '',
    persona: e.persona ?? 'unknown',
    holdout: e.holdout,
    n: 1,
    progressed: within(e) ? 1 : 0,
  }));
  return effectivenessOfTallies(tallies, windowMs);
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
