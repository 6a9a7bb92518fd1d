import { FlowDefinition, type OnboardingJourney } from '@smart-onboarding/protocol';
import { seededRandom } from '@smart-onboarding/stats';
import { describe, expect, it } from 'vitest';
import demoFlow from '../src/dev/demo-flow.json' with { type: 'json' };
import {
  emptySuccessModel,
  type JourneySnapshot,
  trainSuccessModel,
} from '../src/intelligence/success-model';
import { inProcessBackend } from './in-process-backend';
import { simulateUserBehavior, validateModelPredictions, validateUserExperience } from './testing-framework';

const flow = FlowDefinition.parse(demoFlow);
const step = (id: string) => flow.steps.find((s) => s.id === id)!;

describe('simulateUserBehavior', () => {
  it('runs a user of the requested persona', async () => {
    const r = await simulateUserBehavior('power_user', {
      backend: inProcessBackend('smart', flow, seededRandom(1)),
      seed: 4,
    });
    expect(r.persona).toBe('power_user');
    expect(r.seconds).toBeGreaterThan(0);
  });
});

describe('validateModelPredictions', () => {
  it('reports a trained model better than chance', () => {
    const rng = seededRandom(3);
    const data = Array.from({ length: 3000 }, () => {
      const snapshot: JourneySnapshot = {
        persona: 'explorer',
        proficiency: rng(),
        progress: rng(),
        struggles: Math.floor(rng() * 4),
        paceRatio: 1,
        dismissals: 0,
      };
      return { snapshot, completed: rng() < 0.2 + 0.6 * snapshot.progress };
    });
    let model = emptySuccessModel();
    for (const d of data.slice(0, 2000)) model = trainSuccessModel(model, [d.snapshot], d.completed);
    const v = validateModelPredictions(model, data.slice(2000));
    expect(v.rocAuc).toBeGreaterThan(0.65);
    expect(v.calibration.ece).toBeLessThan(0.06);
    expect(v.accuracy).toBeGreaterThan(0.6);
  });
});

describe('validateUserExperience', () => {
  const journey = (j: Partial<OnboardingJourney>): OnboardingJourney =>
    ({
      id: 'j',
      userId: 'u',
      flowId: flow.id,
      flowVersion: 1,
      status: 'active',
      currentStep: null,
      completedSteps: [],
      personalizedPath: {
        pathId: 'p',
        steps: [],
        estimatedDuration: 0,
        difficultyProgression: [],
        personalizedContent: [],
        adaptationPoints: [],
      },
      engagementHistory: [],
      interventions: [],
      predictedSuccessRate: 0.5,
      estimatedCompletionTime: 0,
      adaptationHistory: [],
      startedAt: 0,
      updatedAt: 0,
      ...j,
    }) as OnboardingJourney;
  const c = (stepId: string, at: number, action: 'completed' | 'skipped' = 'completed') => ({
    stepId,
    at,
    action,
    durationMs: 1,
  });
  const i = (at: number, holdout = false) => ({
    id: `i${at}`,
    kind: 'hint' as const,
    createdAt: at,
    holdout,
  });

  it.each([
    {
      name: 'a sound journey',
      j: {
        completedSteps: [c('create-profile', 1), c('connect-account', 2)],
        currentStep: step('set-goals'),
      },
      codes: [],
    },
    {
      name: 'a step before its prerequisite',
      j: { completedSteps: [c('connect-account', 1), c('create-profile', 2)] },
      codes: ['prerequisite_order'],
    },
    {
      name: 'a required step skipped',
      j: { completedSteps: [c('create-profile', 1, 'skipped')] },
      codes: ['required_step_skipped'],
    },
    {
      name: 'an optional step skipped',
      j: { completedSteps: [c('create-profile', 1), c('set-goals', 2, 'skipped')] },
      codes: [],
    },
    {
      name: 'a current step that cannot be done yet',
      j: { currentStep: step('create-post') },
      codes: ['current_step_infeasible'],
    },
    {
      name: 'completed with steps left',
      j: { status: 'completed' as const, completedSteps: [c('create-profile', 1)] },
      codes: ['completed_with_steps_left'],
    },
    { name: 'two hints 5 s apart', j: { interventions: [i(0), i(5000)] }, codes: ['intervention_cooldown'] },
    { name: 'held-out plans do not count', j: { interventions: [i(0), i(5000, true)] }, codes: [] },
    {
      name: 'six hints in one session',
      j: { interventions: [0, 1, 2, 3, 4, 5].map((k) => i(k * 60_000)) },
      codes: ['intervention_cap'],
    },
  ])('$name → $codes', ({ j, codes }) => {
    const r = validateUserExperience(journey(j), flow);
    expect(r.issues.map((x) => x.code)).toEqual(codes);
    expect(r.valid).toBe(codes.length === 0);
  });
});
