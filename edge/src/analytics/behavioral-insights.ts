import type { BehavioralInsight, EngagementAnalysis } from '@smart-onboarding/protocol';

/**
 * The seed's `generateBehavioralInsights`: plain findings a product team can act on, each with the
 * numbers behind it. Thresholds are deliberately conservative (a finding should be worth reading).
 */
export function generateBehavioralInsights(analysis: EngagementAnalysis): BehavioralInsight[] {
  const insights: BehavioralInsight[] = [];
  if (analysis.events === 0) {
    return [
      {
        kind: 'inactive',
        severity: 'warning',
        message: `No activity in the last ${analysis.windowDays} day(s).`,
        evidence: { windowDays: analysis.windowDays },
      },
    ];
  }
  const named = analysis.steps.filter((s) => s.stepId !== '');
  for (const s of named) {
    if (s.struggleReports >= 2 || s.maxStruggleScore >= 0.8) {
      insights.push({
        kind: 'struggle_hotspot',
        severity: s.struggleReports >= 5 ? 'critical' : 'warning',
        stepId: s.stepId,
        message: `Struggle concentrates on step "${s.stepId}": ${s.struggleReports} report(s), peak score ${s.maxStruggleScore.toFixed(2)}.`,
        evidence: {
          struggleReports: s.struggleReports,
          maxStruggleScore: s.maxStruggleScore,
          signals: s.signals,
        },
      });
    }
  }
  const sink = named[0];
  if (sink && named.length >= 2 && sink.timeShare >= 0.4) {
    insights.push({
      kind: 'time_sink',
      severity: 'info',
      stepId: sink.stepId,
      message: `Step "${sink.stepId}" takes ${Math.round(sink.timeShare * 100)} % of the time spent.`,
      evidence: { timeShare: sink.timeShare, timeSpentMs: sink.timeSpentMs },
    });
  }
  if (analysis.trend === 'falling') {
    insights.push({
      kind: 'declining_engagement',
      severity: 'warning',
      message: 'Activity fell in the second half of the window.',
      evidence: { events: analysis.events, activeDays: analysis.activeDays },
    });
  } else if (analysis.trend === 'rising') {
    insights.push({
      kind: 'rising_engagement',
      severity: 'info',
      message: 'Activity rose in the second half of the window.',
      evidence: { events: analysis.events, activeDays: analysis.activeDays },
    });
  }
  if (analysis.engagementScore < 0.25 && analysis.timeSpentMs >= 60_000) {
    insights.push({
      kind: 'low_engagement',
      severity: 'warning',
      message: `Low engagement (${analysis.engagementScore.toFixed(2)}): time on the page with little interaction.`,
      evidence: {
        engagementScore: analysis.engagementScore,
        timeSpentMs: analysis.timeSpentMs,
        clicks: analysis.clicks,
      },
    });
  }
  const rank = { critical: 0, warning: 1, info: 2 } as const;
  return insights.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
