import { z } from 'zod';
import { EpochMs, Id, Probability, Slug } from './common';
import { StruggleMetrics } from './intervention';
import { ContentRecommendation } from './persona';

/** Per-step share of a user's engagement over a window (the seed's `EngagementAnalysis`, by step). */
export const StepEngagement = z
  .object({
    stepId: z.string().meta({ description: 'The step, or "" for time outside any step.' }),
    timeSpentMs: z.number().nonnegative(),
    timeShare: Probability,
    clicks: z.number().int().nonnegative(),
    signals: z.number().int().nonnegative(),
    struggleReports: z.number().int().nonnegative(),
    maxStruggleScore: Probability,
  })
  .meta({ id: 'StepEngagement' });

/** The seed's `EngagementAnalysis`: what `analyzeEngagementPatterns` answers for one user and window. */
export const EngagementAnalysis = z
  .object({
    windowDays: z.number().int().positive(),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    activeDays: z.number().int().nonnegative(),
    events: z.number().int().nonnegative(),
    timeSpentMs: z.number().nonnegative(),
    clicks: z.number().int().nonnegative(),
    signals: z.number().int().nonnegative(),
    struggleReports: z.number().int().nonnegative(),
    signalsPerMinute: z.number().nonnegative(),
    engagementScore: Probability,
    trend: z.enum(['rising', 'steady', 'falling', 'none']),
    steps: z.array(StepEngagement),
  })
  .meta({ id: 'EngagementAnalysis' });

/** One finding of `generateBehavioralInsights`: what it says, how serious, and the numbers behind it. */
export const BehavioralInsight = z
  .object({
    kind: z.enum([
      'inactive',
      'time_sink',
      'struggle_hotspot',
      'declining_engagement',
      'rising_engagement',
      'low_engagement',
    ]),
    severity: z.enum(['info', 'warning', 'critical']),
    stepId: Slug.optional(),
    message: z.string(),
    evidence: z.record(z.string(), z.number()),
  })
  .meta({ id: 'BehavioralInsight' });

export const BehavioralInsightsResponse = z
  .object({ generatedAt: EpochMs, analysis: EngagementAnalysis, insights: z.array(BehavioralInsight) })
  .meta({ id: 'BehavioralInsightsResponse' });

/** How many days back an analytics read looks (the UTC day of the request included). */
export const AnalyticsWindowDays = z.coerce
  .number()
  .int()
  .min(1)
  .max(90)
  .default(7)
  .meta({ description: 'Days back, today included (1 to 90; default 7).' });

/** `analyzeEngagementPatterns` for one user. */
export const UserEngagementResponse = z
  .object({ userId: Id, generatedAt: EpochMs, analysis: EngagementAnalysis })
  .meta({ id: 'UserEngagementResponse' });

/** `detectStruggleIndicators` for one user: where struggle piled up over the window. */
export const StruggleIndicatorsResponse = z
  .object({
    userId: Id,
    generatedAt: EpochMs,
    windowDays: z.number().int().positive(),
    indicators: StruggleMetrics,
  })
  .meta({ id: 'StruggleIndicatorsResponse' });

/** A tenant's engagement over a window: every user's aggregates added up by step and day, with findings. */
export const TenantEngagementResponse = z
  .object({
    generatedAt: EpochMs,
    /** Users with any event in the window. */
    users: z.number().int().nonnegative(),
    analysis: EngagementAnalysis,
    insights: z.array(BehavioralInsight),
  })
  .meta({ id: 'TenantEngagementResponse' });

/** One user's engagement over a window, as a row of the tenant's user list. */
export const UserEngagementSummary = z
  .object({
    userId: Id,
    events: z.number().int().nonnegative(),
    timeSpentMs: z.number().nonnegative(),
    clicks: z.number().int().nonnegative(),
    signals: z.number().int().nonnegative(),
    struggleReports: z.number().int().nonnegative(),
    maxStruggleScore: Probability,
    activeDays: z.number().int().nonnegative(),
    lastActiveDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    engagementScore: Probability,
  })
  .meta({ id: 'UserEngagementSummary' });

/** A page of the tenant's users, most struggle first; `nextCursor` asks for the next page. */
export const UserEngagementListResponse = z
  .object({
    windowDays: z.number().int().positive(),
    users: z.array(UserEngagementSummary),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'UserEngagementListResponse' });

/** `generateContentRecommendations` for a user at a step: help articles and step variants, best first. */
export const ContentRecommendationsResponse = z
  .object({ stepId: Slug.optional(), recommendations: z.array(ContentRecommendation) })
  .meta({ id: 'ContentRecommendationsResponse' });

export type StepEngagement = z.infer<typeof StepEngagement>;
export type EngagementAnalysis = z.infer<typeof EngagementAnalysis>;
export type BehavioralInsight = z.infer<typeof BehavioralInsight>;
export type BehavioralInsightsResponse = z.infer<typeof BehavioralInsightsResponse>;
export type UserEngagementResponse = z.infer<typeof UserEngagementResponse>;
export type StruggleIndicatorsResponse = z.infer<typeof StruggleIndicatorsResponse>;
export type TenantEngagementResponse = z.infer<typeof TenantEngagementResponse>;
export type UserEngagementSummary = z.infer<typeof UserEngagementSummary>;
export type UserEngagementListResponse = z.infer<typeof UserEngagementListResponse>;
export type ContentRecommendationsResponse = z.infer<typeof ContentRecommendationsResponse>;
