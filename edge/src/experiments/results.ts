import type { ExperimentResults } from '@smart-onboarding/protocol';
import { alwaysValidDifference, sequentialVerdict } from '@smart-onboarding/stats';

/** What D1 counted for one variant: users exposed, and how many of their journeys completed or were abandoned. */
export interface VariantTally {
  name: string;
  exposed: number;
  completed: number;
  abandoned: number;
}

type Verdict = Pick<
  ExperimentResults,
  'comparisons' | 'decision' | 'winner' | 'summary' | 'alpha' | 'method'
>;

/**
 * Each variant against the control (the first) on completion, with always-valid confidence sequences
 * (`@smart-onboarding/stats`, normal-mixture mSPRT), so the team may look every day and stop the moment
 * it is clear. With more than one treatment, α is split between the comparisons (Bonferroni). A winner
 * is named only when the intervals leave no doubt: the best treatment beating the control, or the control
 * beating every treatment; anything else is "keep running". Pure.
 *
 * @example
 * experimentVerdict([{ name: 'smart', exposed: 2000, completed: 1200, abandoned: 800 },
 *                    { name: 'adaptive', exposed: 2000, completed: 1400, abandoned: 600 }]).summary
 * // 'winner: adaptive'
 */
export function experimentVerdict(tallies: readonly VariantTally[], alpha = 0.05): Verdict {
  const [control, ...treatments] = tallies;
  const method = 'always-valid confidence sequence (normal-mixture mSPRT), difference of completion rates';
  if (!control || treatments.length === 0)
    return {
      comparisons: [],
      decision: 'keep_running',
      winner: null,
      summary: 'keep running',
      alpha,
      method,
    };
  const each = alpha / treatments.length;
  const tally = (t: VariantTally) => ({ successes: t.completed, n: t.exposed });
  const comparisons = treatments.map((t) => {
    const d = alwaysValidDifference(tally(control), tally(t), { alpha: each });
    return {
      variant: t.name,
      difference: { estimate: d.estimate, lower: d.lower, upper: d.upper },
      verdict: sequentialVerdict(d),
    };
  });
  const best = comparisons
    .filter((c) => c.verdict === 'treatment_better')
    .sort((a, b) => b.difference.estimate - a.difference.estimate)[0];
  // With several treatments, the best must also beat each other one, under the same split α.
  const bestTally = best && treatments.find((t) => t.name === best.variant);
  const clear =
    bestTally !== undefined &&
    treatments.every(
      (t) => t === bestTally || alwaysValidDifference(tally(t), tally(bestTally), { alpha: each }).lower > 0,
    );
  let winner: string | null = null;
  if (best && clear) winner = best.variant;
  else if (comparisons.every((c) => c.verdict === 'control_better')) winner = control.name;
  return {
    comparisons,
    decision: winner ? 'winner' : 'keep_running',
    winner,
    summary: winner ? `winner: ${winner}` : 'keep running',
    alpha,
    method,
  };
}
