import { z } from 'zod';
import { EpochMs, Id, Probability, Slug } from './common';
import { Difficulty, OnboardingStep } from './flow';
import { InterventionRecord } from './intervention';

export const OptimizedStep = z
  .object({
    stepId: Slug,
    variantId: Slug.optional(),
    expectedDurationSec: z.number().nonnegative(),
  })
  .meta({ id: 'OptimizedStep' });

/** The seed's `LearningPath`: the ordered plan for the remaining steps, and where it may still adapt. */
export const LearningPath = z
  .object({
    pathId: Id,
    steps: z.array(OptimizedStep),
    estimatedDuration: z.number().nonnegative().meta({ description: 'Seconds.' }),
    difficultyProgression: z.array(Difficulty),
    personalizedContent: z.array(z.object({ stepId: Slug, variantId: Slug, reason: z.string() })),
    adaptationPoints: z.array(z.object({ stepId: Slug, condition: z.string() })),
  })
  .meta({ id: 'LearningPath' });

export const StepCompletion = z
  .object({
    stepId: Slug,
    action: z.enum(['completed', 'skipped']),
    at: EpochMs,
    durationMs: z.number().nonnegative(),
  })
  .meta({ id: 'StepCompletion' });

export const EngagementMetric = z
  .object({ t: EpochMs, stepId: Slug.optional(), score: Probability })
  .meta({ id: 'EngagementMetric' });

export const AdaptationEvent = z
  .object({ t: EpochMs, kind: z.string().max(64), detail: z.string().max(500) })
  .meta({ id: 'AdaptationEvent' });

export const JourneyStatus = z.enum(['active', 'completed', 'abandoned']).meta({ id: 'JourneyStatus' });

/**
 * The seed's `OnboardingJourney`. `completedSteps` holds completions (step id, time, duration) rather than
 * copies of the steps: the steps themselves live in the pinned flow version.
 */
export const OnboardingJourney = z
  .object({
    id: Id,
    userId: Id,
    flowId: Slug,
    flowVersion: z.number().int().positive(),
    status: JourneyStatus,
    currentStep: OnboardingStep.nullable(),
    completedSteps: z.array(StepCompletion),
    personalizedPath: LearningPath,
    engagementHistory: z.array(EngagementMetric),
    interventions: z.array(InterventionRecord),
    predictedSuccessRate: Probability,
    estimatedCompletionTime: z
      .number()
      .nonnegative()
      .meta({ description: 'Seconds until completion, estimated.' }),
    adaptationHistory: z.array(AdaptationEvent),
    startedAt: EpochMs,
    updatedAt: EpochMs,
    completedAt: EpochMs.optional(),
  })
  .meta({ id: 'OnboardingJourney' });

/** The seed's `OnboardingResult`. */
export const OnboardingResult = z
  .object({
    journeyId: Id,
    userId: Id,
    status: JourneyStatus,
    completedAt: EpochMs,
    totalDurationMs: z.number().nonnegative(),
    stepsCompleted: z.number().int().nonnegative(),
    stepsSkipped: z.number().int().nonnegative(),
    interventionsReceived: z.number().int().nonnegative(),
  })
  .meta({ id: 'OnboardingResult' });

export type OptimizedStep = z.infer<typeof OptimizedStep>;
export type LearningPath = z.infer<typeof LearningPath>;
export type StepCompletion = z.infer<typeof StepCompletion>;
export type EngagementMetric = z.infer<typeof EngagementMetric>;
export type AdaptationEvent = z.infer<typeof AdaptationEvent>;
export type JourneyStatus = z.infer<typeof JourneyStatus>;
export type OnboardingJourney = z.infer<typeof OnboardingJourney>;
export type OnboardingResult = z.infer<typeof OnboardingResult>;
