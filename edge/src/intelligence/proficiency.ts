import type { InteractionSummary, ProficiencyLevel, SignalType } from '@smart-onboarding/protocol';
import { sigmoid } from '@smart-onboarding/stats';

/**
 * What the edge sees of how a user works through one step: the SDK's interaction summary, the signals it
 * raised, and how long the step took against its estimate. Raw pointer paths never reach the edge, so
 * proficiency is read from these aggregates.
 */
export interface InteractionPattern {
  stepId?: string;
  interaction?: InteractionSummary;
  signals?: ReadonlyArray<{ type: SignalType }>;
  /** Time the step took, when it was completed. */
  durationMs?: number;
  /** The step's own estimate (`estimatedDurationSec` × 1000). */
  expectedDurationMs?: number;
}

export interface ProficiencyAssessment {
  level: ProficiencyLevel;
  /** 0 (struggles with everything) to 1 (fluent), shrunk toward the prior while evidence is thin. */
  score: number;
  /** How much evidence stands behind the score, 0..1. */
  confidence: number;
  /** Number of patterns that carried evidence. */
  evidence: number;
}

/** Signals that mean friction rather than reading or thinking. */
const FRICTION: ReadonlySet<SignalType> = new Set([
  'rage_click',
  'dead_click',
  'error_click',
  'thrashed_cursor',
  'form_struggle',
  'quick_back',
]);

/** Where each level's score sits; a self-reported level is a prior worth `PRIOR_WEIGHT` patterns. */
const LEVEL_SCORE: Record<ProficiencyLevel, number> = {
  beginner: 0.2,
  intermediate: 0.45,
  advanced: 0.7,
  expert: 0.9,
};
const PRIOR_WEIGHT = 1.5;

function levelOfScore(score: number): ProficiencyLevel {
  if (score < 0.33) return 'beginner';
  if (score < 0.58) return 'intermediate';
  if (score < 0.8) return 'advanced';
  return 'expert';
}

/**
 * One pattern's evidence, as a score in 0..1, or undefined when the pattern says nothing. Weights are
 * hand-set and documented in README.md: pace against the estimate matters most, friction signals per
 * active minute next, hesitations less (a hesitation is often reading).
 */
function patternScore(p: InteractionPattern): number | undefined {
  let z = 0;
  let informative = false;
  if (p.durationMs !== undefined && p.expectedDurationMs !== undefined && p.expectedDurationMs > 0) {
    // log2 of the pace ratio: twice as fast as expected is +1, twice as slow is -1.
    const ratio = Math.max(p.durationMs, 1) / p.expectedDurationMs;
    z -= 1.2 * Math.max(-3, Math.min(3, Math.log2(ratio)));
    informative = true;
  }
  const activeMs = p.interaction?.activeMs ?? p.interaction?.timeSpentMs ?? p.durationMs;
  const minutes = activeMs !== undefined ? Math.max(activeMs / 60_000, 0.25) : undefined;
  if (p.signals && minutes !== undefined) {
    const friction = p.signals.filter((s) => FRICTION.has(s.type)).length;
    const hesitations =
      p.signals.filter((s) => s.type === 'hesitation').length + (p.interaction?.hesitations ?? 0);
    z -= 0.9 * Math.min(friction / minutes, 4);
    z -= 0.35 * Math.min(hesitations / minutes, 4);
    informative = true;
  } else if (p.interaction?.hesitations !== undefined && minutes !== undefined) {
    z -= 0.35 * Math.min(p.interaction.hesitations / minutes, 4);
    informative = true;
  }
  if (
    p.interaction?.pointer === 'keyboard' ||
    (p.interaction?.keystrokes ?? 0) > 2 * (p.interaction?.clicks ?? 0) + 10
  ) {
    // Keyboard-first navigation is a habit of fluent users.
    z += 0.5;
    informative = true;
  }
  return informative ? sigmoid(z + 0.8) : undefined;
}

/**
 * Scores technical proficiency from interaction patterns, starting from a self-reported level when the
 * profile has one.
 *
 * @example
 * scoreTechnicalProficiency([{ durationMs: 20_000, expectedDurationMs: 60_000, signals: [] }]).level; // 'advanced'
 */
export function scoreTechnicalProficiency(
  patterns: readonly InteractionPattern[],
  prior?: ProficiencyLevel,
): ProficiencyAssessment {
  const scores = patterns.map(patternScore).filter((s): s is number => s !== undefined);
  const priorScore = prior ? LEVEL_SCORE[prior] : 0.45;
  const priorWeight = prior ? PRIOR_WEIGHT : 1;
  const score =
    (priorScore * priorWeight + scores.reduce((s, x) => s + x, 0)) / (priorWeight + scores.length);
  return {
    level: levelOfScore(score),
    score,
    confidence: scores.length / (scores.length + 3),
    evidence: scores.length,
  };
}

/**
 * The seed's `assessTechnicalProficiency`: the level alone. Use `scoreTechnicalProficiency` for the score
 * and its confidence.
 *
 * @example
 * assessTechnicalProficiency(patterns); // 'intermediate'
 */
export function assessTechnicalProficiency(
  interactionPatterns: readonly InteractionPattern[],
  prior?: ProficiencyLevel,
): ProficiencyLevel {
  return scoreTechnicalProficiency(interactionPatterns, prior).level;
}
