import { LearningPath } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { arms, emptyPathOptimizer, recordJourneyOutcome } from '../learning/path-optimizer';
import { emptyCompletionTimeModel, recordStepDuration } from './completion-time';
import { predictOptimalPath } from './learning-path';
import { analyzeUserProfile } from './persona';
import { sampleFlow } from './test-flow';

const persona = analyzeUserProfile({ timeConstraints: { urgency: 'high', minutesPerSession: 5 } });
const learning = { persona: persona.personaType, cohort: 'default' };
const base = {
  flow: sampleFlow,
  persona,
  learning,
  optimizer: emptyPathOptimizer(),
  times: emptyCompletionTimeModel(),
  paceFactor: 1,
};

describe('predictOptimalPath', () => {
  it('on a cold start is the flow order with the authors’ estimates', () => {
    const path = predictOptimalPath({ ...base, done: new Set() });
    expect(LearningPath.parse(path)).toEqual(path);
    expect(path.steps.map((s) => s.stepId)).toEqual([
      'create-profile',
      'connect-account',
      'set-goals',
      'create-post',
      'schedule-post',
    ]);
    expect(path.estimatedDuration).toBe(45 + 60 + 40 + 120 + 45);
    expect(path.difficultyProgression).toEqual(['easy', 'medium', 'easy', 'medium', 'hard']);
    expect(path.adaptationPoints.map((a) => a.stepId)).toEqual(
      expect.arrayContaining(['connect-account', 'schedule-post', 'set-goals']),
    );
  });

  it('covers only what remains, at the user’s pace, with learned durations', () => {
    const times = recordStepDuration(emptyCompletionTimeModel(), 'create-post', 600, true);
    const path = predictOptimalPath({
      ...base,
      times,
      paceFactor: 2,
      done: new Set(['create-profile', 'connect-account', 'set-goals']),
    });
    expect(path.steps.map((s) => s.stepId)).toEqual(['create-post', 'schedule-post']);
    expect(path.steps[0]?.expectedDurationSec).toBe(Math.round(((3 * 120 + 600) / 4) * 2));
  });

  it('follows what the optimizer learned: skips goals and picks the better variant for this cohort', () => {
    let optimizer = emptyPathOptimizer();
    const ctx = `default|${persona.personaType}`;
    for (let i = 0; i < 30; i++) {
      optimizer = recordJourneyOutcome(
        optimizer,
        [{ context: ctx, arms: [arms.skip('set-goals'), arms.variant('connect-account', 'connect-text')] }],
        0.9,
      );
      optimizer = recordJourneyOutcome(
        optimizer,
        [{ context: ctx, arms: [arms.step('set-goals'), arms.variant('connect-account', undefined)] }],
        0.2,
      );
    }
    const path = predictOptimalPath({ ...base, optimizer, done: new Set(['create-profile']) });
    expect(path.steps.map((s) => s.stepId)).toEqual(['connect-account', 'create-post', 'schedule-post']);
    expect(path.steps[0]?.variantId).toBe('connect-text');
    expect(path.personalizedContent[0]).toMatchObject({
      stepId: 'connect-account',
      variantId: 'connect-text',
    });
    expect(
      path.adaptationPoints.some((a) => a.stepId === 'set-goals' && a.condition.startsWith('skipped')),
    ).toBe(true);
  });

  it('is empty when everything is done', () => {
    const path = predictOptimalPath({ ...base, done: new Set(sampleFlow.steps.map((s) => s.id)) });
    expect(path.steps).toEqual([]);
    expect(path.estimatedDuration).toBe(0);
  });
});
