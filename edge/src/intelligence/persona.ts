import type { OnboardingApproach, PersonaType, UserPersona, UserProfile } from '@smart-onboarding/protocol';
import type { ProficiencyAssessment } from './proficiency';

/** The profile fields personas read; a partial profile (a script-tag install) is fine. */
export type PersonaProfile = Partial<Omit<UserProfile, 'id' | 'email' | 'traits'>>;

/** What early behaviour says, folded in by `analyzeUserProfile` when the user model has it. */
export interface BehaviourEvidence {
  proficiency?: ProficiencyAssessment;
  /** Steps done per step started with a struggle report, 0..1. */
  struggleRate?: number;
  /** Geometric mean of (time taken / estimate) over completed steps. */
  paceRatio?: number;
  /** Optional steps skipped per optional step seen, 0..1. */
  skipRate?: number;
  /** Steps the evidence rests on. */
  steps: number;
}

export const PERSONA_TYPES: readonly PersonaType[] = [
  'cautious_beginner',
  'guided_learner',
  'explorer',
  'time_pressed',
  'power_user',
];

/** How each persona is onboarded: read by the optimizer (content style) and the intervention engine (threshold). */
const APPROACH: Record<PersonaType, OnboardingApproach> = {
  cautious_beginner: {
    pace: 'slow',
    guidance: 'detailed',
    contentStyle: 'simplified',
    interventionThreshold: 0.5,
  },
  guided_learner: {
    pace: 'standard',
    guidance: 'detailed',
    contentStyle: 'visual',
    interventionThreshold: 0.6,
  },
  explorer: {
    pace: 'standard',
    guidance: 'minimal',
    contentStyle: 'interactive',
    interventionThreshold: 0.75,
  },
  time_pressed: { pace: 'fast', guidance: 'minimal', contentStyle: 'text', interventionThreshold: 0.65 },
  power_user: { pace: 'fast', guidance: 'minimal', contentStyle: 'text', interventionThreshold: 0.85 },
};

/** Behaviour each persona tends to show, used to report `predictedBehaviors` as a mixture. */
const BEHAVIOUR: Record<PersonaType, Record<string, number>> = {
  cautious_beginner: { needs_help: 0.7, skips_optional_steps: 0.1, completes_in_one_session: 0.4 },
  guided_learner: { needs_help: 0.45, skips_optional_steps: 0.2, completes_in_one_session: 0.55 },
  explorer: { needs_help: 0.25, skips_optional_steps: 0.35, completes_in_one_session: 0.5 },
  time_pressed: { needs_help: 0.3, skips_optional_steps: 0.7, completes_in_one_session: 0.45 },
  power_user: { needs_help: 0.1, skips_optional_steps: 0.6, completes_in_one_session: 0.8 },
};

type Scores = Record<PersonaType, number>;
interface Contribution {
  name: string;
  value: string | number;
  scores: Partial<Scores>;
}

/**
 * Log-odds contributions of profile answers to each persona. Hand-set from the seed's intent (a beginner
 * with no experience is cautious; urgency makes time-pressed; hands-on learners explore); the user model
 * then moves the mixture with what the user actually does.
 */
function profileContributions(profile: PersonaProfile): Contribution[] {
  const out: Contribution[] = [];
  const add = (name: string, value: string | number, scores: Partial<Scores>) =>
    out.push({ name, value, scores });
  switch (profile.technicalProficiency) {
    case 'beginner':
      add('technical_proficiency', 'beginner', {
        cautious_beginner: 1.5,
        guided_learner: 0.5,
        power_user: -1.5,
      });
      break;
    case 'intermediate':
      add('technical_proficiency', 'intermediate', { guided_learner: 0.8, explorer: 0.3 });
      break;
    case 'advanced':
      add('technical_proficiency', 'advanced', { explorer: 0.8, power_user: 0.8, cautious_beginner: -1 });
      break;
    case 'expert':
      add('technical_proficiency', 'expert', { power_user: 1.8, cautious_beginner: -1.5 });
      break;
  }
  switch (profile.previousExperience) {
    case 'none':
      add('previous_experience', 'none', { cautious_beginner: 1.2, guided_learner: 0.4, power_user: -1 });
      break;
    case 'some':
      add('previous_experience', 'some', { guided_learner: 0.6, explorer: 0.3 });
      break;
    case 'experienced':
      add('previous_experience', 'experienced', { power_user: 1, explorer: 0.6, cautious_beginner: -0.8 });
      break;
  }
  switch (profile.learningStyle) {
    case 'guided':
      add('learning_style', 'guided', { guided_learner: 1.2 });
      break;
    case 'reading':
      add('learning_style', 'reading', { guided_learner: 0.5, cautious_beginner: 0.3 });
      break;
    case 'hands_on':
      add('learning_style', 'hands_on', { explorer: 1.2, power_user: 0.3 });
      break;
    case 'visual':
      add('learning_style', 'visual', { guided_learner: 0.3, explorer: 0.3 });
      break;
  }
  const urgency = profile.timeConstraints?.urgency;
  if (urgency === 'high') add('urgency', 'high', { time_pressed: 1.6 });
  if (urgency === 'low') add('urgency', 'low', { explorer: 0.3, guided_learner: 0.2, time_pressed: -0.5 });
  const minutes = profile.timeConstraints?.minutesPerSession;
  if (minutes !== undefined && minutes <= 10) add('minutes_per_session', minutes, { time_pressed: 1 });
  if (minutes !== undefined && minutes >= 45)
    add('minutes_per_session', minutes, { explorer: 0.3, time_pressed: -0.5 });
  const goals = profile.contentCreationGoals?.length ?? 0;
  const platforms = profile.platformPreferences?.length ?? 0;
  if (goals + platforms >= 4) add('ambition', goals + platforms, { explorer: 0.4, power_user: 0.3 });
  const connected = profile.socialConnections?.filter((c) => c.connected).length ?? 0;
  if (connected >= 2) add('connected_accounts', connected, { power_user: 0.5, cautious_beginner: -0.3 });
  return out;
}

/** Behaviour outweighs self-report as it accumulates: its weight is steps / (steps + 2). */
function behaviourContributions(b: BehaviourEvidence): Contribution[] {
  const out: Contribution[] = [];
  const w = b.steps / (b.steps + 2);
  if (w === 0) return out;
  if (b.proficiency) {
    const d = (b.proficiency.score - 0.5) * 2 * w; // -1..1
    out.push({
      name: 'observed_proficiency',
      value: Number(b.proficiency.score.toFixed(2)),
      scores: { power_user: 2.5 * d, cautious_beginner: -2.5 * d, explorer: 0.8 * d },
    });
  }
  if (b.struggleRate !== undefined) {
    const d = (b.struggleRate - 0.25) * 4 * w;
    out.push({
      name: 'struggle_rate',
      value: Number(b.struggleRate.toFixed(2)),
      scores: { cautious_beginner: 1.2 * d, guided_learner: 0.5 * d, power_user: -1.2 * d },
    });
  }
  if (b.paceRatio !== undefined && b.paceRatio > 0) {
    const d = -Math.log2(b.paceRatio) * w; // faster than estimated is positive
    out.push({
      name: 'pace_ratio',
      value: Number(b.paceRatio.toFixed(2)),
      scores: { time_pressed: 0.8 * d, power_user: 0.8 * d, cautious_beginner: -0.8 * d },
    });
  }
  if (b.skipRate !== undefined) {
    const d = (b.skipRate - 0.3) * 2 * w;
    out.push({
      name: 'skip_rate',
      value: Number(b.skipRate.toFixed(2)),
      scores: { time_pressed: 1.2 * d, guided_learner: -0.6 * d },
    });
  }
  return out;
}

/** With no information the mixture leans toward guided learners: detailed help is the safe default. */
const BASE: Scores = {
  cautious_beginner: 0,
  guided_learner: 0.3,
  explorer: 0,
  time_pressed: 0,
  power_user: 0,
};

/** Persona probabilities from profile answers and behaviour (a softmax over summed log-odds). */
function personaMixture(profile: PersonaProfile, behaviour?: BehaviourEvidence): Scores {
  const logits: Scores = { ...BASE };
  for (const c of [
    ...profileContributions(profile),
    ...(behaviour ? behaviourContributions(behaviour) : []),
  ]) {
    for (const [k, v] of Object.entries(c.scores) as [PersonaType, number][]) logits[k] += v;
  }
  const max = Math.max(...Object.values(logits));
  const exp = PERSONA_TYPES.map((p) => Math.exp(logits[p] - max));
  const total = exp.reduce((s, x) => s + x, 0);
  return Object.fromEntries(PERSONA_TYPES.map((p, i) => [p, exp[i]! / total])) as Scores;
}

/**
 * The seed's `analyzeUserProfile`: who this user probably is, how sure we are, and how to onboard them.
 * Pass the user model's `BehaviourEvidence` to refine the persona with early behaviour.
 *
 * @example
 * analyzeUserProfile({ technicalProficiency: 'beginner', previousExperience: 'none' }).personaType; // 'cautious_beginner'
 */
export function analyzeUserProfile(profile: PersonaProfile, behaviour?: BehaviourEvidence): UserPersona {
  const mixture = personaMixture(profile, behaviour);
  const ranked = [...PERSONA_TYPES].sort((a, b) => mixture[b] - mixture[a]);
  const personaType = ranked[0]!;
  const contributions = [
    ...profileContributions(profile),
    ...(behaviour ? behaviourContributions(behaviour) : []),
  ];
  const approach = { ...APPROACH[personaType] };
  if (profile.learningStyle === 'visual' && approach.contentStyle !== 'simplified')
    approach.contentStyle = 'visual';
  if (profile.learningStyle === 'hands_on' && approach.contentStyle !== 'simplified')
    approach.contentStyle = 'interactive';
  const behaviours = Object.keys(BEHAVIOUR.guided_learner);
  return {
    personaType,
    confidenceScore: Number(mixture[personaType].toFixed(4)),
    characteristics: contributions
      .map((c) => ({ name: c.name, value: c.value, weight: Number((c.scores[personaType] ?? 0).toFixed(3)) }))
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)),
    predictedBehaviors: behaviours.map((behavior) => ({
      behavior,
      probability: Number(
        PERSONA_TYPES.reduce((s, p) => s + mixture[p] * BEHAVIOUR[p][behavior]!, 0).toFixed(4),
      ),
    })),
    recommendedApproach: approach,
  };
}
