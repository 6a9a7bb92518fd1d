import {
  type FlowDefinition,
  type InterventionOutcome,
  type InterventionPlan,
  type InterventionRecord,
  type StepCompletion,
  UserProfile,
} from '@smart-onboarding/protocol';
import type { Random } from '@smart-onboarding/stats';
import { DEFAULT_ENGINE_OPTIONS, interventionEngine } from '../src/intelligence/intervention/engine';
import type { InterventionPolicy } from '../src/intelligence/intervention/types';
import {
  type JourneyFacts,
  type JourneyIntelligence,
  journeyOutcome,
  journeyPredictions,
  rememberDecisions,
  startIntelligence,
  takeSnapshot,
} from '../src/intelligence/journey-intelligence';
import type { PersonaProfile } from '../src/intelligence/persona';
import { fallbackToAdaptiveOnboarding } from '../src/intelligence/recovery/adaptive-fallback';
import { hintOnCurrentStep } from '../src/journey/intervention-policy';
import type { NextStepDecision, NextStepPolicy } from '../src/journey/next-step-policy';
import { ruleBasedNextStep } from '../src/journey/next-step-policy';
import { emptyFlowLearning, type FlowLearningState, learnFromJourney } from '../src/learning/flow-learning';
import { type DecisionRecord, pathOptimizerPolicy } from '../src/learning/path-optimizer';
import type { SimBackend, SimDecision } from './backend';

interface UserJourney {
  profile: PersonaProfile;
  completions: StepCompletion[];
  interventions: InterventionRecord[];
  currentStepId: string | null;
  currentStepSince: number;
  startedAt: number;
  intel: JourneyIntelligence;
}

/** What the success model and the outcome read of a journey at `now`. */
const factsOf = (j: UserJourney, now: number): JourneyFacts => ({
  completions: j.completions,
  interventions: j.interventions,
  startedAt: j.startedAt,
  now,
});

/** A prediction made mid-journey, kept to report the success model's calibration against outcomes. */
export interface PredictionRecord {
  userId: string;
  predicted: number;
}

/**
 * Both arms of the A/B simulation in process, with the same pure code the edge runs: `adaptive` is the
 * journey service's rule-based defaults (first feasible step in flow order, a hint on the current step);
 * `smart` is the path optimizer (learning across the simulated users, per cohort and persona) behind the
 * adaptive fallback, and the intervention engine with its holdout.
 */
export function inProcessBackend(arm: 'adaptive' | 'smart', flow: FlowDefinition, random: Random) {
  const journeys = new Map<string, UserJourney>();
  let learning: FlowLearningState = emptyFlowLearning();
  const predictions: PredictionRecord[] = [];
  const intervention: InterventionPolicy =
    arm === 'smart' ? interventionEngine(DEFAULT_ENGINE_OPTIONS) : hintOnCurrentStep;

  function decide(j: UserJourney, now: number): SimDecision {
    const done = new Set(j.completions.map((c) => c.stepId));
    let decision: NextStepDecision;
    if (arm === 'adaptive') {
      decision = ruleBasedNextStep.choose({ flow, done, currentStepId: j.currentStepId, now, random });
    } else {
      const holder = {
        state: learning.optimizer,
        records: [] as DecisionRecord[],
        learning: j.intel.learning,
      };
      const policy: NextStepPolicy = fallbackToAdaptiveOnboarding(pathOptimizerPolicy(holder));
      decision = policy.choose({ flow, done, currentStepId: j.currentStepId, now, random });
      learning = { ...learning, optimizer: holder.state };
      j.intel = rememberDecisions(j.intel, holder.records);
      for (const id of decision.skip ?? [])
        j.completions.push({ stepId: id, action: 'skipped', at: now, durationMs: 0 });
    }
    j.currentStepId = decision.step?.id ?? null;
    j.currentStepSince = now;
    const allDone = flow.steps.every((s) => j.completions.some((c) => c.stepId === s.id));
    return {
      step: decision.step,
      ...(decision.variantId ? { variantId: decision.variantId } : {}),
      done: allDone,
    };
  }

  const backend: SimBackend & { predictions: PredictionRecord[]; learning(): FlowLearningState } = {
    arm,
    predictions,
    learning: () => learning,
    async start(userId, profile, now) {
      const parsed = UserProfile.omit({ id: true }).partial().parse(profile) as PersonaProfile;
      const j: UserJourney = {
        profile: parsed,
        completions: [],
        interventions: [],
        currentStepId: null,
        currentStepSince: now,
        startedAt: now,
        intel: startIntelligence(parsed),
      };
      journeys.set(userId, j);
      return decide(j, now);
    },
    async progress(userId, stepId, action, durationMs, now) {
      const j = journeys.get(userId)!;
      j.completions.push({ stepId, action, at: now, durationMs });
      if (arm === 'smart') {
        const facts = factsOf(j, now);
        j.intel = takeSnapshot(j.intel, flow, facts);
        if (j.completions.filter((c) => c.action === 'completed').length === 2) {
          predictions.push({
            userId,
            predicted: journeyPredictions(j.intel, learning, flow, facts).predictedSuccessRate,
          });
        }
      }
      return decide(j, now);
    },
    async struggle(userId, report, now) {
      const j = journeys.get(userId)!;
      const plan: InterventionPlan = intervention.decide({
        flow,
        report,
        currentStepId: j.currentStepId,
        history: j.interventions,
        now,
        random,
        newId: () => `${userId}-i${j.interventions.length}`,
        userId,
        threshold: j.intel.persona.recommendedApproach.interventionThreshold,
        sessionStartedAt: j.startedAt,
      });
      if (plan.kind !== 'none')
        j.interventions.push({
          id: plan.id,
          kind: plan.kind,
          ...(plan.stepId ? { stepId: plan.stepId } : {}),
          createdAt: now,
          holdout: plan.holdout,
        });
      return plan;
    },
    async interventionOutcome(userId, interventionId, outcome: InterventionOutcome) {
      const j = journeys.get(userId)!;
      j.interventions = j.interventions.map((i) =>
        i.id === interventionId && !i.outcome ? { ...i, outcome } : i,
      );
    },
    async end(userId, status, now) {
      const j = journeys.get(userId)!;
      if (arm === 'smart') {
        const facts = factsOf(j, now);
        learning = learnFromJourney(
          learning,
          journeyOutcome(j.intel, flow, {
            ...facts,
            status,
            currentStepId: j.currentStepId,
            currentStepSince: j.currentStepSince,
          }),
        );
      }
      journeys.delete(userId);
    },
  };
  return backend;
}
