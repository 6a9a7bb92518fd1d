import { FlowDefinition, InterventionPlan, StruggleMetrics } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { HINT_COOLDOWN_MS, hintOnCurrentStep, type InterventionContext } from './intervention-policy';

const flow = FlowDefinition.parse({
  id: 'f',
  name: 'F',
  steps: [
    { id: 'profile', title: 'Profile', body: 'Fill it in', target: { selector: '#profile' } },
    { id: 'connect', title: 'Connect', prerequisites: ['profile'] },
  ],
});

function ctx(over: Partial<InterventionContext> & { score?: number; stepId?: string; element?: string }) {
  const report = StruggleMetrics.parse({
    score: over.score ?? 0.9,
    source: 'model',
    reasons: [
      { code: 'rage_click', weight: 0.6 },
      { code: 'hesitation', weight: 0.2 },
    ],
    stepId: over.stepId,
    element: over.element,
    t: 1,
  });
  return {
    flow,
    report,
    currentStepId: 'profile',
    history: [],
    now: 100_000,
    random: () => 0,
    newId: () => 'plan-1',
    ...over,
  } satisfies InterventionContext;
}

describe('hintOnCurrentStep', () => {
  it.each([
    ['a high score on the current step', ctx({}), 'hint', '#profile'],
    ['a step named by the report', ctx({ stepId: 'connect', element: '#btn' }), 'hint', '#btn'],
    ['a low score', ctx({ score: 0.2 }), 'none', undefined],
    [
      'a hint shown just before',
      ctx({
        history: [{ id: 'x', kind: 'hint', createdAt: 100_000 - HINT_COOLDOWN_MS + 1, holdout: false }],
      }),
      'none',
      undefined,
    ],
    [
      'a hint shown long before',
      ctx({ history: [{ id: 'x', kind: 'hint', createdAt: 100_000 - HINT_COOLDOWN_MS, holdout: false }] }),
      'hint',
      '#profile',
    ],
    ['no step at all, but an element', ctx({ currentStepId: null, element: '#x' }), 'hint', '#x'],
  ])('%s gives %s', (_name, input, kind, selector) => {
    const plan = hintOnCurrentStep.decide(input);
    expect(InterventionPlan.safeParse(plan).success).toBe(true);
    expect(plan.kind).toBe(kind);
    expect(plan.target?.selector).toBe(selector);
    expect(plan.reason).toMatch(/struggle|hint was shown/);
  });

  it('names the strongest reasons in its explanation', () => {
    expect(hintOnCurrentStep.decide(ctx({})).reason).toBe('struggle 0.90 (model: rage_click, hesitation)');
  });
});
