import { FlowDefinition } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { feasibleSteps, ruleBasedNextStep } from './next-step-policy';

const flow = FlowDefinition.parse({
  id: 'f',
  name: 'F',
  steps: [
    { id: 'profile', title: 'Profile' },
    { id: 'goals', title: 'Goals', prerequisites: ['profile'], optional: true },
    { id: 'connect', title: 'Connect', prerequisites: ['profile'] },
    { id: 'post', title: 'Post', prerequisites: ['connect'] },
    { id: 'schedule', title: 'Schedule', prerequisites: ['post', 'goals'] },
  ],
});

const choose = (done: string[]) =>
  ruleBasedNextStep.choose({
    flow,
    done: new Set(done),
    currentStepId: null,
    now: 0,
    random: () => 0,
  });

describe('feasibleSteps', () => {
  it.each([
    [[], ['profile']],
    [['profile'], ['goals', 'connect']],
    [
      ['profile', 'connect'],
      ['goals', 'post'],
    ],
    [['profile', 'connect', 'post'], ['goals']],
    [['profile', 'connect', 'post', 'goals'], ['schedule']],
  ])('after %j: %j', (done, expected) => {
    expect(feasibleSteps(flow, new Set(done)).map((s) => s.id)).toEqual(expected);
  });
});

describe('ruleBasedNextStep', () => {
  it.each([
    [[], 'profile', false],
    [['profile'], 'goals', false],
    [['profile', 'goals'], 'connect', false],
    [['profile', 'goals', 'connect', 'post'], 'schedule', false],
    [['profile', 'goals', 'connect', 'post', 'schedule'], null, true],
  ])('after %j picks %s (done: %s)', (done, step, isDone) => {
    const decision = choose(done);
    expect(decision.step?.id ?? null).toBe(step);
    expect(decision.done).toBe(isDone);
    expect(decision.reason).not.toBe('');
  });

  it('never picks a step with unmet prerequisites, whatever is done', () => {
    const ids = flow.steps.map((s) => s.id);
    for (let mask = 0; mask < 1 << ids.length; mask++) {
      const done = new Set(ids.filter((_, i) => mask & (1 << i)));
      const step = choose([...done]).step;
      if (step) expect(step.prerequisites.every((p) => done.has(p))).toBe(true);
    }
  });
});
