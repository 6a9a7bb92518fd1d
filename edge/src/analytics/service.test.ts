import { env } from 'cloudflare:workers';
import type { BehaviorEvent } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { database } from '../adapters/d1/client';
import { addEngagement } from '../adapters/d1/queries/engagement';
import { behavioralAnalyticsService } from './service';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const event = (i: number, over: Partial<BehaviorEvent> = {}): BehaviorEvent =>
  ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    sessionId: 's',
    timestamp: NOW - 1000,
    stepId: 'schedule-post',
    eventType: 'struggle',
    score: 0.85,
    source: 'model',
    reasons: [{ code: 'rage_click', weight: 1 }],
    ...over,
  }) as BehaviorEvent;

describe('BehavioralAnalyticsService over real D1', () => {
  it('analyses what the consumer aggregated, and tracks through the ingestion path', async () => {
    const db = database(env.DB);
    await addEngagement(db, 'tenant-a', 'u1', [event(1), event(2), event(3)], NOW);
    await addEngagement(db, 'tenant-b', 'u1', [event(4)], NOW);
    const ingested: BehaviorEvent[][] = [];
    const analytics = behavioralAnalyticsService({
      db,
      tenantId: 'tenant-a',
      now: () => NOW,
      ingest: async (_user, events) => {
        ingested.push(events);
        return { accepted: events.length, duplicates: 0 };
      },
    });

    const analysis = await analytics.analyzeEngagementPatterns('u1', 7);
    expect(analysis).toMatchObject({ events: 3, struggleReports: 3 });
    expect(analysis.steps[0]).toMatchObject({ stepId: 'schedule-post', maxStruggleScore: 0.85 });

    const indicators = await analytics.detectStruggleIndicators('u1');
    expect(indicators.stepId).toBe('schedule-post');
    expect(indicators.score).toBeGreaterThan(0.85);

    const { insights } = await analytics.generateBehavioralInsights('u1');
    expect(insights.map((i) => i.kind)).toContain('struggle_hotspot');

    await analytics.trackInteraction('u1', event(9));
    expect(ingested).toHaveLength(1);
  });
});
