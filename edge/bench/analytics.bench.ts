// `pnpm --filter @smart-onboarding/edge bench:analytics [--events N] [--runs N]`: fills a local D1 (the
// miniflare D1 `wrangler dev` uses, persisted under .wrangler/bench-analytics and rebuilt each run) with
// about a million events from the A/B simulation (bench/analytics-data.ts), then times each analytics view
// as its route runs it (the same query functions and pure code, over the D1 binding) and prints p50 and
// p95 against the 200 ms budget. Exit code 1 when a view misses it.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { FlowDefinition } from '@smart-onboarding/protocol';
import { getPlatformProxy } from 'wrangler';
import { database } from '../src/adapters/d1/client';
import { interventionTallies } from '../src/adapters/d1/queries/effectiveness';
import { tenantEngagementDays, userEngagementPage } from '../src/adapters/d1/queries/engagement-rollups';
import { experimentTallies } from '../src/adapters/d1/queries/experiments';
import {
  completionTimes,
  hotspotTotals,
  journeyCounts,
  type Segment,
  stepCounts,
} from '../src/adapters/d1/queries/insight';
import { generateBehavioralInsights } from '../src/analytics/behavioral-insights';
import { analyzeEngagementPatterns, windowStartDay } from '../src/analytics/engagement-patterns';
import { buildFunnel } from '../src/analytics/funnel';
import demoFlow from '../src/dev/demo-flow.json' with { type: 'json' };
import { utcDay } from '../src/events/aggregate';
import { experimentVerdict } from '../src/experiments/results';
import { effectivenessOfTallies } from '../src/intelligence/intervention/effectiveness';
import { type BenchData, benchData } from './analytics-data';

const BUDGET_P95_MS = 200;
const TENANT = 'bench-tenant';
const here = import.meta.dirname;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

type Value = string | number | null | undefined;
const literal = (v: Value) =>
  v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`;

/**
 * Rows as multi-row INSERTs of literals (no bound parameters, so no 100-parameter cap), each statement
 * under D1's 100 KB statement limit, 20 statements a batch.
 */
async function insertRows(db: D1Database, table: string, rows: readonly Record<string, Value>[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  const head = `INSERT INTO ${table} (${columns.join(',')}) VALUES `;
  const statements: D1PreparedStatement[] = [];
  let values: string[] = [];
  let size = 0;
  const flush = () => {
    if (values.length) statements.push(db.prepare(head + values.join(',')));
    values = [];
    size = 0;
  };
  for (const r of rows) {
    const tuple = `(${columns.map((c) => literal(r[c])).join(',')})`;
    if (size + tuple.length > 90_000) flush();
    values.push(tuple);
    size += tuple.length + 1;
    if (statements.length === 20) await db.batch(statements.splice(0));
  }
  flush();
  if (statements.length) await db.batch(statements);
}

async function migrate(db: D1Database) {
  const dir = path.join(here, '../migrations');
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()) {
    const text = await readFile(path.join(dir, file), 'utf8');
    for (const statement of text
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter(Boolean))
      await db.prepare(statement).run();
  }
}

async function fill(db: D1Database, data: BenchData, now: number) {
  const snake = (o: object) =>
    Object.fromEntries(
      Object.entries(o).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
    );
  await insertRows(db, 'journey_summaries', data.journeys);
  await insertRows(db, 'step_completions', data.steps);
  await insertRows(db, 'interventions', data.interventions);
  await insertRows(
    db,
    'engagement_daily',
    data.engagement.map((e) => ({ tenant_id: TENANT, ...snake(e) })),
  );
  await insertRows(
    db,
    'struggle_hotspots_daily',
    data.hotspots.map((h) => ({ tenant_id: TENANT, ...snake(h) })),
  );
  await insertRows(db, 'experiment_exposures', data.exposures);
  // What the consumer marks for every event it counts: the table the size of the event stream.
  await insertRows(
    db,
    'processed_events',
    data.eventIds.map(([user_id, event_id]) => ({ tenant_id: TENANT, user_id, event_id, processed_at: now })),
  );
  await insertRows(db, 'experiments', [
    {
      tenant_id: TENANT,
      id: 'bench-arms',
      flow_id: demoFlow.id,
      name: 'bench',
      kind: 'arm',
      variants: JSON.stringify([
        { name: 'adaptive', weight: 1, arm: 'adaptive' },
        { name: 'smart', weight: 1, arm: 'smart' },
      ]),
      salt: 'bench',
      status: 'running',
      created_at: now,
      created_by: 'bench',
    },
  ]);
  await db.prepare('ANALYZE').run();
}

function percentile(sorted: readonly number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

const events = arg('events', 1_000_000);
const runs = arg('runs', 30);
const persist = path.join(here, '../.wrangler/bench-analytics');
await rm(persist, { recursive: true, force: true });
const proxy = await getPlatformProxy<{ DB: D1Database }>({
  configPath: path.join(here, '../wrangler.jsonc'),
  persist: { path: persist },
});
try {
  const d1 = proxy.env.DB;
  const now = Date.now();
  const flow = FlowDefinition.parse(demoFlow);
  let t = performance.now();
  const data = await benchData(flow, TENANT, events, 2026, now);
  console.log(
    `generated ${data.events.toLocaleString('en')} events from ${data.journeys.length.toLocaleString('en')} simulated users in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  t = performance.now();
  await migrate(d1);
  await fill(d1, data, now);
  console.log(
    `filled local D1 in ${((performance.now() - t) / 1000).toFixed(1)} s: ${data.journeys.length} journeys, ${data.steps.length} step completions, ${data.interventions.length} interventions, ${data.engagement.length} engagement rows, ${data.hotspots.length} hot-spot rows, ${data.eventIds.length} event ids\n`,
  );

  const db = database(d1);
  const scope = (by: Segment) => ({ tenantId: TENANT, flowId: flow.id, since: 0, by });
  const funnel = (by: Segment) => async () => {
    const [j, s] = await Promise.all([journeyCounts(db, scope(by)), stepCounts(db, scope(by))]);
    return buildFunnel(flow, j, s);
  };
  const times = (by: Segment) => async () =>
    Promise.all([journeyCounts(db, scope(by)), completionTimes(db, scope(by))]);
  const views: [string, () => Promise<unknown>][] = [
    // The floor: one round trip to D1 doing nothing, so a reader sees what the machine's load adds.
    ['baseline: SELECT 1', () => d1.prepare('SELECT 1').first()],
    ['funnel (all)', funnel('none')],
    ['funnel by persona', funnel('persona')],
    ['funnel by arm', funnel('arm')],
    ['funnel by device', funnel('device')],
    ['funnel by cohort', funnel('cohort')],
    ['funnel by flow version', funnel('flowVersion')],
    ['time to complete by persona', times('persona')],
    ['time to complete by arm', times('arm')],
    [
      'struggle hot spots (30 days)',
      () =>
        hotspotTotals(db, TENANT, {
          fromDay: windowStartDay(now, 30),
          recentDay: utcDay(now - 14 * 86_400_000),
          limit: 100,
        }),
    ],
    [
      'intervention effectiveness',
      async () => effectivenessOfTallies(await interventionTallies(db, TENANT, 0, 5 * 60_000), 5 * 60_000),
    ],
    ['experiment results', async () => experimentVerdict(await experimentTallies(db, TENANT, 'bench-arms'))],
    [
      'tenant engagement + insights (30 days)',
      async () => {
        const { days } = await tenantEngagementDays(db, TENANT, windowStartDay(now, 30));
        return generateBehavioralInsights(analyzeEngagementPatterns(days, { now, windowDays: 30 }));
      },
    ],
    [
      'users by struggle, first page',
      () => userEngagementPage(db, TENANT, { fromDay: windowStartDay(now, 30), limit: 50 }),
    ],
  ];
  let missed = 0;
  const load = (await readFile('/proc/loadavg', 'utf8').catch(() => '')).split(' ').slice(0, 3).join(' ');
  if (load) console.log(`load average before timing: ${load}`);
  console.log(
    `view                                      p50 ms   p95 ms   (${runs} runs each, budget p95 ${BUDGET_P95_MS} ms)`,
  );
  for (const [name, view] of views) {
    await view();
    await view();
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await view();
      ms.push(performance.now() - start);
    }
    ms.sort((a, b) => a - b);
    const p95 = percentile(ms, 0.95);
    if (p95 > BUDGET_P95_MS && !name.startsWith('baseline')) missed++;
    console.log(
      `${name.padEnd(40)} ${percentile(ms, 0.5).toFixed(1).padStart(7)}  ${p95.toFixed(1).padStart(7)}   ${p95 > BUDGET_P95_MS ? 'OVER BUDGET' : 'ok'}`,
    );
  }
  if (missed > 0) {
    console.log(`\n${missed} view(s) over the ${BUDGET_P95_MS} ms p95 budget`);
    process.exitCode = 1;
  }
} finally {
  await proxy.dispose();
}
