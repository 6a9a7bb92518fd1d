import type {
  AdaptationEvent,
  EngagementMetric,
  FlowDefinition,
  InteractionSummary,
  InterventionPlan,
  InterventionRecord,
  JourneyStatus,
  LearningPath,
  OnboardingJourney,
  OnboardingResult,
  StepCompletion,
  UpdateProgressRequest,
  UserProfile,
} from '@smart-onboarding/protocol';
import { feasibleSteps, type NextStepDecision } from './next-step-policy';
import { fail, type Outcome, ok } from './outcome';

/**
 * One user's journey through one pinned flow version, as its Durable Object stores it. Pure data; every
 * change goes through the functions below, which return a new state.
 */
export interface JourneyState {
  id: string;
  userId: string;
  flowId: string;
  flowVersion: number;
  status: JourneyStatus;
  profile: Partial<Omit<UserProfile, 'id'>>;
  completions: StepCompletion[];
  currentStepId: string | null;
  variantId?: string;
  /** When the user arrived on the current step: the start of its duration. */
  currentStepSince: number;
  /** Why the current step was chosen. */
  currentReason: string;
  engagementHistory: EngagementMetric[];
  interventions: InterventionRecord[];
  adaptationHistory: AdaptationEvent[];
  startedAt: number;
  updatedAt: number;
  completedAt?: number;
  /** Why an abandoned journey was closed (absent on journeys abandoned before this was recorded). */
  abandonedBy?: AbandonCause;
  /** The experiment variant the edge assigned the user to when the journey started, if any. */
  experiment?: { id: string; variant: string };
  /** Increases with every change: caches and clients compare it to know what is newer. */
  revision: number;
}

/**
 * What closed a journey as abandoned: a step event `abandoned` (`reported`), the SDK's `session_end`, or
 * the journey object's alarm after the flow's inactivity window (`inactivity`).
 */
export type AbandonCause = 'reported' | 'session_end' | 'inactivity';

/** Histories are capped so a journey stays small however long it lives. */
export const HISTORY_CAP = 200;
const capped = <T>(list: T[]) => (list.length > HISTORY_CAP ? list.slice(list.length - HISTORY_CAP) : list);

/** Ids of steps completed or skipped. */
export function doneSteps(state: Pick<JourneyState, 'completions'>): Set<string> {
  return new Set(state.completions.map((c) => c.stepId));
}

export function startJourney(input: {
  id: string;
  userId: string;
  flow: FlowDefinition;
  flowVersion: number;
  profile?: JourneyState['profile'];
  now: number;
  first: NextStepDecision;
  experiment?: JourneyState['experiment'] | null;
}): JourneyState {
  const { now, first } = input;
  return {
    id: input.id,
    userId: input.userId,
    flowId: input.flow.id,
    flowVersion: input.flowVersion,
    status: 'active',
    profile: input.profile ?? {},
    completions: [],
    currentStepId: first.step?.id ?? null,
    variantId: first.variantId,
    currentStepSince: now,
    currentReason: first.reason,
    engagementHistory: [],
    interventions: [],
    adaptationHistory: [{ t: now, kind: 'started', detail: `flow ${input.flow.id} v${input.flowVersion}` }],
    startedAt: now,
    updatedAt: now,
    ...(input.experiment ? { experiment: input.experiment } : {}),
    revision: 1,
  };
}

/** Records the optional steps a policy passed over as skipped; anything else it names is ignored. */
function skipChosen(
  state: JourneyState,
  flow: FlowDefinition,
  skip: readonly string[],
  now: number,
): JourneyState {
  if (skip.length === 0) return state;
  const done = doneSteps(state);
  const skipped: StepCompletion[] = [];
  for (const id of skip) {
    const step = flow.steps.find((s) => s.id === id);
    if (!step?.optional || done.has(id) || !step.prerequisites.every((p) => done.has(p))) continue;
    done.add(id);
    skipped.push({ stepId: id, action: 'skipped', at: now, durationMs: 0 });
  }
  return skipped.length === 0 ? state : { ...state, completions: [...state.completions, ...skipped] };
}

/** Moves the journey to what the policy chose next, completing it when every step is done. */
export function advance(
  before: JourneyState,
  flow: FlowDefinition,
  next: NextStepDecision,
  now: number,
): JourneyState {
  const state = skipChosen(before, flow, next.skip ?? [], now);
  const moved = (next.step?.id ?? null) !== state.currentStepId;
  const advanced: JourneyState = {
    ...state,
    currentStepId: next.step?.id ?? null,
    variantId: next.variantId,
    currentReason: next.reason,
    currentStepSince: moved ? now : state.currentStepSince,
  };
  if (next.done && flow.steps.every((s) => doneSteps(state).has(s.id)) && state.status === 'active') {
    return {
      ...advanced,
      status: 'completed',
      completedAt: now,
      adaptationHistory: capped([
        ...state.adaptationHistory,
        { t: now, kind: 'completed', detail: 'every step done' },
      ]),
    };
  }
  return advanced;
}

/**
 * Applies one progress update (the seed's `updateUserProgress`), before the next step is chosen.
 * Completing an already-done step changes nothing, so retried updates are harmless.
 */
export function applyProgress(
  state: JourneyState,
  flow: FlowDefinition,
  update: UpdateProgressRequest,
  now: number,
): Outcome<{ state: JourneyState; changed: boolean }> {
  if (state.status !== 'active') return fail(409, 'conflict', `the journey is ${state.status}`);
  const step = flow.steps.find((s) => s.id === update.stepId);
  if (!step)
    return fail(404, 'not_found', `step "${update.stepId}" is not in flow ${flow.id} v${state.flowVersion}`);
  const done = doneSteps(state);
  if (done.has(step.id)) return ok({ state, changed: false });
  const unmet = step.prerequisites.filter((p) => !done.has(p));
  const engagement = update.interaction ? engagementOf(update.interaction, step.id, now) : [];
  const touched = {
    ...state,
    engagementHistory: capped([...state.engagementHistory, ...engagement]),
    updatedAt: now,
    revision: state.revision + 1,
  };
  if (update.action === 'viewed') {
    if (unmet.length > 0) return fail(409, 'prerequisites_unmet', unmetMessage(step.id, unmet));
    if (state.currentStepId === step.id) return ok({ state: touched, changed: engagement.length > 0 });
    return ok({
      state: {
        ...touched,
        currentStepId: step.id,
        currentStepSince: now,
        currentReason: 'viewed by the user',
      },
      changed: true,
    });
  }
  if (unmet.length > 0) return fail(409, 'prerequisites_unmet', unmetMessage(step.id, unmet));
  if (update.action === 'skipped' && !step.optional) {
    return fail(409, 'conflict', `step "${step.id}" is not optional and cannot be skipped`);
  }
  const durationMs =
    update.interaction?.timeSpentMs ??
    (state.currentStepId === step.id ? Math.max(0, now - state.currentStepSince) : 0);
  const completion: StepCompletion = { stepId: step.id, action: update.action, at: now, durationMs };
  return ok({ state: { ...touched, completions: [...state.completions, completion] }, changed: true });
}

function unmetMessage(stepId: string, unmet: string[]) {
  return `step "${stepId}" needs ${unmet.map((p) => `"${p}"`).join(', ')} first`;
}

/** A rough engagement score from an interaction summary: active share of the time, nudged by clicks. */
function engagementOf(i: InteractionSummary, stepId: string, t: number): EngagementMetric[] {
  if (i.timeSpentMs <= 0) return [];
  const active = Math.min(1, (i.activeMs ?? i.timeSpentMs) / i.timeSpentMs);
  const score = Math.min(1, active * 0.8 + Math.min(i.clicks, 10) * 0.02);
  return [{ t, stepId, score: Math.round(score * 1000) / 1000 }];
}

/** Records a decided intervention in the journey. */
export function recordIntervention(state: JourneyState, plan: InterventionPlan, now: number): JourneyState {
  const record: InterventionRecord = {
    id: plan.id,
    kind: plan.kind,
    stepId: plan.stepId,
    createdAt: plan.createdAt,
    holdout: plan.holdout,
  };
  return {
    ...state,
    interventions: capped([...state.interventions, record]),
    updatedAt: now,
    revision: state.revision + 1,
  };
}

/** Applies what the SDK reports about an intervention it showed (`shown`, `dismissed`, ...). */
export function recordInterventionOutcome(
  state: JourneyState,
  interventionId: string,
  action: 'shown' | 'dismissed' | 'accepted' | 'helpful' | 'not_helpful',
  now: number,
): JourneyState {
  const outcome: InterventionRecord['outcome'] =
    action === 'dismissed' ? 'dismissed' : action === 'shown' ? undefined : 'accepted';
  if (!outcome) return state;
  let found = false;
  const interventions = state.interventions.map((i) => {
    if (i.id !== interventionId) return i;
    found = true;
    return { ...i, outcome };
  });
  return found ? { ...state, interventions, updatedAt: now, revision: state.revision + 1 } : state;
}

/** Adds engagement scores the SDK sent as events. */
export function recordEngagement(
  state: JourneyState,
  metrics: EngagementMetric[],
  now: number,
): JourneyState {
  if (metrics.length === 0) return state;
  return {
    ...state,
    engagementHistory: capped([...state.engagementHistory, ...metrics]),
    updatedAt: now,
    revision: state.revision + 1,
  };
}

/** Ends the journey (the seed's `completeOnboarding`), noting required steps left undone. */
export function completeJourney(state: JourneyState, flow: FlowDefinition, now: number): JourneyState {
  if (state.status === 'completed') return state;
  const done = doneSteps(state);
  const missing = flow.steps.filter((s) => !s.optional && !done.has(s.id)).length;
  const detail =
    missing === 0 ? 'every required step done' : `completed with ${missing} required step(s) not done`;
  return {
    ...state,
    status: 'completed',
    completedAt: now,
    currentStepId: null,
    variantId: undefined,
    currentReason: 'the journey is complete',
    adaptationHistory: capped([...state.adaptationHistory, { t: now, kind: 'completed', detail }]),
    updatedAt: now,
    revision: state.revision + 1,
  };
}

/**
 * Marks an active journey abandoned: the user left the flow for good (a step event `abandoned`, a
 * `session_end`, or no progress for the flow's inactivity window). Idempotent; a finished journey is left
 * as it is. The step the user stopped on stays current, so the flow learns how long they spent on it (a
 * censored duration, up to `endedAt`: when the user was last seen, which for inactivity is long before now).
 */
export function abandonJourney(
  state: JourneyState,
  now: number,
  detail: string,
  cause: AbandonCause = 'reported',
  endedAt = now,
): JourneyState {
  if (state.status !== 'active') return state;
  return {
    ...state,
    status: 'abandoned',
    completedAt: Math.min(now, Math.max(endedAt, state.startedAt)),
    abandonedBy: cause,
    currentReason: 'the journey was abandoned',
    adaptationHistory: capped([...state.adaptationHistory, { t: now, kind: 'abandoned', detail }]),
    updatedAt: now,
    revision: state.revision + 1,
  };
}

/** The remaining steps in the order the rule-based policy would take them. */
function learningPath(state: JourneyState, flow: FlowDefinition): LearningPath {
  const done = doneSteps(state);
  const order: LearningPath['steps'] = [];
  const seen = new Set(done);
  for (;;) {
    const [next] = feasibleSteps(flow, seen);
    if (!next) break;
    seen.add(next.id);
    order.push({
      stepId: next.id,
      variantId: next.id === state.currentStepId ? state.variantId : undefined,
      expectedDurationSec: next.estimatedDurationSec,
    });
  }
  const byId = new Map(flow.steps.map((s) => [s.id, s]));
  return {
    pathId: `${state.id}:${state.revision}`,
    steps: order,
    estimatedDuration: order.reduce((sum, s) => sum + s.expectedDurationSec, 0),
    difficultyProgression: order.map((s) => byId.get(s.stepId)!.difficulty),
    personalizedContent: [],
    adaptationPoints: [],
  };
}

/**
 * A prior for the chance of finishing, until the success model (issue 6) replaces it: the share of
 * required steps done lifts a neutral 0.5 toward 0.95; a completed journey is 1.
 */
export function priorSuccessRate(state: JourneyState, flow: FlowDefinition): number {
  if (state.status === 'completed') return 1;
  if (state.status === 'abandoned') return 0;
  const required = flow.steps.filter((s) => !s.optional);
  const done = doneSteps(state);
  const share = required.length === 0 ? 1 : required.filter((s) => done.has(s.id)).length / required.length;
  return Math.round((0.5 + 0.45 * share) * 1000) / 1000;
}

/** The wire form of a journey (`OnboardingJourney`). */
export function toOnboardingJourney(state: JourneyState, flow: FlowDefinition): OnboardingJourney {
  const path = learningPath(state, flow);
  const current = state.currentStepId ? (flow.steps.find((s) => s.id === state.currentStepId) ?? null) : null;
  return {
    id: state.id,
    userId: state.userId,
    flowId: state.flowId,
    flowVersion: state.flowVersion,
    status: state.status,
    currentStep: current,
    completedSteps: state.completions,
    personalizedPath: path,
    engagementHistory: state.engagementHistory,
    interventions: state.interventions,
    predictedSuccessRate: priorSuccessRate(state, flow),
    estimatedCompletionTime: path.steps
      .filter((s) => !flow.steps.find((f) => f.id === s.stepId)?.optional)
      .reduce((sum, s) => sum + s.expectedDurationSec, 0),
    adaptationHistory: state.adaptationHistory,
    startedAt: state.startedAt,
    updatedAt: state.updatedAt,
    completedAt: state.completedAt,
  };
}

/** The seed's `OnboardingResult` of a finished journey. */
export function toOnboardingResult(state: JourneyState): OnboardingResult {
  const completedAt = state.completedAt ?? state.updatedAt;
  return {
    journeyId: state.id,
    userId: state.userId,
    status: state.status,
    completedAt,
    totalDurationMs: completedAt - state.startedAt,
    stepsCompleted: state.completions.filter((c) => c.action === 'completed').length,
    stepsSkipped: state.completions.filter((c) => c.action === 'skipped').length,
    interventionsReceived: state.interventions.filter((i) => i.kind !== 'none' && !i.holdout).length,
  };
}
