import { FlowDefinition, type InterventionPlan, type StruggleMetrics } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import demoFlow from '../dev/demo-flow.json' with { type: 'json' };
import { startIntelligence } from '../intelligence/journey-intelligence';
import { doneSteps, type JourneyState, startJourney } from './journey-state';
import { ruleBasedNextStep } from './next-step-policy';
import { struggleFollowUp } from './struggle-follow-up';

const flow = { flow: FlowDefinition.parse(demoFlow), version: 3, createdAt: 0 };
const state: JourneyState = startJourney({
  id: 'j',
  userId: 'u1',
  flow: flow.flow,
  flowVersion: 3,
  profile: { email: 'ada@example.com', traits: { plan: 'pro', note: '<script>' } },
  now: 1_000,
  first: ruleBasedNextStep.choose({
    flow: flow.flow,
    done: doneSteps({ completions: [] }),
    currentStepId: null,
    now: 0,
    random: () => 0,
  }),
});
const report: StruggleMetrics = {
  score: 0.9,
  source: 'model',
  reasons: [{ code: 'error_click', weight: 1 }],
  stepId: 'create-profile',
  element: '#save',
  recentSignals: [],
  t: 5_000,
};
const plan = (kind: InterventionPlan['kind'], holdout = false): InterventionPlan => ({
  id: 'p1',
  kind,
  stepId: 'create-profile',
  holdout,
  createdAt: 5_000,
  title: '',
  body: '',
  reason: '',
});
const facts = { tenantId: 't', report, state, flow, intel: startIntelligence({}), now: 65_000 };

describe('struggleFollowUp', () => {
  it.each([
    ['hint', false, undefined],
    ['explain_step', false, undefined],
    ['none', false, undefined],
    ['ai_help', true, undefined],
    ['human', true, undefined],
    ['ai_help', false, 'ai_help'],
    ['human', false, 'human'],
  ] as const)('%s (holdout %s) → %s', (kind, holdout, expected) => {
    expect(struggleFollowUp(plan(kind, holdout), facts)?.kind).toBe(expected);
  });

  it('grounds AI help in the step, the element, the reasons and the persona', () => {
    const f = struggleFollowUp(plan('ai_help'), facts);
    expect(f?.kind === 'ai_help' && f.request).toMatchObject({
      tenantId: 't',
      flow: { id: 'creator-studio', version: 3 },
      step: { id: 'create-profile' },
      element: '#save',
      reasons: [{ code: 'error_click' }],
      guidance: 'detailed',
    });
  });

  it('gives the person the step, its position, the time on it and the user (e-mail, no browser-set traits)', () => {
    const f = struggleFollowUp(plan('human'), facts);
    expect(f?.kind === 'human' && f.input).toMatchObject({
      id: 'p1',
      userId: 'u1',
      position: { index: 1, of: 5 },
      onStepMs: 64_000,
    });
    expect(f?.kind === 'human' && f.context).toEqual({
      tenantId: 't',
      user: { id: 'u1', email: 'ada@example.com' },
      flowId: 'creator-studio',
    });
  });
});
