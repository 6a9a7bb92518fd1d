import { FlowDefinition } from '@smart-onboarding/protocol';
import demoFlow from '../src/dev/demo-flow.json' with { type: 'json' };
import { seededRandom } from '../src/intelligence/random';
import { inProcessBackend } from './in-process-backend';
import { abReport, formatReport } from './report';
import { runArm } from './simulation';

/**
 * `pnpm simulate [--users N] [--seed S]`: the A/B simulation (the seed's TestingFramework) on the demo
 * tenant's creator-studio flow. The same simulated users (same seeds) go through arm A (the journey
 * service's rules: flow order, a hint on the current step) and arm B (the path optimizer, learning as
 * users finish, and the intervention engine with a 10% holdout).
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

const users = arg('users', 4000);
const seed = arg('seed', 2026);
const flow = FlowDefinition.parse(demoFlow);
const seedOf = (i: number) => seededRandom(seed * 1_000_003 + i);

const started = performance.now();
const a = inProcessBackend('adaptive', flow, seededRandom(seed));
const b = inProcessBackend('smart', flow, seededRandom(seed + 1));
const ra = await runArm(a, users, seedOf);
const rb = await runArm(b, users, seedOf);
console.log(
  `A/B simulation: ${users} simulated users per arm, flow "${flow.id}", seed ${seed} (in process, the edge's pure core)\n`,
);
console.log(formatReport(abReport(ra, rb, b.predictions)));
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
