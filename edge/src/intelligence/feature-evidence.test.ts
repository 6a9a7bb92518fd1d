import { FEATURE_NAMES, FEATURE_SCHEMA, type FeatureName } from '@smart-onboarding/protocol/features';
import { describe, expect, it } from 'vitest';
import { addFeatureWindow, emptyWindowEvidence } from './feature-evidence';

const window = (slots: Partial<Record<FeatureName, number>>, schema: string = FEATURE_SCHEMA) => ({
  schema,
  t0: 0,
  t1: 6000,
  values: FEATURE_NAMES.map((n) => slots[n] ?? 0),
});
const sum = (ws: ReturnType<typeof window>[]) => ws.reduce(addFeatureWindow, emptyWindowEvidence());

describe('addFeatureWindow', () => {
  it('counts each event once across the six windows that see it', () => {
    // One click, seen by six overlapping windows.
    const e = sum(Array.from({ length: 6 }, () => window({ clicks: 1 })));
    expect(e.clicks).toBeCloseTo(1, 9);
    expect(e.activeMs).toBe(6000);
  });

  it.each([
    { name: 'a rage burst', slots: { rage_chain_max: 4 }, type: 'rage_click' },
    { name: 'unanswered clicks', slots: { unanswered_clicks: 2 }, type: 'dead_click' },
    { name: 'errors after clicks', slots: { error_clicks: 1 }, type: 'error_click' },
    { name: 'a thrashing cursor', slots: { sharp_turn_rate: 5 }, type: 'thrashed_cursor' },
    { name: 'a form that refuses', slots: { invalid: 1 }, type: 'form_struggle' },
    { name: 'quick backs', slots: { quick_backs: 1 }, type: 'quick_back' },
  ])('reads $name as $type', ({ slots, type }) => {
    const e = sum(Array.from({ length: 6 }, () => window(slots)));
    expect(e.friction[type as 'rage_click']).toBeGreaterThan(0.9);
  });

  it.each([
    { name: 'another schema', w: window({ clicks: 9 }, 'fw0') },
    { name: 'a vector of the wrong length', w: { schema: FEATURE_SCHEMA, t0: 0, t1: 1, values: [9, 9] } },
  ])('ignores $name', ({ w }) => {
    expect(addFeatureWindow(emptyWindowEvidence(), w)).toEqual(emptyWindowEvidence());
  });

  it('does not count a hidden tab as attended time', () => {
    expect(sum([window({ hidden_fraction: 1 })]).activeMs).toBe(0);
  });
});
