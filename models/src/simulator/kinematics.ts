import type { RandomStream } from '@smart-onboarding/stats';
import type { MotorProfile } from './persona';

export interface Point {
  x: number;
  y: number;
}

/** One pointer sample, `dt` ms after the movement started. */
interface Sample extends Point {
  dt: number;
}

/** The minimum-jerk position profile: smooth start and stop, a single bell-shaped velocity peak. */
export function minimumJerk(tau: number): number {
  const t = Math.min(1, Math.max(0, tau));
  return t * t * t * (10 - 15 * t + 6 * t * t);
}

/** Fitts' law movement time for distance `d` to a target of width `w`, in ms. */
export function fittsTime(motor: MotorProfile, d: number, w: number): number {
  return motor.fittsA + motor.fittsB * Math.log2(d / Math.max(w, 1) + 1);
}

/**
 * An aimed movement as people make them: a primary minimum-jerk sub-movement whose duration follows Fitts'
 * law, landing with some scatter (usually a little short), then corrective sub-movements until the pointer
 * is inside the target; a slight curve, tremor on every sample, and short pauses between sub-movements.
 *
 * @example
 * const { samples, end } = aimedMovement(rng, motor, { x: 0, y: 0 }, { x: 400, y: 300 }, 80);
 */
export function aimedMovement(
  rng: RandomStream,
  motor: MotorProfile,
  from: Point,
  to: Point,
  targetWidth: number,
): { samples: Sample[]; end: Point; durationMs: number } {
  const samples: Sample[] = [];
  let pos = { ...from };
  let t = 0;
  const step = 1000 / motor.sampleHz;
  for (let sub = 0; sub < 4; sub++) {
    const d = Math.hypot(to.x - pos.x, to.y - pos.y);
    if (d < Math.max(2, targetWidth / 2) && sub > 0) break;
    if (d < 1) break;
    const ux = (to.x - pos.x) / d;
    const uy = (to.y - pos.y) / d;
    // Primary movements undershoot a little on average; corrections are more accurate.
    const errScale = sub === 0 ? motor.endpointError : motor.endpointError * 0.5;
    const along = d * (1 + rng.normal(sub === 0 ? -0.03 : 0, errScale));
    const across = rng.normal(0, errScale * 0.5 * d);
    const aim = { x: pos.x + ux * along - uy * across, y: pos.y + uy * along + ux * across };
    const duration = fittsTime(motor, d, targetWidth) * rng.logNormal(1, 0.15) * (sub === 0 ? 1 : 0.7);
    const curve = rng.normal(0, 0.04 * d);
    const start = pos;
    const n = Math.max(2, Math.round(duration / step));
    for (let i = 1; i <= n; i++) {
      const tau = i / n;
      const s = minimumJerk(tau);
      const bow = curve * Math.sin(Math.PI * tau);
      const x = start.x + (aim.x - start.x) * s - uy * bow + rng.normal(0, motor.tremorPx);
      const y = start.y + (aim.y - start.y) * s + ux * bow + rng.normal(0, motor.tremorPx);
      samples.push({ dt: t + tau * duration + rng.uniform(-1.5, 1.5), x: Math.round(x), y: Math.round(y) });
    }
    t += duration;
    pos = aim;
    const inside = Math.hypot(to.x - pos.x, to.y - pos.y) <= targetWidth / 2;
    if (inside) break;
    t += rng.uniform(40, 140);
  }
  samples.sort((a, b) => a.dt - b.dt);
  return { samples, end: { x: Math.round(pos.x), y: Math.round(pos.y) }, durationMs: t };
}
