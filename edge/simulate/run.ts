import { FlowDefinition } from '@smart-onboarding/protocol';
import { seededRandom } from '@smart-onboarding/stats';
import { startDevServer } from '@smart-onboarding/testing';
import demoFlow from '../src/dev/demo-flow.json' with { type: 'json' };
import { DEFAULT_ENGINE_OPTIONS } from '../src/intelligence/intervention/engine';
import { AZURE_TEST_API_KEY, startAzureOpenAIStandIn } from '../test/azure/azure-openai-server';
import { startWebhookReceiver } from '../test/azure/webhook-receiver';
import { httpBackend } from './http-backend';
import { inProcessBackend } from './in-process-backend';
import { runLiveAb } from './live-ab';
import { measureInterventionLatency } from './live-edge';
import { abReport, formatReport } from './report';
import { runArm } from './simulation';
import { validateUserExperience } from './testing-framework';

/**
 * `pnpm simulate [--users N] [--live-users N] [--seed S] [--no-edge]`: the A/B simulation (the seed's
 * TestingFramework) on the demo tenant's creator-studio flow.
 *
 * 1. In process (`--users`, default 4000 per arm): the edge's pure core, fast, for tight intervals.
 * 2. On the real local edge (a fresh `wrangler dev`, `--live-users`, default 200 per arm): the same simulated
 *    users over the HTTP API, arm A assigned with the profile trait `so_arm: adaptive` (rules, fixed order)
 *    and arm B with `so_arm: smart` (the path optimizer learning in the flow's learner object, the
 *    intervention engine with its holdout, AI help from an Azure OpenAI stand-in, escalation to a
 *    webhook receiver). The edge runs with `DEV_INTERVENTION_COOLDOWN_MS=0` because simulated minutes pass
 *    in milliseconds there (in simulated time the reports on a step are more than the 30 s cooldown apart).
 * 3. The time from a struggle report to the intervention received over the WebSocket, on that edge.
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
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

let started = performance.now();
const a = inProcessBackend('adaptive', flow, seededRandom(seed));
const b = inProcessBackend('smart', flow, seededRandom(seed + 1));
const ra = await runArm(a, users, seedOf);
const rb = await runArm(b, users, seedOf);
console.log(
  `A/B simulation in process (the edge's pure core): ${users} simulated users per arm, flow "${flow.id}", seed ${seed}\n`,
);
console.log(formatReport(abReport(ra, rb, b.predictions)));
console.log(`\n(${seconds(started)})`);

if (!process.argv.includes('--no-edge')) {
  const liveUsers = arg('live-users', 200);
  const latencyUsers = arg('latency-users', 20);
  const reports = arg('reports', 10);
  const azure = await startAzureOpenAIStandIn();
  const receiver = await startWebhookReceiver();
  const hookSecret = 'simulation-webhook-secret-0123456789';
  await fetch(`${receiver.url}/__control/hooks/sim`, {
    method: 'POST',
    body: JSON.stringify({ secret: hookSecret }),
  });
  console.log('\nstarting the local edge (wrangler dev, fresh state)...');
  const server = await startDevServer({
    env: {
      // wrangler dev takes Worker vars from this environment only when told to.
      CLOUDFLARE_INCLUDE_PROCESS_ENV: 'true',
      DEV_INTERVENTION_COOLDOWN_MS: '0',
      AZURE_OPENAI_ENDPOINT: azure.endpoint,
      AZURE_OPENAI_API_KEY: AZURE_TEST_API_KEY,
      AZURE_OPENAI_CHAT_DEPLOYMENT: 'sim-chat',
      AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'sim-embeddings',
      ESCALATION_WEBHOOK_URL: `${receiver.url}/hooks/sim`,
      ESCALATION_WEBHOOK_SECRET: hookSecret,
    },
  });
  try {
    started = performance.now();
    const runId = `r${Date.now().toString(36)}-`;
    const live = await runLiveAb(server.url, flow, liveUsers, seedOf, runId, (n) => {
      if (n % 50 === 0) process.stderr.write(`  live A/B: ${n}/${liveUsers} users per arm\n`);
    });
    console.log(
      `\nA/B simulation on the real local edge (HTTP API, so_arm per user): ${liveUsers} simulated users per arm, seed ${seed}\n`,
    );
    console.log(formatReport(abReport(live.a, live.b)));
    const kinds: Record<string, number> = {};
    for (const r of live.b) for (const e of r.exposures) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    console.log(
      `arm B interventions decided by the edge: ${Object.entries(kinds)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
    // Every live journey is checked for the seed's UX invariants.
    const check = httpBackend(server.url, flow);
    const issues = [];
    for (const arm of ['a', 'b'])
      for (let i = 0; i < liveUsers; i++)
        issues.push(
          ...validateUserExperience(await check.journey(`${runId}${arm}-sim-${i}`), flow, {
            ...DEFAULT_ENGINE_OPTIONS,
            cooldownMs: 0, // the edge runs with DEV_INTERVENTION_COOLDOWN_MS=0 (see above)
          }).issues,
        );
    const codes = [...new Set(issues.map((i) => i.code))].join(', ');
    console.log(
      `UX invariant violations in ${2 * liveUsers} live journeys: ${issues.length}${codes ? ` (${codes})` : ''}`,
    );
    console.log(`(${seconds(started)})`);

    const latency = await measureInterventionLatency(server.url, {
      users: latencyUsers,
      reportsPerUser: reports,
    });
    const row = (name: string, f: typeof latency.socket) =>
      `${name.padEnd(44)} ${String(f.samples).padStart(7)}  ${f.p50.toFixed(1).padStart(6)}  ${f.p95.toFixed(1).padStart(6)}  ${f.p99.toFixed(1).padStart(6)}  ${f.max.toFixed(1).padStart(6)}`;
    console.log(
      `\nstruggle report → intervention on the real local edge (${latencyUsers} users × ${reports} reports, arm B), ms`,
    );
    console.log(`${'path'.padEnd(44)} samples     p50     p95     p99     max`);
    console.log(row('WebSocket: struggle sent → intervention', latency.socket));
    console.log(row('HTTP: POST /v1/journeys/{user}/struggle', latency.http));
    console.log(
      `plans over the socket: ${Object.entries(latency.kinds)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
    // Escalations are posted after the plan is answered: wait until the count settles.
    type Hooks = { attempts: Array<{ signatureValid: boolean }> };
    const read = async () => (await (await fetch(`${receiver.url}/__control/hooks/sim`)).json()) as Hooks;
    let hooks = await read();
    for (let settled = 0; settled < 3; ) {
      await new Promise((r) => setTimeout(r, 300));
      const again = await read();
      settled = again.attempts.length === hooks.attempts.length ? settled + 1 : 0;
      hooks = again;
    }
    console.log(
      `escalation webhook (both runs): ${hooks.attempts.length} signed deliveries received, ${hooks.attempts.filter((h) => h.signatureValid).length} with a valid signature`,
    );
  } finally {
    await server.stop();
    await Promise.all([azure.close(), receiver.close()]);
  }
}
