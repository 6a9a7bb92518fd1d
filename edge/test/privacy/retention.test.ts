import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database } from '../../src/adapters/d1/client';
import {
  auditLog,
  deadLetters,
  engagementDaily,
  stepCompletions,
  trainingEvents,
} from '../../src/adapters/d1/schema';
import worker from '../../src/index';
import { RETAINED_TABLES } from '../../src/privacy/retention';
import { api, freshTenant, json } from '../helpers';

/**
 * Retention per tenant and data class (issue 12): set by an admin route, enforced by the daily cron, each
 * tenant by its own policy (or the defaults), never another tenant's.
 */

const DAY = 86_400_000;
const db = () => database(env.DB);
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

/** One row per table the test watches, `ageDays` old, for the tenant. */
async function seed(tenantId: string, tag: string, ageDays: number, now: number) {
  const at = now - ageDays * DAY;
  const user = `u-${tag}`;
  await db()
    .insert(engagementDaily)
    .values({ tenantId, userId: user, stepId: '', day: dayOf(at), events: 1 });
  await db()
    .insert(stepCompletions)
    .values({
      journeyId: `j-${tag}`,
      stepId: tenantId,
      tenantId,
      userId: user,
      flowId: 'f',
      action: 'completed',
      at,
      durationMs: 1,
    });
  await db()
    .insert(trainingEvents)
    .values({
      tenantId,
      eventId: `e-${tag}`,
      userId: user,
      sessionId: 's',
      at,
      eventType: 'track',
      event: {},
    });
  await db()
    .insert(auditLog)
    .values({ tenantId, keyId: 'k', action: `a-${tag}`, resource: 'r', at });
  await db().insert(deadLetters).values({ queue: 'q', reason: tag, body: '{}', at, tenantId, userId: user });
}

/** Which of the seeded tags are still there, by table. */
async function left(tenantId: string) {
  const d = db();
  const tags = (rows: { v: string }[], strip: string) => rows.map((r) => r.v.replace(strip, '')).sort();
  return {
    engagement: tags(
      await d
        .select({ v: engagementDaily.userId })
        .from(engagementDaily)
        .where(eq(engagementDaily.tenantId, tenantId)),
      'u-',
    ),
    steps: tags(
      await d
        .select({ v: stepCompletions.journeyId })
        .from(stepCompletions)
        .where(eq(stepCompletions.tenantId, tenantId)),
      'j-',
    ),
    training: tags(
      await d
        .select({ v: trainingEvents.eventId })
        .from(trainingEvents)
        .where(eq(trainingEvents.tenantId, tenantId)),
      'e-',
    ),
    audit: tags(
      await d
        .select({ v: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.keyId, 'k'))),
      'a-',
    ),
    deadLetters: tags(
      await d.select({ v: deadLetters.reason }).from(deadLetters).where(eq(deadLetters.tenantId, tenantId)),
      '',
    ),
  };
}

const admin = (secretKey: string, method: string, body?: unknown) =>
  api('/v1/admin/retention', {
    method,
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

describe('retention per tenant (issue 12)', () => {
  it('answers the defaults, sets classes one by one, and refuses what is not a policy', async () => {
    const tenant = await freshTenant();
    expect(await json(await admin(tenant.secretKey, 'GET'))).toEqual({
      events: 395,
      journeys: 730,
      training: 90,
      audit: 365,
      deadLetters: 30,
    });
    const set = await admin(tenant.secretKey, 'PUT', { training: 30 });
    expect(set.status).toBe(200);
    expect(await json(set)).toMatchObject({ training: 30, events: 395 });
    for (const body of [
      { training: 0 },
      { training: 3651 },
      { training: 1.5 },
      { forever: 1 },
      { audit: '9' },
    ]) {
      const bad = await admin(tenant.secretKey, 'PUT', body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    // A publishable key is the browser's: it may not shorten or lengthen anything.
    const browser = await api('/v1/admin/retention', {
      method: 'PUT',
      headers: { authorization: `Bearer ${tenant.publishableKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ audit: 1 }),
    });
    expect(browser.status).toBe(403);
    expect(await json(await admin(tenant.secretKey, 'GET'))).toMatchObject({ audit: 365 });
  });

  it('the daily cron deletes rows older than the tenant’s policy, keeps newer ones, and leaves other tenants to theirs', async () => {
    const now = Date.now();
    const strict = await freshTenant();
    const other = await freshTenant();
    const put = await admin(strict.secretKey, 'PUT', { events: 30, training: 20, audit: 60, deadLetters: 5 });
    expect(put.status).toBe(200);
    for (const t of [strict, other]) {
      await seed(t.id, 'd3', 3, now);
      await seed(t.id, 'd25', 25, now);
      await seed(t.id, 'd45', 45, now);
      await seed(t.id, 'd100', 100, now);
    }

    await worker.scheduled(createScheduledController({ scheduledTime: now }), env);

    expect(await left(strict.id)).toEqual({
      engagement: ['d25', 'd3'],
      steps: ['d25', 'd3'],
      training: ['d3'],
      audit: ['d25', 'd3', 'd45'],
      deadLetters: ['d3'],
    });
    // The other tenant set nothing: the defaults (events 395, training 90, audit 365, dead letters 30).
    expect(await left(other.id)).toEqual({
      engagement: ['d100', 'd25', 'd3', 'd45'],
      steps: ['d100', 'd25', 'd3', 'd45'],
      training: ['d25', 'd3', 'd45'],
      audit: ['d100', 'd25', 'd3', 'd45'],
      deadLetters: ['d25', 'd3'],
    });
  });

  it('covers every user table that has a time (from USER_TABLES) and the audit log', () => {
    const names = RETAINED_TABLES.map(
      (t) => (t.table as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')],
    );
    expect(names.sort()).toEqual(
      [
        'audit_log',
        'dead_letters',
        'engagement_daily',
        'escalations',
        'experiment_exposures',
        'interventions',
        'journey_summaries',
        'step_completions',
        'training_events',
      ].sort(),
    );
  });
});
