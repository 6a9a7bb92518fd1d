// pnpm loadtest [--rate 10000] [--duration 60] [--users 1000] [--batch 50] [--connections 50]
//               [--journey-duration 10]
// Against the real local edge (`wrangler dev` through the README's demo script, loopback only), with
// autocannon: 1. ingestion at a fixed rate of events per second over many users for a bounded time, the
// accept latency's p99, and every accepted event counted in D1 once the queue has drained; 2. journey
// reads and writes at the highest rate they sustain, each beside the bare /health route on the same server.
// Exit code 1 when ingestion misses its rate, its p99 passes 100 ms, or an accepted event is not stored.
import { parseArgs } from 'node:util';
import { startDevServer } from '@smart-onboarding/testing';
import demo from '../../edge/src/dev/demo-tenant.json';
import { edgeDatabase, storedOf } from './stored-events';
import { drain, ingest, journeyCases, maxRate, startJourneys, type User, usersFor } from './traffic';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '60' },
    users: { type: 'string', default: '1000' },
    batch: { type: 'string', default: '50' },
    connections: { type: 'string', default: '50' },
    'journey-duration': { type: 'string', default: '10' },
  },
});
const rate = Number(values.rate);
const durationS = Number(values.duration);
const batch = Number(values.batch);
const connections = Number(values.connections);
const journeyS = Number(values['journey-duration']);
// Bounded: a load test is a command a person runs, never a run-away process.
if (!(durationS > 0 && durationS <= 600 && rate > 0 && rate <= 100_000 && batch >= 1 && batch <= 100)) {
  throw new Error('--duration 1..600 s, --rate 1..100000 events/s, --batch 1..100');
}

async function main() {
  const edge = await startDevServer();
  try {
    const prefix = `load-${Date.now().toString(36)}-`;
    const users: User[] = usersFor(prefix, Number(values.users), demo.identitySecret);
    await startJourneys(edge.url, users, demo);
    console.log(
      `${users.length} journeys started; ingesting ${rate} events/s for ${durationS} s in batches of ${batch}`,
    );

    const run = await ingest(edge.url, users, demo, { rate, durationS, batch, connections });
    const database = edgeDatabase(edge.stateDir);
    const accepted = run.accepted.size;
    const stored = await drain(() => storedOf(database, demo.tenantId, run.accepted), accepted, 120_000);
    const lost = accepted - stored;
    const achieved = accepted / durationS;
    console.table([
      {
        'target events/s': rate,
        'accepted events/s': Math.round(achieved),
        'p50 ms': run.p50,
        'p99 ms': run.p99,
        accepted,
        'refused (non-2xx)': run.non2xx,
        errors: run.errors,
        'of those stored in D1': stored,
        lost,
      },
    ]);

    const table = [];
    for (const c of journeyCases(users, demo)) table.push(await maxRate(edge.url, c, connections, journeyS));
    console.log(
      `\njourney reads and writes at their highest rate, ${connections} connections, ${journeyS} s each`,
    );
    console.table(table);

    const missed = [
      achieved < rate * 0.95 && `accepted ${Math.round(achieved)} events/s, under 95% of ${rate}`,
      run.p99 > 100 && `p99 accept latency ${run.p99} ms, over 100 ms`,
      lost !== 0 && `${lost} accepted events not stored`,
    ].filter(Boolean);
    for (const m of missed) console.log(`MISSED: ${m}`);
    if (missed.length) process.exitCode = 1;
  } finally {
    await edge.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
