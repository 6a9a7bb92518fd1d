import { createHmac, randomUUID } from 'node:crypto';
import {
  type DevServer,
  startDevServer,
  startUpstashRedis,
  type UpstashRedis,
} from '@smart-onboarding/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demo from '../src/dev/demo-tenant.json';

// biome-ignore lint/suspicious/noExplicitAny: the test reads JSON answers loosely and asserts their shape.
type Loose = Record<string, any>;

// The README's demo (`wrangler dev` through scripts/dev.mjs), with the optional Upstash cache turned on
// against a real redis-server, driven over HTTP and WebSocket as the SDK and a tenant's server would.
describe('the demo under wrangler dev, with the Upstash cache', () => {
  let redis: UpstashRedis;
  let edge: DevServer;
  const user = `restart-${randomUUID().slice(0, 8)}`;
  const hash = createHmac('sha256', demo.identitySecret).update(user).digest('hex');
  const headers = {
    'x-so-key': demo.publishableKey,
    'x-so-user-hash': hash,
    'content-type': 'application/json',
  };
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${edge.url}${path}`, {
      ...init,
      headers: { ...headers, ...(init.headers as object) },
    });
    return { status: res.status, body: (await res.json()) as Loose };
  };
  const cached = async () => {
    const raw = (await redis.command(['GET', `so:v1:next:${demo.tenantId}:${user}`])) as string | null;
    return raw === null ? null : JSON.parse(raw);
  };

  beforeAll(async () => {
    redis = await startUpstashRedis();
    edge = await startDevServer({
      env: { UPSTASH_REDIS_REST_URL: redis.url, UPSTASH_REDIS_REST_TOKEN: redis.token },
    });
  });
  afterAll(async () => {
    await edge?.stop();
    await redis?.stop();
  });

  it('prints the demo keys when it starts', () => {
    expect(edge.output()).toContain(demo.publishableKey);
    expect(edge.output()).toContain(demo.secretKey);
  });

  it('writes the next step through to Redis on every change, and reads it from there', async () => {
    expect(
      (
        await call(`/v1/journeys/${user}`, {
          method: 'POST',
          // Only the tenant's server may choose the arm: the Bearer secret key wins over x-so-key.
          headers: { authorization: `Bearer ${demo.secretKey}` },
          body: JSON.stringify({ flowId: demo.flowId, profile: { traits: { so_arm: 'adaptive' } } }),
        })
      ).status,
    ).toBe(201);
    expect((await cached())?.step.id).toBe('create-profile');

    const progress = await call(`/v1/journeys/${user}/progress`, {
      method: 'POST',
      body: JSON.stringify({ stepId: 'create-profile', action: 'completed' }),
    });
    expect(progress.status).toBe(200);
    expect((await cached())?.step.id).toBe('connect-account');
    expect((await call(`/v1/journeys/${user}/next`)).body.step.id).toBe('connect-account');

    // The read path really is the cache: a value planted in Redis is what the edge answers...
    const planted = { step: null, done: false, reason: 'planted by the test' };
    await redis.command(['SET', `so:v1:next:${demo.tenantId}:${user}`, JSON.stringify(planted)]);
    expect((await call(`/v1/journeys/${user}/next`)).body.reason).toBe('planted by the test');
    // ...until the next write replaces it with the journey's truth.
    await call(`/v1/journeys/${user}/progress`, {
      method: 'POST',
      body: JSON.stringify({ stepId: 'connect-account', action: 'completed' }),
    });
    expect((await call(`/v1/journeys/${user}/next`)).body.step.id).toBe('set-goals');
    expect(redis.served()).toBeGreaterThan(0);
  });

  it('round-trips the WebSocket', async () => {
    const url = `${edge.url.replace('http', 'ws')}/v1/socket?key=${demo.publishableKey}&user=${user}&user_hash=${hash}&session=node`;
    const ws = new WebSocket(url);
    const messages: Array<Loose> = [];
    const next = () =>
      new Promise<Loose>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no message')), 5000);
        ws.addEventListener(
          'message',
          (e) => {
            clearTimeout(timer);
            resolve(JSON.parse(String(e.data)));
          },
          { once: true },
        );
      });
    await new Promise((resolve, reject) => {
      ws.addEventListener('open', resolve, { once: true });
      ws.addEventListener('error', reject, { once: true });
    });
    ws.send(JSON.stringify({ type: 'hello', sessionId: 'node' }));
    messages.push(await next());
    const t = Date.now();
    ws.send(JSON.stringify({ type: 'struggle', report: { score: 0.9, source: 'model', reasons: [], t } }));
    messages.push(await next());
    ws.close();
    expect(messages[0]).toMatchObject({ type: 'welcome', currentStep: { id: 'set-goals' } });
    expect(messages[1]).toMatchObject({
      type: 'intervention',
      reportedAt: t,
      plan: { kind: 'hint', stepId: 'set-goals' },
    });
  });

  it('keeps journeys, event ids and summaries across a restart of wrangler dev', async () => {
    const before = await call(`/v1/journeys/${user}`);
    const batch = {
      sentAt: Date.now(),
      events: [
        { id: randomUUID(), sessionId: 'node', timestamp: Date.now(), eventType: 'page', action: 'view' },
      ],
    };
    const sendBatch = () =>
      call('/v1/events', { method: 'POST', headers: { 'x-so-user': user }, body: JSON.stringify(batch) });
    expect((await sendBatch()).body).toEqual({ accepted: 1, duplicates: 0 });

    await edge.restart();

    const after = await call(`/v1/journeys/${user}`);
    expect(after.status).toBe(200);
    // The success prediction reads the pace (time since the start against the steps' estimates), so it
    // moves with the clock while wrangler restarts; everything else is exactly what was stored.
    const { predictedSuccessRate: rateAfter, ...keptAfter } = after.body.journey;
    const { predictedSuccessRate: rateBefore, ...keptBefore } = before.body.journey;
    expect(keptAfter).toEqual(keptBefore);
    expect(rateAfter).toBeGreaterThan(0);
    expect(rateAfter).toBeLessThanOrEqual(rateBefore);
    expect((await sendBatch()).body).toEqual({ accepted: 0, duplicates: 1 });
    const list = await fetch(`${edge.url}/v1/journeys?flowId=${demo.flowId}`, {
      headers: { authorization: `Bearer ${demo.secretKey}` },
    });
    const summaries = (await list.json()) as { journeys: Array<{ userId: string; stepsCompleted: number }> };
    expect(summaries.journeys.find((j) => j.userId === user)).toMatchObject({ stepsCompleted: 2 });
  });
});
