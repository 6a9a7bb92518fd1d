import { FlowDefinition, type OnboardingStep, type PersonaType } from '@smart-onboarding/protocol';
import { type Random, seededRandom } from '@smart-onboarding/stats';
import { describe, expect, it } from 'vitest';
import { sampleFlow } from '../intelligence/test-flow';
import { ruleBasedNextStep } from '../journey/next-step-policy';
import {
  armMean,
  arms,
  chooseNextStep,
  DEFAULT_OPTIMIZER_OPTIONS,
  type DecisionRecord,
  emptyPathOptimizer,
  journeyReward,
  type PathOptimizerState,
  pathOptimizerPolicy,
  recordJourneyOutcome,
} from './path-optimizer';

const learning = { persona: 'guided_learner' as PersonaType, cohort: 'default' };

describe('chooseNextStep, cold start', () => {
  it('follows the flow order exactly when exploration is off', () => {
    const rng = seededRandom(1);
    let state = emptyPathOptimizer();
    const done = new Set<string>();
    const order: string[] = [];
    for (;;) {
      const r = chooseNextStep(state, { flow: sampleFlow, done, random: rng }, learning, {
        ...DEFAULT_OPTIMIZER_OPTIONS,
        maxExplorationRate: 0,
      });
      state = r.state;
      if (!r.decision.step) {
        expect(r.decision.done).toBe(true);
        break;
      }
      expect(r.decision.step.id).toBe(
        ruleBasedNextStep.choose({ flow: sampleFlow, done, currentStepId: null, now: 0, random: rng }).step
          ?.id,
      );
      order.push(r.decision.step.id);
      done.add(r.decision.step.id);
    }
    expect(order).toEqual(['create-profile', 'connect-account', 'set-goals', 'create-post', 'schedule-post']);
  });

  it('explores at most the bounded share of decisions', () => {
    const rng = seededRandom(2);
    let state = emptyPathOptimizer();
    for (let i = 0; i < 2000; i++) {
      state = chooseNextStep(
        state,
        { flow: sampleFlow, done: new Set(['create-profile']), random: rng },
        learning,
      ).state;
    }
    expect(state.decisions).toBe(2000);
    expect(state.explorations / state.decisions).toBeLessThanOrEqual(
      DEFAULT_OPTIMIZER_OPTIONS.maxExplorationRate + 1 / 2000,
    );
    expect(state.explorations).toBeGreaterThan(0);
  });
});

/** Random DAG flows: each step may require any earlier steps; some optional, some with variants. */
function randomFlow(rng: Random): FlowDefinition {
  const n = 1 + Math.floor(rng() * 8);
  const steps = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    title: `Step ${i}`,
    prerequisites: Array.from({ length: i }, (_, j) => `s${j}`).filter(() => rng() < 0.3),
    optional: rng() < 0.3,
    variants: rng() < 0.4 ? [{ id: `s${i}-v`, style: 'simplified' as const, title: 'v', body: '' }] : [],
  }));
  return FlowDefinition.parse({ id: 'random', name: 'random', steps });
}

function randomState(rng: Random, flow: FlowDefinition): PathOptimizerState {
  let state = emptyPathOptimizer();
  for (let i = 0; i < 5; i++) {
    const armsUsed = flow.steps
      .flatMap((s) => [arms.step(s.id), arms.skip(s.id), arms.variant(s.id, s.variants[0]?.id)])
      .filter(() => rng() < 0.5);
    state = recordJourneyOutcome(state, [{ context: 'default|explorer', arms: armsUsed }], rng());
  }
  return state;
}

describe('chooseNextStep, properties over 1,000 random flows, progress and posteriors', () => {
  it('never chooses a step whose prerequisites are unmet, nor one already done, and skips only optional steps', () => {
    const rng = seededRandom(99);
    for (let trial = 0; trial < 1000; trial++) {
      const flow = randomFlow(rng);
      const done = new Set(flow.steps.filter(() => rng() < 0.4).map((s) => s.id));
      const state = randomState(rng, flow);
      const { decision } = chooseNextStep(
        state,
        { flow, done, random: rng },
        { persona: 'explorer', cohort: 'default' },
        { ...DEFAULT_OPTIMIZER_OPTIONS, maxExplorationRate: 1 },
      );
      const satisfied = new Set([...done, ...(decision.skip ?? [])]);
      for (const id of decision.skip ?? []) {
        const s = flow.steps.find((x) => x.id === id) as OnboardingStep;
        expect(s.optional).toBe(true);
        expect(done.has(id)).toBe(false);
      }
      if (decision.step) {
        expect(done.has(decision.step.id)).toBe(false);
        for (const p of decision.step.prerequisites) expect(satisfied.has(p)).toBe(true);
        if (decision.variantId) expect(decision.step.variants.map((v) => v.id)).toContain(decision.variantId);
      } else if (decision.done) {
        expect(flow.steps.every((s) => satisfied.has(s.id))).toBe(true);
      }
    }
  });
});

/**
 * A synthetic world where what works depends on the persona: cautious beginners complete far more often with
 * the simplified connect variant, power users with the text one, and time-pressed users abandon when made to
 * set goals. The optimizer must find each context's best choice.
 */
function world(persona: PersonaType, variant: string | undefined, didGoals: boolean): number {
  let p = 0.6;
  if (persona === 'cautious_beginner') p = variant === 'connect-simplified' ? 0.85 : 0.35;
  if (persona === 'power_user') p = variant === 'connect-text' ? 0.9 : 0.6;
  if (persona === 'time_pressed' && didGoals) p -= 0.35;
  return p;
}

function runJourney(
  state: PathOptimizerState,
  persona: PersonaType,
  rng: Random,
): { state: PathOptimizerState; records: DecisionRecord[]; variant?: string; didGoals: boolean } {
  const done = new Set<string>();
  const records: DecisionRecord[] = [];
  let variant: string | undefined;
  let didGoals = false;
  for (;;) {
    const r = chooseNextStep(state, { flow: sampleFlow, done, random: rng }, { persona, cohort: 'default' });
    state = r.state;
    if (r.decision.record) records.push(r.decision.record);
    for (const s of r.decision.skip ?? []) done.add(s);
    if (!r.decision.step) break;
    if (r.decision.step.id === 'connect-account') variant = r.decision.variantId;
    if (r.decision.step.id === 'set-goals') didGoals = true;
    done.add(r.decision.step.id);
  }
  const completed = rng() < world(persona, variant, didGoals);
  state = recordJourneyOutcome(
    state,
    records,
    journeyReward({ completed, timeToValueSec: 300, expectedSec: 310 }),
  );
  return { state, records, ...(variant ? { variant } : {}), didGoals };
}

describe('the optimizer learns per persona', () => {
  it('finds the best variant and skip for each persona within 600 journeys each', () => {
    const rng = seededRandom(7);
    let state = emptyPathOptimizer();
    const personas: PersonaType[] = ['cautious_beginner', 'power_user', 'time_pressed'];
    for (let i = 0; i < 1800; i++) state = runJourney(state, personas[i % 3]!, rng).state;
    const best = (persona: PersonaType, candidates: string[]) =>
      candidates.reduce((a, b) =>
        armMean(state, { persona, cohort: 'default' }, a).mean >=
        armMean(state, { persona, cohort: 'default' }, b).mean
          ? a
          : b,
      );
    expect(
      best('cautious_beginner', [
        arms.variant('connect-account', 'connect-simplified'),
        arms.variant('connect-account', 'connect-text'),
        arms.variant('connect-account', undefined),
      ]),
    ).toBe(arms.variant('connect-account', 'connect-simplified'));
    expect(
      best('power_user', [
        arms.variant('connect-account', 'connect-simplified'),
        arms.variant('connect-account', 'connect-text'),
        arms.variant('connect-account', undefined),
      ]),
    ).toBe(arms.variant('connect-account', 'connect-text'));
    expect(best('time_pressed', [arms.step('set-goals'), arms.skip('set-goals')])).toBe(
      arms.skip('set-goals'),
    );
    // And it acts on it: greedy journeys now take the best choice.
    const after = Array.from({ length: 50 }, () => runJourney(state, 'cautious_beginner', rng));
    expect(after.filter((j) => j.variant === 'connect-simplified').length).toBeGreaterThan(35);
    const tp = Array.from({ length: 50 }, () => runJourney(state, 'time_pressed', rng));
    expect(tp.filter((j) => !j.didGoals).length).toBeGreaterThan(35);
  });
});

describe('recordJourneyOutcome and state', () => {
  it('credits each arm once per journey and context, and survives JSON', () => {
    const s = recordJourneyOutcome(
      emptyPathOptimizer(),
      [
        { context: 'c|explorer', arms: ['step:a', 'variant:a:default'] },
        { context: 'c|explorer', arms: ['step:a', 'step:b'] },
      ],
      1,
    );
    expect(s.contexts['c|explorer']).toEqual({
      'step:a': { a: 1, b: 0, n: 1 },
      'variant:a:default': { a: 1, b: 0, n: 1 },
      'step:b': { a: 1, b: 0, n: 1 },
    });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('forgets the least-used contexts past the cap, keeping the pooled evidence', () => {
    let s = emptyPathOptimizer();
    for (let i = 0; i < 5; i++)
      s = recordJourneyOutcome(s, [{ context: `c${i}|explorer`, arms: ['step:a'] }], 1, {
        ...DEFAULT_OPTIMIZER_OPTIONS,
        maxContexts: 3,
      });
    expect(Object.keys(s.contexts)).toHaveLength(3);
    expect(s.pooled['step:a']?.n).toBe(5);
  });

  it.each([
    { completed: false, t: 10, e: 100, reward: 0 },
    { completed: true, t: 0, e: 100, reward: 1 },
    { completed: true, t: 100, e: 100, reward: 0.5 + 0.5 * Math.exp(-1) },
    { completed: true, t: 1e9, e: 100, reward: 0.5 },
  ])('journeyReward(completed $completed, $t s of $e) = $reward', ({ completed, t, e, reward }) => {
    expect(journeyReward({ completed, timeToValueSec: t, expectedSec: e })).toBeCloseTo(reward, 9);
  });
});

describe('pathOptimizerPolicy', () => {
  it('is a NextStepPolicy that records its decisions in the holder', () => {
    const holder = { state: emptyPathOptimizer(), records: [] as DecisionRecord[], learning };
    const policy = pathOptimizerPolicy(holder);
    const d = policy.choose({
      flow: sampleFlow,
      done: new Set(),
      currentStepId: null,
      now: 0,
      random: seededRandom(3),
    });
    expect(d.step?.id).toBe('create-profile');
    expect(holder.records).toHaveLength(1);
    expect(holder.state.decisions).toBe(1);
    expect(d).not.toHaveProperty('record');
  });
});
