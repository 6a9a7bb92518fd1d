import { env } from 'cloudflare:workers';
import {
  BehavioralInsightsResponse,
  type BehaviorEvent,
  StruggleIndicatorsResponse,
  TenantEngagementResponse,
  UserEngagementListResponse,
  UserEngagementResponse,
} from '@smart-onboarding/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '../src/adapters/d1/client';
import { listAudit } from '../src/adapters/d1/queries/audit';
import { engagementOf } from '../src/adapters/d1/queries/engagement';
import { api, eventId, eventually, freshTenant, hashFor, json } from './helpers';

type Tenant = Awaited<ReturnType<typeof freshTenant>>;

const struggle = (stepId: string, score: number): BehaviorEvent => ({
  id: eventId(),
  sessionId: 's',
  timestamp: Date.now(),
  stepId,
  eventType: 'struggle',
  score,
  source: 'model',
  reasons: [{ code: 'rage_click', weight: 1 }],
});
const view = (stepId: string): BehaviorEvent => ({
  id: eventId(),
  sessionId: 's',
  timestamp: Date.now(),
  stepId,
  eventType: 'page',
  action: 'view',
});

/** Sends a user's events the way the SDK does, and waits until the queue consumer has counted them. */
async function sendAndAggregate(tenant: Tenant, userId: string, events: BehaviorEvent[]) {
  const res = await api('/v1/events', {
    method: 'POST',
    headers: {
      'x-so-key': tenant.publishableKey,
      'x-so-user': userId,
      'x-so-user-hash': await hashFor(userId, tenant.identitySecret),
      'content-type': 'application/json',
    },
    body: JSON.stringify({ sentAt: Date.now(), events }),
  });
  expect(res.status).toBe(202);
  await eventually(async () => {
    const rows = await engagementOf(database(env.DB), tenant.id, userId);
    return rows.reduce((n, r) => n + r.events, 0) >= events.length;
  });
}

const secret = (tenant: Tenant, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${tenant.secretKey}`,
  'content-type': 'application/json',
  ...extra,
});

describe('analytics routes over real D1 aggregates (the seed’s BehavioralAnalyticsService)', () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await freshTenant();
    // Three users: one struggling hard on scheduling, one a little, one only looking around.
    await sendAndAggregate(tenant, 'ana', [
      struggle('schedule-post', 0.9),
      struggle('schedule-post', 0.8),
      struggle('schedule-post', 0.85),
      view('schedule-post'),
    ]);
    await sendAndAggregate(tenant, 'ben', [struggle('schedule-post', 0.6), view('create-post')]);
    await sendAndAggregate(tenant, 'cy', [view('create-post'), view('connect-account')]);
  }, 30_000);

  it('analyses the tenant: every user added up, struggle found where it concentrates', async () => {
    const res = await api('/v1/analytics/engagement?windowDays=7', { headers: secret(tenant) });
    expect(res.status).toBe(200);
    const body = TenantEngagementResponse.parse(await res.json());
    expect(body.users).toBe(3);
    expect(body.analysis).toMatchObject({ events: 8, struggleReports: 4, windowDays: 7 });
    const scheduling = body.analysis.steps.find((s) => s.stepId === 'schedule-post');
    expect(scheduling).toMatchObject({ struggleReports: 4, maxStruggleScore: 0.9 });
    expect(body.insights).toContainEqual(
      expect.objectContaining({ kind: 'struggle_hotspot', stepId: 'schedule-post' }),
    );
    // The same steps as CSV, one row each, in the analysis' order.
    const csv = await api('/v1/analytics/engagement?windowDays=7&format=csv', { headers: secret(tenant) });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('stepId,timeSpentMs,timeShare,clicks,signals,struggleReports,maxStruggleScore');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(body.analysis.steps.map((s) => s.stepId));
    expect(
      lines
        .find((l) => l.startsWith('schedule-post,'))
        ?.split(',')
        .slice(5),
    ).toEqual(['4', '0.9']);
  });

  it('lists users most struggle first, in pages, and refuses a forged cursor', async () => {
    const first = UserEngagementListResponse.parse(
      await json(await api('/v1/analytics/users?limit=2', { headers: secret(tenant) })),
    );
    expect(first.users.map((u) => [u.userId, u.struggleReports])).toEqual([
      ['ana', 3],
      ['ben', 1],
    ]);
    expect(first.users[0]).toMatchObject({ events: 4, activeDays: 1, maxStruggleScore: 0.9 });
    expect(first.nextCursor).toBeDefined();
    const second = UserEngagementListResponse.parse(
      await json(
        await api(`/v1/analytics/users?limit=2&cursor=${first.nextCursor}`, { headers: secret(tenant) }),
      ),
    );
    expect(second.users.map((u) => u.userId)).toEqual(['cy']);
    expect(second.nextCursor).toBeUndefined();
    const forged = await api('/v1/analytics/users?cursor=bm90LWEtY3Vyc29y', { headers: secret(tenant) });
    expect(forged.status).toBe(400);
    expect((await json<{ error: { code: string } }>(forged)).error.code).toBe('validation_failed');
  });

  it('analyses one user: engagement, struggle indicators and insights', async () => {
    const engagement = UserEngagementResponse.parse(
      await json(await api('/v1/analytics/users/ana/engagement?windowDays=14', { headers: secret(tenant) })),
    );
    expect(engagement.userId).toBe('ana');
    expect(engagement.analysis).toMatchObject({ windowDays: 14, events: 4, struggleReports: 3 });
    const indicators = StruggleIndicatorsResponse.parse(
      await json(await api('/v1/analytics/users/ana/struggle', { headers: secret(tenant) })),
    );
    expect(indicators.indicators.stepId).toBe('schedule-post');
    expect(indicators.indicators.score).toBeGreaterThan(0.9);
    const insights = BehavioralInsightsResponse.parse(
      await json(await api('/v1/analytics/users/ana/insights', { headers: secret(tenant) })),
    );
    expect(insights.insights.map((i) => i.kind)).toContain('struggle_hotspot');
    // A user with no events is inactive, not an error.
    const nobody = BehavioralInsightsResponse.parse(
      await json(await api('/v1/analytics/users/nobody/insights', { headers: secret(tenant) })),
    );
    expect(nobody.insights.map((i) => i.kind)).toEqual(['inactive']);
    const audit = await listAudit(database(env.DB), tenant.id, 50);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'analyzeEngagementPatterns',
        'detectStruggleIndicators',
        'generateBehavioralInsights',
      ]),
    );
  });

  it('tracks an interaction from the tenant’s server through the ingestion path, once per event id', async () => {
    const event = struggle('create-post', 0.7);
    const post = () =>
      api('/v1/analytics/users/dee/interactions', {
        method: 'POST',
        headers: secret(tenant),
        body: JSON.stringify(event),
      });
    const first = await post();
    expect(first.status).toBe(202);
    expect(await json(first)).toEqual({ accepted: 1, duplicates: 0 });
    expect(await json(await post())).toEqual({ accepted: 0, duplicates: 1 });
    const rows = await eventually(async () => {
      const r = await engagementOf(database(env.DB), tenant.id, 'dee');
      return r.length > 0 ? r : null;
    });
    expect(rows).toEqual([expect.objectContaining({ stepId: 'create-post', events: 1, struggleReports: 1 })]);
  });

  it.each([
    ['a publishable key', (t: Tenant) => ({ 'x-so-key': t.publishableKey }), 403, 'secret_key_required'],
    ['no key', () => ({}), 401, 'unauthorized'],
  ])('refuses %s', async (_name, headers, status, code) => {
    const res = await api('/v1/analytics/engagement', { headers: headers(tenant) });
    expect(res.status).toBe(status);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe(code);
  });

  it.each(['0', '91', 'week'])('refuses windowDays=%s with validation_failed', async (windowDays) => {
    const res = await api(`/v1/analytics/users/ana/engagement?windowDays=${windowDays}`, {
      headers: secret(tenant),
    });
    expect(res.status).toBe(400);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe('validation_failed');
  });

  it('keeps tenants apart', async () => {
    const other = await freshTenant();
    const body = TenantEngagementResponse.parse(
      await json(await api('/v1/analytics/engagement', { headers: secret(other) })),
    );
    expect(body).toMatchObject({ users: 0, analysis: { events: 0 } });
    expect(body.insights.map((i) => i.kind)).toEqual(['inactive']);
    const users = UserEngagementListResponse.parse(
      await json(await api('/v1/analytics/users', { headers: secret(other) })),
    );
    expect(users.users).toEqual([]);
  });
});
