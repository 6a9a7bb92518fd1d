import type { EngagementAnalysis, StruggleMetrics } from '@smart-onboarding/protocol';

/**
 * The seed's `detectStruggleIndicators` on the server side: where and how hard a user struggled over a
 * window, from the aggregates. The device decides *whether* a user struggles right now (its model and
 * rules); this says where struggle has been piling up, for insights, cohorts and human follow-up.
 *
 * Score: the highest struggle score the device reported in the window, raised towards 1 by repeated
 * reports (each further report closes a quarter of the remaining gap). Reasons: the steps carrying the
 * most struggle reports and signals, by share.
 */
export function detectStruggleIndicators(analysis: EngagementAnalysis, now: number): StruggleMetrics {
  const weights = analysis.steps
    .map((s) => ({ stepId: s.stepId, w: s.struggleReports * 3 + s.signals }))
    .filter((s) => s.w > 0)
    .sort((a, b) => b.w - a.w);
  const total = weights.reduce((sum, s) => sum + s.w, 0);
  const peak = Math.max(0, ...analysis.steps.map((s) => s.maxStruggleScore));
  const repeats = Math.max(0, analysis.struggleReports - 1);
  const score = analysis.struggleReports > 0 ? 1 - (1 - peak) * 0.75 ** repeats : Math.min(peak, 0.5);
  const top = weights[0];
  return {
    score: Math.min(1, Math.max(0, score)),
    source: 'rules',
    reasons: weights.slice(0, 3).map((s) => ({ code: `step:${s.stepId || 'none'}`, weight: s.w / total })),
    ...(top?.stepId ? { stepId: top.stepId } : {}),
    recentSignals: [],
    t: now,
  };
}
