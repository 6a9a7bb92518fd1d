import { InterventionPlan, type InterventionRecord, type StruggleMetrics } from '@smart-onboarding/protocol';
import { seededRandom } from '@smart-onboarding/stats';
import { describe, expect, it } from 'vitest';
import { sampleFlow } from '../test-flow';
import { DEFAULT_ENGINE_OPTIONS, interventionEngine, isHeldOut, triggerIntervention } from './engine';
import type { InterventionContext } from './types';

const NOW = 1_000_000;
const noHoldout = { ...DEFAULT_ENGINE_OPTIONS, holdoutFraction: 0 };
const report = (stepId: string, code: string, score = 0.8, element?: string): StruggleMetrics => ({
  score,
  source: 'model',
  reasons: [{ code, weight: 1 }],
  stepId,
  ...(element ? { element } : {}),
  recentSignals: [],
  t: NOW,
});
const record = (
  kind: InterventionRecord['kind'],
  stepId: string,
  agoMs: number,
  outcome?: InterventionRecord['outcome'],
): InterventionRecord => ({
  id: `i-${kind}-${agoMs}`,
  kind,
  stepId,
  createdAt: NOW - agoMs,
  holdout: false,
  ...(outcome ? { outcome } : {}),
});
let ids = 0;
const ctx = (
  r: StruggleMetrics,
  history: InterventionRecord[] = [],
  extra: Partial<InterventionContext> = {},
): InterventionContext => ({
  flow: sampleFlow,
  report: r,
  currentStepId: r.stepId ?? null,
  history,
  now: NOW,
  random: seededRandom(1),
  newId: () => `plan-${++ids}`,
  userId: 'user-1',
  ...extra,
});

describe('triggerIntervention: what to offer', () => {
  it.each<{
    name: string;
    r: StruggleMetrics;
    history?: InterventionRecord[];
    extra?: Partial<InterventionContext>;
    kind: string;
    check?: (p: InterventionPlan) => void;
  }>([
    {
      name: 'rage clicks on an element → a hint on that element',
      r: report('connect-account', 'rage_click', 0.8, '#connect-tiktok'),
      kind: 'hint',
      check: (p) => expect(p.target).toEqual({ selector: '#connect-tiktok' }),
    },
    {
      name: 'dead clicks → a hint on the real target, not on what was clicked',
      r: report('connect-account', 'dead_click', 0.8, '#logo'),
      kind: 'hint',
      check: (p) => expect(p.target?.selector).toBe('#connect-instagram'),
    },
    {
      name: 'hesitation → the step explained again',
      r: report('create-post', 'hesitation'),
      kind: 'explain_step',
    },
    {
      name: 'form struggle → the step explained again',
      r: report('create-profile', 'form_struggle'),
      kind: 'explain_step',
    },
    { name: 'error clicks → AI help', r: report('schedule-post', 'error_click'), kind: 'ai_help' },
    {
      name: 'error clicks without Azure → explanation instead',
      r: report('create-post', 'error_click'),
      extra: { capabilities: { aiHelp: false, human: true } },
      kind: 'explain_step',
    },
    {
      name: 'second report on a step after a hint → the step explained again',
      r: report('connect-account', 'rage_click'),
      history: [record('hint', 'connect-account', 60_000)],
      kind: 'explain_step',
    },
    {
      name: 'third report → the simpler variant',
      r: report('connect-account', 'rage_click'),
      history: [
        record('hint', 'connect-account', 120_000),
        record('explain_step', 'connect-account', 60_000),
      ],
      kind: 'simpler_variant',
      check: (p) => expect(p.variantId).toBe('connect-simplified'),
    },
    {
      name: 'a step without a simplified variant climbs straight to AI help',
      r: report('create-post', 'hesitation'),
      history: [record('explain_step', 'create-post', 60_000)],
      kind: 'ai_help',
    },
    {
      name: 'after AI help on a step → a human',
      r: report('create-post', 'hesitation'),
      history: [
        record('explain_step', 'create-post', 120_000),
        record('ai_help', 'create-post', 60_000, 'not_helpful' as never),
      ],
      kind: 'human',
    },
    {
      name: 'help on another step does not move this step up the ladder',
      r: report('create-post', 'hesitation'),
      history: [
        record('explain_step', 'connect-account', 120_000),
        record('ai_help', 'connect-account', 60_000),
      ],
      kind: 'explain_step',
    },
    {
      name: 'a kind dismissed on this step is not offered again there',
      r: report('connect-account', 'rage_click'),
      history: [record('hint', 'connect-account', 60_000, 'dismissed')],
      kind: 'explain_step',
    },
    {
      name: 'everything already tried and no human configured → none',
      r: report('create-post', 'hesitation'),
      history: [
        record('hint', 'create-post', 300_000),
        record('explain_step', 'create-post', 200_000),
        record('ai_help', 'create-post', 100_000),
      ],
      extra: { capabilities: { aiHelp: true, human: false } },
      kind: 'none',
    },
  ])('$name', ({ r, history, extra, kind, check }) => {
    const plan = triggerIntervention(ctx(r, history ?? [], extra ?? {}), noHoldout);
    expect(plan.kind).toBe(kind);
    expect(InterventionPlan.parse(plan)).toEqual(plan);
    check?.(plan);
  });
});

describe('triggerIntervention: fatigue', () => {
  it.each<{
    name: string;
    r: StruggleMetrics;
    history?: InterventionRecord[];
    extra?: Partial<InterventionContext>;
    reason: RegExp;
  }>([
    {
      name: 'below the persona threshold',
      r: report('create-post', 'hesitation', 0.6),
      extra: { threshold: 0.85 },
      reason: /below 0.85/,
    },
    {
      name: 'within the cooldown',
      r: report('create-post', 'hesitation'),
      history: [record('hint', 'connect-account', 10_000)],
      reason: /cooling down/,
    },
    {
      name: 'session cap reached',
      r: report('create-post', 'hesitation'),
      history: [1, 2, 3, 4].map((i) => record('hint', `s${i}`, i * 60_000)),
      reason: /session cap/,
    },
    {
      name: 'two dismissals this session',
      r: report('create-post', 'hesitation'),
      history: [record('hint', 'a', 120_000, 'dismissed'), record('hint', 'b', 60_000, 'dismissed')],
      reason: /dismissed 2/,
    },
  ])('$name → none', ({ r, history, extra, reason }) => {
    const plan = triggerIntervention(ctx(r, history ?? [], extra ?? {}), noHoldout);
    expect(plan.kind).toBe('none');
    expect(plan.reason).toMatch(reason);
  });

  it('counts only this session toward the cap and the dismissals', () => {
    const old = [1, 2, 3, 4].map((i) => record('hint', `s${i}`, 3_600_000 + i, 'dismissed'));
    const plan = triggerIntervention(
      ctx(report('create-post', 'hesitation'), old, { sessionStartedAt: NOW - 600_000 }),
      noHoldout,
    );
    expect(plan.kind).toBe('explain_step');
  });
});

describe('triggerIntervention: struggle on an element, for every persona', () => {
  const rules = (
    code: string,
    score: number,
    element: string,
    stepId = 'create-profile',
  ): StruggleMetrics => ({
    ...report(stepId, code, score, element),
    source: 'rules',
  });

  it("offers help on rule-confirmed rage clicks below a power user's threshold", () => {
    const plan = triggerIntervention(
      ctx(rules('rage_click', 0.75, '#schedule-button'), [], { threshold: 0.85 }),
      noHoldout,
    );
    expect(plan).toMatchObject({ kind: 'hint', target: { selector: '#schedule-button' } });
  });

  it('keeps the persona threshold for the model, and for rules without an element', () => {
    const model = triggerIntervention(
      ctx(report('create-profile', 'rage_click', 0.75, '#schedule-button'), [], { threshold: 0.85 }),
      noHoldout,
    );
    expect(model.reason).toMatch(/below 0.85/);
    const { element: _e, ...noElement } = rules('rage_click', 0.75, '#x');
    const bare = triggerIntervention(ctx(noElement, [], { threshold: 0.85 }), noHoldout);
    expect(bare.reason).toMatch(/below 0.85/);
    const weak = triggerIntervention(ctx(rules('rage_click', 0.4, '#x'), [], { threshold: 0.85 }), noHoldout);
    expect(weak.reason).toMatch(/below 0.5/);
  });

  it('says what the step pointing at the element says, not the current step', () => {
    const plan = triggerIntervention(ctx(rules('rage_click', 0.75, '#schedule-button')), noHoldout);
    const schedule = sampleFlow.steps.find((s) => s.id === 'schedule-post')!;
    expect(plan).toMatchObject({ title: schedule.title, body: schedule.body, stepId: 'create-profile' });
  });

  it('words a form that refuses input as that field, not as the step', () => {
    const plan = triggerIntervention(ctx(rules('form_struggle', 0.8, '#signup-email')), noHoldout);
    const profile = sampleFlow.steps.find((s) => s.id === 'create-profile')!;
    expect(plan).toMatchObject({ kind: 'hint', target: { selector: '#signup-email' } });
    expect(plan.body).not.toBe(profile.body);
    expect(plan.title).toMatch(/field/);
  });

  it('passes the cooldown after an earlier hint, within the session cap', () => {
    const plan = triggerIntervention(
      ctx(rules('rage_click', 0.75, '#schedule-button'), [record('hint', 'connect-account', 5_000)]),
      noHoldout,
    );
    expect(plan.kind).toBe('hint');
    const capped = [1, 2, 3, 4].map((i) => record('hint', `s${i}`, i * 1_000));
    expect(
      triggerIntervention(ctx(rules('rage_click', 0.75, '#schedule-button'), capped), noHoldout).reason,
    ).toMatch(/session cap/);
  });

  it('after a hint on this step (the model saw it first), help climbs the ladder and stays on the element', () => {
    const plan = triggerIntervention(
      ctx(rules('rage_click', 0.75, '#advanced-options'), [record('hint', 'create-profile', 2_000)]),
      noHoldout,
    );
    expect(plan).toMatchObject({ kind: 'explain_step', target: { selector: '#advanced-options' } });
    const error = triggerIntervention(ctx(rules('error_click', 0.8, '#advanced-options')), noHoldout);
    expect(error).toMatchObject({ kind: 'ai_help', target: { selector: '#advanced-options' } });
  });

  it('grounds AI help on the element after an error click', () => {
    const plan = triggerIntervention(ctx(rules('error_click', 0.8, '#schedule-button')), noHoldout);
    expect(plan.kind).toBe('ai_help');
  });
});

describe('holdout', () => {
  it('holds out a stable ~10% of users, who get the same decision marked holdout', () => {
    const users = Array.from({ length: 5000 }, (_, i) => `user-${i}`);
    const held = users.filter((u) => isHeldOut(u, DEFAULT_ENGINE_OPTIONS));
    expect(held.length / users.length).toBeGreaterThan(0.08);
    expect(held.length / users.length).toBeLessThan(0.12);
    const heldUser = held[0]!;
    const shownUser = users.find((u) => !isHeldOut(u, DEFAULT_ENGINE_OPTIONS))!;
    const a = triggerIntervention(ctx(report('create-post', 'hesitation'), [], { userId: heldUser }));
    const b = triggerIntervention(ctx(report('create-post', 'hesitation'), [], { userId: shownUser }));
    expect([a.kind, a.holdout]).toEqual(['explain_step', true]);
    expect([b.kind, b.holdout]).toEqual(['explain_step', false]);
    expect(isHeldOut(heldUser, DEFAULT_ENGINE_OPTIONS)).toBe(true);
  });

  it('re-draws the group with a new salt and holds no one out without a user id', () => {
    const users = Array.from({ length: 2000 }, (_, i) => `u${i}`);
    const a = users.filter((u) => isHeldOut(u, DEFAULT_ENGINE_OPTIONS));
    const b = users.filter((u) => isHeldOut(u, { ...DEFAULT_ENGINE_OPTIONS, holdoutSalt: 'exp-2' }));
    expect(a).not.toEqual(b);
    const { userId: _u, ...anonymous } = ctx(report('create-post', 'hesitation'));
    expect(
      triggerIntervention({ ...anonymous }, { ...DEFAULT_ENGINE_OPTIONS, holdoutFraction: 1 }).holdout,
    ).toBe(false);
  });
});

describe('without a journey', () => {
  it('still helps with the element the user is stuck on', () => {
    const plan = triggerIntervention(
      ctx(report('nowhere', 'rage_click', 0.9, '#save'), [], { flow: null }),
      noHoldout,
    );
    expect(plan).toMatchObject({ kind: 'hint', target: { selector: '#save' } });
    expect(plan.stepId).toBeUndefined();
  });
});

describe('interventionEngine', () => {
  it('is an InterventionPolicy', () => {
    const policy = interventionEngine(noHoldout);
    expect(policy.decide(ctx(report('create-post', 'hesitation'))).kind).toBe('explain_step');
  });
});
