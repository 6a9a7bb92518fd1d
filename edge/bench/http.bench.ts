// Latency and throughput of the edge under `wrangler dev` (workerd, local D1, local Queues, Durable
// Objects), measured with autocannon over loopback, each beside the bare /health route for scale.
// Run with `pnpm bench` (all benchmarks) or `pnpm --filter @smart-onboarding/edge bench`.
// BENCH_DURATION_S (default 5), BENCH_CONNECTIONS (default 10), BENCH_USERS (default 200).
import { createHmac, randomUUID } from 'node:crypto';
import { startDevServer } from '@smart-onboarding/testing';
import autocannon from 'autocannon';
import demo from '../src/dev/demo-tenant.json';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const USERS = Number(process.env.BENCH_USERS ?? 200);
const EVENTS_PER_BATCH = 50;

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

async function measure(url: string, c: Case) {
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        setupRequest: (req) => {
          const r = c.request(i++);
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
      name: 'updateUserProgress  POST /v1/journeys/:user/progress',
      request: (i) => ({
        method: 'POST',
        path: `/v1/journeys/${pick(i).id}/progress`,
        headers: browser(pick(i)),
        // A real write each time: the interaction adds engagement, so the object commits and syncs D1.
        body: JSON.stringify({
          stepId: 'create-profile',
          action: 'viewed',
          interaction: { timeSpentMs: 1200, clicks: 2 },
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
  const rows = [];
  for (const c of cases) rows.push(await measure(edge.url, c));
  console.log(
    `\nedge over wrangler dev: ${CONNECTIONS} connections, ${DURATION_S} s per case, ${USERS} users`,
  );
  console.table(rows);
} finally {
  await edge.stop();
}
