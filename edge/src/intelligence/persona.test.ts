import { UserPersona } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { analyzeUserProfile, type BehaviourEvidence, type PersonaProfile } from './persona';

const fluent = { level: 'expert', score: 0.92, confidence: 0.7, evidence: 6 } as const;
const struggling = { level: 'beginner', score: 0.15, confidence: 0.7, evidence: 6 } as const;

describe('analyzeUserProfile', () => {
  it.each<{ name: string; profile: PersonaProfile; behaviour?: BehaviourEvidence; persona: string }>([
    { name: 'nothing known', profile: {}, persona: 'guided_learner' },
    {
      name: 'beginner, no experience',
      profile: { technicalProficiency: 'beginner', previousExperience: 'none' },
      persona: 'cautious_beginner',
    },
    {
      name: 'expert, experienced',
      profile: { technicalProficiency: 'expert', previousExperience: 'experienced' },
      persona: 'power_user',
    },
    {
      name: 'hands-on, low urgency',
      profile: { learningStyle: 'hands_on', timeConstraints: { urgency: 'low' } },
      persona: 'explorer',
    },
    {
      name: 'high urgency, 5 minutes',
      profile: { timeConstraints: { urgency: 'high', minutesPerSession: 5 } },
      persona: 'time_pressed',
    },
    {
      name: 'guided learner by choice',
      profile: { learningStyle: 'guided', previousExperience: 'some' },
      persona: 'guided_learner',
    },
    {
      name: 'says beginner, works like an expert over 8 steps',
      profile: { technicalProficiency: 'beginner' },
      behaviour: { proficiency: fluent, struggleRate: 0, paceRatio: 0.4, steps: 8 },
      persona: 'power_user',
    },
    {
      name: 'says expert, struggles on most of 8 steps',
      profile: { technicalProficiency: 'expert' },
      behaviour: { proficiency: struggling, struggleRate: 0.8, paceRatio: 2.5, steps: 8 },
      persona: 'cautious_beginner',
    },
    {
      name: 'one fast step does not overturn a clear profile',
      profile: { technicalProficiency: 'beginner', previousExperience: 'none' },
      behaviour: { proficiency: fluent, paceRatio: 0.8, steps: 1 },
      persona: 'cautious_beginner',
    },
  ])('$name → $persona', ({ profile, behaviour, persona }) => {
    const result = analyzeUserProfile(profile, behaviour);
    expect(result.personaType).toBe(persona);
    expect(UserPersona.parse(result)).toEqual(result);
  });

  it('is more confident with more, agreeing, evidence', () => {
    const thin = analyzeUserProfile({ technicalProficiency: 'beginner' });
    const thick = analyzeUserProfile({
      technicalProficiency: 'beginner',
      previousExperience: 'none',
      learningStyle: 'reading',
    });
    expect(thick.confidenceScore).toBeGreaterThan(thin.confidenceScore);
  });

  it('recommends the approach of the persona, adjusted for the learning style', () => {
    const beginner = analyzeUserProfile({ technicalProficiency: 'beginner', previousExperience: 'none' });
    expect(beginner.recommendedApproach).toMatchObject({
      pace: 'slow',
      guidance: 'detailed',
      contentStyle: 'simplified',
    });
    const power = analyzeUserProfile({
      technicalProficiency: 'expert',
      previousExperience: 'experienced',
      learningStyle: 'visual',
    });
    expect(power.recommendedApproach.contentStyle).toBe('visual');
    expect(power.recommendedApproach.interventionThreshold).toBeGreaterThan(
      beginner.recommendedApproach.interventionThreshold,
    );
  });

  it('predicts behaviour as a mixture over personas', () => {
    const beginner = analyzeUserProfile({ technicalProficiency: 'beginner', previousExperience: 'none' });
    const power = analyzeUserProfile({ technicalProficiency: 'expert', previousExperience: 'experienced' });
    const p = (x: typeof beginner, b: string) =>
      x.predictedBehaviors.find((y) => y.behavior === b)!.probability;
    expect(p(beginner, 'needs_help')).toBeGreaterThan(p(power, 'needs_help'));
    expect(p(power, 'skips_optional_steps')).toBeGreaterThan(p(beginner, 'skips_optional_steps'));
  });
});
