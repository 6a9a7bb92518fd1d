import type { BehaviorEventInput } from '@smart-onboarding/protocol';
import { FEATURE_SCHEMA } from '@smart-onboarding/protocol/features';
import type { SimulatedSession } from '../pipeline/corpus';

const EPOCH = 1_790_000_000_000;

/** A deterministic UUID-shaped id (the export's ids are the edge's; here they only need to be valid). */
function id(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/**
 * Turns simulated sessions into what the edge would export for them: their feature windows, and the
 * outcomes a product sees (a struggle episode ends with the step abandoned or help accepted, a healthy
 * one with the step completed). Used to test the learning-from-production path end to end.
 */
export function exportSample(sessions: readonly SimulatedSession[]): string {
  const lines: BehaviorEventInput[] = [];
  let n = 0;
  for (const s of sessions) {
    const sessionId = `sim-${s.sim.persona.id}-${s.sim.seed}`;
    for (const w of s.windows)
      lines.push({
        id: id(n++),
        sessionId,
        timestamp: EPOCH + Math.round(w.t1),
        eventType: 'features',
        window: {
          schema: FEATURE_SCHEMA,
          t0: EPOCH + Math.round(w.t0),
          t1: EPOCH + Math.round(w.t1),
          values: w.values,
        },
      });
    s.sim.episodes.forEach((e, i) => {
      const base = { id: id(n++), sessionId, timestamp: EPOCH + Math.round(e.t1) };
      if (!e.struggle) lines.push({ ...base, eventType: 'step', stepId: 'step-1', action: 'completed' });
      else if (i % 2) lines.push({ ...base, eventType: 'step', stepId: 'step-1', action: 'abandoned' });
      else lines.push({ ...base, eventType: 'intervention', interventionId: `iv-${i}`, action: 'accepted' });
    });
  }
  return `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
}
