import type { BehaviorEvent, EngagementDay } from '@smart-onboarding/protocol';
import type { Database } from '../adapters/d1/client';
import { engagementOf } from '../adapters/d1/queries/engagement';
import { generateBehavioralInsights } from './behavioral-insights';
import { analyzeEngagementPatterns } from './engagement-patterns';
import { calculateEngagementScore } from './engagement-score';
import { detectStruggleIndicators } from './struggle-indicators';

export interface BehavioralAnalyticsDeps {
  db: Database;
  tenantId: string;
  /** Ingests events for a user the way `POST /v1/events` does (idempotent, queued): the journey object. */
  ingest(userId: string, events: BehaviorEvent[]): Promise<unknown>;
  now?: () => number;
}

/**
 * The seed's `BehavioralAnalyticsService` for one tenant: the pure analytics over D1's daily engagement
 * aggregates, and `trackInteraction` through the same ingestion path as the SDK's batches.
 *
 * @example
 * const analytics = behavioralAnalyticsService({ db: database(env.DB), tenantId, ingest });
 * const insights = await analytics.generateBehavioralInsights('user-1', 14);
 */
export function behavioralAnalyticsService(deps: BehavioralAnalyticsDeps) {
  const now = deps.now ?? Date.now;
  const days = async (userId: string): Promise<EngagementDay[]> =>
    (await engagementOf(deps.db, deps.tenantId, userId)).map(({ tenantId: _t, userId: _u, ...day }) => day);

  const service = {
    trackInteraction: (userId: string, event: BehaviorEvent) => deps.ingest(userId, [event]),
    analyzeEngagementPatterns: async (userId: string, timeWindowDays: number) =>
      analyzeEngagementPatterns(await days(userId), { now: now(), windowDays: timeWindowDays }),
    detectStruggleIndicators: async (userId: string, timeWindowDays = 7) =>
      detectStruggleIndicators(await service.analyzeEngagementPatterns(userId, timeWindowDays), now()),
    generateBehavioralInsights: async (userId: string, timeWindowDays = 7) => {
      const analysis = await service.analyzeEngagementPatterns(userId, timeWindowDays);
      return { generatedAt: now(), analysis, insights: generateBehavioralInsights(analysis) };
    },
    calculateEngagementScore,
  };
  return service;
}
