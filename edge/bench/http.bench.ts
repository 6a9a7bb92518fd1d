// Latency and throughput of the edge under `wrangler dev` (workerd, local D1, local Queues, Durable
// Objects), measured with autocannon over loopback, each beside the bare /health route for scale.
// Run with `pnpm bench` (all benchmarks) or `pnpm --filter @smart-onboarding/edge bench`.
// BENCH_DURATION_S (default 5), BENCH_CONNECTIONS (default 10), BENCH_USERS (default 500).
import { createHmac, randomUUID } from 'node:crypto';
import { startDevServer } from '@smart-onboarding/testing';
import autocannon from 'autocannon';
import demo from '../src/dev/demo-tenant.json';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const USERS = Number(process.env.BENCH_USERS ?? 500);
const EVENTS_PER_BATCH = 50;
/** The demo flow's steps in the order the rule-based policy offers them. */
const STEP_ORDER = ['create-profile', 'connect-account', 'set-goals', 'create-post', 'schedule-post'];

interface Case {
  name: string;
  /** Builds each request: users rotate, so no one user's rate limit or object is the bottleneck. */
  request: (i: number) => {
    method: 'GET' | 'POST';
    path: string;
    headers?: Record<string, string>;
    body?: string;
  };
  eventsPerRequest?: number;
}

const users = Array.from({ length: USERS }, (_, i) => {
  const id = `bench-${i}-${randomUUID().slice(0, 6)}`;
  return { id, hash: createHmac('sha256', demo.identitySecret).update(id).digest('hex') };
});
const browser = (u: (typeof users)[number]) => ({
  'x-so-key': demo.publishableKey,
  'x-so-user': u.id,
  'x-so-user-hash': u.hash,
  'content-type': 'application/json',
});

/** Request counters per case, kept across runs so a flow walk continues where it stopped. */
const counters = new Map<Case, number>();

async function measure(url: string, c: Case, connections: number) {
  const result = await autocannon({
    url,
    connections,
    duration: DURATION_S,
    requests: [
      {
        setupRequest: (req) => {
          const i = counters.get(c) ?? 0;
          counters.set(c, i + 1);
          const r = c.request(i);
          return { ...req, method: r.method, path: r.path, headers: r.headers ?? {}, body: r.body };
        },
      },
    ],
  });
  const perRequest = c.eventsPerRequest ?? 0;
  return {
    case: c.name,
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'req/s': Math.round(result.requests.average),
    'events/s': perRequest ? Math.round(result.requests.average * perRequest) : '',
    '2xx': result['2xx'],
    'non-2xx': result.non2xx,
    errors: result.errors,
  };
}

const edge = await startDevServer();
try {
  // Journeys to read and write: started through the API, as a tenant's server would.
  for (let w = 0; w < users.length; w += 20) {
    await Promise.all(
      users.slice(w, w + 20).map(async (u) => {
        const res = await fetch(`${edge.url}/v1/journeys/${u.id}`, {
          method: 'POST',
          headers: browser(u),
          body: JSON.stringify({ flowId: demo.flowId }),
        });
        if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
      }),
    );
  }
  const pick = (i: number) => users[i % users.length]!;
  const cases: Case[] = [
    { name: 'GET /health (bare route, for scale)', request: () => ({ method: 'GET', path: '/health' }) },
    {
      name: 'getNextOptimalStep  GET /v1/journeys/:user/next',
      request: (i) => ({ method: 'GET', path: `/v1/journeys/${pick(i).id}/next`, headers: browser(pick(i)) }),
    },
    {
      name: 'updateUserProgress  (viewed + engagement)',
      request: (i) => ({
        method: 'POST',
        path: `/v1/journeys/${pick(i).id}/progress`,
        headers: browser(pick(i)),
        // A write each time (the interaction adds engagement); the D1 summary does not change.
        body: JSON.stringify({
          stepId: 'create-profile',
          action: 'viewed',
          interaction: { timeSpentMs: 1200, clicks: 2 },
        }),
      }),
    },
    {
      name: 'updateUserProgress  (completed: next step, D1)',
      request: (i) => ({
        method: 'POST',
        path: `/v1/journeys/${pick(i).id}/progress`,
        headers: browser(pick(i)),
        // Every user walks the flow in order, one step per round: each request completes a step, moves
        // the journey on, pushes the next step and writes the D1 summary and completion.
        body: JSON.stringify({
          stepId: STEP_ORDER[Math.min(Math.floor(i / users.length), STEP_ORDER.length - 1)],
          action: 'completed',
        }),
      }),
    },
    {
      name: `ingestEvents  POST /v1/events (${EVENTS_PER_BATCH} events/batch)`,
      eventsPerRequest: EVENTS_PER_BATCH,
      request: (i) => {
        const now = Date.now();
        const events = Array.from({ length: EVENTS_PER_BATCH }, () => ({
          id: randomUUID(),
          sessionId: 'bench',
          timestamp: now,
          stepId: 'connect-account',
          eventType: 'signal',
          signal: { type: 'hesitation', t: now, evidence: { dwellMs: 1800 } },
        }));
        return {
          method: 'POST',
          path: '/v1/events',
          headers: browser(pick(i)),
          body: JSON.stringify({ sentAt: now, events }),
        };
      },
    },
  ];
  // Each case one request at a time (latency without queueing), then CONNECTIONS at once (under load);
  // ingestion last, so the queue consumer's work behind it does not weigh on the other cases.
  const runs = [1, CONNECTIONS];
  const tables = runs.map(() => [] as Awaited<ReturnType<typeof measure>>[]);
  for (const c of cases)
    for (const [k, connections] of runs.entries()) tables[k]!.push(await measure(edge.url, c, connections));
  for (const [k, connections] of runs.entries()) {
    console.log(
      `\nedge over wrangler dev: ${connections} connection(s), ${DURATION_S} s per case, ${USERS} users`,
    );
    console.table(tables[k]);
  }
} finally {
  await edge.stop();
}
