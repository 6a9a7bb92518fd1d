import { z } from 'zod';
import { EpochMs, Probability, Slug } from './common';

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

export type StepEngagement = z.infer<typeof StepEngagement>;
export type EngagementAnalysis = z.infer<typeof EngagementAnalysis>;
export type BehavioralInsight = z.infer<typeof BehavioralInsight>;
export type BehavioralInsightsResponse = z.infer<typeof BehavioralInsightsResponse>;
