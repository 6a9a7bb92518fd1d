import { BehaviorEvent } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { aggregateEngagement, utcDay } from './aggregate';

const day1 = Date.UTC(2026, 10, 24, 10);
const day2 = Date.UTC(2026, 10, 25, 0, 0, 1);
let n = 0;
const ev = (over: Record<string, unknown>) =>
  BehaviorEvent.parse({
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    sessionId: 's',
    timestamp: day1,
    ...over,
  });

describe('aggregateEngagement', () => {
  it('folds events per step and UTC day', () => {
    const rows = aggregateEngagement('u1', [
      ev({ eventType: 'signal', stepId: 'a', signal: { type: 'rage_click', t: 1 } }),
      ev({ eventType: 'struggle', stepId: 'a', score: 0.4, source: 'rules', reasons: [] }),
      ev({ eventType: 'struggle', stepId: 'a', score: 0.8, source: 'model', reasons: [] }),
      ev({ eventType: 'engagement', stepId: 'a', interaction: { timeSpentMs: 1500.4, clicks: 3 } }),
      ev({ eventType: 'step', stepId: 'a', action: 'completed' }),
      ev({ eventType: 'page', action: 'view' }),
      ev({
        eventType: 'intervention',
        stepId: 'a',
        interventionId: 'i1',
        action: 'dismissed',
        timestamp: day2,
      }),
    ]);
    expect(rows).toEqual([
      {
        userId: 'u1',
        stepId: 'a',
        day: '2026-11-24',
        events: 5,
        signals: 1,
        struggleReports: 2,
        maxStruggleScore: 0.8,
        timeSpentMs: 1500,
        clicks: 3,
        stepActions: 1,
        interventionResponses: 0,
      },
      expect.objectContaining({ stepId: '', day: '2026-11-24', events: 1 }),
      expect.objectContaining({ stepId: 'a', day: '2026-11-25', events: 1, interventionResponses: 1 }),
    ]);
  });

  it.each([
    [Date.UTC(2026, 0, 1, 0, 0, 0), '2026-01-01'],
    [Date.UTC(2026, 0, 1, 23, 59, 59, 999), '2026-01-01'],
    [0, '1970-01-01'],
  ])('day of %i is %s', (t, day) => {
    expect(utcDay(t)).toBe(day);
  });
});
