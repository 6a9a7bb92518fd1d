import { z } from 'zod';
import { Probability, Slug } from './common';
import { ContentStyle } from './flow';

export const PersonaType = z
  .enum(['cautious_beginner', 'guided_learner', 'explorer', 'time_pressed', 'power_user'])
  .meta({ id: 'PersonaType' });

/** How onboarding should treat a persona: the knobs the optimizer and the intervention engine read. */
export const OnboardingApproach = z
  .object({
    pace: z.enum(['slow', 'standard', 'fast']),
    guidance: z.enum(['detailed', 'standard', 'minimal']),
    contentStyle: ContentStyle,
    /** Struggle score above which help is offered; lower means help comes sooner. */
    interventionThreshold: Probability,
  })
  .meta({ id: 'OnboardingApproach' });

/** The seed's `UserPersona`: who we think this user is, how sure we are, and what follows. */
export const UserPersona = z
  .object({
    personaType: PersonaType,
    confidenceScore: Probability,
    characteristics: z.array(
      z.object({ name: z.string(), value: z.union([z.number(), z.string()]), weight: z.number().optional() }),
    ),
    predictedBehaviors: z.array(z.object({ behavior: z.string(), probability: Probability })),
    recommendedApproach: OnboardingApproach,
  })
  .meta({ id: 'UserPersona' });

/**
 * The seed's `ContentRecommendation`: one help article or step variant ranked for this user, with the
 * score it was ranked by and why.
 */
export const ContentRecommendation = z
  .object({
    kind: z.enum(['article', 'variant']),
    /** The article id, or the variant id (`default` for the step's own wording). */
    id: z.string().min(1).max(128),
    stepId: Slug.optional(),
    title: z.string().max(200),
    score: z.number(),
    reason: z.string().max(500),
  })
  .meta({ id: 'ContentRecommendation' });

export type PersonaType = z.infer<typeof PersonaType>;
export type ContentRecommendation = z.infer<typeof ContentRecommendation>;
export type OnboardingApproach = z.infer<typeof OnboardingApproach>;
export type UserPersona = z.infer<typeof UserPersona>;
