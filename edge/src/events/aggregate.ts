import type { BehaviorEvent } from '@smart-onboarding/protocol';

/** Engagement counters of one user on one step on one UTC day (a row of `engagement_daily`). */
export interface EngagementAggregate {
  userId: string;
  stepId: string;
  day: string;
  events: number;
  signals: number;
  struggleReports: number;
  maxStruggleScore: number;
  timeSpentMs: number;
  clicks: number;
  stepActions: number;
  interventionResponses: number;
}

export function utcDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Folds events into one aggregate per (step, day). Pure; what the queue consumer adds to D1.
 *
 * @example
 * aggregateEngagement('u1', events) // [{ userId: 'u1', stepId: 'connect-account', day: '2026-11-24', events: 3, ... }]
 */
export function aggregateEngagement(userId: string, events: readonly BehaviorEvent[]): EngagementAggregate[] {
  const byKey = new Map<string, EngagementAggregate>();
  for (const e of events) {
    const stepId = e.stepId ?? '';
    const day = utcDay(e.timestamp);
    const key = `${stepId}\u0000${day}`;
    let a = byKey.get(key);
    if (!a) {
      a = {
        userId,
        stepId,
        day,
        events: 0,
        signals: 0,
        struggleReports: 0,
        maxStruggleScore: 0,
        timeSpentMs: 0,
        clicks: 0,
        stepActions: 0,
        interventionResponses: 0,
      };
      byKey.set(key, a);
    }
    a.events++;
    switch (e.eventType) {
      case 'signal':
        a.signals++;
        break;
      case 'struggle':
        a.struggleReports++;
        a.maxStruggleScore = Math.max(a.maxStruggleScore, e.score);
        break;
      case 'engagement':
        a.timeSpentMs += Math.round(e.interaction.timeSpentMs);
        a.clicks += e.interaction.clicks;
        break;
      case 'step':
        a.stepActions++;
        break;
      case 'intervention':
        a.interventionResponses++;
        break;
      default:
        break;
    }
  }
  return [...byKey.values()];
}
