import type { BehaviorEvent, StepCompletion } from '@smart-onboarding/protocol';
import { seededRandom } from '@smart-onboarding/stats';
import { describe, expect, it } from 'vitest';
import { emptyFlowLearning, learnFromJourney } from '../learning/flow-learning';
import { chooseNextStep } from '../learning/path-optimizer';
import {
  journeyOutcome,
  journeyPredictions,
  observeEvents,
  rememberDecisions,
  startIntelligence,
  takeSnapshot,
} from './journey-intelligence';
import { sampleFlow } from './test-flow';

const T0 = 1_000_000;
const c = (stepId: string, atSec: number, durSec: number): StepCompletion => ({
  stepId,
  action: 'completed',
  at: T0 + atSec * 1000,
  durationMs: durSec * 1000,
});
let n = 0;
const ev = (e: Record<string, unknown>): BehaviorEvent =>
  ({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, sessionId: 's', ...e }) as BehaviorEvent;

describe('journey intelligence: a journey from start to outcome', () => {
  it('predicts at the start, refines with behaviour, and teaches the flow when it ends', () => {
    const profile = { technicalProficiency: 'expert' as const, previousExperience: 'experienced' as const };
    let intel = startIntelligence(profile, { cohort: 'pro' });
    expect(intel.learning).toEqual({ persona: 'power_user', cohort: 'pro' });
    let learning = emptyFlowLearning();
    const facts0 = { completions: [], interventions: [], startedAt: T0, now: T0 };
    const start = journeyPredictions(intel, learning, sampleFlow, facts0);
    expect(start.predictedSuccessRate).toBeGreaterThan(0.3);
    expect(start.predictedSuccessRate).toBeLessThan(0.8);
    // A power user goes fast: the estimate is below the authors' sum (310 s).
    expect(start.estimatedCompletionTime).toBeLessThan(310);

    // The optimizer decides; the journey keeps the record.
    const { decision, state } = chooseNextStep(
      learning.optimizer,
      { flow: sampleFlow, done: new Set(), random: seededRandom(1) },
      intel.learning,
    );
    learning = { ...learning, optimizer: state };
    intel = rememberDecisions(intel, decision.record ? [decision.record] : []);

    // The user struggles on every step and is slow: the persona turns, the prediction drops.
    const events: BehaviorEvent[] = [];
    const completions: StepCompletion[] = [];
    let t = T0;
    for (const id of ['create-profile', 'connect-account', 'set-goals']) {
      events.push(ev({ timestamp: t, eventType: 'step', stepId: id, action: 'viewed' }));
      events.push(
        ev({
          timestamp: t + 5000,
          stepId: id,
          eventType: 'signal',
          signal: { type: 'rage_click', t: t + 5000, evidence: {} },
        }),
      );
      events.push(
        ev({
          timestamp: t + 6000,
          stepId: id,
          eventType: 'struggle',
          score: 0.9,
          source: 'model',
          reasons: [{ code: 'rage_click', weight: 1 }],
        }),
      );
      t += 300_000;
      events.push(ev({ timestamp: t, eventType: 'step', stepId: id, action: 'completed' }));
      completions.push(c(id, (t - T0) / 1000, 300));
    }
    intel = observeEvents(intel, events, sampleFlow, profile);
    expect(intel.persona.personaType).toBe('cautious_beginner');
    const facts = { completions, interventions: [], startedAt: T0, now: t };
    intel = takeSnapshot(intel, sampleFlow, facts);
    const later = journeyPredictions(intel, learning, sampleFlow, facts);
    expect(later.predictedSuccessRate).toBeLessThan(start.predictedSuccessRate);
    expect(later.estimatedCompletionTime).toBeGreaterThan(165);

    // Abandoned on create-post after 10 minutes.
    const outcome = journeyOutcome(intel, sampleFlow, {
      ...facts,
      now: t + 600_000,
      status: 'abandoned',
      currentStepId: 'create-post',
      currentStepSince: t,
    });
    expect(outcome).toMatchObject({ completed: false, timeToValueSec: 1500, expectedSec: 270 });
    expect(outcome.stepDurations.at(-1)).toEqual({
      stepId: 'create-post',
      durationSec: 600,
      completed: false,
    });
    expect(outcome.snapshots).toHaveLength(2);
    expect(outcome.decisions).toHaveLength(1);

    const after = learnFromJourney(learning, outcome);
    expect(after.journeys).toEqual({ completed: 0, abandoned: 1 });
    expect(after.times.steps['create-post']).toEqual({ completions: 0, exposureSec: 600 });
    expect(after.success.examples).toBe(2);
    expect(Object.keys(after.optimizer.pooled).length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(after))).toEqual(after);
  });
});
