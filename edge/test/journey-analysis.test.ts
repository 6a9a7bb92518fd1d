import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database } from '../src/adapters/d1/client';
import { journeySummaries } from '../src/adapters/d1/schema';
import { api, browserHeaders, DEMO, eventId, eventually, serverHeaders, uniqueUser } from './helpers';
import { journeyStubOf } from './journey-storage';

async function publishFlow() {
  const id = uniqueUser('analysed');
  const res = await api('/v1/flows', {
    method: 'POST',
    headers: serverHeaders,
    body: JSON.stringify({
      id,
      name: `Flow ${id}`,
      steps: [
        { id: 'start', title: 'Start' },
        { id: 'finish', title: 'Finish', prerequisites: ['start'] },
      ],
    }),
  });
  expect(res.status).toBe(201);
  return id;
}

const stepEvent = (stepId: string, context?: unknown) => ({
  id: eventId(),
  sessionId: 'tab-1',
  timestamp: Date.now(),
  eventType: 'step',
  stepId,
  action: 'completed',
  ...(context ? { context } : {}),
});

async function rowOf(journeyId: string) {
  const [row] = await database(env.DB)
    .select()
    .from(journeySummaries)
    .where(and(eq(journeySummaries.tenantId, DEMO.tenantId), eq(journeySummaries.id, journeyId)));
  return row;
}

describe('journey rows in D1 carry what analysis splits by', () => {
  it('stores persona, proficiency, arm, cohort, device class, flow version, outcome and time to complete', async () => {
    const flowId = await publishFlow();
    const user = uniqueUser('analysed');
    const headers = await browserHeaders(user, { 'x-so-user': user });
    // The tenant's server starts the journey: only a secret key may choose the arm or a plan trait.
    const init = await api(`/v1/journeys/${user}`, {
      method: 'POST',
      headers: serverHeaders,
      body: JSON.stringify({
        flowId,
        profile: { technicalProficiency: 'expert', traits: { so_arm: 'adaptive', plan: 'pro' } },
      }),
    });
    const { journey } = (await init.json()) as { journey: { id: string; flowVersion: number } };
    const touch = { path: '/start', pointer: 'touch', viewport: { w: 390, h: 844 } };
    const send = (events: unknown[]) =>
      api('/v1/events', { method: 'POST', headers, body: JSON.stringify({ sentAt: Date.now(), events }) });
    expect((await send([stepEvent('start', touch)])).status).toBe(202);
    // A later event from a desktop does not move the journey to another device.
    const desktop = { path: '/finish', pointer: 'mouse', viewport: { w: 1440, h: 900 } };
    expect((await send([stepEvent('finish', desktop)])).status).toBe(202);

    const row = await eventually(async () => {
      await journeyStubOf(user).summarySettled();
      const r = await rowOf(journey.id);
      return r?.status === 'completed' ? r : null;
    });
    expect(row).toMatchObject({
      flowVersion: journey.flowVersion,
      persona: 'power_user',
      arm: 'adaptive',
      cohort: 'pro',
      deviceClass: 'mobile',
      abandonedBy: null,
      experimentId: null,
    });
    // The assessed level: the self-reported `expert`, weighed against two steps done without a pause.
    expect(['advanced', 'expert']).toContain(row.proficiency);
    expect(row.timeToCompleteMs).toBe(row.completedAt! - row.startedAt);
  });

  it('stores what it does not know as unknown, and the smart arm by default', async () => {
    const flowId = await publishFlow();
    const user = uniqueUser('bare');
    const init = await api(`/v1/journeys/${user}`, {
      method: 'POST',
      headers: await browserHeaders(user),
      body: JSON.stringify({ flowId }),
    });
    const { journey } = (await init.json()) as { journey: { id: string } };
    await journeyStubOf(user).summarySettled();
    const row = await eventually(() => rowOf(journey.id));
    expect(row).toMatchObject({
      arm: 'smart',
      cohort: 'default',
      deviceClass: 'unknown',
      timeToCompleteMs: null,
    });
  });
});
