import { FlowDefinition, OnboardingJourney, OnboardingResult } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import {
  advance,
  applyProgress,
  completeJourney,
  type JourneyState,
  priorSuccessRate,
  startJourney,
  toOnboardingJourney,
  toOnboardingResult,
} from './journey-state';
import { ruleBasedNextStep } from './next-step-policy';

const flow = FlowDefinition.parse({
  id: 'f',
  name: 'F',
  steps: [
    { id: 'a', title: 'A', estimatedDurationSec: 10 },
    { id: 'b', title: 'B', prerequisites: ['a'], optional: true, estimatedDurationSec: 20 },
    { id: 'c', title: 'C', prerequisites: ['a'], estimatedDurationSec: 30 },
  ],
});

const next = (s: JourneyState) =>
  ruleBasedNextStep.choose({
    flow,
    done: new Set(s.completions.map((c) => c.stepId)),
    currentStepId: s.currentStepId,
    now: 0,
    random: () => 0,
  });

function started(): JourneyState {
  const s = startJourney({
    id: 'j',
    userId: 'u',
    flow,
    flowVersion: 1,
    now: 1000,
    first: next({ completions: [] } as never),
  });
  return s;
}

function step(s: JourneyState, stepId: string, action: 'viewed' | 'completed' | 'skipped', now: number) {
  const r = applyProgress(s, flow, { stepId, action }, now);
  if (!r.ok) return r;
  return { ok: true as const, value: advance(r.value.state, flow, next(r.value.state), now) };
}

describe('journey state', () => {
  it('starts on the first feasible step', () => {
    const s = started();
    expect(s).toMatchObject({ status: 'active', currentStepId: 'a', revision: 1 });
  });

  it.each([
    ['an unknown step', 'zzz', 'completed', 'not_found'],
    ['a step whose prerequisites are unmet', 'c', 'completed', 'prerequisites_unmet'],
    ['viewing a step whose prerequisites are unmet', 'c', 'viewed', 'prerequisites_unmet'],
    ['skipping a required step', 'a', 'skipped', 'conflict'],
  ] as const)('refuses %s', (_name, stepId, action, code) => {
    const r = applyProgress(started(), flow, { stepId, action }, 2000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('walks a flow to completion, timing each step, and ignores a repeated completion', () => {
    let s = started();
    const r1 = step(s, 'a', 'completed', 4000);
    if (!r1.ok) throw new Error('a');
    s = r1.value;
    expect(s.completions).toEqual([{ stepId: 'a', action: 'completed', at: 4000, durationMs: 3000 }]);
    expect(s.currentStepId).toBe('b');
    const again = applyProgress(s, flow, { stepId: 'a', action: 'completed' }, 5000);
    expect(again.ok && again.value.changed).toBe(false);
    const r2 = step(s, 'b', 'skipped', 5000);
    if (!r2.ok) throw new Error('b');
    s = r2.value;
    expect(s.currentStepId).toBe('c');
    expect(priorSuccessRate(s, flow)).toBeCloseTo(0.725);
    const r3 = step(s, 'c', 'completed', 9000);
    if (!r3.ok) throw new Error('c');
    s = r3.value;
    expect(s).toMatchObject({ status: 'completed', completedAt: 9000, currentStepId: null });
    expect(OnboardingJourney.parse(toOnboardingJourney(s, flow)).predictedSuccessRate).toBe(1);
    expect(OnboardingResult.parse(toOnboardingResult(s))).toMatchObject({
      stepsCompleted: 2,
      stepsSkipped: 1,
      totalDurationMs: 8000,
    });
    const late = applyProgress(s, flow, { stepId: 'c', action: 'completed' }, 9999);
    expect(late.ok ? 'ok' : late.error.code).toBe('conflict');
  });

  it('describes the remaining path and its time', () => {
    const j = toOnboardingJourney(started(), flow);
    expect(j.personalizedPath.steps.map((s) => s.stepId)).toEqual(['a', 'b', 'c']);
    expect(j.personalizedPath.estimatedDuration).toBe(60);
    expect(j.estimatedCompletionTime).toBe(40);
    expect(OnboardingJourney.safeParse(j).success).toBe(true);
  });

  it('completes on request, noting what was left', () => {
    const s = completeJourney(started(), flow, 5000);
    expect(s.status).toBe('completed');
    expect(s.adaptationHistory.at(-1)?.detail).toBe('completed with 2 required step(s) not done');
    expect(completeJourney(s, flow, 6000)).toBe(s);
  });

  it.each([
    ['an optional feasible step', ['b'], ['a', 'b']],
    ['a required step', ['c'], ['a']],
    ['an unknown step', ['zzz'], ['a']],
  ])('records a policy skipping %s only when allowed', (_name, skip, doneIds) => {
    const r = applyProgress(started(), flow, { stepId: 'a', action: 'completed' }, 2000);
    if (!r.ok) throw new Error('a');
    const s = advance(
      r.value.state,
      flow,
      { step: flow.steps[2]!, done: false, reason: 'policy', skip },
      2000,
    );
    expect(s.completions.map((c) => c.stepId)).toEqual(doneIds);
    expect(s.currentStepId).toBe('c');
  });
});
