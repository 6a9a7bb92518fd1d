import { type LabelledWindow, labelWindows } from '../dataset';
import { HELD_OUT_PERSONA_IDS, PERSONAS } from '../simulator/persona';
import { type BehaviorSimulation, simulateUserBehavior } from '../simulator/simulate';
import type { PipelineConfig } from './config';

/** A simulated session and its labelled windows. */
export interface SimulatedSession {
  sim: BehaviorSimulation;
  windows: LabelledWindow[];
}

/**
 * The simulated corpus, split three ways:
 * - `train`: personas seen in training, most of their users;
 * - `validation`: the same personas, other users (chooses the alarm thresholds);
 * - `test`: the held-out personas, never seen in training (every reported figure comes from here).
 */
export interface Corpus {
  train: SimulatedSession[];
  validation: SimulatedSession[];
  test: SimulatedSession[];
}

/** The seed of one simulated user: a pure function of the run seed, the persona and the user number. */
function sessionSeed(runSeed: number, personaIndex: number, user: number): number {
  return (
    (Math.imul(runSeed >>> 0, 0x9e3779b1) ^
      Math.imul(personaIndex + 1, 0x85ebca77) ^
      Math.imul(user + 1, 0xc2b2ae3d)) >>>
    0
  );
}

export function simulateCorpus(config: PipelineConfig, onSession?: () => void): Corpus {
  const corpus: Corpus = { train: [], validation: [], test: [] };
  let n = 0;
  PERSONAS.forEach((persona, pi) => {
    const heldOut = HELD_OUT_PERSONA_IDS.includes(persona.id);
    for (let user = 0; user < config.usersPerPersona; user++) {
      // One user in three of the pointer devices is seen through a pointer-only capture (see `TestScenario.view`).
      const pointerOnly = (persona.device === 'mouse' || persona.device === 'touchpad') && user % 3 === 2;
      const sim = simulateUserBehavior(
        persona,
        {
          durationMs: config.sessionMs,
          struggleRate: config.struggleRate,
          view: pointerOnly ? 'pointer-only' : 'full',
        },
        sessionSeed(config.seed, pi, user),
      );
      const session = { sim, windows: labelWindows(sim, n++) };
      if (heldOut) corpus.test.push(session);
      else if (user >= config.usersPerPersona - config.validationUsers) corpus.validation.push(session);
      else corpus.train.push(session);
      onSession?.();
    }
  });
  return corpus;
}
