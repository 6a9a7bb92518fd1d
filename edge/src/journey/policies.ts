import type { UserProfile } from '@smart-onboarding/protocol';
import {
  DEFAULT_ENGINE_OPTIONS,
  type InterventionEngineOptions,
  interventionEngine,
} from '../intelligence/intervention/engine';
import { type JourneyIntelligence, startIntelligence } from '../intelligence/journey-intelligence';
import type { PersonaProfile } from '../intelligence/persona';
import { fallbackToAdaptiveOnboarding } from '../intelligence/recovery/adaptive-fallback';
import {
  type DecisionRecord,
  type LearningContext,
  type PathOptimizerState,
  pathOptimizerPolicy,
} from '../learning/path-optimizer';
import { hintOnCurrentStep, type InterventionPolicy } from './intervention-policy';
import { type NextStepPolicy, ruleBasedNextStep } from './next-step-policy';

/** The decisions a journey delegates: which step next, and what to do about a struggle. */
interface JourneyPolicies {
  nextStep: NextStepPolicy;
  intervention: InterventionPolicy;
}

/** Rules: the first feasible step, and a hint on the current step's target. */
const defaultPolicies: JourneyPolicies = {
  nextStep: ruleBasedNextStep,
  intervention: hintOnCurrentStep,
};

/**
 * Which experience a user gets. `smart` (the default) is the path optimizer and the intervention engine;
 * `adaptive` is the rules (flow order, a hint on the current step): arm A of an A/B test, chosen per user by
 * the profile trait `so_arm` (set by the tenant's server or the simulation).
 */
export type JourneyArm = 'adaptive' | 'smart';

/** The profile trait that assigns a user to an arm. */
const ARM_TRAIT = 'so_arm';

/**
 * @example
 * journeyArm({ traits: { so_arm: 'adaptive' } }) // 'adaptive'
 */
export function journeyArm(profile: Partial<Pick<UserProfile, 'traits'>> | undefined): JourneyArm {
  return profile?.traits?.[ARM_TRAIT] === 'adaptive' ? 'adaptive' : 'smart';
}

/** The learning cohort: the profile trait `plan` when the tenant sends one, else everyone together. */
export function learningCohort(profile: Partial<Pick<UserProfile, 'traits'>> | undefined): string {
  const plan = profile?.traits?.plan;
  return typeof plan === 'string' ? plan : 'default';
}

/** What the intelligence knows of a journey at its start: the persona from the profile, in its cohort. */
export function startJourneyIntelligence(profile: Partial<Omit<UserProfile, 'id'>>): JourneyIntelligence {
  return startIntelligence(profile as PersonaProfile, { cohort: learningCohort(profile) });
}

/**
 * The intervention engine's options for this deployment. In development only, `DEV_INTERVENTION_COOLDOWN_MS`
 * shortens the cooldown (a simulation compresses minutes into milliseconds); elsewhere it is ignored.
 */
export function engineOptions(env: {
  ENVIRONMENT: string;
  DEV_INTERVENTION_COOLDOWN_MS?: string;
}): InterventionEngineOptions {
  const raw = env.ENVIRONMENT === 'development' ? env.DEV_INTERVENTION_COOLDOWN_MS : undefined;
  const cooldown = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  return Number.isFinite(cooldown) && cooldown >= 0
    ? { ...DEFAULT_ENGINE_OPTIONS, cooldownMs: cooldown }
    : DEFAULT_ENGINE_OPTIONS;
}

/** The flow's optimizer state and this journey's decisions: `choose` advances both (see pathOptimizerPolicy). */
export interface OptimizerHolder {
  state: PathOptimizerState;
  records: DecisionRecord[];
  learning: LearningContext;
}

/**
 * The policies a journey object uses for a user in `arm`. The smart arm's next step is the path optimizer
 * (over `holder`, the flow learner's snapshot) behind the rule-based fallback; without a holder (the
 * learner unreachable) it is the rules, so onboarding never waits on learning.
 *
 * @example
 * const { nextStep } = journeyPolicies(services.interventionEngine, 'smart', { state, records: [], learning });
 */
export function journeyPolicies(
  engine: InterventionEngineOptions,
  arm: JourneyArm = 'smart',
  holder?: OptimizerHolder,
): JourneyPolicies {
  if (arm === 'adaptive') return defaultPolicies;
  return {
    nextStep: holder
      ? fallbackToAdaptiveOnboarding(pathOptimizerPolicy(holder), {
          onFallback: (why) => console.warn('path optimizer fell back to rules:', why),
        })
      : ruleBasedNextStep,
    intervention: interventionEngine(engine),
  };
}
