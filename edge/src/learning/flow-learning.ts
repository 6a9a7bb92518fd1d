import {
  type CompletionTimeState,
  emptyCompletionTimeModel,
  recordStepDuration,
} from '../intelligence/completion-time';
import {
  emptySuccessModel,
  type JourneySnapshot,
  type SuccessModelState,
  trainSuccessModel,
} from '../intelligence/success-model';
import {
  type DecisionRecord,
  emptyPathOptimizer,
  journeyReward,
  type PathOptimizerState,
  recordJourneyOutcome,
} from './path-optimizer';

/**
 * Everything a flow learns from its journeys, in one JSON-serialisable state: the path optimizer's
 * posteriors, the success model's weights and the step-duration statistics. The edge keeps one per flow
 * (one Durable Object per flow), so learning is strongly consistent without locks: journeys send their
 * outcome there when they end, and read the state when they decide.
 */
export interface FlowLearningState {
  version: 1;
  optimizer: PathOptimizerState;
  success: SuccessModelState;
  times: CompletionTimeState;
  journeys: { completed: number; abandoned: number };
}

export function emptyFlowLearning(): FlowLearningState {
  return {
    version: 1,
    optimizer: emptyPathOptimizer(),
    success: emptySuccessModel(),
    times: emptyCompletionTimeModel(),
    journeys: { completed: 0, abandoned: 0 },
  };
}

/** What a journey reports when it ends (built by `journeyOutcome` in journey-intelligence.ts). */
export interface JourneyOutcome {
  completed: boolean;
  decisions: DecisionRecord[];
  snapshots: JourneySnapshot[];
  /** Time on each step; the step an abandoned journey stopped on is `completed: false` (censored). */
  stepDurations: Array<{ stepId: string; durationSec: number; completed: boolean }>;
  /** Start to completion (or to abandonment), seconds. */
  timeToValueSec: number;
  /** What the flow was expected to take, seconds (for the reward's time discount). */
  expectedSec: number;
}

/**
 * Learns from one ended journey: credits the optimizer's arms, trains the success model on the journey's
 * snapshots, and adds the step durations (censored where abandoned). Pure; returns the new state.
 *
 * @example
 * state = learnFromJourney(state, outcome);
 * await this.ctx.storage.put('learning', state);
 */
export function learnFromJourney(state: FlowLearningState, outcome: JourneyOutcome): FlowLearningState {
  const reward = journeyReward({
    completed: outcome.completed,
    timeToValueSec: outcome.timeToValueSec,
    expectedSec: outcome.expectedSec,
  });
  let times = state.times;
  for (const d of outcome.stepDurations)
    times = recordStepDuration(times, d.stepId, d.durationSec, d.completed);
  return {
    version: 1,
    optimizer: recordJourneyOutcome(state.optimizer, outcome.decisions, reward),
    success: trainSuccessModel(state.success, outcome.snapshots, outcome.completed),
    times,
    journeys: {
      completed: state.journeys.completed + (outcome.completed ? 1 : 0),
      abandoned: state.journeys.abandoned + (outcome.completed ? 0 : 1),
    },
  };
}
