import { WINDOW_MS } from '@smart-onboarding/protocol/features';
import { type ComputedWindow, slidingWindows } from './sdk';
import type { BehaviorSimulation } from './simulator/simulate';

/** A window of a simulated trace, with its label and where it came from. */
export interface LabelledWindow extends ComputedWindow {
  /** 1 when the window lies mostly inside a struggle episode. */
  label: 0 | 1;
  /** The episode kind covering most of the window. */
  kind: string;
  persona: string;
  device: string;
  /** Index of the simulated session it came from. */
  session: number;
}

/** A window counts as struggle when at least half of it lies inside a struggle episode. */
const POSITIVE_OVERLAP_MS = WINDOW_MS / 2;

/**
 * Cuts a simulated trace into the SDK's windows and labels each from the episodes it overlaps.
 *
 * @example
 * const windows = labelWindows(simulateUserBehavior(persona, DEFAULT_SCENARIO, 1), 0);
 */
export function labelWindows(sim: BehaviorSimulation, session: number): LabelledWindow[] {
  return slidingWindows(sim.events).map((w) => {
    let struggleMs = 0;
    let best = { kind: 'none', ms: 0 };
    for (const e of sim.episodes) {
      const ms = Math.max(0, Math.min(w.t1, e.t1) - Math.max(w.t0, e.t0));
      if (ms === 0) continue;
      if (e.struggle) struggleMs += ms;
      if (ms > best.ms) best = { kind: e.kind, ms };
    }
    return {
      ...w,
      label: struggleMs >= POSITIVE_OVERLAP_MS ? 1 : 0,
      kind: best.kind,
      persona: sim.persona.id,
      device: sim.persona.device,
      session,
    };
  });
}
