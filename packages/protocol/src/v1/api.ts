import { z } from 'zod';
import { InteractionSummary } from './behavior';
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
    flowId: Slug,
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
export const CompleteOnboardingResponse = z
  .object({ result: OnboardingResult })
  .meta({ id: 'CompleteOnboardingResponse' });

export type HealthResponse = z.infer<typeof HealthResponse>;
export type InitializeJourneyRequest = z.infer<typeof InitializeJourneyRequest>;
export type JourneyResponse = z.infer<typeof JourneyResponse>;
export type UpdateProgressRequest = z.infer<typeof UpdateProgressRequest>;
export type NextStepResponse = z.infer<typeof NextStepResponse>;
export type InterventionResponse = z.infer<typeof InterventionResponse>;
export type CompleteOnboardingResponse = z.infer<typeof CompleteOnboardingResponse>;
