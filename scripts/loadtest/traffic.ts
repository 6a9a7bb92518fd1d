// The traffic of the load test, through autocannon over loopback: users with their identity proofs,
// journeys started as a tenant's server would, event batches as the SDK sends them, journey reads and writes.
import { createHmac, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

export interface User {
  id: string;
  hash: string;
}

interface Tenant {
  publishableKey: string;
  flowId: string;
}

type Request = { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };

interface Case {
  name: string;
  request: (i: number) => Request;
}

/** Per connection (one request in flight on each): the event ids of the request awaiting its answer. */
interface Context {
  ids?: string[];
}

export function usersFor(prefix: string, count: number, identitySecret: string): User[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `${prefix}${i}`;
    return { id, hash: createHmac('sha256', identitySecret).update(id).digest('hex') };
  });
}

const browser = (u: User, tenant: Tenant) => ({
  'x-so-key': tenant.publishableKey,
  'x-so-user': u.id,
  'x-so-user-hash': u.hash,
  'content-type': 'application/json',
});

export async function startJourneys(url: string, users: readonly User[], tenant: Tenant) {
  for (let w = 0; w < users.length; w += 25) {
    await Promise.all(
      users.slice(w, w + 25).map(async (u) => {
        const res = await fetch(`${url}/v1/journeys/${u.id}`, {
          method: 'POST',
          headers: browser(u, tenant),
          body: JSON.stringify({ flowId: tenant.flowId }),
        });
        if (res.status !== 201) throw new Error(`journey for ${u.id}: ${res.status} ${await res.text()}`);
      }),
    );
  }
}

function run(
  url: string,
  c: Case,
  options: { connections: number; durationS: number; overallRate?: number },
  answered?: (status: number, context: Context) => void,
) {
  let i = 0;
  return autocannon({
    url,
    connections: options.connections,
    duration: options.durationS,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [
      {
        setupRequest: (req, context: Context) => {
          const r = c.request(i++);
          if (r.body && r.path === '/v1/events') {
            context.ids = (JSON.parse(r.body) as { events: { id: string }[] }).events.map((e) => e.id);
          }
          return { ...req, method: r.method, path: r.path, headers: r.headers ?? {}, body: r.body };
        },
        ...(answered
          ? { onResponse: (status: number, _body: string, context: Context) => answered(status, context) }
          : {}),
      },
    ],
  });
}

/** Event batches at a fixed rate, users in rotation; every event id fresh, so each accepted one must be stored. */
export async function ingest(
  url: string,
  users: readonly User[],
  tenant: Tenant,
  o: { rate: number; durationS: number; batch: number; connections: number },
) {
  const ingestCase: Case = {
    name: 'ingestEvents',
    request: (i) => {
      const u = users[i % users.length]!;
      const now = Date.now();
      const events = Array.from({ length: o.batch }, () => ({
        id: randomUUID(),
        sessionId: 'load',
        timestamp: now,
        stepId: 'connect-account',
        eventType: 'signal',
        signal: { type: 'hesitation', t: now, evidence: { dwellMs: 1800 } },
      }));
      return {
        method: 'POST',
        path: '/v1/events',
        headers: browser(u, tenant),
        body: JSON.stringify({ sentAt: now, events }),
      };
    },
  };
  // The ids of every batch the edge answered 2xx: each must be found stored. Batches still in flight when
  // the run stops have no answer and are not counted (the edge may store them all the same).
  const accepted = new Set<string>();
  const result = await run(
    url,
    ingestCase,
    { connections: o.connections, durationS: o.durationS, overallRate: Math.ceil(o.rate / o.batch) },
    (status, context) => {
      if (status >= 200 && status < 300) for (const id of context.ids ?? []) accepted.add(id);
    },
  );
  return {
    accepted,
    non2xx: result.non2xx,
    errors: result.errors,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** Polls until `count()` reaches `expected`, or stops growing for 30 s, or `timeoutMs` passes. */
export async function drain(count: () => number, expected: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const now = count();
    if (now >= expected || Date.now() > deadline || Date.now() - lastChange > 30_000) return now;
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Journey reads and writes, and the bare route beside them. */
export function journeyCases(users: readonly User[], tenant: Tenant): Case[] {
  const pick = (i: number) => users[i % users.length]!;
  return [
    { name: 'GET /health (bare route)', request: () => ({ method: 'GET', path: '/health' }) },
    {
      name: 'getNextOptimalStep (read)',
      request: (i) => ({
        method: 'GET',
        path: `/v1/journeys/${pick(i).id}/next`,
        headers: browser(pick(i), tenant),
      }),
    },
    {
      name: 'updateUserProgress viewed (write)',
      request: (i) => ({
        method: 'POST',
        path: `/v1/journeys/${pick(i).id}/progress`,
        headers: browser(pick(i), tenant),
        body: JSON.stringify({
          stepId: 'create-profile',
          action: 'viewed',
          interaction: { timeSpentMs: 900, clicks: 1 },
        }),
      }),
    },
  ];
}

/** One case as fast as it goes: throughput and latency, and how many answers were not 2xx. */
export async function maxRate(url: string, c: Case, connections: number, durationS: number) {
  const result = await run(url, c, { connections, durationS });
  return {
    case: c.name,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    '2xx': result['2xx'],
    'non-2xx': result.non2xx,
    errors: result.errors,
  };
}
