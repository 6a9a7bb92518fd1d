import type { PersonaType } from '@smart-onboarding/protocol';
import type { Random } from '@smart-onboarding/stats';
import type { InterventionExposure } from '../src/intelligence/intervention/effectiveness';
import type { SimBackend } from './backend';
import {
  chanceOfStruggle,
  pickPersona,
  profileOf,
  type SimPersona,
  stepSeconds,
  struggleReport,
} from './simulated-user';

export interface UserResult {
  userId: string;
  persona: PersonaType;
  completed: boolean;
  /** Seconds from start to the end (completion or abandonment). */
  seconds: number;
  /** Interventions decided for this user (shown or held out), with when the user next progressed. */
  exposures: InterventionExposure[];
  /** Time from a struggle report to the plan coming back, ms (wall clock: the backend's latency). */
  decisionMs: number[];
}

/** Probability that a struggling user gets past the step without any help. */
const SELF_RESOLVE = 0.25;
const MAX_REPORTS_PER_STEP = 3;

/**
 * One simulated user through the flow on one backend. Same seed, same persona and same draws whatever the
 * arm, so the arms differ only by what the backend decides.
 */
export async function simulateUser(
  backend: SimBackend,
  userId: string,
  rng: Random,
  start: number,
  forcedPersona?: SimPersona,
): Promise<UserResult> {
  const drawn = pickPersona(rng);
  const persona = forcedPersona ?? drawn;
  const profile = profileOf(persona, rng);
  let t = start;
  const exposures: InterventionExposure[] = [];
  const decisionMs: number[] = [];
  let d = await backend.start(userId, profile, t);
  const finish = async (completed: boolean): Promise<UserResult> => {
    await backend.end(userId, completed ? 'completed' : 'abandoned', t);
    return { userId, persona: persona.type, completed, seconds: (t - start) / 1000, exposures, decisionMs };
  };
  while (d.step) {
    const step = d.step;
    if (rng() < persona.baseAbandon + (step.optional ? persona.optionalAnnoyance : 0)) return finish(false);
    const seconds = stepSeconds(persona, step, rng);
    let stuck = rng() < chanceOfStruggle(persona, step, d.variantId);
    for (let reports = 0; stuck && reports < MAX_REPORTS_PER_STEP; reports++) {
      t += seconds * 600; // 0.6 of the step in, the device reports struggle
      const before = performance.now();
      const plan = await backend.struggle(userId, struggleReport(step, rng, t), t);
      decisionMs.push(performance.now() - before);
      const shown = plan.kind !== 'none' && !plan.holdout;
      let p = SELF_RESOLVE;
      if (shown) {
        const variantHelps =
          plan.kind === 'simpler_variant' && plan.variantId
            ? 1 - chanceOfStruggle(persona, step, plan.variantId)
            : 0;
        p = Math.max(p, persona.helped[plan.kind] ?? 0, variantHelps * 0.8);
        if (plan.kind === 'human') t += 180_000; // someone answers within a few minutes
      }
      const resolved = rng() < p;
      const exposure: InterventionExposure | undefined =
        plan.kind !== 'none'
          ? { id: plan.id, kind: plan.kind, holdout: plan.holdout, createdAt: t }
          : undefined;
      if (shown) await backend.interventionOutcome(userId, plan.id, resolved ? 'accepted' : 'dismissed', t);
      if (resolved) {
        t += seconds * 800;
        if (exposure) exposures.push({ ...exposure, progressedAt: t });
        stuck = false;
        break;
      }
      if (exposure) exposures.push(exposure);
      if (rng() < persona.abandonWhenStuck) return finish(false);
      t += 60_000;
    }
    if (stuck) return finish(false);
    t += seconds * 1000;
    d = await backend.progress(userId, step.id, 'completed', seconds * 1000, t);
  }
  return finish(d.done);
}

/**
 * Runs `users` simulated users through each backend, the same users (same seeds) on both.
 */
export async function runArm(
  backend: SimBackend,
  users: number,
  seedRng: (i: number) => Random,
): Promise<UserResult[]> {
  const results: UserResult[] = [];
  for (let i = 0; i < users; i++)
    results.push(await simulateUser(backend, `sim-${i}`, seedRng(i), 1_800_000_000_000 + i * 3_600_000));
  return results;
}
