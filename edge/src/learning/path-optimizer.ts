import type { OnboardingStep, PersonaType } from '@smart-onboarding/protocol';
import { beta, type Random } from '@smart-onboarding/stats';
import {
  feasibleSteps,
  type NextStepContext,
  type NextStepDecision,
  type NextStepPolicy,
} from '../journey/next-step-policy';

/**
 * The Learning Path Optimizer: a contextual bandit with Thompson sampling over Beta posteriors.
 *
 * Two choices are made per decision, each a bandit of its own:
 * 1. which feasible step comes next, or to skip an optional one (arms `step:<id>` and `skip:<id>`);
 * 2. which presentation of that step (arms `variant:<step>:<variant>`, `default` for the step's own text).
 *
 * The context is the cohort and the persona: each (cohort, persona) pair has its own posteriors, which
 * start from the pooled posterior of all contexts (a few pseudo-observations), so a new cohort borrows what
 * the flow already learned. The reward of every arm a journey used is credited when the journey ends:
 * completion, discounted by time to value (`journeyReward`).
 *
 * Exploration is bounded twice: a Thompson draw may overrule the greedy choice (best posterior mean, ties
 * to flow order, so a cold start follows the tenant's order) only while explorations stay under
 * `maxExplorationRate` of decisions, and only for an arm whose optimistic bound (mean + 2 sd) still reaches
 * the greedy arm's mean. Candidates come from `feasibleSteps`, so a step with unmet prerequisites is never
 * chosen.
 */

interface ArmStats {
  /** Summed reward. */
  a: number;
  /** Summed (1 − reward). */
  b: number;
  /** Journeys that used the arm. */
  n: number;
}

/** JSON-serialisable; one per flow (the edge keeps it in one Durable Object per flow). */
export interface PathOptimizerState {
  version: 1;
  contexts: Record<string, Record<string, ArmStats>>;
  pooled: Record<string, ArmStats>;
  decisions: number;
  explorations: number;
}

interface OptimizerOptions {
  /** Upper bound on the share of decisions that differ from the greedy choice. */
  maxExplorationRate: number;
  /** Pseudo-observations a context borrows from the pooled posterior. */
  poolStrength: number;
  /** Contexts kept; past this the least-used is forgotten (its data stays in the pooled posterior). */
  maxContexts: number;
}

export const DEFAULT_OPTIMIZER_OPTIONS: OptimizerOptions = {
  maxExplorationRate: 0.2,
  poolStrength: 4,
  maxContexts: 256,
};

export interface LearningContext {
  persona: PersonaType;
  /** A tenant-defined cohort (plan, signup source, locale...); `default` when there is none. */
  cohort: string;
}

/** What a journey remembers of one decision, to credit the reward when it ends. */
export interface DecisionRecord {
  context: string;
  arms: string[];
}

interface OptimizerDecision extends NextStepDecision {
  record?: DecisionRecord;
  explored: boolean;
}

export function emptyPathOptimizer(): PathOptimizerState {
  return { version: 1, contexts: {}, pooled: {}, decisions: 0, explorations: 0 };
}

const contextKey = (c: LearningContext) => `${c.cohort}|${c.persona}`;
const stepArm = (id: string) => `step:${id}`;
const skipArm = (id: string) => `skip:${id}`;
const variantArm = (stepId: string, variantId: string | undefined) =>
  `variant:${stepId}:${variantId ?? 'default'}`;

interface Posterior {
  alpha: number;
  beta: number;
}

function posterior(
  state: PathOptimizerState,
  context: string,
  arm: string,
  options: OptimizerOptions,
): Posterior {
  const pooled = state.pooled[arm] ?? { a: 0, b: 0, n: 0 };
  const own = state.contexts[context]?.[arm] ?? { a: 0, b: 0, n: 0 };
  const pooledMean = (1 + pooled.a) / (2 + pooled.a + pooled.b);
  const m = Math.min(pooled.n, options.poolStrength);
  return { alpha: 1 + m * pooledMean + own.a, beta: 1 + m * (1 - pooledMean) + own.b };
}

const mean = (p: Posterior) => p.alpha / (p.alpha + p.beta);
const sd = (p: Posterior) => {
  const s = p.alpha + p.beta;
  return Math.sqrt((p.alpha * p.beta) / (s * s * (s + 1)));
};

interface Candidate<T> {
  arm: string;
  value: T;
}

/** Greedy = best mean, ties to the earliest candidate; Thompson may overrule it within the bounds. */
function pick<T>(
  state: PathOptimizerState,
  context: string,
  candidates: readonly Candidate<T>[],
  rng: Random,
  options: OptimizerOptions,
  allowExploration: boolean,
): { chosen: Candidate<T>; explored: boolean } {
  const posteriors = candidates.map((c) => posterior(state, context, c.arm, options));
  let greedy = 0;
  posteriors.forEach((p, i) => {
    if (mean(p) > mean(posteriors[greedy]!) + 1e-12) greedy = i;
  });
  if (!allowExploration || candidates.length === 1) return { chosen: candidates[greedy]!, explored: false };
  const draws = posteriors.map((p) => beta(rng, p.alpha, p.beta));
  let sampled = 0;
  draws.forEach((d, i) => {
    if (d > draws[sampled]!) sampled = i;
  });
  if (sampled === greedy) return { chosen: candidates[greedy]!, explored: false };
  const sp = posteriors[sampled]!;
  const plausible = mean(sp) + 2 * sd(sp) >= mean(posteriors[greedy]!);
  return plausible
    ? { chosen: candidates[sampled]!, explored: true }
    : { chosen: candidates[greedy]!, explored: false };
}

function variantCandidates(step: OnboardingStep): Candidate<string | undefined>[] {
  return [
    { arm: variantArm(step.id, undefined), value: undefined },
    ...step.variants.map((v) => ({ arm: variantArm(step.id, v.id), value: v.id })),
  ];
}

/**
 * Chooses the next step and its variant. Pure: returns the decision and the new state (decision counters).
 * Optional steps the bandit skips are listed in `skip`, and the choice continues past them.
 *
 * @example
 * const { decision, state } = chooseNextStep(optimizer, ctx, { persona: 'explorer', cohort: 'pro' });
 * journey.decisions.push(decision.record);
 */
export function chooseNextStep(
  state: PathOptimizerState,
  ctx: Pick<NextStepContext, 'flow' | 'done' | 'random'>,
  learning: LearningContext,
  options: OptimizerOptions = DEFAULT_OPTIMIZER_OPTIONS,
): { decision: OptimizerDecision; state: PathOptimizerState } {
  const context = contextKey(learning);
  const done = new Set(ctx.done);
  const skip: string[] = [];
  const arms: string[] = [];
  let explored = false;
  const budgetLeft = () =>
    state.explorations + (explored ? 1 : 0) < options.maxExplorationRate * (state.decisions + 1);
  // Each skip removes a step, so this ends within the number of steps.
  for (;;) {
    if (ctx.flow.steps.every((s) => done.has(s.id))) {
      return finish({
        step: null,
        done: true,
        reason: skip.length ? 'the rest is optional and skipped' : 'every step is done',
        explored,
      });
    }
    const feasible = feasibleSteps(ctx.flow, done);
    if (feasible.length === 0)
      return finish({ step: null, done: false, reason: 'no step has its prerequisites met', explored });
    const candidates: Candidate<{ step: OnboardingStep; skip: boolean }>[] = [
      ...feasible.map((step) => ({ arm: stepArm(step.id), value: { step, skip: false } })),
      ...feasible
        .filter((s) => s.optional)
        .map((step) => ({ arm: skipArm(step.id), value: { step, skip: true } })),
    ];
    const choice = pick(state, context, candidates, ctx.random, options, budgetLeft());
    explored ||= choice.explored;
    arms.push(choice.chosen.arm);
    const { step } = choice.chosen.value;
    if (choice.chosen.value.skip) {
      skip.push(step.id);
      done.add(step.id);
      continue;
    }
    const variant = pick(state, context, variantCandidates(step), ctx.random, options, budgetLeft());
    explored ||= variant.explored;
    arms.push(variant.chosen.arm);
    const p = posterior(state, context, choice.chosen.arm, options);
    const learned =
      p.alpha + p.beta > 2.5
        ? `learned success ${(mean(p) * 100).toFixed(0)}% for ${context}`
        : 'no data yet: flow order';
    return finish({
      step,
      ...(variant.chosen.value ? { variantId: variant.chosen.value } : {}),
      done: false,
      reason: `${explored ? 'exploring' : 'best known'} (${learned})`,
      explored,
    });
  }

  function finish(d: Omit<OptimizerDecision, 'record'>): {
    decision: OptimizerDecision;
    state: PathOptimizerState;
  } {
    const decision: OptimizerDecision = { ...d, ...(skip.length ? { skip } : {}) };
    if (arms.length > 0) decision.record = { context, arms };
    return {
      decision,
      state: {
        ...state,
        decisions: state.decisions + (arms.length > 0 ? 1 : 0),
        explorations: state.explorations + (d.explored ? 1 : 0),
      },
    };
  }
}

/**
 * Reward of a finished journey, in [0, 1]: nothing for an abandoned one; for a completed one, half for
 * completing and up to half more for reaching value fast (exp(−time / expected time)).
 */
export function journeyReward(outcome: {
  completed: boolean;
  timeToValueSec: number;
  expectedSec: number;
}): number {
  if (!outcome.completed) return 0;
  const ratio = Math.max(0, outcome.timeToValueSec) / Math.max(1, outcome.expectedSec);
  return 0.5 + 0.5 * Math.exp(-ratio);
}

/**
 * Credits a finished journey's reward to every arm its decisions used (once per arm and context).
 *
 * @example
 * optimizer = recordJourneyOutcome(optimizer, journey.decisions, journeyReward({ completed: true, timeToValueSec: 240, expectedSec: 300 }));
 */
export function recordJourneyOutcome(
  state: PathOptimizerState,
  records: readonly DecisionRecord[],
  reward: number,
  options: OptimizerOptions = DEFAULT_OPTIMIZER_OPTIONS,
): PathOptimizerState {
  const r = Math.min(1, Math.max(0, reward));
  const next: PathOptimizerState = structuredClone(state);
  const seen = new Set<string>();
  const pooledSeen = new Set<string>();
  for (const record of records) {
    for (const arm of record.arms) {
      const key = `${record.context}\n${arm}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const ctx = next.contexts[record.context] ?? {};
      next.contexts[record.context] = ctx;
      const s = ctx[arm] ?? { a: 0, b: 0, n: 0 };
      ctx[arm] = s;
      s.a += r;
      s.b += 1 - r;
      s.n += 1;
      if (pooledSeen.has(arm)) continue;
      pooledSeen.add(arm);
      const p = next.pooled[arm] ?? { a: 0, b: 0, n: 0 };
      next.pooled[arm] = p;
      p.a += r;
      p.b += 1 - r;
      p.n += 1;
    }
  }
  const keys = Object.keys(next.contexts);
  if (keys.length > options.maxContexts) {
    const usage = (k: string) => Object.values(next.contexts[k]!).reduce((s, a) => s + a.n, 0);
    const drop = keys.sort((x, y) => usage(x) - usage(y)).slice(0, keys.length - options.maxContexts);
    for (const k of drop) delete next.contexts[k];
  }
  return next;
}

/** Posterior mean of an arm for a context, for reports and `predictOptimalPath`. */
export function armMean(
  state: PathOptimizerState,
  learning: LearningContext,
  arm: string,
  options: OptimizerOptions = DEFAULT_OPTIMIZER_OPTIONS,
): { mean: number; observations: number } {
  const p = posterior(state, contextKey(learning), arm, options);
  return { mean: mean(p), observations: p.alpha + p.beta - 2 };
}

export const arms = { step: stepArm, skip: skipArm, variant: variantArm };

/**
 * `getNextOptimalStep` backed by the optimizer, in the journey service's `NextStepPolicy` shape. The holder
 * is the flow's optimizer state and this journey's decision records; `choose` advances both, so the caller
 * persists `holder.state` and `holder.records` after the call.
 *
 * @example
 * const holder = { state: await flowObject.optimizerState(), records: journey.decisions, learning };
 * const decision = pathOptimizerPolicy(holder).choose(ctx);
 */
export function pathOptimizerPolicy(holder: {
  state: PathOptimizerState;
  records: DecisionRecord[];
  learning: LearningContext;
  options?: OptimizerOptions;
}): NextStepPolicy {
  return {
    name: 'bandit:thompson',
    choose(ctx) {
      const { decision, state } = chooseNextStep(holder.state, ctx, holder.learning, holder.options);
      holder.state = state;
      if (decision.record) holder.records.push(decision.record);
      const { record: _record, explored: _explored, ...plain } = decision;
      return plain;
    },
  };
}
