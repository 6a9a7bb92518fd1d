import { env } from 'cloudflare:workers';
import {
  CompleteOnboardingResponse,
  InterventionResponse,
  JourneyListResponse,
  JourneyResponse,
  NextStepResponse,
  ProgressResponse,
  UserExportResponse,
} from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { database } from '../src/adapters/d1/client';
import { listAudit } from '../src/adapters/d1/queries/audit';
import { api, browserHeaders, DEMO, eventId, eventually, json, serverHeaders, uniqueUser } from './helpers';

const post = async (path: string, userId: string, body?: unknown) =>
  api(path, {
    method: 'POST',
    headers: await browserHeaders(userId),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const get = async (path: string, userId: string) => api(path, { headers: await browserHeaders(userId) });

describe('SmartOnboardingService over HTTP (publishable key + user hash)', () => {
  it('walks the demo flow: initialize, next, progress, struggle, complete', async () => {
    const user = uniqueUser();
    // The tenant's server starts the journey: only a secret key may put the user in the rules arm (so_arm).
    const init = await api(`/v1/journeys/${user}`, {
      method: 'POST',
      headers: serverHeaders,
      body: JSON.stringify({
        flowId: DEMO.flowId,
        profile: { technicalProficiency: 'beginner', traits: { so_arm: 'adaptive' } },
      }),
    });
    expect(init.status).toBe(201);
    const { journey } = JourneyResponse.parse(await init.json());
    expect(journey).toMatchObject({
      userId: user,
      flowId: 'creator-studio',
      flowVersion: 1,
      status: 'active',
    });
    expect(journey.currentStep?.id).toBe('create-profile');

    const again = await post(`/v1/journeys/${user}`, user, { flowId: DEMO.flowId });
    expect(again.status).toBe(200);
    expect(JourneyResponse.parse(await again.json()).journey.id).toBe(journey.id);

    const next = NextStepResponse.parse(await (await get(`/v1/journeys/${user}/next`, user)).json());
    expect(next).toMatchObject({ done: false, step: { id: 'create-profile' } });

    const progressed = await post(`/v1/journeys/${user}/progress`, user, {
      stepId: 'create-profile',
      action: 'completed',
      interaction: { timeSpentMs: 30_000, activeMs: 20_000, clicks: 4 },
    });
    expect(progressed.status).toBe(200);
    const p = ProgressResponse.parse(await progressed.json());
    expect(p.next.step?.id).toBe('connect-account');
    expect(p.journey.completedSteps).toEqual([
      expect.objectContaining({ stepId: 'create-profile', action: 'completed', durationMs: 30_000 }),
    ]);
    expect(p.journey.engagementHistory).toHaveLength(1);

    const early = await post(`/v1/journeys/${user}/progress`, user, {
      stepId: 'schedule-post',
      action: 'completed',
    });
    expect(early.status).toBe(409);
    expect(await json(early)).toMatchObject({ error: { code: 'prerequisites_unmet' } });

    const unknownStep = await post(`/v1/journeys/${user}/progress`, user, {
      stepId: 'nope',
      action: 'completed',
    });
    expect(unknownStep.status).toBe(404);

    const struggle = await post(`/v1/journeys/${user}/struggle`, user, {
      score: 0.92,
      source: 'model',
      reasons: [{ code: 'rage_click', weight: 0.7 }],
      t: Date.now(),
    });
    expect(struggle.status).toBe(200);
    const { plan } = InterventionResponse.parse(await struggle.json());
    expect(plan).toMatchObject({
      kind: 'hint',
      stepId: 'connect-account',
      target: { selector: '#connect-instagram' },
    });

    const read = JourneyResponse.parse(await (await get(`/v1/journeys/${user}`, user)).json());
    expect(read.journey.interventions.map((i) => i.id)).toEqual([plan.id]);

    const done = await post(`/v1/journeys/${user}/complete`, user);
    expect(done.status).toBe(200);
    const { result } = CompleteOnboardingResponse.parse(await done.json());
    expect(result).toMatchObject({
      userId: user,
      status: 'completed',
      stepsCompleted: 1,
      interventionsReceived: 1,
    });
    const doneAgain = CompleteOnboardingResponse.parse(
      await (await post(`/v1/journeys/${user}/complete`, user)).json(),
    );
    expect(doneAgain.result.completedAt).toBe(result.completedAt);
  });

  it('answers 404 for a user without a journey and for an unknown flow', async () => {
    const user = uniqueUser();
    for (const path of [`/v1/journeys/${user}`, `/v1/journeys/${user}/next`]) {
      const res = await get(path, user);
      expect(res.status, path).toBe(404);
      expect(await json(res)).toMatchObject({ error: { code: 'not_found' } });
    }
    const res = await post(`/v1/journeys/${user}`, user, { flowId: 'no-such-flow' });
    expect(res.status).toBe(404);
  });

  it('refuses a second active journey on another flow', async () => {
    const user = uniqueUser();
    await post(`/v1/journeys/${user}`, user, { flowId: DEMO.flowId });
    await api('/v1/flows', {
      method: 'POST',
      headers: serverHeaders,
      body: JSON.stringify({ id: 'second-flow', name: 'Second', steps: [{ id: 'only', title: 'Only' }] }),
    });
    const res = await post(`/v1/journeys/${user}`, user, { flowId: 'second-flow' });
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ error: { code: 'conflict' } });
  });

  it('takes the email from servers only', async () => {
    const user = uniqueUser();
    const body = { flowId: DEMO.flowId, profile: { email: 'ada@example.com' } };
    const browser = await post(`/v1/journeys/${user}`, user, body);
    expect(browser.status).toBe(400);
    expect(await json(browser)).toMatchObject({
      error: { code: 'validation_failed', details: { issues: [{ path: 'profile.email' }] } },
    });
    const server = await api(`/v1/journeys/${user}`, {
      method: 'POST',
      headers: serverHeaders,
      body: JSON.stringify(body),
    });
    expect(server.status).toBe(201);
    expect(JSON.stringify(await server.json())).not.toContain('ada@example.com');
  });

  it('validates bodies with the protocol schemas', async () => {
    const user = uniqueUser();
    const res = await post(`/v1/journeys/${user}`, user, { flowId: 'Not A Slug' });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({
      error: {
        code: 'validation_failed',
        details: { issues: [expect.objectContaining({ path: 'flowId' })] },
      },
    });
  });
});

describe('journeys with a secret key (servers and admin reads)', () => {
  it('acts for any user without a hash, lists journeys, deletes a user, and audits admin reads', async () => {
    const user = uniqueUser('server');
    const init = await api(`/v1/journeys/${user}`, {
      method: 'POST',
      headers: serverHeaders,
      body: JSON.stringify({ flowId: DEMO.flowId }),
    });
    expect(init.status).toBe(201);
    const read = await api(`/v1/journeys/${user}`, { headers: serverHeaders });
    expect(read.status).toBe(200);

    // Summaries reach D1 just after the answer (the journey object is the authority).
    await eventually(async () => {
      const list = JourneyListResponse.parse(
        await (await api('/v1/journeys?flowId=creator-studio&limit=500', { headers: serverHeaders })).json(),
      );
      return list.journeys.some((j) => j.userId === user);
    });

    const audit = await listAudit(database(env.DB), 'demo', 50);
    expect(audit.map((a) => `${a.action} ${a.resource}`)).toEqual(
      expect.arrayContaining([`getJourney journeys/${user}`, 'listJourneys journeys']),
    );
    const auditApi = await api('/v1/audit?action=getJourney', { headers: serverHeaders });
    expect(auditApi.status).toBe(200);
    expect(
      (await json<{ entries: Array<{ resource: string }> }>(auditApi)).entries.map((e) => e.resource),
    ).toContain(`journeys/${user}`);

    const del = await api(`/v1/journeys/${user}`, { method: 'DELETE', headers: serverHeaders });
    expect(del.status).toBe(204);
    expect((await api(`/v1/journeys/${user}`, { headers: serverHeaders })).status).toBe(404);
    const after = JourneyListResponse.parse(
      await (await api('/v1/journeys?limit=500', { headers: serverHeaders })).json(),
    );
    expect(after.journeys.map((j) => j.userId)).not.toContain(user);
  });

  it('exports everything held about a user (secret key, audited)', async () => {
    const user = uniqueUser('export');
    await post(`/v1/journeys/${user}`, user, { flowId: DEMO.flowId });
    await post(`/v1/journeys/${user}/struggle`, user, { score: 0.9, source: 'rules', reasons: [], t: 1 });
    const events = await api('/v1/events', {
      method: 'POST',
      headers: await browserHeaders(user, { 'x-so-user': user }),
      body: JSON.stringify({
        sentAt: 1,
        events: [
          {
            id: eventId(),
            sessionId: 's',
            timestamp: Date.now(),
            stepId: 'create-profile',
            eventType: 'page',
            action: 'view',
          },
        ],
      }),
    });
    expect(events.status).toBe(202);
    const browser = await get(`/v1/journeys/${user}/export`, user);
    expect(browser.status).toBe(403);
    const exported = await eventually(async () => {
      const res = await api(`/v1/journeys/${user}/export`, { headers: serverHeaders });
      const body = UserExportResponse.parse(await res.json());
      return body.engagement.length > 0 ? body : null;
    });
    expect(exported.journey?.userId).toBe(user);
    expect(exported.interventions).toEqual([
      expect.objectContaining({ kind: 'hint', stepId: 'create-profile' }),
    ]);
    expect(exported.engagement).toEqual([expect.objectContaining({ stepId: 'create-profile', events: 1 })]);
    const audit = await listAudit(database(env.DB), 'demo', 50, 'exportUserData');
    expect(audit.map((a) => a.resource)).toContain(`journeys/${user}`);
  });

  it('does not audit a browser reading its own journey', async () => {
    const user = uniqueUser('browser');
    await post(`/v1/journeys/${user}`, user, { flowId: DEMO.flowId });
    await get(`/v1/journeys/${user}`, user);
    const audit = await listAudit(database(env.DB), 'demo', 500);
    expect(audit.some((a) => a.resource === `journeys/${user}`)).toBe(false);
  });
});
