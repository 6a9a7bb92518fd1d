import type { EngagementDay } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { generateBehavioralInsights } from './behavioral-insights';
import { analyzeEngagementPatterns } from './engagement-patterns';
import { detectStruggleIndicators } from './struggle-indicators';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const row = (day: string, stepId: string, over: Partial<EngagementDay> = {}): EngagementDay => ({
  stepId,
  day,
  events: 10,
  signals: 0,
  struggleReports: 0,
  maxStruggleScore: 0,
  timeSpentMs: 60_000,
  clicks: 6,
  stepActions: 1,
  interventionResponses: 0,
  ...over,
});

describe('analyzeEngagementPatterns', () => {
  it('keeps only the window, adds up, and ranks steps by time', () => {
    const a = analyzeEngagementPatterns(
      [
        row('2026-11-01', 'old', { events: 999 }),
        row('2026-11-23', 'create-post', { timeSpentMs: 180_000 }),
        row('2026-11-24', 'connect-account'),
      ],
      { now: NOW, windowDays: 7 },
    );
    expect(a).toMatchObject({
      from: '2026-11-18',
      to: '2026-11-24',
      events: 20,
      activeDays: 2,
      timeSpentMs: 240_000,
    });
    expect(a.steps.map((s) => [s.stepId, s.timeShare])).toEqual([
      ['create-post', 0.75],
      ['connect-account', 0.25],
    ]);
  });

  it.each([
    { name: 'rising', early: 2, late: 20, trend: 'rising' },
    { name: 'falling', early: 20, late: 2, trend: 'falling' },
    { name: 'steady', early: 10, late: 11, trend: 'steady' },
  ])('sees a $name trend', ({ early, late, trend }) => {
    const a = analyzeEngagementPatterns(
      [row('2026-11-18', 'a', { events: early }), row('2026-11-24', 'a', { events: late })],
      {
        now: NOW,
        windowDays: 7,
      },
    );
    expect(a.trend).toBe(trend);
  });

  it('has no trend without events', () => {
    expect(analyzeEngagementPatterns([], { now: NOW, windowDays: 7 })).toMatchObject({
      trend: 'none',
      engagementScore: 0,
      steps: [],
    });
  });
});

describe('detectStruggleIndicators', () => {
  it.each([
    { name: 'no struggle', rows: [row('2026-11-24', 'a')], score: [0, 0], stepId: undefined },
    {
      name: 'one report',
      rows: [row('2026-11-24', 'schedule-post', { struggleReports: 1, maxStruggleScore: 0.7, signals: 3 })],
      score: [0.7, 0.7],
      stepId: 'schedule-post',
    },
    {
      name: 'repeated reports push towards 1',
      rows: [
        row('2026-11-24', 'schedule-post', { struggleReports: 5, maxStruggleScore: 0.7, signals: 9 }),
        row('2026-11-24', 'a', { signals: 1 }),
      ],
      score: [0.9, 1],
      stepId: 'schedule-post',
    },
  ])('$name', ({ rows, score: [lo, hi], stepId }) => {
    const m = detectStruggleIndicators(analyzeEngagementPatterns(rows, { now: NOW, windowDays: 7 }), NOW);
    expect(m.score).toBeGreaterThanOrEqual(lo!);
    expect(m.score).toBeLessThanOrEqual(hi!);
    expect(m.stepId).toBe(stepId);
    if (m.reasons.length) expect(m.reasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(1);
  });
});

describe('generateBehavioralInsights', () => {
  const insights = (rows: EngagementDay[]) =>
    generateBehavioralInsights(analyzeEngagementPatterns(rows, { now: NOW, windowDays: 7 })).map((i) => [
      i.kind,
      i.severity,
      i.stepId,
    ]);

  it.each([
    { name: 'nothing happened', rows: [], expected: [['inactive', 'warning', undefined]] },
    {
      name: 'a struggle hotspot that is also the time sink',
      rows: [
        row('2026-11-24', 'schedule-post', {
          struggleReports: 6,
          maxStruggleScore: 0.9,
          timeSpentMs: 300_000,
          clicks: 40,
        }),
        row('2026-11-24', 'a'),
      ],
      expected: [
        ['struggle_hotspot', 'critical', 'schedule-post'],
        ['time_sink', 'info', 'schedule-post'],
      ],
    },
    {
      name: 'falling activity with little interaction',
      rows: [
        row('2026-11-18', 'a', { events: 30, clicks: 0, timeSpentMs: 600_000 }),
        row('2026-11-24', 'a', { events: 1, clicks: 0 }),
      ],
      expected: [
        ['declining_engagement', 'warning', undefined],
        ['low_engagement', 'warning', undefined],
      ],
    },
  ])('$name', ({ rows, expected }) => {
    expect(insights(rows)).toEqual(expected);
  });
});
