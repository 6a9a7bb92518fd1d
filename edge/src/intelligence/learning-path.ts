import type { FlowDefinition, LearningPath, UserPersona } from '@smart-onboarding/protocol';
import {
  chooseNextStep,
  DEFAULT_OPTIMIZER_OPTIONS,
  type LearningContext,
  type PathOptimizerState,
} from '../learning/path-optimizer';
import { type CompletionTimeState, expectedStepDurationSec } from './completion-time';
import { unitHash } from './stable-hash';

interface PathInput {
  flow: FlowDefinition;
  /** Steps completed or skipped. */
  done: ReadonlySet<string>;
  persona: UserPersona;
  learning: LearningContext;
  optimizer: PathOptimizerState;
  times: CompletionTimeState;
  /** The user's pace (`userPaceFactor`): multiplies every expected duration. */
  paceFactor: number;
}

/**
 * The seed's `predictOptimalPath`: the remaining steps in the order and presentation the optimizer
 * currently thinks best (its greedy choice, without exploration), with expected durations and the points
 * where the path may still adapt.
 *
 * @example
 * journey.personalizedPath = predictOptimalPath({ flow, done, persona, learning, optimizer, times, paceFactor });
 */
export function predictOptimalPath(input: PathInput): LearningPath {
  const done = new Set(input.done);
  const steps: LearningPath['steps'] = [];
  const personalizedContent: LearningPath['personalizedContent'] = [];
  const adaptationPoints: LearningPath['adaptationPoints'] = [];
  const difficultyProgression: LearningPath['difficultyProgression'] = [];
  const greedy = { ...DEFAULT_OPTIMIZER_OPTIONS, maxExplorationRate: 0 };
  const noChance = () => 0.5;
  const threshold = input.persona.recommendedApproach.interventionThreshold;
  for (let guard = 0; guard <= input.flow.steps.length; guard++) {
    const { decision } = chooseNextStep(
      input.optimizer,
      { flow: input.flow, done, random: noChance },
      input.learning,
      greedy,
    );
    for (const id of decision.skip ?? []) {
      done.add(id);
      adaptationPoints.push({
        stepId: id,
        condition: 'skipped: optional, and skipping it has done better for this cohort',
      });
    }
    const step = decision.step;
    if (!step) break;
    done.add(step.id);
    steps.push({
      stepId: step.id,
      ...(decision.variantId ? { variantId: decision.variantId } : {}),
      expectedDurationSec: Math.round(expectedStepDurationSec(input.times, step) * input.paceFactor),
    });
    difficultyProgression.push(step.difficulty);
    if (decision.variantId) {
      const style = step.variants.find((v) => v.id === decision.variantId)?.style;
      personalizedContent.push({
        stepId: step.id,
        variantId: decision.variantId,
        reason: `${style} presentation: ${decision.reason}`,
      });
    }
    const simpler = step.variants.find((v) => v.style === 'simplified' && v.id !== decision.variantId);
    if (simpler) {
      adaptationPoints.push({
        stepId: step.id,
        condition: `struggle ≥ ${threshold} → switch to "${simpler.id}"`,
      });
    } else if (step.difficulty === 'hard') {
      adaptationPoints.push({
        stepId: step.id,
        condition: `struggle ≥ ${threshold} → explain the step again, then AI help`,
      });
    }
    if (step.optional)
      adaptationPoints.push({ stepId: step.id, condition: 'may be skipped if the user is short of time' });
  }
  const pathKey = steps.map((s) => `${s.stepId}:${s.variantId ?? ''}`).join(',');
  return {
    pathId: `${input.flow.id}-${Math.floor(unitHash(pathKey) * 2 ** 32).toString(36)}`,
    steps,
    estimatedDuration: steps.reduce((s, x) => s + x.expectedDurationSec, 0),
    difficultyProgression,
    personalizedContent,
    adaptationPoints,
  };
}
