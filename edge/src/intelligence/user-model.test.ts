import type { BehaviorEvent } from '@smart-onboarding/protocol';
import { FEATURE_NAMES, FEATURE_SCHEMA } from '@smart-onboarding/protocol/features';
import { describe, expect, it } from 'vitest';
import { analyzeUserProfile } from './persona';
import { behaviourEvidence, emptyUserModel, MAX_PATTERNS, updateUserModel } from './user-model';

const flow = {
  steps: [
    { id: 'a', estimatedDurationSec: 60, optional: false },
    { id: 'b', estimatedDurationSec: 60, optional: true },
    { id: 'c', estimatedDurationSec: 60, optional: false },
  ],
};
let n = 0;
const base = (t: number, stepId?: string) => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  sessionId: 's',
  timestamp: t,
  ...(stepId ? { stepId } : {}),
});
const viewed = (stepId: string, t: number): BehaviorEvent => ({
  ...base(t, stepId),
  eventType: 'step',
  stepId,
  action: 'viewed',
});
const done = (stepId: string, t: number, action: 'completed' | 'skipped' = 'completed'): BehaviorEvent => ({
  ...base(t, stepId),
  eventType: 'step',
  stepId,
  action,
});
const signal = (stepId: string, t: number, type: 'rage_click' | 'hesitation'): BehaviorEvent => ({
  ...base(t, stepId),
  eventType: 'signal',
  signal: { type, t, evidence: {} },
});
const struggle = (stepId: string, t: number, score: number): BehaviorEvent => ({
  ...base(t, stepId),
  eventType: 'struggle',
  score,
  source: 'rules',
  reasons: [{ code: 'rage_click', weight: 1 }],
});

describe('updateUserModel', () => {
  it.each<{ name: string; events: BehaviorEvent[]; expect: (s: ReturnType<typeof emptyUserModel>) => void }>([
    {
      name: 'a completed step becomes a pattern with its duration and signals',
      events: [viewed('a', 1000), signal('a', 5000, 'rage_click'), done('a', 31_000)],
      expect: (s) => {
        expect(s.patterns).toHaveLength(1);
        expect(s.patterns[0]).toMatchObject({
          stepId: 'a',
          durationMs: 30_000,
          expectedDurationMs: 60_000,
          signals: [{ type: 'rage_click' }],
        });
      },
    },
    {
      name: 'events out of order are applied by timestamp',
      events: [done('a', 31_000), viewed('a', 1000)],
      expect: (s) => expect(s.patterns[0]?.durationMs).toBe(30_000),
    },
    {
      name: 'a repeated completion counts once',
      events: [viewed('a', 0), done('a', 10_000), done('a', 20_000)],
      expect: (s) => expect(s.patterns).toHaveLength(1),
    },
    {
      name: 'struggle reports count, with the worst score',
      events: [struggle('a', 1, 0.7), struggle('a', 2, 0.9), struggle('c', 3, 0.6)],
      expect: (s) => {
        expect(s.struggleReports).toBe(3);
        expect(s.maxStruggleScore).toBe(0.9);
        expect(s.steps.a?.struggleReports).toBe(2);
      },
    },
    {
      name: 'skipping an optional step is remembered',
      events: [viewed('b', 0), done('b', 100, 'skipped')],
      expect: (s) => expect([s.optionalSeen, s.optionalSkipped]).toEqual([1, 1]),
    },
  ])('$name', ({ events, expect: check }) => {
    check(updateUserModel(emptyUserModel(), events, flow));
  });

  it('reads proficiency from feature windows when no summaries or signals came', () => {
    const values = (slots: Record<string, number>) => FEATURE_NAMES.map((name) => slots[name] ?? 0);
    const win = (stepId: string, t: number, slots: Record<string, number>): BehaviorEvent => ({
      ...base(t, stepId),
      eventType: 'features',
      window: { schema: FEATURE_SCHEMA, t0: t - 6000, t1: t, values: values(slots) },
    });
    const struggling = [
      viewed('a', 0),
      ...Array.from({ length: 30 }, (_, i) =>
        win('a', (i + 1) * 1000, { rage_chain_max: 4, unanswered_clicks: 2, clicks: 6 }),
      ),
      done('a', 31_000),
    ];
    const fluent = [
      viewed('a', 0),
      ...Array.from({ length: 30 }, (_, i) =>
        win('a', (i + 1) * 1000, { clicks: 1, keys: 6, keyboard_clicks: 1 }),
      ),
      done('a', 31_000),
    ];
    const s1 = updateUserModel(emptyUserModel(), struggling, flow);
    const s2 = updateUserModel(emptyUserModel(), fluent, flow);
    expect(s1.patterns[0]?.signals?.some((x) => x.type === 'rage_click')).toBe(true);
    expect(s2.patterns[0]?.interaction?.pointer).toBe('keyboard');
    expect(behaviourEvidence(s2).proficiency!.score).toBeGreaterThan(
      behaviourEvidence(s1).proficiency!.score + 0.3,
    );
  });

  it('does not change the state it was given', () => {
    const before = emptyUserModel();
    const copy = structuredClone(before);
    updateUserModel(before, [viewed('a', 0), done('a', 1)], flow);
    expect(before).toEqual(copy);
  });

  it('stays bounded however many steps are completed', () => {
    const many = Array.from({ length: 100 }, (_, i) => [
      viewed(`s${i}`, i * 10),
      done(`s${i}`, i * 10 + 5),
    ]).flat();
    const state = updateUserModel(emptyUserModel(), many, {
      steps: many.map((e) => ({ id: e.stepId!, estimatedDurationSec: 1, optional: false })),
    });
    expect(state.patterns).toHaveLength(MAX_PATTERNS);
  });

  it('refines the persona: a self-declared expert who struggles on every step becomes a cautious beginner', () => {
    const events: BehaviorEvent[] = [];
    let t = 0;
    for (const id of ['a', 'c', 'd', 'e', 'f', 'g']) {
      events.push(
        viewed(id, t),
        signal(id, t + 10_000, 'rage_click'),
        signal(id, t + 20_000, 'rage_click'),
        struggle(id, t + 21_000, 0.9),
      );
      t += 200_000;
      events.push(done(id, t));
    }
    const facts = {
      steps: ['a', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ id, estimatedDurationSec: 60, optional: false })),
    };
    const model = updateUserModel(emptyUserModel(), events, facts);
    const before = analyzeUserProfile({ technicalProficiency: 'expert' });
    const after = analyzeUserProfile({ technicalProficiency: 'expert' }, behaviourEvidence(model, 'expert'));
    expect(before.personaType).toBe('power_user');
    expect(after.personaType).toBe('cautious_beginner');
  });
});
