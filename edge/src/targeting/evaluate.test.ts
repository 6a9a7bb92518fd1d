import { TargetingRule } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { chooseFlow, pageMatches } from './evaluate';

const rule = (r: Record<string, unknown>) => TargetingRule.parse({ flowId: 'f', ...r });
const ctx = {
  url: 'https://app.example.com/settings/billing?tab=1',
  userId: 'u1',
  traits: { plan: 'pro', seats: 12 },
  now: 1_000,
};

describe('pageMatches', () => {
  it.each([
    ['/settings/*', true],
    ['/settings', false],
    ['/settings/billing?tab=1', true],
    ['https://app.example.com/*', true],
    ['https://other.example.com/*', false],
    ['/set.ings/*', false],
    ['*billing*', true],
  ])('%s: %s', (pattern, expected) => {
    expect(pageMatches(pattern, ctx.url)).toBe(expected);
  });
});

describe('chooseFlow', () => {
  it.each([
    ['no conditions', {}, true],
    ['disabled', { enabled: false }, false],
    ['before its start', { startAt: 2_000 }, false],
    ['after its end', { endAt: 1_000 }, false],
    ['inside its window', { startAt: 0, endAt: 2_000 }, true],
    ['on its page', { pages: ['/settings/*'] }, true],
    ['on another page', { pages: ['/home'] }, false],
    ['a trait equal', { traits: [{ key: 'plan', op: 'eq', value: 'pro' }] }, true],
    ['a trait different', { traits: [{ key: 'plan', op: 'eq', value: 'free' }] }, false],
    ['a trait in a list', { traits: [{ key: 'plan', op: 'in', value: ['team', 'pro'] }] }, true],
    ['a missing trait', { traits: [{ key: 'role', op: 'exists' }] }, false],
    ['a number above', { traits: [{ key: 'seats', op: 'gt', value: 10 }] }, true],
    ['a number below', { traits: [{ key: 'seats', op: 'lt', value: 10 }] }, false],
    ['0 % rollout', { rolloutPercent: 0 }, false],
  ])('%s: %s', (_name, r, expected) => {
    expect(chooseFlow([rule(r)], ctx).flowId !== null).toBe(expected);
  });

  it('takes the first matching rule in order', () => {
    const rules = [rule({ flowId: 'a', pages: ['/home'] }), rule({ flowId: 'b' }), rule({ flowId: 'c' })];
    expect(chooseFlow(rules, ctx)).toEqual({ flowId: 'b', rule: 1 });
    expect(chooseFlow([], ctx)).toEqual({ flowId: null, rule: null });
  });

  it('rolls out to about the share asked, the same users every time', () => {
    const r = [rule({ rolloutPercent: 30 })];
    const users = Array.from({ length: 4000 }, (_, i) => `user-${i}`);
    const inRollout = users.filter((userId) => chooseFlow(r, { ...ctx, userId }).flowId);
    expect(inRollout.length / users.length).toBeGreaterThan(0.27);
    expect(inRollout.length / users.length).toBeLessThan(0.33);
    expect(users.filter((userId) => chooseFlow(r, { ...ctx, userId }).flowId)).toEqual(inRollout);
  });
});
