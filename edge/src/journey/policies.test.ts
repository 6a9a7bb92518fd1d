import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_OPTIONS } from '../intelligence/intervention/engine';
import { emptyPathOptimizer } from '../learning/path-optimizer';
import { engineOptions, journeyArm, journeyPolicies, learningCohort } from './policies';

describe('journeyArm', () => {
  it.each([
    [undefined, 'smart'],
    [{}, 'smart'],
    [{ traits: { so_arm: 'adaptive' } }, 'adaptive'],
    [{ traits: { so_arm: 'smart' } }, 'smart'],
    [{ traits: { so_arm: 'something else' } }, 'smart'],
    [{ traits: { plan: 'pro' } }, 'smart'],
  ])('%j → %s', (profile, arm) => {
    expect(journeyArm(profile as never)).toBe(arm);
  });
});

describe('learningCohort', () => {
  it.each([
    [undefined, 'default'],
    [{ traits: { plan: 'pro' } }, 'pro'],
    [{ traits: { plan: 3 } }, 'default'],
  ])('%j → %s', (profile, cohort) => {
    expect(learningCohort(profile as never)).toBe(cohort);
  });
});

describe('engineOptions', () => {
  it.each([
    ['development', '0', 0],
    ['development', '250', 250],
    ['development', undefined, DEFAULT_ENGINE_OPTIONS.cooldownMs],
    ['development', 'soon', DEFAULT_ENGINE_OPTIONS.cooldownMs],
    ['development', '-5', DEFAULT_ENGINE_OPTIONS.cooldownMs],
    ['production', '0', DEFAULT_ENGINE_OPTIONS.cooldownMs],
  ])('%s with DEV_INTERVENTION_COOLDOWN_MS=%s → cooldown %d ms', (ENVIRONMENT, raw, cooldown) => {
    expect(engineOptions({ ENVIRONMENT, DEV_INTERVENTION_COOLDOWN_MS: raw }).cooldownMs).toBe(cooldown);
  });
});

describe('journeyPolicies', () => {
  const holder = {
    state: emptyPathOptimizer(),
    records: [],
    learning: { cohort: 'default', persona: 'explorer' as const },
  };
  it.each([
    ['adaptive', undefined, 'rules:first-feasible', 'rules:hint-on-current-step'],
    ['smart', undefined, 'rules:first-feasible', 'engine:ladder-with-holdout'],
    ['smart', holder, 'bandit:thompson|fallback:', 'engine:ladder-with-holdout'],
  ] as const)('%s (holder: %s)', (arm, h, next, intervention) => {
    const p = journeyPolicies(DEFAULT_ENGINE_OPTIONS, arm, h);
    expect(p.nextStep.name.startsWith(next)).toBe(true);
    expect(p.intervention.name).toBe(intervention);
  });
});
