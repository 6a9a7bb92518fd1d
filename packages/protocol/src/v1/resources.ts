import { z } from 'zod';
import { NextStepResponse } from './api';
import { BehaviorEvent } from './behavior';
import { EpochMs, Id, Probability, Slug } from './common';
import { FlowVersion } from './flow';
import { EscalationTicket } from './intervention';
import { JourneyStatus, OnboardingJourney } from './journey';
import { UserProfile } from './profile';

/** Bodies of the edge's resource APIs: flows, journey listings, the audit log, anonymous identities. */

/** What `updateUserProgress` answers: the journey after the update and the step to do next. */
export const ProgressResponse = z
  .object({ journey: OnboardingJourney, next: NextStepResponse })
  .meta({ id: 'ProgressResponse' });

/** One row of a tenant's journey listing (secret key only). */
export const JourneySummary = z
  .object({
    id: Id,
    userId: Id,
    flowId: Slug,
    flowVersion: z.number().int().positive(),
    status: JourneyStatus,
    currentStepId: Slug.nullable(),
    stepsCompleted: z.number().int().nonnegative(),
    stepsSkipped: z.number().int().nonnegative(),
    interventions: z.number().int().nonnegative(),
    predictedSuccessRate: Probability,
    startedAt: EpochMs,
    updatedAt: EpochMs,
    completedAt: EpochMs.nullable(),
  })
  .meta({ id: 'JourneySummary' });

export const JourneyListResponse = z
  .object({
    journeys: z.array(JourneySummary),
    /** Pass as `before` to get the next page; absent on the last page. */
    nextBefore: EpochMs.optional(),
  })
  .meta({ id: 'JourneyListResponse' });

export const FlowSummary = z
  .object({
    id: Slug,
    name: z.string(),
    latestVersion: z.number().int().positive(),
    createdAt: EpochMs,
    updatedAt: EpochMs,
  })
  .meta({ id: 'FlowSummary' });

export const FlowListResponse = z.object({ flows: z.array(FlowSummary) }).meta({ id: 'FlowListResponse' });

/** `created` is false when the published definition equals the latest version, which is returned. */
export const PublishFlowResponse = z
  .object({ flow: FlowVersion, created: z.boolean() })
  .meta({ id: 'PublishFlowResponse' });

export const FlowVersionListResponse = z
  .object({ versions: z.array(FlowVersion) })
  .meta({ id: 'FlowVersionListResponse' });

/** A signed anonymous user id, for tenants that allow anonymous visitors: use it as `user` and `user_hash`. */
export const AnonymousIdentityResponse = z
  .object({ userId: Id, userHash: z.string().regex(/^[0-9a-f]{64}$/) })
  .meta({ id: 'AnonymousIdentityResponse' });

export const AuditEntry = z
  .object({
    id: z.number().int(),
    keyId: z.string(),
    action: z.string(),
    resource: z.string(),
    at: EpochMs,
    details: z.unknown().optional(),
  })
  .meta({ id: 'AuditEntry' });

export const AuditLogResponse = z.object({ entries: z.array(AuditEntry) }).meta({ id: 'AuditLogResponse' });

/** A user's engagement on one step on one UTC day, as the event queue's consumer aggregates it. */
export const EngagementDay = z
  .object({
    stepId: z.string().meta({ description: 'The step, or "" for events outside any step.' }),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    events: z.number().int().nonnegative(),
    signals: z.number().int().nonnegative(),
    struggleReports: z.number().int().nonnegative(),
    maxStruggleScore: Probability,
    timeSpentMs: z.number().nonnegative(),
    clicks: z.number().int().nonnegative(),
    stepActions: z.number().int().nonnegative(),
    interventionResponses: z.number().int().nonnegative(),
  })
  .meta({ id: 'EngagementDay' });

/** Everything the edge holds about one user (secret key): what a data-export request gets. */
export const UserExportResponse = z
  .object({
    userId: Id,
    exportedAt: EpochMs,
    journey: OnboardingJourney.nullable(),
    engagement: z.array(EngagementDay),
    interventions: z.array(
      z.object({
        id: Id,
        journeyId: z.string(),
        stepId: Slug.nullable(),
        kind: z.string(),
        holdout: z.boolean(),
        reason: z.string(),
        outcome: z.string().nullable(),
        createdAt: EpochMs,
      }),
    ),
    /** Feature windows and outcomes kept for training the struggle model (90 days at most). */
    trainingEvents: z.array(BehaviorEvent).optional(),
    /** The profile the journey was started with (browser and tenant server), as the journey object keeps it. */
    profile: UserProfile.omit({ id: true }).partial().nullable().optional(),
    /** Traits the tenant's server set for targeting (secret key). */
    serverTraits: z.array(z.object({ traits: z.unknown(), updatedAt: EpochMs })).optional(),
    /** Journey summaries in D1, one per journey, and their step completions. */
    journeySummaries: z.array(z.record(z.string(), z.unknown())).optional(),
    stepCompletions: z.array(z.record(z.string(), z.unknown())).optional(),
    /** The experiments the user was put in, with the arm and when (`experiment_exposures`). */
    experimentExposures: z.array(z.record(z.string(), z.unknown())).optional(),
    /** The user's consent as the edge recorded it: state, who recorded it (`banner`, `server`, `dnt_gpc`), when. */
    consent: z
      .array(z.object({ state: z.enum(['granted', 'denied']), source: z.string(), at: EpochMs }))
      .optional(),
    /** Escalation tickets filed for the user, with their delivery state. */
    escalations: z.array(EscalationTicket).optional(),
    /** Ids of the user's events the queue consumer has counted (kept about 8 days). */
    processedEvents: z.array(z.object({ eventId: z.string(), processedAt: EpochMs })).optional(),
    /** Queue messages about the user no consumer could process. */
    deadLetters: z
      .array(z.object({ queue: z.string(), reason: z.string(), body: z.string(), at: EpochMs }))
      .optional(),
  })
  .meta({ id: 'UserExportResponse' });

export type EngagementDay = z.infer<typeof EngagementDay>;
export type UserExportResponse = z.infer<typeof UserExportResponse>;
export type ProgressResponse = z.infer<typeof ProgressResponse>;
export type JourneySummary = z.infer<typeof JourneySummary>;
export type JourneyListResponse = z.infer<typeof JourneyListResponse>;
export type FlowSummary = z.infer<typeof FlowSummary>;
export type FlowListResponse = z.infer<typeof FlowListResponse>;
export type PublishFlowResponse = z.infer<typeof PublishFlowResponse>;
export type FlowVersionListResponse = z.infer<typeof FlowVersionListResponse>;
export type AnonymousIdentityResponse = z.infer<typeof AnonymousIdentityResponse>;
export type AuditEntry = z.infer<typeof AuditEntry>;
export type AuditLogResponse = z.infer<typeof AuditLogResponse>;
