import {
  createExecutionContext,
  createMessageBatch,
  getQueueResult,
  runInDurableObject,
} from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { BehaviorEvent, UserExportResponse } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { database } from '../../src/adapters/d1/client';
import { addEngagement } from '../../src/adapters/d1/queries/engagement';
import { d1EscalationStore } from '../../src/adapters/d1/queries/escalations';
import { logExposure } from '../../src/adapters/d1/queries/experiments';
import { saveIntervention } from '../../src/adapters/d1/queries/journeys';
import { consumeDeadLetters, consumeEvents } from '../../src/adapters/queues/consumer';
import { flowLearnerName } from '../../src/learning/flow-learner-rpc';
import { exportUserRows, USER_TABLES } from '../../src/privacy/user-data';
import { servicesFor } from '../../src/services';
import {
  api,
  browserHeaders,
  DEMO,
  eventually,
  json,
  sendEvents,
  serverHeaders,
  trackEvent,
  uniqueUser,
} from '../helpers';
import { journeyStubOf } from '../journey-storage';

/**
 * Deleting a user (issue 12, hole 4): complete (every D1 table of `USER_TABLES`, the journey object, the
 * flow learner's journey ids) and winning every race with the event queue, through a tombstone the
 * consumer honours.
 */

/** Tables that name a user but are not the user's data, each for the reason `user-data.ts` gives. */
const NOT_USER_DATA = ['user_tombstones'];

const db = () => database(env.DB);
const remove = (user: string) => api(`/v1/journeys/${user}`, { method: 'DELETE', headers: serverHeaders });

/** How many rows every table of the list holds for the user, by table. */
async function rowsLeft(user: string) {
  const rows = await exportUserRows(db(), DEMO.tenantId, user);
  return Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length]));
}
const nothing = Object.fromEntries(USER_TABLES.map((t) => [t.key, 0]));

describe('attack: events still on the queue after DELETE (hole 4)', () => {
  it('D1 knows no table with a user_id column that the list of user tables leaves out', async () => {
    // D1 refuses `pragma_table_info`, so the columns are read from each table's CREATE statement.
    const tables = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%`user_id`%'",
    ).all<{ name: string }>();
    const listed = USER_TABLES.map(
      (t) => (t.table as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')],
    );
    expect(tables.results.map((r) => r.name).sort()).toEqual([...listed, ...NOT_USER_DATA].sort());
  });

  it('drops events that were queued before the deletion: drained, nothing is re-created', async () => {
    const user = uniqueUser('deleted');
    const control = uniqueUser('kept');
    const events = [trackEvent(), trackEvent(), trackEvent()];
    expect((await sendEvents(user, events)).status).toBe(202);
    expect((await remove(user)).status).toBe(204);
    // Drained: the control user's events, queued after, are counted, and the queue's batch window passed.
    expect((await sendEvents(control, [trackEvent()])).status).toBe(202);
    await eventually(async () => (await rowsLeft(control)).engagement === 1, 15_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await rowsLeft(user)).toEqual(nothing);
  });

  it('drops a message enqueued before the deletion when the consumer reaches it after', async () => {
    const user = uniqueUser('deleted');
    const body = { v: 1, tenantId: DEMO.tenantId, userId: user, at: Date.now(), events: [trackEvent()] };
    expect((await remove(user)).status).toBe(204);
    const messages = createMessageBatch('so-events', [
      { id: 'late-1', timestamp: new Date(), attempts: 1, body },
    ]);
    await consumeEvents(messages, servicesFor(env));
    expect((await getQueueResult(messages, createExecutionContext())).explicitAcks).toEqual(['late-1']);
    expect(await rowsLeft(user)).toEqual(nothing);
  });

  it('wins when the deletion lands while the consumer is writing', async () => {
    const user = uniqueUser('deleted');
    const body = { v: 1, tenantId: DEMO.tenantId, userId: user, at: Date.now(), events: [trackEvent()] };
    const messages = createMessageBatch('so-events', [
      { id: 'racing-1', timestamp: new Date(), attempts: 1, body },
    ]);
    // The consumer has looked for a tombstone (none yet); the deletion runs; then its write lands.
    await consumeEvents(messages, servicesFor(env), async (d, m) => {
      expect((await remove(user)).status).toBe(204);
      return addEngagement(d, m.tenantId, m.userId, m.events);
    });
    expect((await getQueueResult(messages, createExecutionContext())).explicitAcks).toEqual(['racing-1']);
    expect(await rowsLeft(user)).toEqual(nothing);
  });

  it('answers an outbox resending events from before the deletion as duplicates, and queues none', async () => {
    const user = uniqueUser('deleted');
    const events = [trackEvent(), trackEvent()];
    expect((await sendEvents(user, events)).status).toBe(202);
    expect((await remove(user)).status).toBe(204);
    const resent = await sendEvents(user, events);
    expect(await json(resent)).toMatchObject({ accepted: 0, duplicates: 2 });
    // New activity after the deletion is a new user's, and is kept.
    expect(await json(await sendEvents(user, [trackEvent()]))).toMatchObject({ accepted: 1 });
  });

  it('keeps a dead letter of a deleted user out of D1', async () => {
    const user = uniqueUser('deleted');
    const body = { v: 1, tenantId: DEMO.tenantId, userId: user, at: Date.now(), events: [trackEvent()] };
    expect((await remove(user)).status).toBe(204);
    const messages = createMessageBatch('so-events-dlq', [
      { id: 'dl-1', timestamp: new Date(), attempts: 6, body },
    ]);
    await consumeDeadLetters(messages, servicesFor(env));
    expect(await rowsLeft(user)).toEqual(nothing);
  });
});

describe("a user's export and deletion, generated from one list of tables", () => {
  it('exports every table of the user (profile, escalations and dead letters too), then deletes them all', async () => {
    const user = uniqueUser('whole');
    const init = await api(`/v1/journeys/${user}`, {
      method: 'POST',
      headers: serverHeaders,
      body: JSON.stringify({
        flowId: DEMO.flowId,
        profile: { email: 'ada@example.com', traits: { plan: 'pro' } },
      }),
    });
    expect(init.status).toBe(201);
    const { journey } = await json<{ journey: { id: string } }>(init);
    const progressed = await api(`/v1/journeys/${user}/progress`, {
      method: 'POST',
      headers: await browserHeaders(user),
      body: JSON.stringify({ stepId: 'create-profile', action: 'completed' }),
    });
    expect(progressed.status).toBe(200);
    await journeyStubOf(user).summarySettled();
    const put = await api(`/v1/targeting/users/${user}/traits`, {
      method: 'PUT',
      headers: serverHeaders,
      body: JSON.stringify({ traits: { plan: 'pro' } }),
    });
    expect(put.status).toBe(204);
    const event = BehaviorEvent.parse(trackEvent());
    await addEngagement(db(), DEMO.tenantId, user, [event]);
    const plan = {
      id: crypto.randomUUID(),
      kind: 'hint',
      holdout: false,
      reason: 'r',
      createdAt: Date.now(),
    };
    await saveIntervention(db(), {
      tenantId: DEMO.tenantId,
      userId: user,
      journeyId: journey.id,
      plan,
    } as never);
    const ticket = {
      id: crypto.randomUUID(),
      userId: user,
      summary: 'stuck',
      recentSignals: [],
      status: 'pending' as const,
      attempts: 0,
      createdAt: Date.now(),
    };
    await d1EscalationStore(db()).save(DEMO.tenantId, ticket, {});
    const letter = { v: 1, tenantId: DEMO.tenantId, userId: user, at: Date.now(), events: [event] };
    await consumeDeadLetters(
      createMessageBatch('so-events-dlq', [{ id: 'dl-2', timestamp: new Date(), attempts: 6, body: letter }]),
      servicesFor(env),
    );

    await logExposure(db(), {
      tenantId: DEMO.tenantId,
      experimentId: 'exp-1',
      userId: user,
      variant: 'control',
      journeyId: journey.id,
      exposedAt: Date.now(),
    });
    const consent = await api(`/v1/journeys/${user}/consent`, {
      method: 'PUT',
      headers: serverHeaders,
      body: JSON.stringify({ state: 'granted' }),
    });
    expect(consent.status).toBe(200);

    const res = await api(`/v1/journeys/${user}/export`, { headers: serverHeaders });
    expect(res.status).toBe(200);
    const exported = UserExportResponse.parse(await res.json());
    expect(exported.profile).toMatchObject({ email: 'ada@example.com' });
    expect(exported.journey?.id).toBe(journey.id);
    for (const t of USER_TABLES) expect(exported[t.key], t.key).not.toHaveLength(0);
    expect(exported.escalations).toEqual([ticket]);
    expect(exported.deadLetters?.[0]?.body).toContain(event.id);
    expect(exported.trainingEvents).toEqual([event]);

    const learner = env.FLOW_LEARNER.get(
      env.FLOW_LEARNER.idFromName(flowLearnerName(DEMO.tenantId, DEMO.flowId)),
    );
    await runInDurableObject(learner, (_o, state) =>
      state.storage.sql.exec(
        'INSERT OR IGNORE INTO learned (journey_id, at) VALUES (?, ?)',
        journey.id,
        Date.now(),
      ),
    );

    expect((await remove(user)).status).toBe(204);
    expect(await rowsLeft(user)).toEqual(nothing);
    const after = UserExportResponse.parse(
      await (await api(`/v1/journeys/${user}/export`, { headers: serverHeaders })).json(),
    );
    expect(after.journey).toBeNull();
    expect(after.profile).toBeNull();
    const learned = await runInDurableObject(learner, (_o, state) =>
      state.storage.sql.exec('SELECT 1 FROM learned WHERE journey_id = ?', journey.id).toArray(),
    );
    expect(learned).toEqual([]);
  });
});
