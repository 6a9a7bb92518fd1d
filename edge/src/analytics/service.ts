import type {
  BehavioralInsightsResponse,
  BehaviorEvent,
  EngagementDay,
  TenantEngagementResponse,
  UserEngagementSummary,
} from '@smart-onboarding/protocol';
import type { Database } from '../adapters/d1/client';
import { engagementOf } from '../adapters/d1/queries/engagement';
import {
  tenantEngagementDays,
  type UserPageCursor,
  userEngagementPage,
} from '../adapters/d1/queries/engagement-rollups';
import { generateBehavioralInsights } from './behavioral-insights';
import { analyzeEngagementPatterns, windowStartDay } from './engagement-patterns';
import { calculateEngagementScore } from './engagement-score';
import { detectStruggleIndicators } from './struggle-indicators';

interface BehavioralAnalyticsDeps {
  db: Database;
  tenantId: string;
  /** Ingests events for a user the way `POST /v1/events` does (idempotent, queued): the journey object. */
  ingest(userId: string, events: BehaviorEvent[]): Promise<{ accepted: number; duplicates: number }>;
  now?: () => number;
}

/**
 * The seed's `BehavioralAnalyticsService` for one tenant: the pure analytics over D1's daily engagement
 * aggregates, per user and across the tenant's users, and `trackInteraction` through the same ingestion
 * path as the SDK's batches. The routes under `/v1/analytics` serve it.
 *
 * @example
 * const analytics = behavioralAnalyticsService({ db: services.db, tenantId, ingest });
 * const { insights } = await analytics.generateBehavioralInsights('user-1', 14);
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
    generateBehavioralInsights: async (
      userId: string,
      timeWindowDays = 7,
    ): Promise<BehavioralInsightsResponse> => {
      const analysis = await service.analyzeEngagementPatterns(userId, timeWindowDays);
      return { generatedAt: now(), analysis, insights: generateBehavioralInsights(analysis) };
    },
    calculateEngagementScore,
    /** The same analysis and findings over every user of the tenant, added up by step and day. */
    analyzeTenantEngagement: async (timeWindowDays = 7): Promise<TenantEngagementResponse> => {
      const at = now();
      const { days: rows, users } = await tenantEngagementDays(
        deps.db,
        deps.tenantId,
        windowStartDay(at, timeWindowDays),
      );
      const analysis = analyzeEngagementPatterns(rows, { now: at, windowDays: timeWindowDays });
      return { generatedAt: at, users, analysis, insights: generateBehavioralInsights(analysis) };
    },
    /** A page of the tenant's users with their engagement over the window, most struggle first. */
    listUserEngagement: async (
      timeWindowDays: number,
      page: { limit: number; after?: UserPageCursor },
    ): Promise<{ users: UserEngagementSummary[]; next: UserPageCursor | null }> => {
      const { users, next } = await userEngagementPage(deps.db, deps.tenantId, {
        fromDay: windowStartDay(now(), timeWindowDays),
        ...page,
      });
      return {
        users: users.map((u) => ({
          ...u,
          engagementScore: calculateEngagementScore(
            u.timeSpentMs > 0 ? [{ timeSpentMs: u.timeSpentMs, clicks: u.clicks }] : [],
          ),
        })),
        next,
      };
    },
  };
  return service;
}
