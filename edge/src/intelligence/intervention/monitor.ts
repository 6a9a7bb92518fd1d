import type { StruggleMetrics } from '@smart-onboarding/protocol';

export interface ProgressFacts {
  currentStepId: string | null;
  /** When the user arrived on the current step. */
  stepStartedAt: number | null;
  /** The current step's expected duration (learned, or the author's estimate), seconds. */
  expectedStepSec: number;
  /** Last time anything arrived from the user (events, socket messages). */
  lastActivityAt: number;
  /** Last struggle report or intervention on this step, so a stall is not reported twice in a row. */
  lastInterventionAt?: number;
}

export interface MonitorOptions {
  /** A step counts as stalled after this many times its expected duration... */
  stallFactor: number;
  /** ...and never before this many seconds. */
  minStallSec: number;
  /** A user quiet for this long is away, not stalled: no help is pushed to an empty tab. */
  awayAfterMs: number;
  /** No second stall report within this long. */
  repeatAfterMs: number;
}

const DEFAULT_MONITOR_OPTIONS: MonitorOptions = {
  stallFactor: 3,
  minStallSec: 60,
  awayAfterMs: 5 * 60_000,
  repeatAfterMs: 2 * 60_000,
};

export type ProgressAssessment =
  | { status: 'on_track' | 'away' | 'idle' | 'recently_helped' }
  | { status: 'stalled'; report: StruggleMetrics };

/**
 * The seed's `monitorUserProgress`: called from the journey object's alarm, it notices a user who is
 * present but has stayed on a step far longer than expected, which the device cannot see (no frustration
 * signal fires when someone just sits there), and returns a struggle report the engine can act on.
 *
 * @example
 * const a = monitorUserProgress(facts, Date.now());
 * if (a.status === 'stalled') plan = engine.decide({ ...ctx, report: a.report });
 */
export function monitorUserProgress(
  facts: ProgressFacts,
  now: number,
  options: MonitorOptions = DEFAULT_MONITOR_OPTIONS,
): ProgressAssessment {
  if (!facts.currentStepId || facts.stepStartedAt === null) return { status: 'idle' };
  if (now - facts.lastActivityAt > options.awayAfterMs) return { status: 'away' };
  const onStepSec = (now - facts.stepStartedAt) / 1000;
  const limit = Math.max(options.minStallSec, options.stallFactor * facts.expectedStepSec);
  if (onStepSec < limit) return { status: 'on_track' };
  if (facts.lastInterventionAt !== undefined && now - facts.lastInterventionAt < options.repeatAfterMs) {
    return { status: 'recently_helped' };
  }
  const over = onStepSec / Math.max(1, facts.expectedStepSec);
  return {
    status: 'stalled',
    report: {
      score: Math.min(0.95, 0.55 + 0.05 * (over - options.stallFactor)),
      source: 'rules',
      reasons: [{ code: 'stalled_on_step', weight: Number(over.toFixed(2)) }],
      stepId: facts.currentStepId,
      recentSignals: [],
      t: now,
    },
  };
}
