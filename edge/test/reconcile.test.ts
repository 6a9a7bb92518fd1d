import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database } from '../src/adapters/d1/client';
import { journeySummaries, stepCompletions } from '../src/adapters/d1/schema';
import { journeyObjectName } from '../src/journey/owner';
import { api, browserHeaders, DEMO, eventually, serverHeaders, uniqueUser } from './helpers';

const owner = (userId: string) => ({ tenantId: DEMO.tenantId, userId });
const stubOf = (user: string) => env.JOURNEY.get(env.JOURNEY.idFromName(journeyObjectName(owner(user))));

async function startAndComplete(user: string) {
  const headers = await browserHeaders(user);
  const init = await api(`/v1/journeys/${user}`, {
    method: 'POST',
    headers: serverHeaders, // only the tenant's server may choose the arm
    body: JSON.stringify({ flowId: DEMO.flowId, profile: { traits: { so_arm: 'adaptive' } } }),
  });
  const { journey } = (await init.json()) as { journey: { id: string } };
  await api(`/v1/journeys/${user}/progress`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ stepId: 'create-profile', action: 'completed' }),
  });
  await stubOf(user).summarySettled();
  return journey.id;
}

describe('reconcileUserState (journey object against D1)', () => {
  it('finds nothing to repair when both sides agree', async () => {
    const user = uniqueUser('agree');
    await startAndComplete(user);
    const r = await stubOf(user).reconcileUserState(owner(user));
    expect(r.ok && r.value).toEqual({ conflicts: [], repaired: { journey: false, summary: false } });
  });

  it('keeps a completion only D1 has (a write the object lost), moves the journey on, and does it from the alarm', async () => {
    const user = uniqueUser('lost');
    const journeyId = await startAndComplete(user);
    const db = database(env.DB);
    // Injected divergence: D1 holds a completion of the current step that the object never stored.
    await db.insert(stepCompletions).values({
      journeyId,
      stepId: 'connect-account',
      tenantId: DEMO.tenantId,
      userId: user,
      flowId: DEMO.flowId,
      action: 'completed',
      at: Date.now(),
      durationMs: 12_000,
    });
    const stub = stubOf(user);
    // Any alarm reconciles after writing the summary.
    await runInDurableObject(stub, (_i, state) => state.storage.setAlarm(Date.now() + 60_000));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const journey = await stub.getJourney(owner(user));
    if (!journey.ok) throw new Error(journey.error.message);
    expect(journey.value.completedSteps.map((c) => c.stepId)).toEqual(['create-profile', 'connect-account']);
    expect(journey.value.currentStep?.id).toBe('set-goals');
    expect(journey.value.adaptationHistory.at(-1)).toMatchObject({
      kind: 'reconciled',
      detail: expect.stringContaining('connect-account'),
    });
    // D1 is rewritten from the merged journey.
    const row = await eventually(async () => {
      await stub.summarySettled();
      const [r] = await db
        .select()
        .from(journeySummaries)
        .where(and(eq(journeySummaries.tenantId, DEMO.tenantId), eq(journeySummaries.id, journeyId)));
      return r && r.stepsCompleted === 2 ? r : null;
    });
    expect(row.currentStepId).toBe('set-goals');
  });

  it('adopts a terminal status D1 recorded after the object last wrote, when the alarm runs', async () => {
    const user = uniqueUser('ended');
    const journeyId = await startAndComplete(user);
    const db = database(env.DB);
    await db
      .update(journeySummaries)
      .set({ status: 'abandoned', updatedAt: Date.now() + 60_000, completedAt: Date.now() })
      .where(eq(journeySummaries.id, journeyId));
    const stub = stubOf(user);
    await stub.reconcileUserState(owner(user)).then(() => undefined);
    // A later alarm keeps it (the object now agrees with D1).
    await runDurableObjectAlarm(stub);
    const journey = await stub.getJourney(owner(user));
    expect(journey.ok && journey.value.status).toBe('abandoned');
    expect(journey.ok && journey.value.currentStep).toBeNull();
  });
});
