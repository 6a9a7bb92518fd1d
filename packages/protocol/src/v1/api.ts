import { z } from 'zod';
import { InteractionSummary, StruggleReason } from './behavior';
import { EpochMs, Slug } from './common';
import { OnboardingStep } from './flow';
import { InterventionPlan } from './intervention';
import { OnboardingJourney, OnboardingResult } from './journey';
import { UserProfile } from './profile';

/** Request and response bodies of the HTTP API. Paths and operations are defined by the edge's routes. */

export const HealthResponse = z
  .object({
    status: z.literal('ok'),
    service: z.literal('smart-onboarding-edge'),
    protocol: z.literal('v1'),
    time: EpochMs,
  })
  .meta({ id: 'HealthResponse' });

export const InitializeJourneyRequest = z
  .object({
    /** The flow to start; without it the edge chooses one by the tenant's targeting rules (404 `no_flow`: none). */
    flowId: Slug.optional(),
    /**
     * The page (path and hash, as in events: never the query) targeting judges when `flowId` is absent; the
     * edge puts the request's checked origin before it for whole-URL patterns.
     */
    path: z.string().max(1024).optional(),
    profile: UserProfile.omit({ id: true }).partial().optional(),
  })
  .meta({ id: 'InitializeJourneyRequest' });

export const JourneyResponse = z.object({ journey: OnboardingJourney }).meta({ id: 'JourneyResponse' });

export const UpdateProgressRequest = z
  .object({
    stepId: Slug,
    action: z.enum(['viewed', 'completed', 'skipped']),
    interaction: InteractionSummary.optional(),
  })
  .meta({ id: 'UpdateProgressRequest' });

export const NextStepResponse = z
  .object({
    step: OnboardingStep.nullable(),
    variantId: Slug.optional(),
    done: z.boolean(),
    reason: z.string(),
  })
  .meta({ id: 'NextStepResponse' });

export const InterventionResponse = z.object({ plan: InterventionPlan }).meta({ id: 'InterventionResponse' });

/**
 * A request for contextual help (the seed's `provideContextualHelp`) over HTTP: the step defaults to the
 * journey's current one. The answer streams as server-sent events carrying `help_chunk` and `help` messages.
 */
export const ContextualHelpRequest = z
  .object({
    stepId: Slug.optional(),
    /** Selector of the element the user is stuck on. */
    element: z.string().max(512).optional(),
    /** The page's path (no query string: it may hold personal data). */
    page: z.string().max(2048).optional(),
    /** What the user typed into the help panel. */
    question: z.string().max(2000).optional(),
    reasons: z.array(StruggleReason).max(16).optional(),
    locale: z.string().max(35).optional(),
  })
  .meta({ id: 'ContextualHelpRequest' });
export const CompleteOnboardingResponse = z
  .object({ result: OnboardingResult })
  .meta({ id: 'CompleteOnboardingResponse' });

export type HealthResponse = z.infer<typeof HealthResponse>;
export type InitializeJourneyRequest = z.infer<typeof InitializeJourneyRequest>;
export type JourneyResponse = z.infer<typeof JourneyResponse>;
export type UpdateProgressRequest = z.infer<typeof UpdateProgressRequest>;
export type NextStepResponse = z.infer<typeof NextStepResponse>;
export type InterventionResponse = z.infer<typeof InterventionResponse>;
export type ContextualHelpRequest = z.infer<typeof ContextualHelpRequest>;
export type CompleteOnboardingResponse = z.infer<typeof CompleteOnboardingResponse>;
