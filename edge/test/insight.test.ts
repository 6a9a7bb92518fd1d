import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database } from '../src/adapters/d1/client';
import { struggleHotspotsDaily } from '../src/adapters/d1/insight-schema';
import { api, eventId, eventually, freshTenant, hashFor, json, uniqueUser } from './helpers';
import { journeyStubOf } from './journey-storage';

type Tenant = Awaited<ReturnType<typeof freshTenant>>;

/** A selector a hostile page could report: a formula, a comma, a quote and a line break. */
const HOSTILE = `=cmd|' /C calc'!A0,"x"\nnext`;
const TOUCH = { path: '/m', pointer: 'touch', viewport: { w: 390, h: 844 } };
const MOUSE = { path: '/d', pointer: 'mouse', viewport: { w: 1440, h: 900 } };

const server = (tenant: Tenant) => ({
  authorization: `Bearer ${tenant.secretKey}`,
  'content-type': 'application/json',
});

async function send(tenant: Tenant, user: string, events: unknown[]) {
  const res = await api('/v1/events', {
    method: 'POST',
    headers: {
      'x-so-key': tenant.publishableKey,
      'x-so-user': user,
      'x-so-user-hash': await hashFor(user, tenant.identitySecret),
      origin: 'https://app.example.com',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ sentAt: Date.now(), events }),
  });
  expect(res.status).toBe(202);
}

const step = (stepId: string, action: string, context: unknown) => ({
  id: eventId(),
  sessionId: 'tab',
  timestamp: Date.now(),
  eventType: 'step',
  stepId,
  action,
  context,
});

const rage = (stepId: string, selector: string) => ({
  id: eventId(),
  sessionId: 'tab',
  timestamp: Date.now(),
  eventType: 'signal',
  stepId,
  signal: { type: 'rage_click', t: Date.now(), element: { selector }, evidence: { clicks: 4 } },
});

/** Four mobile users on the rules (two finish, two give up at the middle), four desktop users who finish. */
async function seedJourneys(tenant: Tenant, flowId: string) {
  const users: { user: string; device: 'mobile' | 'desktop' }[] = [];
  for (let i = 0; i < 8; i++) {
    const user = uniqueUser('insight');
    const mobile = i < 4;
    users.push({ user, device: mobile ? 'mobile' : 'desktop' });
    const started = await api(`/v1/journeys/${user}`, {
      method: 'POST',
      headers: server(tenant),
      body: JSON.stringify({ flowId, profile: { traits: { so_arm: mobile ? 'adaptive' : 'smart' } } }),
    });
    expect(started.status).toBe(201);
    const ctx = mobile ? TOUCH : MOUSE;
    const gaveUp = mobile && i >= 2;
    await send(tenant, user, [
      step('start', 'completed', ctx),
      ...(mobile ? [rage('middle', HOSTILE)] : []),
      ...(gaveUp
        ? [step('middle', 'abandoned', ctx)]
        : [step('middle', 'completed', ctx), step('finish', 'completed', ctx)]),
    ]);
  }
  for (const { user } of users) {
    await eventually(async () => {
      await journeyStubOf(user, tenant.id).summarySettled();
      const journey = await api(`/v1/journeys/${user}`, { headers: server(tenant) });
      const status = ((await journey.json()) as { journey: { status: string } }).journey.status;
      return status !== 'active';
    });
  }
  return users;
}

// Eight journeys and the queue per test on a shared machine: generous time, the assertions unchanged.
describe('analytics views served by the edge: funnel, time to complete, hot spots, as JSON and CSV', {
  timeout: 60_000,
}, () => {
  it('splits the funnel and completion times by device and arm, and finds the hot spot', async () => {
    const tenant = await freshTenant();
    const flowId = uniqueUser('flow');
    const published = await api('/v1/flows', {
      method: 'POST',
      headers: server(tenant),
      body: JSON.stringify({
        id: flowId,
        name: 'Insight',
        steps: [
          { id: 'start', title: 'Start, then "go"' },
          { id: 'middle', title: '=2+2', prerequisites: ['start'] },
          { id: 'finish', title: 'Finish', prerequisites: ['middle'] },
        ],
      }),
    });
    expect(published.status).toBe(201);
    await seedJourneys(tenant, flowId);

    type Funnel = {
      segments: {
        segment: string;
        started: number;
        completed: number;
        abandoned: number;
        steps: { stepId: string; completed: number }[];
      }[];
    };
    const byDevice = await json<Funnel>(
      await api(`/v1/analytics/flows/${flowId}/funnel?by=device`, { headers: server(tenant) }),
    );
    const counts = (f: Funnel) =>
      Object.fromEntries(
        f.segments.map((s) => [
          s.segment,
          [s.started, s.completed, s.abandoned, ...s.steps.map((x) => x.completed)],
        ]),
      );
    expect(counts(byDevice)).toEqual({ mobile: [4, 2, 2, 4, 2, 2], desktop: [4, 4, 0, 4, 4, 4] });
    const byArm = await json<Funnel>(
      await api(`/v1/analytics/flows/${flowId}/funnel?by=arm`, { headers: server(tenant) }),
    );
    expect(counts(byArm)).toEqual({ adaptive: [4, 2, 2, 4, 2, 2], smart: [4, 4, 0, 4, 4, 4] });
    const all = await json<Funnel>(
      await api(`/v1/analytics/flows/${flowId}/funnel`, { headers: server(tenant) }),
    );
    expect(counts(all)).toEqual({ all: [8, 6, 2, 8, 6, 6] });

    const csv = await api(`/v1/analytics/flows/${flowId}/funnel?by=device&format=csv`, {
      headers: server(tenant),
    });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="funnel-${flowId}-device.csv"`);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('segment,started,step_id,title,completed,skipped,rate,step_rate');
    expect(text).toContain('mobile,4,start,"Start, then ""go""",4,0,1,1\r\n');
    expect(text).toContain("mobile,4,middle,'=2+2,2,0,0.5,0.5\r\n");

    const times = await json<{
      segments: { segment: string; completed: number; medianMs: number | null; p90Ms: number | null }[];
    }>(await api(`/v1/analytics/flows/${flowId}/time-to-complete?by=device`, { headers: server(tenant) }));
    const desktop = times.segments.find((s) => s.segment === 'desktop');
    expect(desktop?.completed).toBe(4);
    expect(desktop?.medianMs).toBeGreaterThanOrEqual(0);
    expect(desktop?.p90Ms).toBeGreaterThanOrEqual(desktop?.medianMs ?? 0);
    expect(times.segments.find((s) => s.segment === 'mobile')).toMatchObject({ completed: 2, abandoned: 2 });

    // The hot spot: four rage clicks on the hostile element of the middle step, from the queue's consumer.
    await eventually(async () => {
      const [row] = await database(env.DB)
        .select()
        .from(struggleHotspotsDaily)
        .where(
          and(eq(struggleHotspotsDaily.tenantId, tenant.id), eq(struggleHotspotsDaily.signal, 'rage_click')),
        );
      return row?.count === 4;
    });
    const spots = await json<{
      hotspots: { stepId: string; element: string; signal: string; total: number; trend: string }[];
    }>(await api('/v1/analytics/struggle/hotspots?windowDays=7', { headers: server(tenant) }));
    expect(spots.hotspots).toEqual([
      {
        stepId: 'middle',
        element: HOSTILE,
        signal: 'rage_click',
        total: 4,
        recent: 4,
        earlier: 0,
        trend: 'new',
      },
    ]);
    const spotsCsv = await (
      await api('/v1/analytics/struggle/hotspots?windowDays=7&format=csv', { headers: server(tenant) })
    ).text();
    // Quoted (comma, quote, line break), quotes doubled, and the formula defused with an apostrophe.
    expect(spotsCsv).toBe(
      `stepId,element,signal,total,recent,earlier,trend\r\nmiddle,"'=cmd|' /C calc'!A0,""x""\nnext",rage_click,4,4,0,new\r\n`,
    );
  });

  it('refuses bad splits, unknown flows, browser keys and other tenants', async () => {
    const tenant = await freshTenant();
    const flowId = uniqueUser('flow');
    await api('/v1/flows', {
      method: 'POST',
      headers: server(tenant),
      body: JSON.stringify({ id: flowId, name: 'x', steps: [{ id: 'a', title: 'A' }] }),
    });
    const bad = await api(`/v1/analytics/flows/${flowId}/funnel?by=js.user_id`, { headers: server(tenant) });
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ error: { code: 'validation_failed' } });
    expect(
      (await api(`/v1/analytics/flows/${flowId}/funnel?format=xml`, { headers: server(tenant) })).status,
    ).toBe(400);
    expect((await api('/v1/analytics/flows/nope/time-to-complete', { headers: server(tenant) })).status).toBe(
      404,
    );
    const browser = await api(`/v1/analytics/flows/${flowId}/funnel`, {
      headers: { authorization: `Bearer ${tenant.publishableKey}` },
    });
    expect([401, 403]).toContain(browser.status);
    expect((await api('/v1/analytics/struggle/hotspots')).status).toBe(401);
    const other = await freshTenant();
    expect((await api(`/v1/analytics/flows/${flowId}/funnel`, { headers: server(other) })).status).toBe(404);
    const theirs = await json<{ hotspots: unknown[] }>(
      await api('/v1/analytics/struggle/hotspots', { headers: server(other) }),
    );
    expect(theirs.hotspots).toEqual([]);
  });
});
