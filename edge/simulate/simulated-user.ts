import type {
  InterventionKind,
  OnboardingStep,
  PersonaType,
  StruggleMetrics,
  UserProfileInput,
} from '@smart-onboarding/protocol';
import { normal, type Random } from '@smart-onboarding/stats';

/**
 * Simulated users (the seed's `simulateUserBehavior`, at the level of steps): how long each step takes,
 * when a user struggles and why, how each kind of help and each presentation works for them, and when they
 * give up. Parameters are set by hand to express the product's hypotheses (beginners do better with
 * simplified wording; time-pressed users drop off when made to do optional steps; help that fits the
 * struggle resolves it more often); the A/B simulation measures what a policy makes of such a world, not
 * the world itself.
 */
export interface SimPersona {
  type: PersonaType;
  /** Multiplies step durations. */
  speed: number;
  /** Multiplies the chance of struggling on a step. */
  struggleProneness: number;
  /** Chance of leaving a step they struggle on when nothing helps. */
  abandonWhenStuck: number;
  /** Chance of leaving any step anyway. */
  baseAbandon: number;
  /** Extra chance of leaving when made to do an optional step. */
  optionalAnnoyance: number;
  /** How each presentation style changes their chance of struggling (×). */
  style: Partial<Record<string, number>>;
  /** Chance each kind of help resolves a struggle. */
  helped: Partial<Record<InterventionKind, number>>;
  /** The profile a tenant would send for them (answers are honest 75% of the time). */
  profile: Partial<Omit<UserProfileInput, 'id'>>;
}

export const SIM_PERSONAS: Record<PersonaType, SimPersona> = {
  cautious_beginner: {
    type: 'cautious_beginner',
    speed: 1.6,
    struggleProneness: 2.2,
    abandonWhenStuck: 0.45,
    baseAbandon: 0.04,
    optionalAnnoyance: 0.02,
    style: { simplified: 0.35, text: 1.2 },
    helped: { hint: 0.45, explain_step: 0.5, simpler_variant: 0.65, ai_help: 0.6, human: 0.85 },
    profile: { technicalProficiency: 'beginner', previousExperience: 'none', learningStyle: 'reading' },
  },
  guided_learner: {
    type: 'guided_learner',
    speed: 1.15,
    struggleProneness: 1.3,
    abandonWhenStuck: 0.3,
    baseAbandon: 0.025,
    optionalAnnoyance: 0.01,
    style: { simplified: 0.7, visual: 0.8 },
    helped: { hint: 0.55, explain_step: 0.6, simpler_variant: 0.55, ai_help: 0.65, human: 0.85 },
    profile: { learningStyle: 'guided', previousExperience: 'some' },
  },
  explorer: {
    type: 'explorer',
    speed: 0.9,
    struggleProneness: 0.9,
    abandonWhenStuck: 0.2,
    baseAbandon: 0.02,
    optionalAnnoyance: 0,
    style: { interactive: 0.8 },
    helped: { hint: 0.6, explain_step: 0.45, simpler_variant: 0.4, ai_help: 0.65, human: 0.8 },
    profile: { learningStyle: 'hands_on', timeConstraints: { urgency: 'low' } },
  },
  time_pressed: {
    type: 'time_pressed',
    speed: 0.8,
    struggleProneness: 1,
    abandonWhenStuck: 0.4,
    baseAbandon: 0.03,
    optionalAnnoyance: 0.25,
    style: { text: 0.8 },
    helped: { hint: 0.6, explain_step: 0.35, simpler_variant: 0.5, ai_help: 0.5, human: 0.6 },
    profile: { timeConstraints: { urgency: 'high', minutesPerSession: 5 } },
  },
  power_user: {
    type: 'power_user',
    speed: 0.55,
    struggleProneness: 0.5,
    abandonWhenStuck: 0.15,
    baseAbandon: 0.01,
    optionalAnnoyance: 0.05,
    style: { text: 0.5, simplified: 1.4 },
    helped: { hint: 0.7, explain_step: 0.3, simpler_variant: 0.2, ai_help: 0.6, human: 0.7 },
    profile: { technicalProficiency: 'expert', previousExperience: 'experienced' },
  },
};

/** The population mix of a sample creator-studio tenant. */
const PERSONA_MIX: ReadonlyArray<[PersonaType, number]> = [
  ['cautious_beginner', 0.25],
  ['guided_learner', 0.3],
  ['explorer', 0.15],
  ['time_pressed', 0.15],
  ['power_user', 0.15],
];

const BASE_STRUGGLE = { easy: 0.06, medium: 0.14, hard: 0.24 } as const;

/** What the step's struggle looks like on the device: its reasons, as the SDK would report them. */
const STEP_REASONS: Record<string, string> = {
  'create-profile': 'form_struggle',
  'connect-account': 'rage_click',
  'set-goals': 'hesitation',
  'create-post': 'hesitation',
  'schedule-post': 'dead_click',
};

export function pickPersona(rng: Random): SimPersona {
  let r = rng();
  for (const [type, share] of PERSONA_MIX) {
    if (r < share) return SIM_PERSONAS[type];
    r -= share;
  }
  return SIM_PERSONAS.guided_learner;
}

/** The profile the tenant sends: honest for most users, a neutral guess for the rest. */
export function profileOf(persona: SimPersona, rng: Random): SimPersona['profile'] {
  return rng() < 0.75 ? persona.profile : {};
}

export function chanceOfStruggle(
  persona: SimPersona,
  step: OnboardingStep,
  variantId: string | undefined,
): number {
  const style = step.variants.find((v) => v.id === variantId)?.style;
  const styleEffect = style ? (persona.style[style] ?? 1) : 1;
  return Math.min(0.95, BASE_STRUGGLE[step.difficulty] * persona.struggleProneness * styleEffect);
}

/** Seconds the step takes without trouble: the estimate × the persona's speed × log-normal noise. */
export function stepSeconds(persona: SimPersona, step: OnboardingStep, rng: Random): number {
  return step.estimatedDurationSec * persona.speed * Math.exp(0.35 * normal(rng));
}

export function struggleReport(step: OnboardingStep, rng: Random, t: number): StruggleMetrics {
  const code = STEP_REASONS[step.id] ?? 'hesitation';
  return {
    score: Math.min(0.99, 0.7 + 0.25 * rng()),
    source: 'model',
    reasons: [
      { code, weight: 0.8 },
      { code: 'hesitation', weight: 0.2 },
    ].filter((r, i) => i === 0 || r.code !== code),
    stepId: step.id,
    ...(step.target ? { element: step.target.selector } : {}),
    recentSignals: [],
    t,
  };
}
