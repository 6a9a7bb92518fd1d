import { createRandom, type RandomStream } from '@smart-onboarding/stats';
import type { RawEvent } from '../sdk';
import { EPISODES, type EpisodeKind, HEALTHY_KINDS, isStruggle, STRUGGLE_KINDS } from './episodes';
import { type MotorProfile, motorProfile, type Persona } from './persona';
import { UserSession } from './session';
import { buildPages } from './ui';

/** What a simulated session is asked to do. */
export interface TestScenario {
  /** Length of the session, ms (the last episode may run past it). */
  durationMs: number;
  /** Share of episodes that are struggle. */
  struggleRate: number;
  /** Restrict to these episode kinds (all by default). */
  kinds?: readonly EpisodeKind[];
  /**
   * What the capture sees. `pointer-only` keeps pointer, click and wheel input without targets, as in a
   * canvas app, a cross-origin iframe or a remote desktop: the model must not take missing DOM evidence
   * (no mutations, no keys) for struggle. Only struggle a pointer can show is simulated in that view.
   */
  view?: 'full' | 'pointer-only';
}

/** Struggle kinds that show in pointer input alone. */
export const POINTER_VISIBLE_STRUGGLE: readonly EpisodeKind[] = [
  'cannot_find',
  'unresponsive_target',
  'slow_wait',
];

const POINTER_ONLY_TYPES = new Set(['move', 'down', 'up', 'click', 'wheel']);

/** The pointer-only view of a trace: pointer, click and wheel events, stripped of targets. */
function pointerOnlyView(events: readonly RawEvent[]): RawEvent[] {
  return events
    .filter((e) => POINTER_ONLY_TYPES.has(e.type) && !('pointer' in e && e.pointer === 'touch'))
    .map((e) => {
      if (!('target' in e)) return e;
      const { target: _target, ...rest } = e;
      return rest as RawEvent;
    });
}

/** One labelled episode: `[t0, t1)` on the trace clock. */
export interface Episode {
  kind: EpisodeKind;
  struggle: boolean;
  t0: number;
  t1: number;
}

/** The seed's `BehaviorSimulation`: a raw event trace in the SDK's capture format, with its labels. */
export interface BehaviorSimulation {
  persona: Persona;
  seed: number;
  /** What the capture saw (see `TestScenario.view`). */
  view: 'full' | 'pointer-only';
  events: RawEvent[];
  episodes: Episode[];
}

export const DEFAULT_SCENARIO: TestScenario = { durationMs: 240_000, struggleRate: 0.35 };

/**
 * Each simulated user is a persona with their own small differences (motor skill, pace), on their own
 * hardware: pointer events arrive at 60 to 120 Hz on most machines, slower on busy or remote ones.
 */
function individualise(motor: MotorProfile, rng: RandomStream): MotorProfile {
  const j = (v: number, spread = 0.15) => v * rng.logNormal(1, spread);
  return {
    ...motor,
    sampleHz: motor.sampleHz && (rng.chance(0.15) ? rng.uniform(8, 30) : rng.pick([60, 60, 75, 90, 120])),
    fittsA: j(motor.fittsA),
    fittsB: j(motor.fittsB),
    endpointError: j(motor.endpointError, 0.2),
    tremorPx: j(motor.tremorPx, 0.25),
    thinkMs: j(motor.thinkMs, 0.25),
    keyMs: j(motor.keyMs, 0.2),
    readFactor: j(motor.readFactor, 0.2),
  };
}

/**
 * The seed's `simulateUserBehavior`: one user of the given persona working through the simulated
 * onboarding app, episode after episode (healthy ones, look-alikes and struggle), with realistic cursor
 * kinematics. Deterministic: the same persona, scenario and seed give the same trace.
 *
 * @example
 * const sim = simulateUserBehavior(PERSONAS[0], DEFAULT_SCENARIO, 7);
 * sim.events;   // RawEvent[] in time order
 * sim.episodes; // [{ kind: 'unresponsive_target', struggle: true, t0, t1 }, ...]
 */
export function simulateUserBehavior(
  persona: Persona,
  scenario: TestScenario,
  seed: number,
): BehaviorSimulation {
  const rng = createRandom(seed);
  const motor = individualise(motorProfile(persona), rng);
  const session = new UserSession(
    rng.fork('session'),
    persona,
    motor,
    buildPages(rng.fork('ui'), motor.viewport),
  );
  const pointerOnly = scenario.view === 'pointer-only';
  const allowed = (k: EpisodeKind) =>
    (!scenario.kinds || scenario.kinds.includes(k)) &&
    (!pointerOnly || !isStruggle(k) || POINTER_VISIBLE_STRUGGLE.includes(k));
  const healthy = HEALTHY_KINDS.filter(allowed);
  const struggle = STRUGGLE_KINDS.filter(allowed);
  const episodes: Episode[] = [];
  session.wait(rng.uniform(300, 1500));
  while (session.t < scenario.durationMs) {
    const wantStruggle = struggle.length > 0 && (healthy.length === 0 || rng.chance(scenario.struggleRate));
    const kind = rng.pick(wantStruggle ? struggle : healthy);
    const t0 = session.t;
    EPISODES[kind](session);
    episodes.push({ kind, struggle: isStruggle(kind), t0, t1: session.t });
  }
  const events = session.events();
  return {
    persona,
    seed,
    view: pointerOnly ? 'pointer-only' : 'full',
    events: pointerOnly ? pointerOnlyView(events) : events,
    episodes,
  };
}
