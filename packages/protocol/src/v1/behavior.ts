import { z } from 'zod';
import { EpochMs, Id, Probability, ScalarRecord, Slug } from './common';

export const SignalType = z
  .enum([
    'rage_click',
    'dead_click',
    'error_click',
    'thrashed_cursor',
    'excessive_scroll',
    'quick_back',
    'hesitation',
    'form_struggle',
  ])
  .meta({ id: 'SignalType' });

export const PointerKind = z
  .enum(['mouse', 'touch', 'pen', 'keyboard', 'unknown'])
  .meta({ id: 'PointerKind' });

/** A page element described without its content: never text or values, unless a tenant opted a selector in. */
export const ElementRef = z
  .object({
    selector: z.string().max(512),
    tag: z.string().max(32).optional(),
    role: z.string().max(64).optional(),
  })
  .meta({ id: 'ElementRef' });

/** One frustration or hesitation signal, with the evidence that raised it (counts, durations, distances). */
export const Signal = z
  .object({
    type: SignalType,
    t: EpochMs,
    element: ElementRef.optional(),
    evidence: ScalarRecord.default({}),
  })
  .meta({ id: 'Signal' });

/**
 * A fixed-length feature vector over one sliding window. Its layout is `./features.ts` (`fw1`); the code
 * that computes it lives in the SDK (`@smart-onboarding/sdk/features`). `schema` names the layout's
 * version so the edge and training never mix vectors.
 */
export const FeatureWindow = z
  .object({
    schema: z.string().min(1).max(32),
    t0: EpochMs,
    t1: EpochMs,
    values: z.array(z.number()).min(1).max(256),
  })
  .meta({ id: 'FeatureWindow' });

/** The top contributions to a struggle score: a signal type or a feature name, with its weight. */
export const StruggleReason = z
  .object({ code: z.string().min(1).max(64), weight: z.number() })
  .meta({ id: 'StruggleReason' });

/** Aggregated interaction over a span of time: what the seed's `interactionData` becomes once raw paths stay home. */
export const InteractionSummary = z
  .object({
    timeSpentMs: z.number().nonnegative(),
    activeMs: z.number().nonnegative().optional(),
    clicks: z.number().int().nonnegative().default(0),
    pointerDistancePx: z.number().nonnegative().optional(),
    scrollDistancePx: z.number().nonnegative().optional(),
    scrollReversals: z.number().int().nonnegative().optional(),
    hesitations: z.number().int().nonnegative().optional(),
    keystrokes: z.number().int().nonnegative().optional(),
    pointer: PointerKind.optional(),
  })
  .meta({ id: 'InteractionSummary' });

export const PageContext = z
  .object({
    /** Path and hash only: query strings may carry personal data and are dropped by the SDK. */
    path: z.string().max(1024),
    viewport: z.object({ w: z.number().int().nonnegative(), h: z.number().int().nonnegative() }).optional(),
    pointer: PointerKind.optional(),
    locale: z.string().max(35).optional(),
  })
  .meta({ id: 'PageContext' });

export const SessionEndReason = z.enum(['signed_out', 'idle', 'closed']).meta({ id: 'SessionEndReason' });

const base = {
  /** Client-generated id (UUID): the idempotency key; a retried event with the same id is counted once. */
  id: z.uuid(),
  sessionId: z.string().min(1).max(128),
  timestamp: EpochMs,
  stepId: Slug.optional(),
  context: PageContext.optional(),
};

/**
 * The seed's `BehaviorEvent`, adapted: one event per kind of thing that happened, with only aggregates,
 * signals and scores. Raw pointer paths never leave the device.
 */
export const BehaviorEvent = z
  .discriminatedUnion('eventType', [
    z.object({ ...base, eventType: z.literal('signal'), signal: Signal }),
    z.object({ ...base, eventType: z.literal('features'), window: FeatureWindow }),
    z.object({
      ...base,
      eventType: z.literal('struggle'),
      score: Probability,
      source: z.enum(['model', 'rules']),
      reasons: z.array(StruggleReason).max(16),
    }),
    z.object({
      ...base,
      eventType: z.literal('engagement'),
      interaction: InteractionSummary,
      engagementScore: Probability.optional(),
    }),
    z.object({
      ...base,
      eventType: z.literal('step'),
      stepId: Slug,
      action: z.enum(['viewed', 'completed', 'skipped', 'abandoned']),
    }),
    z.object({
      ...base,
      eventType: z.literal('intervention'),
      interventionId: Id,
      action: z.enum(['shown', 'dismissed', 'accepted', 'helpful', 'not_helpful']),
    }),
    z.object({ ...base, eventType: z.literal('page'), action: z.enum(['view', 'hidden', 'visible']) }),
    /**
     * The user's session ended for good (signed out, the SDK's idle timeout, the app closing it): an active
     * journey is closed as abandoned at once, instead of waiting for the flow's inactivity window. A page
     * merely hidden is a `page` event, not this.
     */
    z.object({ ...base, eventType: z.literal('session_end'), reason: SessionEndReason }),
    z.object({
      ...base,
      eventType: z.literal('track'),
      name: z.string().min(1).max(128),
      properties: ScalarRecord.optional(),
    }),
  ])
  .meta({ id: 'BehaviorEvent' });

export const EVENT_BATCH_MAX_EVENTS = 500;
/** Bytes. Past this the edge answers 413 before parsing. */
export const EVENT_BATCH_MAX_BYTES = 256 * 1024;

export const EventBatch = z
  .object({
    sentAt: EpochMs,
    events: z.array(BehaviorEvent).min(1).max(EVENT_BATCH_MAX_EVENTS),
  })
  .meta({ id: 'EventBatch' });

/**
 * A batch as the edge first reads it: the envelope checked, each event left to be checked on its own, so
 * one bad event is reported (`RejectedEvent`) and never takes the good ones of its batch down.
 */
export const EventBatchEnvelope = z.object({
  sentAt: EpochMs,
  events: z.array(z.unknown()).min(1).max(EVENT_BATCH_MAX_EVENTS),
});

/** An event the edge refused, by its place in the batch and its id when it had a readable one. */
export const RejectedEvent = z
  .object({
    index: z.number().int().nonnegative(),
    id: z.string().optional(),
    /** Stable: `validation_failed`, `consent_denied` (the user denied consent). */
    code: z.string(),
    message: z.string(),
  })
  .meta({ id: 'RejectedEvent' });

export const EventBatchAccepted = z
  .object({
    accepted: z.number().int().nonnegative(),
    duplicates: z.number().int().nonnegative(),
    /** Events refused one by one (absent when none was); the client drops them, they can never succeed. */
    rejected: z.array(RejectedEvent).optional(),
  })
  .meta({ id: 'EventBatchAccepted' });

export type SignalType = z.infer<typeof SignalType>;
export type PointerKind = z.infer<typeof PointerKind>;
export type ElementRef = z.infer<typeof ElementRef>;
export type Signal = z.infer<typeof Signal>;
export type FeatureWindow = z.infer<typeof FeatureWindow>;
export type StruggleReason = z.infer<typeof StruggleReason>;
export type InteractionSummary = z.infer<typeof InteractionSummary>;
export type PageContext = z.infer<typeof PageContext>;
export type SessionEndReason = z.infer<typeof SessionEndReason>;
export type BehaviorEvent = z.infer<typeof BehaviorEvent>;
export type BehaviorEventInput = z.input<typeof BehaviorEvent>;
export type BehaviorEventType = BehaviorEvent['eventType'];
export type EventBatch = z.infer<typeof EventBatch>;
export type EventBatchAccepted = z.infer<typeof EventBatchAccepted>;
export type RejectedEvent = z.infer<typeof RejectedEvent>;
