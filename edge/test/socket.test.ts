import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ABANDON_AFTER_SEC } from '../src/journey/abandonment';
import { journeyObjectName } from '../src/journey/owner';
import { api, browserHeaders, DEMO, eventId, hashFor, json, serverHeaders, uniqueUser } from './helpers';
import { open } from './test-socket';

async function initialize(user: string) {
  const res = await api(`/v1/journeys/${user}`, {
    method: 'POST',
    headers: serverHeaders, // only the tenant's server may choose the arm
    body: JSON.stringify({ flowId: DEMO.flowId, profile: { traits: { so_arm: 'adaptive' } } }),
  });
  expect(res.status).toBe(201);
}

const stubOf = (user: string) =>
  env.JOURNEY.get(env.JOURNEY.idFromName(journeyObjectName({ tenantId: DEMO.tenantId, userId: user })));

describe('the journey WebSocket', () => {
  it('round-trips hello, events, struggle and ping', async () => {
    const user = uniqueUser('ws');
    await initialize(user);
    const socket = await open(user);

    const welcome = await socket.request({ type: 'hello', sessionId: 'tab-1' }, 'welcome');
    expect(welcome.currentStep?.id).toBe('create-profile');

    const ids = [eventId(), eventId()];
    const batch = {
      sentAt: Date.now(),
      events: ids.map((id) => ({
        id,
        sessionId: 'tab-1',
        timestamp: Date.now(),
        eventType: 'page',
        action: 'view',
      })),
    };
    expect(await socket.request({ type: 'events', batch }, 'ack')).toEqual({
      type: 'ack',
      ids,
      duplicates: 0,
    });
    expect(await socket.request({ type: 'events', batch }, 'ack')).toEqual({
      type: 'ack',
      ids,
      duplicates: 2,
    });

    const t = Date.now();
    const intervention = await socket.request(
      {
        type: 'struggle',
        report: {
          score: 0.88,
          source: 'rules',
          reasons: [{ code: 'rage_click', weight: 1 }],
          element: '#signup-form button',
          t,
        },
      },
      'intervention',
    );
    expect(intervention.reportedAt).toBe(t);
    expect(intervention.plan).toMatchObject({
      kind: 'hint',
      stepId: 'create-profile',
      target: { selector: '#signup-form' },
    });

    expect(await socket.request({ type: 'ping', t: 42 }, 'pong')).toEqual({ type: 'pong', t: 42 });
    socket.close();
  });

  it('answers bad messages with the protocol error shape and keeps the socket open', async () => {
    const user = uniqueUser('ws');
    const socket = await open(user);
    for (const [message, code] of [
      ['not json', 'invalid_json'],
      [{ type: 'shout' }, 'validation_failed'],
      [{ type: 'events', batch: { sentAt: 1, events: [] } }, 'validation_failed'],
      ['x'.repeat(400_000), 'payload_too_large'],
    ] as const) {
      const reply = await socket.request(message, 'error');
      expect(reply.error.code).toBe(code);
    }
    // A struggle report before any journey still gets a plan (pointing at the element).
    const reply = await socket.request(
      { type: 'struggle', report: { score: 0.9, source: 'rules', reasons: [], element: '#x', t: 1 } },
      'intervention',
    );
    expect(reply.plan.target?.selector).toBe('#x');
    expect(await socket.request({ type: 'ping', t: 1 }, 'pong')).toMatchObject({ t: 1 });
    socket.close();
  });

  it('limits how fast one socket may send (rate_limited), and recovers', async () => {
    const socket = await open(uniqueUser('ws'));
    // The budget is a burst of 60 refilled at 20 a second, in real time: 200 pings sent at once overrun
    // it unless the object takes more than 7 s to read them, so a slow, shared machine cannot hide the limit.
    const sent = 200;
    for (let i = 0; i < sent; i++) socket.send({ type: 'ping', t: i });
    const replies = [];
    for (let i = 0; i < sent; i++) replies.push(await socket.next());
    const limited = replies.filter((r) => r.type === 'error' && r.error.code === 'rate_limited').length;
    expect(limited).toBeGreaterThan(0);
    expect(replies.filter((r) => r.type === 'pong').length).toBeGreaterThanOrEqual(60);
    await new Promise((r) => setTimeout(r, 200));
    expect(await socket.request({ type: 'ping', t: 1 }, 'pong')).toMatchObject({ t: 1 });
    socket.close();
  });

  it('pushes the next step and interventions to every open tab when they happen over HTTP', async () => {
    const user = uniqueUser('ws');
    await initialize(user);
    const tabA = await open(user);
    const tabB = await open(user, '-b');
    const res = await api(`/v1/journeys/${user}/progress`, {
      method: 'POST',
      headers: await browserHeaders(user),
      body: JSON.stringify({ stepId: 'create-profile', action: 'completed' }),
    });
    expect(res.status).toBe(200);
    for (const tab of [tabA, tabB]) {
      const pushed = await tab.next();
      expect(pushed).toMatchObject({ type: 'next_step', step: { id: 'connect-account' } });
    }
    const t = Date.now();
    const struggle = await api(`/v1/journeys/${user}/struggle`, {
      method: 'POST',
      headers: await browserHeaders(user),
      body: JSON.stringify({ score: 0.95, source: 'model', reasons: [], t }),
    });
    const { plan } = await json<{ plan: { id: string } }>(struggle);
    for (const tab of [tabA, tabB]) {
      expect(await tab.next()).toMatchObject({
        type: 'intervention',
        reportedAt: t,
        plan: { id: plan.id, stepId: 'connect-account' },
      });
      tab.close();
    }
  });

  it('keeps serving a hibernated socket after the object is evicted', async () => {
    const user = uniqueUser('ws');
    await initialize(user);
    const socket = await open(user);
    await socket.request({ type: 'ping', t: 1 }, 'pong');
    await evictDurableObject(stubOf(user));
    const welcome = await socket.request({ type: 'hello', sessionId: 'tab-1' }, 'welcome');
    expect(welcome.currentStep?.id).toBe('create-profile');
    socket.close();
  });

  it.each([
    ['no upgrade header', {}, true, 426, 'bad_request'],
    ['a wrong user hash', { upgrade: 'websocket' }, false, 401, 'user_hash_invalid'],
    [
      'a disallowed origin',
      { upgrade: 'websocket', origin: 'https://evil.example' },
      true,
      403,
      'origin_not_allowed',
    ],
  ])('refuses %s', async (_name, headers, rightHash, status, code) => {
    const hash = rightHash ? await hashFor('u1') : '0'.repeat(64);
    const res = await api(`/v1/socket?key=${DEMO.publishableKey}&user=u1&user_hash=${hash}`, { headers });
    expect(res.status).toBe(status);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe(code);
  });
});

describe('journey state survives the object', () => {
  it('is read back from SQLite storage after eviction', async () => {
    const user = uniqueUser('evict');
    await initialize(user);
    await api(`/v1/journeys/${user}/progress`, {
      method: 'POST',
      headers: await browserHeaders(user),
      body: JSON.stringify({ stepId: 'create-profile', action: 'completed' }),
    });
    const before = await json<{ journey: unknown }>(
      await api(`/v1/journeys/${user}`, { headers: await browserHeaders(user) }),
    );
    await evictDurableObject(stubOf(user));
    const after = await json<{ journey: unknown }>(
      await api(`/v1/journeys/${user}`, { headers: await browserHeaders(user) }),
    );
    expect(after.journey).toEqual(before.journey);
    const tables = await runInDurableObject(stubOf(user), (_instance, state) =>
      state.storage.sql
        .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .toArray(),
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['kv', 'seen_events']));
  });

  it('remembers event ids across eviction, so a late retry is still a duplicate', async () => {
    const user = uniqueUser('evict');
    const batch = {
      sentAt: Date.now(),
      events: [{ id: eventId(), sessionId: 's', timestamp: Date.now(), eventType: 'page', action: 'view' }],
    };
    const send = async () =>
      json<{ accepted: number; duplicates: number }>(
        await api('/v1/events', {
          method: 'POST',
          headers: await browserHeaders(user, { 'x-so-user': user }),
          body: JSON.stringify(batch),
        }),
      );
    expect(await send()).toEqual({ accepted: 1, duplicates: 0 });
    await evictDurableObject(stubOf(user));
    expect(await send()).toEqual({ accepted: 0, duplicates: 1 });
  });
});

describe('D1 summaries', () => {
  it('are written after the answer, and by the alarm when that write did not land', async () => {
    const user = uniqueUser('summary');
    await initialize(user);
    const stub = stubOf(user);
    await stub.summarySettled();
    const summaries = () =>
      env.DB.prepare('SELECT user_id, status FROM journey_summaries WHERE user_id = ?').bind(user).all();
    expect((await summaries()).results).toEqual([{ user_id: user, status: 'active' }]);
    // The write landed, so the safety-net alarm gave way to the only work left: the abandonment deadline.
    const alarm = () => runInDurableObject(stub, (_i, state) => state.storage.getAlarm());
    const deadline = await alarm();
    expect(deadline).toBeGreaterThan(Date.now() + DEFAULT_ABANDON_AFTER_SEC * 1000 - 60_000);

    // Engagement alone changes the journey but not its summary: nothing is queued for D1.
    const viewed = await api(`/v1/journeys/${user}/progress`, {
      method: 'POST',
      headers: await browserHeaders(user),
      body: JSON.stringify({
        stepId: 'create-profile',
        action: 'viewed',
        interaction: { timeSpentMs: 900, clicks: 1 },
      }),
    });
    expect(
      (await json<{ journey: { engagementHistory: unknown[] } }>(viewed)).journey.engagementHistory,
    ).toHaveLength(1);
    expect(await alarm()).toBe(deadline);

    // Lose the row (as if D1 had failed), arm the alarm as a commit does, and let it fire.
    await env.DB.prepare('DELETE FROM journey_summaries WHERE user_id = ?').bind(user).run();
    await runInDurableObject(stub, (_i, state) => state.storage.setAlarm(Date.now() + 60_000));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await summaries()).results).toEqual([{ user_id: user, status: 'active' }]);
  });
});
