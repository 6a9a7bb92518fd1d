import { FlowDefinition } from '@smart-onboarding/protocol';
import { startDevServer } from '@smart-onboarding/testing';
import demoFlow from '../src/dev/demo-flow.json' with { type: 'json' };
import { seededRandom } from '../src/intelligence/random';
import { httpBackend } from './http-backend';
import { inProcessBackend } from './in-process-backend';
import { measureInterventionLatency } from './live-edge';
import { abReport, formatReport, summarise } from './report';
import { runArm } from './simulation';
import { validateUserExperience } from './testing-framework';

/**
 * `pnpm simulate [--users N] [--seed S]`: the A/B simulation (the seed's TestingFramework) on the demo
 * tenant's creator-studio flow. The same simulated users (same seeds) go through arm A (the journey
 * service's rules: flow order, a hint on the current step) and arm B (the path optimizer, learning as
 * users finish, and the intervention engine with a 10% holdout). Then, unless `--no-edge`, simulated users
 * on the real local edge (a fresh `wrangler dev`): the time from a struggle report to the intervention
 * received over the WebSocket.
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

if (!process.argv.includes('--no-edge')) {
  const liveUsers = arg('live-users', 20);
  const reports = arg('reports', 10);
  console.log('\nstarting the local edge (wrangler dev, fresh state)...');
  const server = await startDevServer();
  try {
    const live = await measureInterventionLatency(server.url, { users: liveUsers, reportsPerUser: reports });
    const row = (name: string, f: typeof live.socket) =>
      `${name.padEnd(44)} ${String(f.samples).padStart(7)}  ${f.p50.toFixed(1).padStart(6)}  ${f.p95.toFixed(1).padStart(6)}  ${f.p99.toFixed(1).padStart(6)}  ${f.max.toFixed(1).padStart(6)}`;
    console.log(
      `\nstruggle report → intervention on the real local edge (${liveUsers} users × ${reports} reports), ms`,
    );
    console.log(`${'path'.padEnd(44)} samples     p50     p95     p99     max`);
    console.log(row('WebSocket: struggle sent → intervention', live.socket));
    console.log(row('HTTP: POST /v1/journeys/{user}/struggle', live.http));
    console.log(
      `plans over the socket: ${Object.entries(live.kinds)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );

    // The same simulated users through the live edge's HTTP API, every journey then checked for UX invariants.
    const http = httpBackend(server.url, flow);
    const journeys = await runArm(http, liveUsers * 5, seedOf);
    const issues = [];
    for (const r of journeys)
      issues.push(...validateUserExperience(await http.journey(r.userId), flow).issues);
    const s = summarise('live edge', journeys);
    const codes = [...new Set(issues.map((i) => i.code))].join(', ');
    console.log(
      `\n${journeys.length} simulated users through the live edge's HTTP API (its current policies, compressed time): ` +
        `completion ${(s.completion.rate * 100).toFixed(1)}% [${s.completion.ci95.map((x) => (x * 100).toFixed(1)).join(', ')}], ` +
        `UX invariant violations: ${issues.length}${issues.length ? ` (${codes})` : ''}`,
    );
  } finally {
    await server.stop();
  }
}
