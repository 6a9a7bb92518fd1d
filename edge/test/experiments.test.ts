import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database } from '../src/adapters/d1/client';
import { experimentExposures } from '../src/adapters/d1/insight-schema';
import { journeySummaries } from '../src/adapters/d1/schema';
import { api, freshTenant, hashFor, json, uniqueUser } from './helpers';
import { journeyStubOf } from './journey-storage';

type Tenant = Awaited<ReturnType<typeof freshTenant>>;
const db = () => database(env.DB);

const server = (tenant: Tenant) => ({
  authorization: `Bearer ${tenant.secretKey}`,
  'content-type': 'application/json',
});

async function browser(tenant: Tenant, user: string) {
  return {
    'x-so-key': tenant.publishableKey,
    'x-so-user-hash': await hashFor(user, tenant.identitySecret),
    origin: 'https://app.example.com',
    'content-type': 'application/json',
  };
}

async function publish(tenant: Tenant, id: string, title = 'Start') {
  const res = await api('/v1/flows', {
    method: 'POST',
    headers: server(tenant),
    body: JSON.stringify({
      id,
      name: id,
      steps: [
        { id: 'start', title },
        { id: 'finish', title: 'Finish', prerequisites: ['start'] },
      ],
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { flow: { version: number } }).flow.version;
}

const createExperiment = (tenant: Tenant, body: unknown) =>
  api('/v1/admin/experiments', { method: 'POST', headers: server(tenant), body: JSON.stringify(body) });

const armExperiment = (id: string, flowId: string) => ({
  id,
  name: 'Smart against the rules',
  flowId,
  kind: 'arm',
  variants: [
    { name: 'smart', weight: 1, arm: 'smart' },
    { name: 'adaptive', weight: 1, arm: 'adaptive' },
  ],
});

const start = async (tenant: Tenant, user: string, flowId: string, headers?: Record<string, string>) =>
  api(`/v1/journeys/${user}`, {
    method: 'POST',
    headers: headers ?? (await browser(tenant, user)),
    body: JSON.stringify({ flowId }),
  });

async function rowOf(tenantId: string, user: string) {
  await journeyStubOf(user, tenantId).summarySettled();
  const [row] = await db()
    .select()
    .from(journeySummaries)
    .where(and(eq(journeySummaries.tenantId, tenantId), eq(journeySummaries.userId, user)));
  return row;
}

const exposuresOf = (tenantId: string, experimentId: string) =>
  db()
    .select()
    .from(experimentExposures)
    .where(
      and(eq(experimentExposures.tenantId, tenantId), eq(experimentExposures.experimentId, experimentId)),
    );

// Many journeys per test on a shared machine: generous time, the assertions unchanged.
describe('experiments in production: the edge assigns, logs the exposure, and reads the results', {
  timeout: 60_000,
}, () => {
  it('assigns each user a variant on the edge, stable across starts, with the arm the variant names', async () => {
    const tenant = await freshTenant();
    const flowId = uniqueUser('flow');
    await publish(tenant, flowId);
    const created = await createExperiment(tenant, armExperiment('arms', flowId));
    expect(created.status).toBe(201);
    const experiment = await json(created);
    expect(experiment).toMatchObject({
      id: 'arms',
      status: 'running',
      createdBy: `${tenant.id}-sk`,
    });
    expect(experiment).not.toHaveProperty('salt');

    const users = Array.from({ length: 24 }, () => uniqueUser('exposed'));
    for (const user of users) expect((await start(tenant, user, flowId)).status).toBe(201);
    const exposures = await exposuresOf(tenant.id, 'arms');
    expect(exposures).toHaveLength(users.length);
    const variantOf = new Map(exposures.map((e) => [e.userId, e.variant]));
    // 24 users at 1:1: both variants are used (all in one has probability 2^-23).
    expect(new Set(variantOf.values())).toEqual(new Set(['smart', 'adaptive']));
    for (const user of users.slice(0, 6)) {
      const row = await rowOf(tenant.id, user);
      expect(row).toMatchObject({ experimentId: 'arms', experimentVariant: variantOf.get(user) });
      expect(row?.arm).toBe(variantOf.get(user));
    }
    // Starting again answers the same journey and logs nothing new.
    const again = users[0] as string;
    expect((await start(tenant, again, flowId)).status).toBe(200);
    const after = await exposuresOf(tenant.id, 'arms');
    expect(after).toHaveLength(users.length);
    expect(after.find((e) => e.userId === again)).toEqual(exposures.find((e) => e.userId === again));
  });

  it('refuses a browser that names its arm while an experiment runs (hole 9), and overrides the server', async () => {
    const tenant = await freshTenant();
    const flowId = uniqueUser('flow');
    await publish(tenant, flowId);
    expect((await createExperiment(tenant, armExperiment('refuse', flowId))).status).toBe(201);
    for (const traits of [{ so_arm: 'adaptive' }, { so_experiment: 'refuse:adaptive' }]) {
      const user = uniqueUser('chooser');
      const res = await api(`/v1/journeys/${user}`, {
        method: 'POST',
        headers: await browser(tenant, user),
        body: JSON.stringify({ flowId, profile: { traits } }),
      });
      expect(res.status).toBe(400);
      expect(await json(res)).toMatchObject({ error: { code: 'validation_failed' } });
      expect((await exposuresOf(tenant.id, 'refuse')).some((e) => e.userId === user)).toBe(false);
    }
    // A body field naming the variant is not part of the request: it changes nothing.
    const user = uniqueUser('chooser');
    const res = await api(`/v1/journeys/${user}`, {
      method: 'POST',
      headers: await browser(tenant, user),
      body: JSON.stringify({ flowId, experiment: { id: 'refuse', variant: 'nope' }, variant: 'nope' }),
    });
    expect([201, 400]).toContain(res.status);
    for (const e of await exposuresOf(tenant.id, 'refuse'))
      expect(['smart', 'adaptive']).toContain(e.variant);
    // The experiment's assignment is the tenant's later word over its own so_arm.
    const served = uniqueUser('served');
    await api(`/v1/journeys/${served}`, {
      method: 'POST',
      headers: server(tenant),
      body: JSON.stringify({ flowId, profile: { traits: { so_arm: 'nonsense' } } }),
    });
    const [exposure] = (await exposuresOf(tenant.id, 'refuse')).filter((e) => e.userId === served);
    expect((await rowOf(tenant.id, served))?.arm).toBe(exposure?.variant);
  });

  it('starts each user on the flow version of the variant', async () => {
    const tenant = await freshTenant();
    const flowId = uniqueUser('flow');
    const v1 = await publish(tenant, flowId, 'Start here');
    const v2 = await publish(tenant, flowId, 'Begin');
    expect(v2).toBe(v1 + 1);
    const res = await createExperiment(tenant, {
      id: 'copy',
      name: 'New wording',
      flowId,
      kind: 'flow_version',
      variants: [
        { name: 'old', weight: 1, flowVersion: v1 },
        { name: 'new', weight: 1, flowVersion: v2 },
      ],
    });
    expect(res.status).toBe(201);
    const users = Array.from({ length: 12 }, () => uniqueUser('copy'));
    for (const user of users) {
      const started = await start(tenant, user, flowId);
      expect(started.status).toBe(201);
      const { journey } = (await started.json()) as { journey: { flowVersion: number } };
      const [exposure] = (await exposuresOf(tenant.id, 'copy')).filter((e) => e.userId === user);
      expect(journey.flowVersion).toBe(exposure?.variant === 'old' ? v1 : v2);
    }
  });

  it('refuses experiments that cannot run, and callers who may not define them', async () => {
    const tenant = await freshTenant();
    const flowId = uniqueUser('flow');
    await publish(tenant, flowId);
    const noArm = armExperiment('bad', flowId);
    noArm.variants[1] = { name: 'adaptive', weight: 1 } as (typeof noArm.variants)[number];
    const invalid = await createExperiment(tenant, noArm);
    expect(invalid.status).toBe(400);
    expect(await json(invalid)).toMatchObject({
      error: { code: 'validation_failed', details: { issues: [{ path: 'variants.1.arm' }] } },
    });
    expect((await createExperiment(tenant, armExperiment('ghost', 'no-such-flow'))).status).toBe(404);
    const missingVersion = await createExperiment(tenant, {
      ...armExperiment('v9', flowId),
      kind: 'flow_version',
      variants: [
        { name: 'a', weight: 1, flowVersion: 1 },
        { name: 'b', weight: 1, flowVersion: 9 },
      ],
    });
    expect(missingVersion.status).toBe(404);
    expect((await createExperiment(tenant, armExperiment('first', flowId))).status).toBe(201);
    const second = await createExperiment(tenant, armExperiment('second', flowId));
    expect(second.status).toBe(409);
    expect(await json(second)).toMatchObject({ error: { code: 'conflict' } });
    const pk = await api('/v1/admin/experiments', {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.publishableKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(armExperiment('pk', flowId)),
    });
    expect([401, 403]).toContain(pk.status);
    expect((await api('/v1/admin/experiments')).status).toBe(401);
    // Another tenant sees none of it.
    const other = await freshTenant();
    const theirs = await api('/v1/admin/experiments/first/results', { headers: server(other) });
    expect(theirs.status).toBe(404);
  });

  it('reads results with always-valid intervals: keep running early, the winner once it is clear', async () => {
    const tenant = await freshTenant();
    const flowId = uniqueUser('flow');
    await publish(tenant, flowId);
    expect((await createExperiment(tenant, armExperiment('readout', flowId))).status).toBe(201);
    const users = Array.from({ length: 8 }, () => uniqueUser('readout'));
    for (const user of users) await start(tenant, user, flowId, server(tenant));
    for (const user of users.slice(0, 3))
      expect(
        (await api(`/v1/journeys/${user}/complete`, { method: 'POST', headers: server(tenant) })).status,
      ).toBe(200);
    for (const user of users) await journeyStubOf(user, tenant.id).summarySettled();
    const early = await api('/v1/admin/experiments/readout/results', { headers: server(tenant) });
    expect(early.status).toBe(200);
    const body = await json<{
      variants: { name: string; exposed: number; completed: number }[];
      summary: string;
      comparisons: { difference: { lower: number; upper: number } }[];
    }>(early);
    expect(body.variants.map((v) => v.name)).toEqual(['smart', 'adaptive']);
    expect(body.variants.reduce((n, v) => n + v.exposed, 0)).toBe(8);
    expect(body.variants.reduce((n, v) => n + v.completed, 0)).toBe(3);
    expect(body.summary).toBe('keep running');
    expect(body.comparisons[0]?.difference.lower).toBeLessThan(0);

    // Thousands of users later (written as the journey objects would write them): a clear difference.
    const rows = (variant: string, n: number, completed: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `${variant}-${i}-${crypto.randomUUID()}`,
        variant,
        done: i < completed,
      }));
    const all = [...rows('smart', 1500, 750), ...rows('adaptive', 1500, 975)];
    for (let i = 0; i < all.length; i += 50) {
      const chunk = all.slice(i, i + 50);
      await env.DB.batch(
        chunk.flatMap((r) => [
          env.DB.prepare(
            'INSERT INTO experiment_exposures (tenant_id, experiment_id, user_id, variant, journey_id, exposed_at) VALUES (?, ?, ?, ?, ?, ?)',
          ).bind(tenant.id, 'readout', r.id, r.variant, r.id, Date.now()),
          env.DB.prepare(
            `INSERT INTO journey_summaries (id, tenant_id, user_id, flow_id, flow_version, status, predicted_success_rate, started_at, updated_at, experiment_id, experiment_variant)
             VALUES (?, ?, ?, ?, 1, ?, 0.5, ?, ?, 'readout', ?)`,
          ).bind(
            r.id,
            tenant.id,
            r.id,
            flowId,
            r.done ? 'completed' : 'abandoned',
            Date.now(),
            Date.now(),
            r.variant,
          ),
        ]),
      );
    }
    const later = await json<{ summary: string; winner: string | null }>(
      await api('/v1/admin/experiments/readout/results', { headers: server(tenant) }),
    );
    expect(later).toMatchObject({ summary: 'winner: adaptive', winner: 'adaptive' });

    const stopped = await api('/v1/admin/experiments/readout/stop', {
      method: 'POST',
      headers: server(tenant),
    });
    expect(await json(stopped)).toMatchObject({ status: 'stopped' });
    const afterStop = uniqueUser('late');
    await start(tenant, afterStop, flowId, server(tenant));
    expect((await exposuresOf(tenant.id, 'readout')).some((e) => e.userId === afterStop)).toBe(false);
    const listed = await json<{ experiments: { id: string }[] }>(
      await api('/v1/admin/experiments', { headers: server(tenant) }),
    );
    expect(listed.experiments.map((e) => e.id)).toEqual(['readout']);
  });
});
