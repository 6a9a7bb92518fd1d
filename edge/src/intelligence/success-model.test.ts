import type { PersonaType } from '@smart-onboarding/protocol';
import { calibrationReport, type Random, seededRandom } from '@smart-onboarding/stats';
import { describe, expect, it } from 'vitest';
import { PERSONA_TYPES } from './persona';
import {
  emptySuccessModel,
  type JourneySnapshot,
  predictSuccess,
  successFeatures,
  trainSuccessModel,
} from './success-model';

const neutral: JourneySnapshot = {
  persona: 'guided_learner',
  proficiency: 0.5,
  progress: 0,
  struggles: 0,
  paceRatio: 1,
  dismissals: 0,
};

describe('success prediction, cold start', () => {
  it.each<{ name: string; snapshot: Partial<JourneySnapshot>; range: [number, number] }>([
    { name: 'a neutral new journey', snapshot: {}, range: [0.4, 0.7] },
    { name: 'almost done, fluent', snapshot: { progress: 0.9, proficiency: 0.9 }, range: [0.8, 1] },
    {
      name: 'early, struggling, slow, dismissing help',
      snapshot: { struggles: 6, paceRatio: 3, dismissals: 3 },
      range: [0, 0.2],
    },
  ])('$name → within $range', ({ snapshot, range }) => {
    const p = predictSuccess(emptySuccessModel(), { ...neutral, ...snapshot });
    expect(p).toBeGreaterThanOrEqual(range[0]);
    expect(p).toBeLessThanOrEqual(range[1]);
  });

  it('moves with evidence in the right direction', () => {
    const m = emptySuccessModel();
    expect(predictSuccess(m, { ...neutral, progress: 0.8 })).toBeGreaterThan(predictSuccess(m, neutral));
    expect(predictSuccess(m, { ...neutral, struggles: 3 })).toBeLessThan(predictSuccess(m, neutral));
  });
});

/**
 * A synthetic tenant whose journeys end by a known logistic law (different from the prior), so the learned
 * probabilities can be checked against the truth.
 */
const TRUE_WEIGHTS = [0.9, -0.8, 0.1, 0.3, -0.6, 0.7, 1.6, 2.2, -1.1, -0.4, -0.7];
function syntheticJourney(rng: Random): { snapshots: JourneySnapshot[]; completed: boolean; truth: number } {
  const persona = PERSONA_TYPES[Math.floor(rng() * PERSONA_TYPES.length)] as PersonaType;
  const snapshot: JourneySnapshot = {
    persona,
    proficiency: rng(),
    progress: Math.floor(rng() * 5) / 4,
    struggles: Math.floor(rng() ** 2 * 6),
    paceRatio: 2 ** (rng() * 3 - 1.5),
    dismissals: rng() < 0.8 ? 0 : Math.floor(rng() * 3),
  };
  const x = successFeatures(snapshot);
  const truth = 1 / (1 + Math.exp(-x.reduce((s, v, i) => s + v * TRUE_WEIGHTS[i]!, 0)));
  return { snapshots: [snapshot], completed: rng() < truth, truth };
}

describe('success prediction, learned online', () => {
  it('is calibrated on held-out journeys after learning from 6,000 (ECE < 0.03, Brier near the truth)', () => {
    const rng = seededRandom(2026);
    let model = emptySuccessModel();
    for (let i = 0; i < 6000; i++) {
      const j = syntheticJourney(rng);
      model = trainSuccessModel(model, j.snapshots, j.completed);
    }
    const held = Array.from({ length: 6000 }, () => syntheticJourney(rng));
    const report = calibrationReport(
      held.map((j) => predictSuccess(model, j.snapshots[0]!)),
      held.map((j) => j.completed),
    );
    const oracle = calibrationReport(
      held.map((j) => j.truth),
      held.map((j) => j.completed),
    );
    const prior = calibrationReport(
      held.map((j) => predictSuccess(emptySuccessModel(), j.snapshots[0]!)),
      held.map((j) => j.completed),
    );
    expect(report.ece).toBeLessThan(0.03);
    expect(report.brier).toBeLessThan(oracle.brier + 0.01);
    expect(report.brier).toBeLessThan(prior.brier);
    expect(model.examples).toBe(6000);
  });

  it('does not move on no evidence, and keeps learning from where it stopped (state is plain JSON)', () => {
    const m = emptySuccessModel();
    expect(trainSuccessModel(m, [], true).weights).toEqual(m.weights);
    const once = trainSuccessModel(m, [neutral], true);
    const revived = JSON.parse(JSON.stringify(once));
    expect(trainSuccessModel(revived, [neutral], true)).toEqual(trainSuccessModel(once, [neutral], true));
    expect(predictSuccess(once, neutral)).toBeGreaterThan(predictSuccess(m, neutral));
  });
});
