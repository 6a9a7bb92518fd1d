import { FlowDefinition } from '@smart-onboarding/protocol';
import { seededRandom } from '@smart-onboarding/stats';
import { describe, expect, it } from 'vitest';
import type { InterventionPolicy as JourneyInterventionPolicy } from '../journey/intervention-policy';
import { type NextStepPolicy as JourneyNextStepPolicy, ruleBasedNextStep } from '../journey/next-step-policy';
import { emptyPathOptimizer, pathOptimizerPolicy } from '../learning/path-optimizer';
import { interventionEngine } from './intervention/engine';
import { firstFeasibleStep } from './next-step-types';
import { fallbackToAdaptiveOnboarding } from './recovery/adaptive-fallback';

// The core implements the journey service's policy seam (defined once, in the journey's pure policy
// modules); these checks keep the learned policies pluggable into the journey object as they are.
describe('the journey service’s policy seam', () => {
  it('accepts the learned policies as they are (types)', () => {
    const nextStep: JourneyNextStepPolicy = fallbackToAdaptiveOnboarding(
      pathOptimizerPolicy({
        state: emptyPathOptimizer(),
        records: [],
        learning: { persona: 'explorer', cohort: 'default' },
      }),
    );
    const intervention: JourneyInterventionPolicy = interventionEngine();
    expect(nextStep.name).toContain('bandit');
    expect(intervention.name).toContain('engine');
  });

  it('has the same rule-based default (random flows and progress)', () => {
    const rng = seededRandom(5);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(rng() * 7);
      const flow = FlowDefinition.parse({
        id: 'f',
        name: 'f',
        steps: Array.from({ length: n }, (_, i) => ({
          id: `s${i}`,
          title: `s${i}`,
          prerequisites: Array.from({ length: i }, (_, j) => `s${j}`).filter(() => rng() < 0.4),
        })),
      });
      const done = new Set(flow.steps.filter(() => rng() < 0.5).map((s) => s.id));
      const ctx = { flow, done, currentStepId: null, now: 0, random: rng };
      expect(firstFeasibleStep.choose(ctx)).toEqual(ruleBasedNextStep.choose(ctx));
    }
  });
});
