import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { EVENT_BATCH_MAX_BYTES, EventBatchAccepted } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { database } from '../src/adapters/d1/client';
import { engagementOf, listDeadLetters } from '../src/adapters/d1/queries/engagement';
import { consumeDeadLetters, consumeEvents } from '../src/adapters/queues/consumer';
import { servicesFor } from '../src/services';
import {
  api,
  browserHeaders,
  DEMO,
  eventId,
  eventually,
  hashFor,
  json,
  serverHeaders,
  uniqueUser,
} from './helpers';

function batch(count: number, over: Record<string, unknown> = {}) {
  return {
    sentAt: Date.now(),
    events: Array.from({ length: count }, () => ({
      id: eventId(),
      sessionId: 'tab-1',
      timestamp: Date.now(),
      stepId: 'connect-account',
      eventType: 'signal',
      signal: { type: 'rage_click', t: Date.now(), evidence: { clicks: 3 } },
      ...over,
    })),
  };
}

async function send(user: string, body: unknown, extra: Record<string, string> = {}) {
  return api('/v1/events', {
    method: 'POST',
    headers: await browserHeaders(user, { 'x-so-user': user, ...extra }),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const code = async (res: Response) => (await json<{ error: { code: string } }>(res)).error.code;

describe('POST /v1/events', () => {
  it('accepts a batch with 202 and counts a retried batch as duplicates', async () => {
    const user = uniqueUser();
    const b = batch(5);
    const first = await send(user, b);
    expect(first.status).toBe(202);
    expect(EventBatchAccepted.parse(await first.json())).toEqual({ accepted: 5, duplicates: 0 });

    const retry = await send(user, b);
    expect(retry.status).toBe(202);
    expect(await retry.json()).toEqual({ accepted: 0, duplicates: 5 });

    const overlapping = { ...b, events: [...b.events.slice(0, 2), ...batch(3).events] };
    expect(await (await send(user, overlapping)).json()).toEqual({ accepted: 3, duplicates: 2 });
  });

  it('counts the same batch sent twice at once only once', async () => {
    const user = uniqueUser();
    const b = batch(4);
    const [a, c] = await Promise.all([send(user, b), send(user, b)]);
    const bodies = [await json<{ accepted: number }>(a), await json<{ accepted: number }>(c)];
    expect(bodies.map((x) => x.accepted).sort()).toEqual([0, 4]);
  });

  it('takes text/plain bodies and query credentials, as navigator.sendBeacon sends them', async () => {
    const user = uniqueUser();
    const query = `key=${DEMO.publishableKey}&user=${user}&user_hash=${await hashFor(user)}&session=tab-9`;
    const res = await api(`/v1/events?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'http://127.0.0.1:5173' },
      body: JSON.stringify(batch(2)),
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
  });

  it.each([
    ['not JSON', '{"sentAt":', 400, 'invalid_json'],
    ['an empty batch', { sentAt: 1, events: [] }, 400, 'validation_failed'],
    [
      'an event without a UUID',
      { sentAt: 1, events: [{ ...batch(1).events[0], id: 'abc' }] },
      400,
      'validation_failed',
    ],
    [
      'an unknown event type',
      { sentAt: 1, events: [{ ...batch(1).events[0], eventType: 'keystroke' }] },
      400,
      'validation_failed',
    ],
    ['a JSON array', [1, 2, 3], 400, 'validation_failed'],
    ['null', 'null', 400, 'validation_failed'],
  ])('refuses %s', async (_name, body, status, expected) => {
    const res = await send(uniqueUser(), body);
    expect(res.status).toBe(status);
    expect(await code(res)).toBe(expected);
  });

  it('refuses other content types with 415', async () => {
    const res = await send(uniqueUser(), JSON.stringify(batch(1)), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    expect(await code(res)).toBe('unsupported_media_type');
  });

  it('answers 413 past the size limit, by Content-Length and by the bytes actually sent', async () => {
    const user = uniqueUser();
    const big = JSON.stringify({ sentAt: 1, events: [], pad: 'x'.repeat(EVENT_BATCH_MAX_BYTES) });
    const res = await send(user, big);
    expect(res.status).toBe(413);
    expect(await code(res)).toBe('payload_too_large');

    const chunked = new ReadableStream({
      start(controller) {
        const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
        for (let i = 0; i < 5; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await api('/v1/events', {
      method: 'POST',
      headers: await browserHeaders(user, { 'x-so-user': user }),
      body: chunked,
      // @ts-expect-error: workerd's fetch takes a stream body without `duplex`
      duplex: 'half',
    });
    expect(streamed.status).toBe(413);
  });

  it('needs the user: no user id is a 400', async () => {
    const res = await api('/v1/events', {
      method: 'POST',
      headers: { 'x-so-key': DEMO.publishableKey, 'content-type': 'application/json' },
      body: JSON.stringify(batch(1)),
    });
    expect(res.status).toBe(400);
    expect(await code(res)).toBe('bad_request');
  });

  it('moves the journey when step events arrive', async () => {
    const user = uniqueUser();
    await api(`/v1/journeys/${user}`, {
      method: 'POST',
      headers: serverHeaders, // only the tenant's server may choose the arm
      body: JSON.stringify({ flowId: DEMO.flowId, profile: { traits: { so_arm: 'adaptive' } } }),
    });
    const step = batch(1, {
      eventType: 'step',
      stepId: 'create-profile',
      action: 'completed',
      signal: undefined,
    });
    expect((await send(user, step)).status).toBe(202);
    const next = await json<{ step: { id: string } }>(
      await api(`/v1/journeys/${user}/next`, { headers: await browserHeaders(user) }),
    );
    expect(next.step.id).toBe('connect-account');
  });
});

describe('the event queue consumer', () => {
  it('writes daily engagement aggregates to D1 from the real queue, counting each event once', async () => {
    const user = uniqueUser();
    const b = batch(3);
    await send(user, b);
    await send(user, b);
    await send(
      user,
      batch(2, { eventType: 'struggle', score: 0.7, source: 'model', reasons: [], signal: undefined }),
    );
    const rows = await eventually(async () => {
      const r = await engagementOf(database(env.DB), DEMO.tenantId, user);
      return r[0] && r[0].events === 5 ? r : null;
    });
    expect(rows).toEqual([
      expect.objectContaining({
        stepId: 'connect-account',
        events: 5,
        signals: 3,
        struggleReports: 2,
        maxStruggleScore: 0.7,
      }),
    ]);
  });

  it('acknowledges what it wrote and retries, with backoff, what failed', async () => {
    const user = uniqueUser();
    const body = (n: number) => ({ v: 1, tenantId: DEMO.tenantId, userId: user, events: batch(n).events });
    const messages = createMessageBatch('so-events', [
      { id: 'ok-1', timestamp: new Date(), attempts: 1, body: body(2) },
      { id: 'flaky-1', timestamp: new Date(), attempts: 3, body: body(1) },
    ]);
    const ctx = createExecutionContext();
    let calls = 0;
    await consumeEvents(messages, servicesFor(env), async (db, m) => {
      calls++;
      if (m.events.length === 1) throw new Error('D1 is having a moment');
      const { addEngagement } = await import('../src/adapters/d1/queries/engagement');
      return addEngagement(db, m.tenantId, m.userId, m.events);
    });
    const result = await getQueueResult(messages, ctx);
    expect(calls).toBe(2);
    expect(result.explicitAcks).toEqual(['ok-1']);
    // The delay (retryDelaySeconds(3) = 8 s) is not reported by getQueueResult; consumer.test.ts covers it.
    expect(result.retryMessages).toEqual([expect.objectContaining({ msgId: 'flaky-1' })]);

    expect((await engagementOf(database(env.DB), DEMO.tenantId, user))[0]?.events).toBe(2);
  });

  it('sends a poison message to the dead-letter queue instead of retrying it', async () => {
    const marker = `poison-${crypto.randomUUID()}`;
    const messages = createMessageBatch('so-events', [
      { id: 'bad-1', timestamp: new Date(), attempts: 1, body: { marker } },
    ]);
    const ctx = createExecutionContext();
    await consumeEvents(messages, servicesFor(env));
    const result = await getQueueResult(messages, ctx);
    expect(result.explicitAcks).toEqual(['bad-1']);
    expect(result.retryMessages).toEqual([]);
    const letters = await eventually(async () => {
      const rows = await listDeadLetters(database(env.DB), 'so-events-dlq');
      return rows.find((r) => r.body.includes(marker));
    });
    expect(letters.reason).toMatch(/^invalid message/);
  });
});

describe('the dead-letter consumer', () => {
  it('retries a dead letter, with backoff, while D1 is down, and keeps it once D1 is back', async () => {
    const marker = `outage-${crypto.randomUUID()}`;
    const letter = () =>
      createMessageBatch('so-events-dlq', [
        { id: 'dl-outage', timestamp: new Date(), attempts: 2, body: { reason: 'poison', body: { marker } } },
      ]);
    const down = letter();
    await consumeDeadLetters(down, servicesFor(env), async () => {
      throw new Error('D1_ERROR: D1 is unavailable');
    });
    const result = await getQueueResult(down, createExecutionContext());
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toEqual([expect.objectContaining({ msgId: 'dl-outage' })]);

    const up = letter();
    await consumeDeadLetters(up, servicesFor(env));
    expect((await getQueueResult(up, createExecutionContext())).explicitAcks).toEqual(['dl-outage']);
    const rows = await listDeadLetters(database(env.DB), 'so-events-dlq');
    expect(rows.filter((r) => r.body.includes(marker))).toHaveLength(1);
  });
});

describe('daily upkeep', () => {
  it('prunes counted event ids older than any retry could be', async () => {
    const { createScheduledController } = await import('cloudflare:test');
    const { default: worker } = await import('../src/index');
    const { addEngagement } = await import('../src/adapters/d1/queries/engagement');
    const db = database(env.DB);
    const old = batch(1).events;
    const recent = batch(1).events;
    const now = Date.now();
    const parsed = (await import('@smart-onboarding/protocol')).EventBatch.parse({
      sentAt: 1,
      events: [...old, ...recent],
    }).events;
    await addEngagement(db, 'upkeep', 'u', [parsed[0]!], now - 9 * 86_400_000);
    await addEngagement(db, 'upkeep', 'u', [parsed[1]!], now - 86_400_000);
    await worker.scheduled(createScheduledController({ scheduledTime: now }), env);
    // The old id is forgotten (a redelivery would count again); the recent one is still recognised.
    expect(await addEngagement(db, 'upkeep', 'u', [parsed[0]!], now)).toBe(1);
    expect(await addEngagement(db, 'upkeep', 'u', [parsed[1]!], now)).toBe(0);
  });
});
