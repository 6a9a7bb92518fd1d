import { z } from 'zod';
import { Id, ScalarRecord } from './common';

export const ProficiencyLevel = z
  .enum(['beginner', 'intermediate', 'advanced', 'expert'])
  .meta({ id: 'ProficiencyLevel' });
export const ExperienceLevel = z.enum(['none', 'some', 'experienced']).meta({ id: 'ExperienceLevel' });
export const LearningStyle = z
  .enum(['visual', 'hands_on', 'reading', 'guided'])
  .meta({ id: 'LearningStyle' });

export const SocialConnection = z.object({
  platform: z.string().min(1).max(64),
  connected: z.boolean(),
});

export const CreationGoal = z.object({
  id: z.string().min(1).max(64),
  priority: z.number().int().min(1).max(5).optional(),
});

export const PlatformPreference = z.object({
  platform: z.string().min(1).max(64),
  weight: z.number().min(0).max(1),
});

export const TimeConstraints = z.object({
  minutesPerSession: z
    .number()
    .positive()
    .max(24 * 60)
    .optional(),
  urgency: z.enum(['low', 'medium', 'high']).optional(),
});

/**
 * What a tenant tells us about a user (the seed's `UserProfile`). Everything but the id is optional:
 * a script-tag install may know nothing more. The email is accepted from servers only and never echoed to
 * browsers; it exists so escalations can name the user to a human.
 */
export const UserProfile = z
  .object({
    id: Id,
    email: z.email().max(320).optional(),
    socialConnections: z.array(SocialConnection).max(50).default([]),
    technicalProficiency: ProficiencyLevel.optional(),
    contentCreationGoals: z.array(CreationGoal).max(50).default([]),
    platformPreferences: z.array(PlatformPreference).max(50).default([]),
    learningStyle: LearningStyle.optional(),
    timeConstraints: TimeConstraints.optional(),
    previousExperience: ExperienceLevel.optional(),
    traits: ScalarRecord.optional(),
  })
  .meta({ id: 'UserProfile' });

export type ProficiencyLevel = z.infer<typeof ProficiencyLevel>;
export type ExperienceLevel = z.infer<typeof ExperienceLevel>;
export type LearningStyle = z.infer<typeof LearningStyle>;
export type UserProfile = z.infer<typeof UserProfile>;
export type UserProfileInput = z.input<typeof UserProfile>;
