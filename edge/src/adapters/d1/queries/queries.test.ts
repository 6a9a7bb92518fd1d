import { env } from 'cloudflare:workers';
import { BehaviorEvent, FlowDefinition } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../crypto/hmac';
import { startJourney } from '../../../journey/journey-state';
import { deleteUserRows } from '../../../privacy/user-data';
import { database } from '../client';
import { listAudit, recordAudit } from './audit';
import { addEngagement, engagementOf, pruneProcessedEvents } from './engagement';
import { getFlowVersion, listFlows, publishFlowVersion } from './flows';
import { listJourneySummaries, listStepCompletions, saveJourneySummary } from './journeys';
import { addApiKey, ensureTenant, findKeyByHash, revokeApiKey } from './tenants';

// Query functions against real D1 (migrations applied in setup), apart from any route.
const db = () => database(env.DB);
const flow = FlowDefinition.parse({
  id: 'q-flow',
  name: 'Q',
  steps: [
    { id: 'a', title: 'A' },
    { id: 'b', title: 'B', prerequisites: ['a'] },
  ],
});

describe('tenants and keys', () => {
  it('finds a live key by hash with its tenant, and not once revoked', async () => {
    await ensureTenant(db(), {
      id: 'q-tenant',
      name: 'Q',
      allowedOrigins: ['https://q.example'],
      identitySecret: 's',
    });
    await addApiKey(db(), { id: 'q-key', tenantId: 'q-tenant', kind: 'secret', key: 'sk_q_secret' });
    const found = await findKeyByHash(db(), await sha256Hex('sk_q_secret'));
    expect(found).toEqual({
      key: { id: 'q-key', kind: 'secret' },
      tenant: {
        id: 'q-tenant',
        allowedOrigins: ['https://q.example'],
        allowAnonymous: false,
        identitySecret: 's',
      },
    });
    expect(await findKeyByHash(db(), 'sk_q_secret')).toBeNull(); // stored hashed, never in clear
    await revokeApiKey(db(), 'q-key');
    expect(await findKeyByHash(db(), await sha256Hex('sk_q_secret'))).toBeNull();
  });
});

describe('flows', () => {
  it('publishes versions and reads the latest or a given one', async () => {
    await ensureTenant(db(), { id: 'q-flows', name: 'Q', identitySecret: 's' });
    expect(await getFlowVersion(db(), 'q-flows', 'q-flow')).toBeNull();
    const first = await publishFlowVersion(db(), 'q-flows', flow, null, 10);
    const same = await publishFlowVersion(db(), 'q-flows', flow, null, 20);
    const changed = await publishFlowVersion(db(), 'q-flows', { ...flow, name: 'Q2' }, 'k', 30);
    expect([first.version.version, same.version.version, changed.version.version]).toEqual([1, 1, 2]);
    expect([first.created, same.created, changed.created]).toEqual([true, false, true]);
    expect((await getFlowVersion(db(), 'q-flows', 'q-flow'))?.flow.name).toBe('Q2');
    expect((await getFlowVersion(db(), 'q-flows', 'q-flow', 1))?.flow.name).toBe('Q');
    expect(await listFlows(db(), 'q-flows')).toEqual([
      { id: 'q-flow', name: 'Q2', latestVersion: 2, createdAt: 10, updatedAt: 30 },
    ]);
  });
});

describe('journey summaries', () => {
  it('upserts summaries and completions, never letting an older write hide a newer one', async () => {
    const state = startJourney({
      id: 'q-j1',
      userId: 'q-u1',
      flow,
      flowVersion: 1,
      now: 100,
      first: { step: flow.steps[0]!, done: false, reason: 'r' },
    });
    const later = {
      ...state,
      updatedAt: 200,
      completions: [{ stepId: 'a', action: 'completed' as const, at: 200, durationMs: 100 }],
    };
    await saveJourneySummary(db(), 'q-t', later, flow);
    await saveJourneySummary(db(), 'q-t', state, flow); // a stale write arriving late
    const [row] = await listJourneySummaries(db(), 'q-t', { limit: 10 });
    expect(row).toMatchObject({ id: 'q-j1', stepsCompleted: 1, updatedAt: 200, predictedSuccessRate: 0.725 });
    expect(await listStepCompletions(db(), 'q-t', 'q-flow')).toEqual([
      expect.objectContaining({ journeyId: 'q-j1', stepId: 'a', durationMs: 100 }),
    ]);
    expect(await listJourneySummaries(db(), 'q-t', { limit: 10, status: 'completed' })).toEqual([]);
    expect(await listJourneySummaries(db(), 'q-t', { limit: 10, before: 200 })).toEqual([]);
    await deleteUserRows(db(), 'q-t', 'q-u1');
    expect(await listJourneySummaries(db(), 'q-t', { limit: 10 })).toEqual([]);
    expect(await listStepCompletions(db(), 'q-t', 'q-flow')).toEqual([]);
  });
});

describe('engagement aggregates', () => {
  const ev = (id: number, over: Record<string, unknown> = {}) =>
    BehaviorEvent.parse({
      id: `00000000-0000-4000-9000-${String(id).padStart(12, '0')}`,
      sessionId: 's',
      timestamp: Date.UTC(2026, 10, 24),
      stepId: 'a',
      eventType: 'engagement',
      interaction: { timeSpentMs: 1000, clicks: 2 },
      ...over,
    });

  it('counts each event once however often it is delivered, in batches larger than D1 binds', async () => {
    const many = Array.from({ length: 120 }, (_, i) => ev(i));
    expect(await addEngagement(db(), 'q-e', 'u', many)).toBe(120);
    expect(await addEngagement(db(), 'q-e', 'u', many)).toBe(0);
    expect(await addEngagement(db(), 'q-e', 'u', [ev(5), ev(500), ev(500)])).toBe(1);
    const [row] = await engagementOf(db(), 'q-e', 'u');
    expect(row).toMatchObject({
      day: '2026-11-24',
      stepId: 'a',
      events: 121,
      timeSpentMs: 121_000,
      clicks: 242,
    });
  });

  it('forgets old ids when pruned', async () => {
    await addEngagement(db(), 'q-p', 'u', [ev(900)], 1000);
    await pruneProcessedEvents(db(), 2000);
    expect(await addEngagement(db(), 'q-p', 'u', [ev(900)], 3000)).toBe(1);
  });
});

describe('audit log', () => {
  it('records and lists entries newest first, per tenant', async () => {
    await recordAudit(
      db(),
      { tenantId: 'q-a', keyId: 'k', action: 'getJourney', resource: 'journeys/u1' },
      1,
    );
    await recordAudit(
      db(),
      { tenantId: 'q-a', keyId: 'k', action: 'listJourneys', resource: 'journeys', details: { limit: 5 } },
      2,
    );
    await recordAudit(
      db(),
      { tenantId: 'q-other', keyId: 'k', action: 'getJourney', resource: 'journeys/u9' },
      3,
    );
    const rows = await listAudit(db(), 'q-a');
    expect(rows.map((r) => r.action)).toEqual(['listJourneys', 'getJourney']);
    expect(rows[0]?.details).toEqual({ limit: 5 });
    expect((await listAudit(db(), 'q-a', 10, 'getJourney')).map((r) => r.resource)).toEqual(['journeys/u1']);
  });

  it('writes a long journey whose completions exceed one statement of D1 parameters', async () => {
    const long = FlowDefinition.parse({
      id: 'q-long',
      name: 'Long',
      steps: Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, title: `S${i}` })),
    });
    const state = startJourney({
      id: 'q-long-j',
      userId: 'q-long-u',
      flow: long,
      flowVersion: 1,
      now: 100,
      first: { step: long.steps[0]!, done: false, reason: 'r' },
    });
    const done = {
      ...state,
      updatedAt: 300,
      completions: long.steps.map((s, i) => ({
        stepId: s.id,
        action: 'completed' as const,
        at: 200 + i,
        durationMs: 5,
      })),
    };
    await saveJourneySummary(db(), 'q-long-t', done, long);
    expect(await listStepCompletions(db(), 'q-long-t', 'q-long')).toHaveLength(30);
  });
});
