import type { EngagementAnalysis, EngagementDay, StepEngagement } from '@smart-onboarding/protocol';
import { calculateEngagementScore } from './engagement-score';

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The first UTC day (`YYYY-MM-DD`) of a window of `windowDays` days ending today. */
export function windowStartDay(now: number, windowDays: number): string {
  return isoDay(now - (Math.max(1, Math.floor(windowDays)) - 1) * DAY_MS);
}

/**
 * The seed's `analyzeEngagementPatterns`, as a pure function over the daily aggregates the queue
 * consumer writes (one row per user, step and UTC day): totals, where the time went, where struggle
 * concentrated, and whether activity is rising or falling over the window.
 *
 * The trend compares the later half of the window with the earlier half (events, +1 smoothing): more
 * than 25 % up is rising, more than 20 % down is falling; it needs two active days. Daily rows are too
 * coarse for more.
 *
 * @example
 * analyzeEngagementPatterns(rows, { now: Date.now(), windowDays: 7 }).steps[0]; // the biggest time sink
 */
export function analyzeEngagementPatterns(
  days: readonly EngagementDay[],
  options: { now: number; windowDays: number },
): EngagementAnalysis {
  const windowDays = Math.max(1, Math.floor(options.windowDays));
  const to = isoDay(options.now);
  const from = windowStartDay(options.now, windowDays);
  const midpoint = isoDay(options.now - Math.floor(windowDays / 2) * DAY_MS);
  const rows = days.filter((d) => d.day >= from && d.day <= to);

  const byStep = new Map<string, StepEngagement>();
  const activeDays = new Set<string>();
  let events = 0;
  let timeSpentMs = 0;
  let clicks = 0;
  let signals = 0;
  let struggleReports = 0;
  let early = 0;
  let late = 0;
  for (const r of rows) {
    if (r.events > 0) activeDays.add(r.day);
    events += r.events;
    timeSpentMs += r.timeSpentMs;
    clicks += r.clicks;
    signals += r.signals;
    struggleReports += r.struggleReports;
    if (windowDays > 1 && r.day < midpoint) early += r.events;
    else late += r.events;
    const s = byStep.get(r.stepId) ?? {
      stepId: r.stepId,
      timeSpentMs: 0,
      timeShare: 0,
      clicks: 0,
      signals: 0,
      struggleReports: 0,
      maxStruggleScore: 0,
    };
    s.timeSpentMs += r.timeSpentMs;
    s.clicks += r.clicks;
    s.signals += r.signals;
    s.struggleReports += r.struggleReports;
    s.maxStruggleScore = Math.max(s.maxStruggleScore, r.maxStruggleScore);
    byStep.set(r.stepId, s);
  }
  const steps = [...byStep.values()]
    .map((s) => ({ ...s, timeShare: timeSpentMs > 0 ? s.timeSpentMs / timeSpentMs : 0 }))
    .sort(
      (a, b) =>
        b.timeSpentMs - a.timeSpentMs ||
        b.struggleReports - a.struggleReports ||
        a.stepId.localeCompare(b.stepId),
    );

  let trend: EngagementAnalysis['trend'] = 'none';
  // One active day says nothing about direction: a user who started today is not "rising".
  if (events > 0 && windowDays > 1 && activeDays.size >= 2) {
    const ratio = (late + 1) / (early + 1);
    trend = ratio > 1.25 ? 'rising' : ratio < 0.8 ? 'falling' : 'steady';
  } else if (events > 0) trend = 'steady';

  return {
    windowDays,
    from,
    to,
    activeDays: activeDays.size,
    events,
    timeSpentMs,
    clicks,
    signals,
    struggleReports,
    signalsPerMinute: timeSpentMs > 0 ? signals / (timeSpentMs / 60_000) : 0,
    engagementScore: calculateEngagementScore(timeSpentMs > 0 ? [{ timeSpentMs, clicks }] : []),
    trend,
    steps,
  };
}
