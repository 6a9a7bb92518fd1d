import type { InteractionSummary } from '@smart-onboarding/protocol';

/**
 * The seed's `calculateEngagementScore`: how engaged a user was over some interaction summaries, 0..1.
 *
 * Three parts, multiplied so that any one near zero pulls the score down:
 * - presence: the share of the time the user was active (tab visible, input flowing), square-rooted so
 *   that reading without input still counts for something;
 * - density: interactions per active minute (clicks, keystrokes in fives, scrolling per 2,000 px),
 *   saturating: 4 a minute gives 0.63, 12 gives 0.95 — more activity is not more engagement past that;
 * - friction: hesitations and scroll reversals per active minute shave off at most 40 %, because a
 *   user who hesitates is engaged but not comfortably so.
 *
 * @example
 * calculateEngagementScore([{ timeSpentMs: 60_000, activeMs: 60_000, clicks: 8 }]); // ≈ 0.86
 */
export function calculateEngagementScore(history: readonly InteractionSummary[]): number {
  let time = 0;
  let active = 0;
  let actions = 0;
  let friction = 0;
  for (const h of history) {
    time += h.timeSpentMs;
    active += Math.min(h.activeMs ?? h.timeSpentMs, h.timeSpentMs);
    actions += h.clicks + (h.keystrokes ?? 0) / 5 + (h.scrollDistancePx ?? 0) / 2000;
    friction += (h.hesitations ?? 0) + (h.scrollReversals ?? 0) / 3;
  }
  if (time <= 0 || active <= 0) return 0;
  const activeMinutes = active / 60_000;
  const presence = Math.sqrt(active / time);
  const density = 1 - Math.exp(-actions / activeMinutes / 4);
  const ease = Math.exp(-friction / activeMinutes / 3);
  return clamp01(presence * density * (0.6 + 0.4 * ease));
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
