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
