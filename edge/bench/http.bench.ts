// Latency and throughput of the edge under `wrangler dev` (workerd, local D1), measured with autocannon
// over loopback. Run with `pnpm bench` (all benchmarks) or `pnpm --filter @smart-onboarding/edge bench`.
import { startDevServer } from '@smart-onboarding/testing';
import autocannon from 'autocannon';

interface Case {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function measure(url: string, c: Case) {
  const result = await autocannon({
    url: `${url}${c.path}`,
    method: c.method ?? 'GET',
    headers: c.headers,
    body: c.body,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  const ok = result['2xx'];
  return {
    case: c.name,
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'req/s': Math.round(result.requests.average),
    '2xx': ok,
    errors: result.errors + result.non2xx,
  };
}

const demo = await startDevServer();
try {
  const cases: Case[] = [{ name: 'GET /health (bare route, for scale)', path: '/health' }];
  const rows = [];
  for (const c of cases) rows.push(await measure(demo.url, c));
  console.log(`\nedge over wrangler dev: ${CONNECTIONS} connections, ${DURATION_S} s per case`);
  console.table(rows);
} finally {
  await demo.stop();
}
