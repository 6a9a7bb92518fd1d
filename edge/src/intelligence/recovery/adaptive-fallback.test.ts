import { seededRandom } from '@smart-onboarding/stats';
import { describe, expect, it } from 'vitest';
import type { NextStepContext, NextStepPolicy } from '../../journey/next-step-policy';
import { sampleFlow } from '../test-flow';
import { fallbackToAdaptiveOnboarding } from './adaptive-fallback';

const ctx = (done: string[]): NextStepContext => ({
  flow: sampleFlow,
  done: new Set(done),
  currentStepId: null,
  now: 0,
  random: seededRandom(1),
});
const step = (id: string) => sampleFlow.steps.find((s) => s.id === id)!;
const policy = (choose: NextStepPolicy['choose']): NextStepPolicy => ({ name: 'learned', choose });

describe('fallbackToAdaptiveOnboarding (failures injected)', () => {
  it.each<{ name: string; learned: NextStepPolicy; done: string[]; expected: string | null; reason: RegExp }>(
    [
      {
        name: 'the learned policy throws',
        learned: policy(() => {
          throw new Error('state corrupt');
        }),
        done: [],
        expected: 'create-profile',
        reason: /learned failed: state corrupt/,
      },
      {
        name: 'it picks a step with unmet prerequisites',
        learned: policy(() => ({ step: step('create-post'), done: false, reason: 'x' })),
        done: ['create-profile'],
        expected: 'connect-account',
        reason: /unmet prerequisites connect-account/,
      },
      {
        name: 'it repeats a done step',
        learned: policy(() => ({ step: step('create-profile'), done: false, reason: 'x' })),
        done: ['create-profile'],
        expected: 'connect-account',
        reason: /already done/,
      },
      {
        name: 'it skips a required step',
        learned: policy(() => ({
          step: step('create-post'),
          skip: ['connect-account'],
          done: false,
          reason: 'x',
        })),
        done: ['create-profile'],
        expected: 'connect-account',
        reason: /skips required step/,
      },
      {
        name: 'it names an unknown variant',
        learned: policy(() => ({
          step: step('connect-account'),
          variantId: 'nope',
          done: false,
          reason: 'x',
        })),
        done: ['create-profile'],
        expected: 'connect-account',
        reason: /unknown variant/,
      },
      {
        name: 'it claims done too early',
        learned: policy(() => ({ step: null, done: true, reason: 'x' })),
        done: ['create-profile'],
        expected: 'connect-account',
        reason: /claims done/,
      },
    ],
  )('$name → the rule-based step, saying why', ({ learned, done, expected, reason }) => {
    const why: string[] = [];
    const d = fallbackToAdaptiveOnboarding(learned, { onFallback: (w) => why.push(w) }).choose(ctx(done));
    expect(d.step?.id ?? null).toBe(expected);
    expect(d.reason).toMatch(/^adaptive fallback/);
    expect(d.reason).toMatch(reason);
    expect(why).toHaveLength(1);
  });

  it('passes a valid learned decision through untouched, skips included', () => {
    const d0 = { step: step('create-post'), skip: ['set-goals'], done: false, reason: 'learned' };
    const d = fallbackToAdaptiveOnboarding(policy(() => d0)).choose(
      ctx(['create-profile', 'connect-account']),
    );
    expect(d).toBe(d0);
  });
});
