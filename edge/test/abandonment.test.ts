import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database } from '../src/adapters/d1/client';
import { journeySummaries } from '../src/adapters/d1/schema';
import { DEFAULT_ABANDON_AFTER_SEC } from '../src/journey/abandonment';
import { flowLearnerName } from '../src/learning/flow-learner-rpc';
import {
  api,
  browserHeaders,
  DEMO,
  eventId,
  eventually,
  sendEvents,
  serverHeaders,
  uniqueUser,
} from './helpers';
import { editStoredJourney, journeyStubOf, readStoredJourney } from './journey-storage';

const WINDOW_SEC = 3600;
const owner = (userId: string) => ({ tenantId: DEMO.tenantId, userId });

/** Publishes a two-step flow of its own on the demo tenant, with an inactivity window (an hour unless said). */
async function publishIdleFlow(abandonAfterSec: unknown = WINDOW_SEC) {
  const id = uniqueUser('idle');
  const res = await api('/v1/flows', {
    method: 'POST',
    headers: serverHeaders,
    body: JSON.stringify({
      id,
      name: `Flow ${id}`,
      // null: the flow sets no window.
      ...(abandonAfterSec === null ? {} : { abandonAfterSec }),
      steps: [
        { id: 'start', title: 'Start', target: { selector: '#start' } },
        { id: 'finish', title: 'Finish', prerequisites: ['start'] },
      ],
    }),
  });
  return { id, res };
}

async function startJourney(user: string, flowId: string) {
  const res = await api(`/v1/journeys/${user}`, {
    method: 'POST',
    headers: serverHeaders, // only the tenant's server may choose the arm (issue 12, hole 9)
    body: JSON.stringify({ flowId, profile: { traits: { so_arm: 'adaptive' } } }),
  });
  expect(res.status).toBe(201);
  const { journey } = (await res.json()) as { journey: { id: string; startedAt: number } };
  await journeyStubOf(user).summarySettled();
  return journey;
}

const alarmOf = (user: string) =>
  runInDurableObject(journeyStubOf(user), (_i, state) => state.storage.getAlarm());

async function summaryRow(user: string, journeyId: string) {
  await journeyStubOf(user).summarySettled();
  const [row] = await database(env.DB)
    .select()
    .from(journeySummaries)
    .where(and(eq(journeySummaries.tenantId, DEMO.tenantId), eq(journeySummaries.id, journeyId)));
  return row;
}

const learnedJourneys = (flowId: string) =>
  env.FLOW_LEARNER.get(env.FLOW_LEARNER.idFromName(flowLearnerName(DEMO.tenantId, flowId)))
    .snapshot()
    .then((s) => s.journeys);

describe('abandonment: the inactivity window, closed by the journey object alarm', () => {
  it("sets the object's alarm for the flow's window after the last progress, and moves it with progress", async () => {
    const { id: flowId } = await publishIdleFlow();
    const user = uniqueUser('deadline');
    const journey = await startJourney(user, flowId);
    expect(await alarmOf(user)).toBe(journey.startedAt + WINDOW_SEC * 1000);

    // An alarm before the deadline leaves the journey open and sets itself again for the deadline.
    expect(await runDurableObjectAlarm(journeyStubOf(user))).toBe(true);
    const open = await journeyStubOf(user).getJourney(owner(user));
    expect(open.ok && open.value.status).toBe('active');
    expect(await alarmOf(user)).toBe(journey.startedAt + WINDOW_SEC * 1000);

    const progress = await api(`/v1/journeys/${user}/progress`, {
      method: 'POST',
      headers: await browserHeaders(user),
      body: JSON.stringify({ stepId: 'start', action: 'completed' }),
    });
    expect(progress.status).toBe(200);
    await journeyStubOf(user).summarySettled();
    const doneAt = await readStoredJourney(journeyStubOf(user), (s) => s.get('journey')!.completions[0]!.at);
    expect(await eventually(async () => (await alarmOf(user)) === doneAt + WINDOW_SEC * 1000)).toBe(true);
  });

  it('closes a journey idle past its window as abandoned, records why in D1, and the flow learns it', async () => {
    const { id: flowId } = await publishIdleFlow();
    const user = uniqueUser('idle');
    const journey = await startJourney(user, flowId);
    const stub = journeyStubOf(user);
    // The user was last seen 61 minutes ago: move the journey's clock back rather than wait an hour.
    const idleMs = (WINDOW_SEC + 60) * 1000;
    await editStoredJourney(stub, (store) => {
      const s = store.get('journey')!;
      store.set('journey', {
        ...s,
        startedAt: s.startedAt - idleMs,
        currentStepSince: s.currentStepSince - idleMs,
        updatedAt: s.updatedAt - idleMs,
      });
      store.set('lastActivityAt', s.startedAt - idleMs + 5_000);
    });
    const before = await learnedJourneys(flowId);

    expect(await runDurableObjectAlarm(stub)).toBe(true);

    const stored = await readStoredJourney(stub, (s) => s.get('journey')!);
    expect(stored.status).toBe('abandoned');
    expect(stored.abandonedBy).toBe('inactivity');
    // It ended when the user was last seen, not when the alarm noticed.
    expect(stored.completedAt).toBe(journey.startedAt - idleMs + 5_000);
    expect(stored.adaptationHistory.at(-1)).toMatchObject({
      kind: 'abandoned',
      detail: `no progress for ${WINDOW_SEC + 60} s on step start`,
    });
    const row = await eventually(async () => {
      const r = await summaryRow(user, journey.id);
      return r?.status === 'abandoned' ? r : null;
    });
    expect(row.completedAt).toBe(stored.completedAt);
    expect(row).toMatchObject({ abandonedBy: 'inactivity', timeToCompleteMs: null });
    expect(await learnedJourneys(flowId)).toEqual({ ...before, abandoned: before.abandoned + 1 });
    // Nothing is left for the alarm: the outcome was learned, the journey is over.
    expect(await readStoredJourney(stub, (s) => s.get('pendingOutcome'))).toBeNull();
    expect(await eventually(async () => (await alarmOf(user)) === null)).toBe(true);

    // A later alarm changes nothing (closing is idempotent) and progress on the closed journey is refused.
    await runInDurableObject(stub, (_i, state) => state.storage.setAlarm(Date.now() + 60_000));
    await runDurableObjectAlarm(stub);
    expect(await learnedJourneys(flowId)).toEqual({ ...before, abandoned: before.abandoned + 1 });
    const late = await api(`/v1/journeys/${user}/progress`, {
      method: 'POST',
      headers: await browserHeaders(user),
      body: JSON.stringify({ stepId: 'start', action: 'completed' }),
    });
    expect(late.status).toBe(409);
  });

  it('defaults to three days when the flow sets no window', async () => {
    const { id: flowId } = await publishIdleFlow(null);
    const user = uniqueUser('default-window');
    const journey = await startJourney(user, flowId);
    expect(await alarmOf(user)).toBe(journey.startedAt + DEFAULT_ABANDON_AFTER_SEC * 1000);
  });

  it.each<[unknown, string]>([
    [5, 'shorter than a minute'],
    [91 * 86_400, 'longer than ninety days'],
    ['3600', 'not a number'],
  ])('refuses a flow whose window is %s (%s) with 400', async (abandonAfterSec) => {
    const { res } = await publishIdleFlow(abandonAfterSec);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
  });
});

describe('abandonment: an explicit session_end event', () => {
  const sessionEnd = (reason: unknown) => ({
    id: eventId(),
    sessionId: 'tab-1',
    timestamp: Date.now(),
    eventType: 'session_end',
    reason,
  });

  it('closes the active journey at once, recorded as ended by the session, and the flow learns it', async () => {
    const { id: flowId } = await publishIdleFlow();
    const user = uniqueUser('signed-out');
    const journey = await startJourney(user, flowId);
    const before = await learnedJourneys(flowId);

    const res = await sendEvents(user, [sessionEnd('signed_out')]);
    expect(res.status).toBe(202);

    const stored = await eventually(async () => {
      const s = await readStoredJourney(journeyStubOf(user), (st) => st.get('journey')!);
      return s.status === 'abandoned' ? s : null;
    });
    expect(stored.abandonedBy).toBe('session_end');
    expect(stored.adaptationHistory.at(-1)?.detail).toBe('the session ended (signed_out) on step start');
    const row = await eventually(async () => {
      const r = await summaryRow(user, journey.id);
      return r?.status === 'abandoned' ? r : null;
    });
    expect(row).toMatchObject({ currentStepId: 'start', abandonedBy: 'session_end' });
    expect(await eventually(async () => (await learnedJourneys(flowId)).abandoned > before.abandoned)).toBe(
      true,
    );
  });

  it.each([
    ['an unknown reason', 'nap'],
    ['no reason', undefined],
    ['a reason that is not a string', { toString: 'signed_out' }],
  ])('refuses a session_end with %s (400) and leaves the journey open', async (_name, reason) => {
    const { id: flowId } = await publishIdleFlow();
    const user = uniqueUser('bad-end');
    await startJourney(user, flowId);
    const res = await sendEvents(user, [sessionEnd(reason)]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    const open = await journeyStubOf(user).getJourney(owner(user));
    expect(open.ok && open.value.status).toBe('active');
  });
});
