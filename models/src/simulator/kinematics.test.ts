import { createRandom } from '@smart-onboarding/stats';
import { describe, expect, it } from 'vitest';
import { aimedMovement, fittsTime, minimumJerk } from './kinematics';
import { motorProfile, PERSONAS } from './persona';

const motor = motorProfile(PERSONAS.find((p) => p.id === 'expert-mouse-fast-large')!);

describe('kinematics', () => {
  it.each([
    [0, 0],
    [0.5, 0.5],
    [1, 1],
    [-1, 0],
    [2, 1],
  ])('minimum jerk at %s is %s', (tau, s) => {
    expect(minimumJerk(tau)).toBeCloseTo(s, 9);
  });

  it('minimum jerk has a single bell-shaped velocity peak at the middle', () => {
    const v = Array.from({ length: 100 }, (_, i) => minimumJerk((i + 1) / 100) - minimumJerk(i / 100));
    const peak = v.indexOf(Math.max(...v));
    expect(peak).toBeGreaterThanOrEqual(48);
    expect(peak).toBeLessThanOrEqual(51);
    for (let i = 1; i <= peak; i++) expect(v[i]!).toBeGreaterThanOrEqual(v[i - 1]!);
  });

  it.each([
    [100, 100, 1],
    [400, 100, Math.log2(5)],
    [800, 20, Math.log2(41)],
  ])("Fitts' law: distance %s to width %s has index of difficulty %s bits", (d, w, id) => {
    expect(fittsTime(motor, d, w)).toBeCloseTo(motor.fittsA + motor.fittsB * id, 9);
  });

  it('aimed movements land in the target, harder targets take longer', () => {
    const rng = createRandom(3);
    const time = (w: number) => {
      let total = 0;
      for (let i = 0; i < 200; i++) {
        const m = aimedMovement(rng, motor, { x: 0, y: 0 }, { x: 600, y: 0 }, w);
        total += m.durationMs;
        expect(Math.hypot(m.end.x - 600, m.end.y)).toBeLessThanOrEqual(Math.max(w / 2 + 2, 40));
      }
      return total / 200;
    };
    expect(time(10)).toBeGreaterThan(time(120));
  });

  it('samples are in time order and follow the hardware rate', () => {
    const m = aimedMovement(
      createRandom(1),
      { ...motor, sampleHz: 60 },
      { x: 0, y: 0 },
      { x: 300, y: 200 },
      40,
    );
    for (let i = 1; i < m.samples.length; i++)
      expect(m.samples[i]!.dt).toBeGreaterThanOrEqual(m.samples[i - 1]!.dt);
    const rate = (m.samples.length / m.durationMs) * 1000;
    expect(rate).toBeGreaterThan(40);
    expect(rate).toBeLessThan(80);
  });
});
