import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { EscalationTicket, ServerMessage } from '@smart-onboarding/protocol';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database } from '../src/adapters/d1/client';
import { escalations } from '../src/adapters/d1/schema';
import { journeyObjectName } from '../src/journey/owner';
import { api, browserHeaders, DEMO, eventually, serverHeaders, uniqueUserIn } from './helpers';
import { editStoredJourney, readStoredJourney } from './journey-storage';
import { open, type TestSocket } from './test-socket';

const stubOf = (user: string) =>
  env.JOURNEY.get(env.JOURNEY.idFromName(journeyObjectName({ tenantId: DEMO.tenantId, userId: user })));

async function initializeSmart(user: string) {
  const res = await api(`/v1/journeys/${user}`, {
    method: 'POST',
    headers: serverHeaders, // only the tenant's server may choose the arm
    body: JSON.stringify({ flowId: DEMO.flowId, profile: { traits: { so_arm: 'smart' } } }),
  });
  expect(res.status).toBe(201);
}

const struggle = (code: string) => ({
  type: 'struggle',
  report: {
    score: 0.95,
    source: 'model',
    reasons: [{ code, weight: 1 }],
    stepId: 'create-profile',
    element: '#signup-form button',
    recentSignals: [],
    t: Date.now(),
  },
});

/** Messages until one of `type` arrives. */
async function until<T extends ServerMessage['type']>(socket: TestSocket, type: T) {
  const seen: ServerMessage[] = [];
  for (let i = 0; i < 50; i++) {
    const m = await socket.next(5000);
    seen.push(m);
    if (m.type === type) return { message: m as Extract<ServerMessage, { type: T }>, seen };
  }
  throw new Error(`no ${type} message`);
}

describe('interventions in the smart arm over the WebSocket', () => {
  it('streams help after an ai_help plan, authored when Azure OpenAI fails, and saying so', async () => {
    const user = uniqueUserIn('treated', 'aihelp');
    await initializeSmart(user);
    const socket = await open(user);
    try {
      socket.send(struggle('error_click'));
      const { message: intervention } = await until(socket, 'intervention');
      expect(intervention.plan).toMatchObject({ kind: 'ai_help', holdout: false, stepId: 'create-profile' });
      const { message: help, seen } = await until(socket, 'help');
      expect(seen.some((m) => m.type === 'help_chunk' && m.done)).toBe(true);
      expect(help.help).toMatchObject({ source: 'authored', degradedReason: expect.any(String) });
      expect(help.help.text.length).toBeGreaterThan(0);
    } finally {
      socket.close();
    }
  });

  it('escalates a human plan: the ticket is stored, kept pending while the webhook fails, and retried by the alarm', async () => {
    const user = uniqueUserIn('treated', 'human');
    await initializeSmart(user);
    const socket = await open(user);
    try {
      socket.send(struggle('error_click'));
      expect((await until(socket, 'intervention')).message.plan.kind).toBe('ai_help');
      // The next report on the same step climbs the ladder past AI help: a person.
      socket.send(struggle('rage_click'));
      const { message } = await until(socket, 'intervention');
      expect(message.plan.kind).toBe('human');
      const db = database(env.DB);
      // Three inline attempts against the closed port, then the alarm's turn.
      const row = await eventually(async () => {
        const [r] = await db.select().from(escalations).where(eq(escalations.id, message.plan.id));
        return r && r.attempts >= 3 ? r : null;
      }, 15_000);
      expect(row).toMatchObject({
        tenantId: DEMO.tenantId,
        userId: user,
        stepId: 'create-profile',
        status: 'pending',
      });
      expect((row.ticket as EscalationTicket).summary.length).toBeGreaterThan(0);

      const stub = stubOf(user);
      const pending = await eventually(async () => {
        const list = await readStoredJourney(stub, (store) => store.get('escalations'));
        return list.length > 0 ? list : null;
      });
      // Due now, so the alarm retries it.
      await editStoredJourney(stub, (store) =>
        store.set(
          'escalations',
          store.get('escalations').map((p) => ({ ...p, retryAt: Date.now() - 1 })),
        ),
      );
      expect(pending[0]?.ticket.id).toBe(message.plan.id);
      expect(await runDurableObjectAlarm(stub)).toBe(true);
      const [after] = await db.select().from(escalations).where(eq(escalations.id, message.plan.id));
      expect(after!.attempts).toBeGreaterThan(row.attempts);
      expect(after!.status).toBe('pending');
    } finally {
      socket.close();
    }
  }, 25_000);

  it('records the same plan for a held-out user, marked holdout, and shows or streams nothing', async () => {
    const user = uniqueUserIn('holdout', 'held');
    await initializeSmart(user);
    const socket = await open(user);
    try {
      socket.send(struggle('error_click'));
      const { message } = await until(socket, 'intervention');
      expect(message.plan).toMatchObject({ kind: 'ai_help', holdout: true, stepId: 'create-profile' });
      expect(message.plan.reason).toContain('holdout: recorded, not shown');
      // No help follows a held-out plan: that is what makes the holdout a control group.
      await expect(socket.next(1000)).rejects.toThrow('no message in time');
      const journey = await api(`/v1/journeys/${user}`, { headers: await browserHeaders(user) });
      const { interventions } = (
        (await journey.json()) as { journey: { interventions: { holdout: boolean }[] } }
      ).journey;
      expect(interventions).toEqual([expect.objectContaining({ holdout: true })]);
    } finally {
      socket.close();
    }
  });

  it('pushes help to a user stalled on a step, from the alarm that watches while a tab is open (monitorUserProgress)', async () => {
    const user = uniqueUserIn('treated', 'stalled');
    await initializeSmart(user);
    const socket = await open(user);
    try {
      const stub = stubOf(user);
      // A tab is open: the monitor's alarm is set.
      expect(await runInDurableObject(stub, (_i, state) => state.storage.getAlarm())).not.toBeNull();
      // On track: the alarm pushes nothing.
      expect(await runDurableObjectAlarm(stub)).toBe(true);
      await expect(socket.next(300)).rejects.toThrow('no message in time');
      // Ten minutes on a 60-second step, while still active in the tab.
      await editStoredJourney(stub, (store) => {
        store.set('journey', { ...store.get('journey')!, currentStepSince: Date.now() - 10 * 60_000 });
        store.set('lastActivityAt', Date.now());
      });
      expect(await runDurableObjectAlarm(stub)).toBe(true);
      const { message } = await until(socket, 'intervention');
      expect(message.plan).toMatchObject({ stepId: 'create-profile', holdout: false });
      expect(message.plan.kind).not.toBe('none');
      expect(message.plan.reason).toContain('stalled_on_step');
      // The next tick does not repeat it.
      expect(await runDurableObjectAlarm(stub)).toBe(true);
      await expect(socket.next(300)).rejects.toThrow('no message in time');
    } finally {
      socket.close();
    }
  }, 15_000);
});
