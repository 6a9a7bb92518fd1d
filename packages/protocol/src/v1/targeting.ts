import { z } from 'zod';
import { EpochMs, Id, ScalarRecord, Slug } from './common';

/**
 * Which users get which flow, decided on the edge when a page asks (so the script tag needs no `flow`):
 * rules in priority order, the first whose every condition holds wins. Traits are the ones the tenant's
 * server stored (`PUT /v1/targeting/users/{userId}/traits`), never what a browser claims.
 */

export const TraitCondition = z
  .object({
    key: z.string().min(1).max(64),
    op: z.enum(['eq', 'neq', 'in', 'exists', 'gt', 'lt']),
    value: z
      .union([z.string().max(512), z.number(), z.boolean(), z.array(z.string().max(512)).max(50)])
      .optional(),
  })
  .strict()
  .meta({ id: 'TraitCondition' });

export const TargetingRule = z
  .object({
    flowId: Slug,
    enabled: z.boolean().default(true),
    /** Page patterns: `/app/*` matches the path, `https://app.example.com/*` the whole URL; none matches all. */
    pages: z.array(z.string().min(1).max(300)).max(20).default([]),
    traits: z.array(TraitCondition).max(20).default([]),
    /** Share of matching users who get the flow, by a stable hash of the user: 0 to 100. */
    rolloutPercent: z.number().min(0).max(100).default(100),
    startAt: EpochMs.optional(),
    endAt: EpochMs.optional(),
  })
  .strict()
  .refine((r) => r.startAt === undefined || r.endAt === undefined || r.startAt < r.endAt, {
    message: 'startAt must be before endAt',
    path: ['endAt'],
  })
  .meta({ id: 'TargetingRule' });

export const TargetingRules = z
  .object({ rules: z.array(TargetingRule).max(100) })
  .strict()
  .meta({ id: 'TargetingRules' });

export const UserTraits = z.object({ traits: ScalarRecord }).strict().meta({ id: 'UserTraits' });

export const ResolveFlowRequest = z
  .object({ url: z.url().max(2000) })
  .strict()
  .meta({ id: 'ResolveFlowRequest' });

export const ResolveFlowResponse = z
  .object({ flowId: Slug.nullable(), rule: z.number().int().nullable(), userId: Id })
  .meta({ id: 'ResolveFlowResponse' });

export type TraitCondition = z.infer<typeof TraitCondition>;
export type TargetingRule = z.infer<typeof TargetingRule>;
