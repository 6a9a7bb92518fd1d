import { z } from 'zod';
import { EpochMs, Slug } from './common';

/**
 * The tenant-wide analytics views the edge serves over D1 (issue 14): funnels, time to complete and
 * struggle hot spots, each also as CSV (`?format=csv`).
 */

export const InsightSegment = z
  .enum(['none', 'persona', 'arm', 'device', 'cohort', 'flowVersion', 'experiment'])
  .meta({ id: 'InsightSegment' });

export const InsightFormat = z.enum(['json', 'csv']).default('json').meta({ id: 'InsightFormat' });

const SegmentCounts = {
  segment: z.string(),
  started: z.number().int(),
  completed: z.number().int(),
  abandoned: z.number().int(),
};

export const FunnelResponse = z
  .object({
    flowId: Slug,
    by: InsightSegment,
    since: EpochMs,
    segments: z.array(
      z.object({
        ...SegmentCounts,
        steps: z.array(
          z.object({
            stepId: Slug,
            title: z.string(),
            completed: z.number().int(),
            skipped: z.number().int(),
            rate: z.number(),
            stepRate: z.number(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'FunnelResponse' });

export const TimeToCompleteResponse = z
  .object({
    flowId: Slug,
    by: InsightSegment,
    since: EpochMs,
    segments: z.array(
      z.object({
        ...SegmentCounts,
        meanMs: z.number().nullable(),
        medianMs: z.number().nullable(),
        p90Ms: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'TimeToCompleteResponse' });

export const HotspotsResponse = z
  .object({
    windowDays: z.number().int(),
    fromDay: z.string(),
    recentFromDay: z.string(),
    hotspots: z.array(
      z.object({
        stepId: z.string(),
        element: z.string(),
        signal: z.string(),
        total: z.number().int(),
        recent: z.number().int(),
        earlier: z.number().int(),
        trend: z.enum(['rising', 'falling', 'steady', 'new']),
      }),
    ),
  })
  .meta({ id: 'HotspotsResponse' });

export type InsightSegment = z.infer<typeof InsightSegment>;

const Proportion = z.object({
  n: z.number().int(),
  progressed: z.number().int(),
  rate: z.number(),
  ci95: z.tuple([z.number(), z.number()]),
});

const Comparison = z.object({
  treated: Proportion,
  holdout: Proportion,
  uplift: z.number(),
  upliftCi95: z.tuple([z.number(), z.number()]),
});

/** Shown against held out: the share progressing within the window, per kind, step and persona. */
export const InterventionEffectiveness = z
  .object({
    since: z.number().int(),
    windowMs: z.number().int(),
    interventions: z.number().int(),
    ...Comparison.shape,
    byKind: z.record(z.string(), Comparison),
    byStep: z.record(z.string(), Comparison),
    byPersona: z.record(z.string(), Comparison),
  })
  .meta({ id: 'InterventionEffectiveness' });

export type FunnelResponse = z.infer<typeof FunnelResponse>;
export type TimeToCompleteResponse = z.infer<typeof TimeToCompleteResponse>;
export type HotspotsResponse = z.infer<typeof HotspotsResponse>;
export type InterventionEffectiveness = z.infer<typeof InterventionEffectiveness>;
