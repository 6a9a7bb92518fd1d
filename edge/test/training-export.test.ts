import { env } from 'cloudflare:workers';
import { BehaviorEvent } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
// The reader of `pnpm train --from-export` (models/), pure: the export must be what it accepts.
import { weakLabel } from '../../models/src/production/weak-labels';
import { database } from '../src/adapters/d1/client';
import { api, eventually, freshTenant, json } from './helpers';

const FEATURES = 38;
let n = 0;
const id = () => `00000000-0000-4000-9000-${String(++n).padStart(12, '0')}`;

/** A session: a feature window every 2 s, then an outcome (30 s horizon) that labels the windows. */
function session(sessionId: string, start: number, outcome: Record<string, unknown>) {
  const windows = [0, 1, 2].map((k) => ({
    id: id(),
    sessionId,
    timestamp: start + 2_000 * (k + 1),
    eventType: 'features',
    window: {
      schema: 'fw1',
      t0: start + 2_000 * k,
      t1: start + 2_000 * (k + 1),
      values: Array(FEATURES).fill(k),
    },
  }));
  const noise = [
    { id: id(), sessionId, timestamp: start + 7_000, eventType: 'page', action: 'view' },
    {
      id: id(),
      sessionId,
      timestamp: start + 7_500,
      eventType: 'intervention',
      interventionId: id(),
      action: 'shown',
    },
  ];
  return [...windows, ...noise, { id: id(), sessionId, timestamp: start + 10_000, ...outcome }];
}

describe('GET /v1/training/export', () => {
  it('exports feature windows and their weak labels as JSONL that models/ reads, in pages', async () => {
    const tenant = await freshTenant();
    const headers = { authorization: `Bearer ${tenant.secretKey}`, 'content-type': 'application/json' };
    const t = 1_790_000_000_000;
    const events = [
      ...session('s-abandon', t, { eventType: 'step', stepId: 'connect', action: 'abandoned' }),
      ...session('s-help', t + 60_000, { eventType: 'track', name: 'help_opened' }),
      ...session('s-done', t + 120_000, { eventType: 'step', stepId: 'connect', action: 'completed' }),
      ...session('s-accept', t + 180_000, {
        eventType: 'intervention',
        interventionId: id(),
        action: 'accepted',
      }),
    ];
    const sent = await api('/v1/events', {
      method: 'POST',
      headers: { ...headers, 'x-so-user': 'trainee' },
      body: JSON.stringify({ sentAt: Date.now(), events }),
    });
    expect(sent.status).toBe(202);

    // 12 windows + 4 outcomes are kept; page views and "shown" are not.
    const lines = await eventually(async () => {
      const res = await api('/v1/training/export?limit=5000', { headers });
      const text = await res.text();
      const l = text.split('\n').filter(Boolean);
      return l.length === 16 ? { res, text, l } : null;
    });
    expect(lines.res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(lines.res.headers.get('x-next-cursor')).toBeNull();
    const parsed = lines.l.map((line) => BehaviorEvent.parse(JSON.parse(line)));
    expect(parsed.map((e) => e.timestamp)).toEqual([...parsed.map((e) => e.timestamp)].sort((a, b) => a - b));

    const labelled = weakLabel(lines.text, 'fw1');
    const bySession = (s: string) => labelled.filter((w) => w.sessionId === s).map((w) => w.label);
    expect(bySession('s-abandon')).toEqual([1, 1, 1]);
    expect(bySession('s-help')).toEqual([1, 1, 1]);
    expect(bySession('s-accept')).toEqual([1, 1, 1]);
    expect(bySession('s-done')).toEqual([0, 0, 0]);

    // Pages of 5 cover the same events once each, in order.
    const paged: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const res: Response = await api(`/v1/training/export?limit=5${cursor ? `&cursor=${cursor}` : ''}`, {
        headers,
      });
      paged.push(...(await res.text()).split('\n').filter(Boolean));
      cursor = res.headers.get('x-next-cursor');
      if (!cursor) break;
    }
    expect(paged).toEqual(lines.l);
  });

  it.each([
    ['a publishable key', (t: { publishableKey: string }) => `Bearer ${t.publishableKey}`, 403],
    ['no key', () => '', 401],
  ])('refuses %s', async (_name, auth, status) => {
    const tenant = await freshTenant();
    const res = await api('/v1/training/export', { headers: { authorization: auth(tenant) } });
    expect(res.status).toBe(status);
    expect(await json(res)).toMatchObject({ error: { code: expect.any(String) } });
  });

  it('rejects a cursor it did not issue with a stable code', async () => {
    const tenant = await freshTenant();
    const res = await api('/v1/training/export?cursor=not-a-cursor', {
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('keeps training events for 90 days (the daily cron forgets older ones)', async () => {
    const { createScheduledController } = await import('cloudflare:test');
    const { default: worker } = await import('../src/index');
    const { addEngagement } = await import('../src/adapters/d1/queries/engagement');
    const tenant = await freshTenant();
    const now = Date.now();
    const day = 86_400_000;
    const [old, recent] = [now - 91 * day, now - 89 * day].map((at) =>
      BehaviorEvent.parse({
        id: id(),
        sessionId: 's',
        timestamp: at,
        eventType: 'step',
        stepId: 'x',
        action: 'completed',
      }),
    );
    await addEngagement(database(env.DB), tenant.id, 'u', [old!, recent!]);
    await worker.scheduled(createScheduledController({ scheduledTime: now }), env);
    const res = await api('/v1/training/export', {
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    const kept = (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l).id);
    expect(kept).toEqual([recent!.id]);
  });

  it("belongs to the user: in the user's data export, and forgotten with the user", async () => {
    const { addEngagement } = await import('../src/adapters/d1/queries/engagement');
    const { UserExportResponse } = await import('@smart-onboarding/protocol');
    const tenant = await freshTenant();
    const headers = { authorization: `Bearer ${tenant.secretKey}` };
    const user = `u-${crypto.randomUUID().slice(0, 8)}`;
    const event = BehaviorEvent.parse({
      id: id(),
      sessionId: 's',
      timestamp: Date.now(),
      eventType: 'track',
      name: 'help_opened',
    });
    await addEngagement(database(env.DB), tenant.id, user, [event]);
    const exported = UserExportResponse.parse(
      await (await api(`/v1/journeys/${user}/export`, { headers })).json(),
    );
    expect(exported.trainingEvents).toEqual([event]);
    expect((await api(`/v1/journeys/${user}`, { method: 'DELETE', headers })).status).toBe(204);
    const after = await api('/v1/training/export', { headers });
    expect(await after.text()).toBe('');
  });
});
