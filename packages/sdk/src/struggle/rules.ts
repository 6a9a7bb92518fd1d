import type { Signal, SignalType, StruggleReason } from '@smart-onboarding/protocol';
import { WINDOW_MS } from '@smart-onboarding/protocol/features';

/**
 * How strongly one signal says "struggling", alone. Rage and error clicks are the clearest; hesitation and
 * scrolling are weak alone (reading looks like them) and count only together with something else.
 */
export const RULE_WEIGHTS: Readonly<Record<SignalType, number>> = {
  rage_click: 0.75,
  error_click: 0.6,
  form_struggle: 0.55,
  dead_click: 0.4,
  quick_back: 0.35,
  thrashed_cursor: 0.35,
  excessive_scroll: 0.3,
  hesitation: 0.25,
};

/** More of the same signal adds evidence, but only up to this many: ten hesitations are not ten times the proof. */
const MAX_REPEATS_PER_TYPE = 2;

export interface RuleScore {
  /** 0..1 */
  score: number;
  /** Signal types by contribution, largest first. */
  reasons: StruggleReason[];
}

/**
 * The rule-based struggle score: signals in `(now - windowMs, now]`, combined as independent pieces of
 * evidence (`1 - Π(1 - w)`). Pure; it decides while the model loads, when the model is switched off or
 * cannot run, and it is the baseline the model is measured against.
 *
 * @example
 * scoreSignals([{ type: 'rage_click', t: 900, evidence: {} }], 1000).score; // 0.75
 */
export function scoreSignals(signals: readonly Signal[], now: number, windowMs = WINDOW_MS): RuleScore {
  const counts = new Map<SignalType, number>();
  for (const s of signals) {
    if (s.t > now || s.t <= now - windowMs) continue;
    counts.set(s.type, Math.min(MAX_REPEATS_PER_TYPE, (counts.get(s.type) ?? 0) + 1));
  }
  let quiet = 1;
  const reasons: StruggleReason[] = [];
  for (const [type, n] of counts) {
    const typeQuiet = (1 - RULE_WEIGHTS[type]) ** n;
    quiet *= typeQuiet;
    reasons.push({ code: type, weight: round(1 - typeQuiet) });
  }
  reasons.sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));
  return { score: round(1 - quiet), reasons };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
