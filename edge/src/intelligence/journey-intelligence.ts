import type {
  BehaviorEvent,
  FlowDefinition,
  InterventionRecord,
  StepCompletion,
  UserPersona,
} from '@smart-onboarding/protocol';
import type { FlowLearningState, JourneyOutcome } from '../learning/flow-learning';
import type { DecisionRecord, LearningContext } from '../learning/path-optimizer';
import { estimateCompletionTimeSec, expectedStepDurationSec, userPaceFactor } from './completion-time';
import { analyzeUserProfile, type PersonaProfile } from './persona';
import { type JourneySnapshot, predictSuccess } from './success-model';
import { behaviourEvidence, emptyUserModel, type UserModelState, updateUserModel } from './user-model';

/**
 * What the intelligence keeps per journey, beside the journey service's own state (JSON, bounded): who
 * the user seems to be, what they did, which optimizer decisions the journey used, and snapshots for the
 * success model.
 */
export interface JourneyIntelligence {
  version: 1;
  learning: LearningContext;
  persona: UserPersona;
  userModel: UserModelState;
  decisions: DecisionRecord[];
  snapshots: JourneySnapshot[];
}

const MAX_DECISIONS = 100;
const MAX_SNAPSHOTS = 50;

/**
 * @example
 * const intel = startIntelligence(profile, { cohort: profile.traits?.plan ?? 'default' });
 */
export function startIntelligence(
  profile: PersonaProfile,
  options: { cohort?: string } = {},
): JourneyIntelligence {
  const persona = analyzeUserProfile(profile);
  return {
    version: 1,
    learning: { persona: persona.personaType, cohort: options.cohort ?? 'default' },
    persona,
    userModel: emptyUserModel(),
    decisions: [],
    snapshots: [],
  };
}

/**
 * Folds new events into the user model and refines the persona with them. The cohort's learning context
 * follows the refined persona, so later decisions use (and credit) the persona the user turned out to be.
 */
export function observeEvents(
  intel: JourneyIntelligence,
  events: readonly BehaviorEvent[],
  flow: FlowDefinition,
  profile: PersonaProfile,
): JourneyIntelligence {
  const userModel = updateUserModel(intel.userModel, events, { steps: flow.steps });
  const persona = analyzeUserProfile(profile, behaviourEvidence(userModel, profile.technicalProficiency));
  return { ...intel, userModel, persona, learning: { ...intel.learning, persona: persona.personaType } };
}

/** Adds the optimizer's decision record (from `pathOptimizerPolicy`'s holder) to the journey. */
export function rememberDecisions(
  intel: JourneyIntelligence,
  records: readonly DecisionRecord[],
): JourneyIntelligence {
  return { ...intel, decisions: [...intel.decisions, ...records].slice(-MAX_DECISIONS) };
}

export interface JourneyFacts {
  completions: readonly StepCompletion[];
  interventions: readonly InterventionRecord[];
  startedAt: number;
  now: number;
}

/** The success model's view of the journey now. */
function snapshotOf(intel: JourneyIntelligence, flow: FlowDefinition, facts: JourneyFacts): JourneySnapshot {
  const required = flow.steps.filter((s) => !s.optional);
  const done = new Set(facts.completions.map((c) => c.stepId));
  const expectedDoneSec = flow.steps
    .filter((s) => done.has(s.id))
    .reduce((sum, s) => sum + s.estimatedDurationSec, 0);
  const elapsedSec = (facts.now - facts.startedAt) / 1000;
  return {
    persona: intel.persona.personaType,
    proficiency: behaviourEvidence(intel.userModel).proficiency?.score ?? 0.45,
    progress: required.length ? required.filter((s) => done.has(s.id)).length / required.length : 1,
    struggles: intel.userModel.struggleReports,
    paceRatio: expectedDoneSec > 0 ? elapsedSec / expectedDoneSec : 1,
    dismissals: facts.interventions.filter((i) => i.outcome === 'dismissed').length,
  };
}

/** Records a snapshot (call it when a step ends), for training when the journey ends. */
export function takeSnapshot(
  intel: JourneyIntelligence,
  flow: FlowDefinition,
  facts: JourneyFacts,
): JourneyIntelligence {
  return { ...intel, snapshots: [...intel.snapshots, snapshotOf(intel, flow, facts)].slice(-MAX_SNAPSHOTS) };
}

/**
 * The journey's `predictedSuccessRate` and `estimatedCompletionTime` (seconds), from the flow's learned
 * models and this user.
 *
 * @example
 * Object.assign(journey, journeyPredictions(intel, learning, flow, facts));
 */
export function journeyPredictions(
  intel: JourneyIntelligence,
  learning: FlowLearningState,
  flow: FlowDefinition,
  facts: JourneyFacts,
): { predictedSuccessRate: number; estimatedCompletionTime: number } {
  const done = new Set(facts.completions.map((c) => c.stepId));
  const ratios = facts.completions
    .filter((c) => c.action === 'completed')
    .map((c) => {
      const step = flow.steps.find((s) => s.id === c.stepId);
      return step ? c.durationMs / 1000 / expectedStepDurationSec(learning.times, step) : Number.NaN;
    });
  const pace = userPaceFactor(ratios, intel.persona.recommendedApproach.pace);
  const skipRate = intel.userModel.optionalSeen
    ? intel.userModel.optionalSkipped / intel.userModel.optionalSeen
    : 0.4;
  return {
    predictedSuccessRate: Number(predictSuccess(learning.success, snapshotOf(intel, flow, facts)).toFixed(4)),
    estimatedCompletionTime: estimateCompletionTimeSec(
      learning.times,
      flow.steps.filter((s) => !done.has(s.id)),
      { paceFactor: pace, optionalTakeRate: 1 - skipRate },
    ),
  };
}

/**
 * What the ended journey teaches its flow (send it to the flow's learner).
 *
 * @example
 * const outcome = journeyOutcome(intel, flow, { ...facts, status: 'completed', currentStepId: null, currentStepSince });
 * await flowLearner.learnFromJourney(outcome);
 */
export function journeyOutcome(
  intel: JourneyIntelligence,
  flow: FlowDefinition,
  journey: JourneyFacts & {
    status: 'completed' | 'abandoned';
    currentStepId: string | null;
    currentStepSince: number;
  },
): JourneyOutcome {
  const stepDurations = journey.completions
    .filter((c) => c.action === 'completed')
    .map((c) => ({ stepId: c.stepId, durationSec: c.durationMs / 1000, completed: true }));
  if (journey.status === 'abandoned' && journey.currentStepId) {
    stepDurations.push({
      stepId: journey.currentStepId,
      durationSec: Math.max(0, journey.now - journey.currentStepSince) / 1000,
      completed: false,
    });
  }
  const final = takeSnapshot(intel, flow, journey);
  return {
    completed: journey.status === 'completed',
    decisions: intel.decisions,
    snapshots: final.snapshots,
    stepDurations,
    timeToValueSec: Math.max(0, journey.now - journey.startedAt) / 1000,
    expectedSec: flow.steps.filter((s) => !s.optional).reduce((sum, s) => sum + s.estimatedDurationSec, 0),
  };
}
