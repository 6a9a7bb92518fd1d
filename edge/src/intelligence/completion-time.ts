/**
 * `estimatedCompletionTime`: how long the rest of a journey will take, learned online per step from
 * completed and abandoned journeys, survival-style.
 *
 * Each step's duration is modelled as exponential with rate λ and a Gamma(α₀, β₀) prior whose mean
 * duration is the author's `estimatedDurationSec` (α₀ = `PRIOR_STRENGTH` pseudo-completions). A user who
 * abandoned a step contributes the time they spent as *exposure* without an event (right-censoring), so
 * abandoned journeys are not dropped, which would bias durations low: they lengthen the estimate exactly as
 * much as the data says. The posterior mean duration is (β₀ + exposure) / (α₀ + completions).
 */

interface StepDurationStats {
  completions: number;
  /** Total seconds users spent on the step, completed or not. */
  exposureSec: number;
}

export interface CompletionTimeState {
  version: 1;
  steps: Record<string, StepDurationStats>;
}

const PRIOR_STRENGTH = 3;

export function emptyCompletionTimeModel(): CompletionTimeState {
  return { version: 1, steps: {} };
}

/**
 * Records time spent on a step: `completed: false` for a user who left without finishing it (censored).
 *
 * @example
 * model = recordStepDuration(model, 'connect-account', 74, true);
 */
export function recordStepDuration(
  state: CompletionTimeState,
  stepId: string,
  durationSec: number,
  completed: boolean,
): CompletionTimeState {
  if (!(durationSec >= 0) || !Number.isFinite(durationSec)) return state;
  const prev = state.steps[stepId] ?? { completions: 0, exposureSec: 0 };
  return {
    version: 1,
    steps: {
      ...state.steps,
      [stepId]: {
        completions: prev.completions + (completed ? 1 : 0),
        exposureSec: prev.exposureSec + durationSec,
      },
    },
  };
}

/** Posterior mean duration of one step, in seconds. */
export function expectedStepDurationSec(
  state: CompletionTimeState,
  step: { id: string; estimatedDurationSec: number },
): number {
  const s = state.steps[step.id] ?? { completions: 0, exposureSec: 0 };
  return (PRIOR_STRENGTH * step.estimatedDurationSec + s.exposureSec) / (PRIOR_STRENGTH + s.completions);
}

/** Pace multipliers by the persona's recommended pace, used until the user's own pace is known. */
export const PACE_FACTOR = { slow: 1.3, standard: 1, fast: 0.75 } as const;

/**
 * The user's own pace against the model, shrunk toward the persona's pace: observed ratios (time taken /
 * expected) count one each, the persona's factor counts two.
 */
export function userPaceFactor(
  observedRatios: readonly number[],
  personaPace: keyof typeof PACE_FACTOR,
): number {
  const logs = observedRatios.filter((r) => r > 0 && Number.isFinite(r)).map(Math.log);
  const prior = Math.log(PACE_FACTOR[personaPace]);
  return Math.exp((2 * prior + logs.reduce((s, x) => s + x, 0)) / (2 + logs.length));
}

/**
 * Seconds until the journey completes: the expected durations of the steps still to do, optional ones
 * weighted by how likely the user is to do them, times the user's pace.
 *
 * @example
 * journey.estimatedCompletionTime = estimateCompletionTimeSec(model, remainingSteps, { paceFactor, optionalTakeRate: 0.6 });
 */
export function estimateCompletionTimeSec(
  state: CompletionTimeState,
  remaining: ReadonlyArray<{ id: string; estimatedDurationSec: number; optional: boolean }>,
  options: { paceFactor: number; optionalTakeRate: number },
): number {
  const total = remaining.reduce(
    (sum, step) =>
      sum + (step.optional ? options.optionalTakeRate : 1) * expectedStepDurationSec(state, step),
    0,
  );
  return Math.round(total * options.paceFactor);
}
