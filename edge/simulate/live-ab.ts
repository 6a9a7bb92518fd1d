import type { FlowDefinition } from '@smart-onboarding/protocol';
import type { Random } from '@smart-onboarding/stats';
import type { SimBackend } from './backend';
import { httpBackend } from './http-backend';
import { simulateUser, type UserResult } from './simulation';

/**
 * Gives each arm its own user ids on a shared edge (the same simulated people, seeds and draws, under
 * another name), so arm A's journeys and arm B's never meet in one journey object.
 */
function withUserPrefix(backend: SimBackend, prefix: string): SimBackend {
  const id = (userId: string) => `${prefix}${userId}`;
  return {
    arm: backend.arm,
    start: (u, profile, now) => backend.start(id(u), profile, now),
    progress: (u, step, action, ms, now) => backend.progress(id(u), step, action, ms, now),
    struggle: (u, report, now) => backend.struggle(id(u), report, now),
    interventionOutcome: (u, i, outcome, now) => backend.interventionOutcome(id(u), i, outcome, now),
    end: (u, status, now) => backend.end(id(u), status, now),
  };
}

/**
 * The A/B test on the real edge: the same simulated users through arm A (`so_arm: adaptive`, the rules)
 * and arm B (`so_arm: smart`, the path optimizer learning in the flow's learner object, and the
 * intervention engine with its holdout), over the HTTP API with the demo tenant's secret key. Users of
 * the two arms alternate, so both meet the edge in the same state (warm caches, the learner's history).
 *
 * @example
 * const { a, b } = await runLiveAb(server.url, flow, 300, seedOf, `run${Date.now()}-`);
 */
export async function runLiveAb(
  base: string,
  flow: FlowDefinition,
  users: number,
  seedOf: (i: number) => Random,
  runId: string,
  onProgress?: (done: number) => void,
): Promise<{ a: UserResult[]; b: UserResult[] }> {
  const armA = withUserPrefix(httpBackend(base, flow, 'adaptive'), `${runId}a-`);
  const armB = withUserPrefix(httpBackend(base, flow, 'smart'), `${runId}b-`);
  const a: UserResult[] = [];
  const b: UserResult[] = [];
  for (let i = 0; i < users; i++) {
    const start = 1_800_000_000_000 + i * 3_600_000;
    a.push(await simulateUser(armA, `sim-${i}`, seedOf(i), start));
    b.push(await simulateUser(armB, `sim-${i}`, seedOf(i), start));
    onProgress?.(i + 1);
  }
  return { a, b };
}
