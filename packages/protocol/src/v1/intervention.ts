import { z } from 'zod';
import { Signal, StruggleReason } from './behavior';
import { EpochMs, Id, Probability, Slug } from './common';
import { StepTarget } from './flow';

/** The seed's `StruggleMetrics`: what the SDK reports when its model or rules say the user is stuck. */
export const StruggleMetrics = z
  .object({
    score: Probability,
    source: z.enum(['model', 'rules']),
    reasons: z.array(StruggleReason).max(16),
    stepId: Slug.optional(),
    /** The element the struggle centres on, when there is one (the rage-clicked button, the field). */
    element: z.string().max(512).optional(),
    recentSignals: z.array(Signal).max(32).default([]),
    t: EpochMs,
  })
  .meta({ id: 'StruggleMetrics' });

export const InterventionKind = z
  .enum(['hint', 'explain_step', 'simpler_variant', 'ai_help', 'human', 'none'])
  .meta({ id: 'InterventionKind' });

/** The seed's `InterventionPlan`: what to show, where, and why. `holdout` plans are recorded but not shown. */
export const InterventionPlan = z
  .object({
    id: Id,
    kind: InterventionKind,
    stepId: Slug.optional(),
    target: StepTarget.optional(),
    variantId: Slug.optional(),
    title: z.string().max(200),
    body: z.string().max(4000),
    reason: z.string().max(500),
    holdout: z.boolean(),
    createdAt: EpochMs,
    expiresAt: EpochMs.optional(),
  })
  .meta({ id: 'InterventionPlan' });

export const InterventionOutcome = z
  .enum(['accepted', 'dismissed', 'ignored', 'step_completed', 'abandoned'])
  .meta({ id: 'InterventionOutcome' });

/** A journey's record of one intervention (the seed's `Intervention`). */
export const InterventionRecord = z
  .object({
    id: Id,
    kind: InterventionKind,
    stepId: Slug.optional(),
    createdAt: EpochMs,
    holdout: z.boolean(),
    outcome: InterventionOutcome.optional(),
  })
  .meta({ id: 'InterventionRecord' });

/** A tenant's help article: what contextual help is grounded in (retrieved by embedding similarity). */
export const HelpArticle = z
  .object({
    id: z.string().min(1).max(128),
    title: z.string().min(1).max(200),
    body: z.string().max(20_000),
    // Shown as a link in the page: http(s) only, never `javascript:` or `data:`.
    url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
  })
  .meta({ id: 'HelpArticle' });

/** Help for one moment, generated or authored; `source` says which, and `degradedReason` why it fell back. */
export const HelpContent = z
  .object({
    id: Id,
    stepId: Slug.optional(),
    source: z.enum(['generated', 'authored']),
    text: z.string().max(20_000),
    targetSelector: z.string().max(512).optional(),
    sources: z
      .array(z.object({ articleId: z.string(), title: z.string(), url: z.string().optional() }))
      .max(10),
    degradedReason: z.string().max(200).optional(),
  })
  .meta({ id: 'HelpContent' });

export const EscalationTicket = z
  .object({
    id: Id,
    userId: Id,
    stepId: Slug.optional(),
    summary: z.string().max(4000),
    recentSignals: z.array(Signal).max(32),
    status: z.enum(['pending', 'delivered', 'dead_lettered']),
    attempts: z.number().int().nonnegative(),
    createdAt: EpochMs,
  })
  .meta({ id: 'EscalationTicket' });

export type StruggleMetrics = z.infer<typeof StruggleMetrics>;
export type StruggleMetricsInput = z.input<typeof StruggleMetrics>;
export type InterventionKind = z.infer<typeof InterventionKind>;
export type InterventionPlan = z.infer<typeof InterventionPlan>;
export type InterventionOutcome = z.infer<typeof InterventionOutcome>;
export type InterventionRecord = z.infer<typeof InterventionRecord>;
export type HelpArticle = z.infer<typeof HelpArticle>;
export type HelpContent = z.infer<typeof HelpContent>;
export type EscalationTicket = z.infer<typeof EscalationTicket>;
