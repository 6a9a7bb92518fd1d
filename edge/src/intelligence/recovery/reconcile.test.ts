import type { StepCompletion } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { type JourneyRecord, type JourneySummary, reconcileUserState } from './reconcile';

const c = (stepId: string, at: number, action: StepCompletion['action'] = 'completed'): StepCompletion => ({
  stepId,
  at,
  action,
  durationMs: 1000,
});
const journey = (j: Partial<JourneyRecord> = {}): JourneyRecord => ({
  status: 'active',
  currentStepId: 'create-post',
  completedSteps: [c('create-profile', 1), c('connect-account', 2)],
  interventions: 1,
  predictedSuccessRate: 0.7,
  updatedAt: 100,
  ...j,
});
const summary = (s: Partial<JourneySummary> = {}): JourneySummary => ({
  status: 'active',
  currentStepId: 'create-post',
  stepsCompleted: 2,
  stepsSkipped: 0,
  interventions: 1,
  predictedSuccessRate: 0.7,
  updatedAt: 100,
  completedAt: null,
  completions: [c('create-profile', 1), c('connect-account', 2)],
  ...s,
});

describe('reconcileUserState (inconsistencies injected)', () => {
  it.each<{
    name: string;
    j: JourneyRecord | null;
    s: JourneySummary | null;
    expect: (r: ReturnType<typeof reconcileUserState>) => void;
  }>([
    {
      name: 'consistent: nothing to repair',
      j: journey(),
      s: summary(),
      expect: (r) => {
        expect(r.conflicts).toEqual([]);
        expect(r.repair).toEqual({ journey: false, summary: false });
      },
    },
    {
      name: 'D1 missed a write (summary lags): the summary is repaired from the object',
      j: journey({
        completedSteps: [c('create-profile', 1), c('connect-account', 2), c('set-goals', 3, 'skipped')],
        updatedAt: 200,
      }),
      s: summary(),
      expect: (r) => {
        expect(r.repair).toEqual({ journey: false, summary: true });
        expect(r.summary).toMatchObject({ stepsCompleted: 2, stepsSkipped: 1, updatedAt: 200 });
      },
    },
    {
      name: 'the object lost a completion D1 has: kept, and the stale current step cleared',
      j: journey({ completedSteps: [c('create-profile', 1)], currentStepId: 'connect-account' }),
      s: summary(),
      expect: (r) => {
        expect(r.journey.completedSteps.map((x) => x.stepId)).toEqual(['create-profile', 'connect-account']);
        expect(r.journey.currentStepId).toBeNull();
        expect(r.repair.journey).toBe(true);
        expect(r.conflicts.join('\n')).toMatch(/only D1 has it/);
      },
    },
    {
      name: 'the object lost everything: rebuilt from D1',
      j: null,
      s: summary({ status: 'completed', completedAt: 150, currentStepId: null }),
      expect: (r) => {
        expect(r.journey).toMatchObject({ status: 'completed', completedAt: 150, currentStepId: null });
        expect(r.journey.completedSteps).toHaveLength(2);
        expect(r.repair.journey).toBe(true);
      },
    },
    {
      name: 'D1 recorded completion after the object’s last write: adopted',
      j: journey({ updatedAt: 100 }),
      s: summary({ status: 'completed', completedAt: 300, updatedAt: 300 }),
      expect: (r) => {
        expect(r.journey).toMatchObject({ status: 'completed', completedAt: 300, currentStepId: null });
      },
    },
    {
      name: 'an older terminal status in D1 does not override the object',
      j: journey({ updatedAt: 400 }),
      s: summary({ status: 'abandoned', updatedAt: 300 }),
      expect: (r) => expect(r.journey.status).toBe('active'),
    },
    {
      name: 'both sides disagree on an action: the object wins, the conflict is reported',
      j: journey({ completedSteps: [c('create-profile', 1), c('connect-account', 2, 'skipped')] }),
      s: summary(),
      expect: (r) => {
        expect(r.journey.completedSteps[1]?.action).toBe('skipped');
        expect(r.conflicts.join('\n')).toMatch(/object says skipped, D1 says completed/);
        expect(r.repair.summary).toBe(true);
      },
    },
    {
      name: 'more interventions on either side: the larger count wins',
      j: journey({ interventions: 3 }),
      s: summary({ interventions: 5 }),
      expect: (r) => expect(r.journey.interventions).toBe(5),
    },
    {
      name: 'no D1 summary yet: written from the object',
      j: journey(),
      s: null,
      expect: (r) => expect(r.repair).toEqual({ journey: false, summary: true }),
    },
  ])('$name', ({ j, s, expect: check }) => check(reconcileUserState(j, s)));

  it('refuses when neither side exists', () => {
    expect(() => reconcileUserState(null, null)).toThrow(RangeError);
  });
});
