import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { database } from '../../src/adapters/d1/client';
import { exportUserRows } from '../../src/privacy/user-data';
import {
  api,
  browserHeaders,
  DEMO,
  eventually,
  json,
  sendEvents,
  serverHeaders,
  trackEvent,
  uniqueUser,
} from '../helpers';
import { open } from '../test-socket';

/**
 * Consent on the edge (issue 12): recorded per (tenant, user) with the edge's time and its source, and
 * while denied the user's events are refused one by one with `consent_denied`, over HTTP and the socket,
 * while the batch's invalid events keep their own code and other users are untouched.
 */

const fromBrowser = async (user: string, body: unknown) =>
  api(`/v1/journeys/${user}/consent`, {
    method: 'PUT',
    headers: await browserHeaders(user),
    body: JSON.stringify(body),
  });
const fromServer = (user: string, body: unknown) =>
  api(`/v1/journeys/${user}/consent`, { method: 'PUT', headers: serverHeaders, body: JSON.stringify(body) });
const engagementRows = async (user: string) =>
  (await exportUserRows(database(env.DB), DEMO.tenantId, user)).engagement.length;

describe('attack: events from a user who denied consent (issue 12)', () => {
  it('records consent with the edge time and the source, and refuses a browser naming itself the server', async () => {
    const user = uniqueUser('consent');
    const before = Date.now();
    const res = await fromBrowser(user, { state: 'denied' });
    expect(res.status).toBe(200);
    const record = await json<{ state: string; source: string; at: number }>(res);
    expect(record).toMatchObject({ state: 'denied', source: 'banner' });
    expect(record.at).toBeGreaterThanOrEqual(before);
    expect(record.at).toBeLessThanOrEqual(Date.now());

    expect((await fromBrowser(user, { state: 'denied', source: 'dnt_gpc' })).status).toBe(200);
    const read = await api(`/v1/journeys/${user}/consent`, { headers: serverHeaders });
    expect(await json(read)).toMatchObject({ state: 'denied', source: 'dnt_gpc' });

    for (const body of [
      { state: 'denied', source: 'server' },
      { state: 'maybe' },
      { state: 'granted', at: 1 },
    ]) {
      const bad = await fromBrowser(user, body);
      expect(bad.status).toBe(400);
      expect((await json<{ error: { code: string } }>(bad)).error.code).toBe('validation_failed');
    }
    // Without the user's proof, nobody records consent for them.
    const forged = await api(`/v1/journeys/${user}/consent`, {
      method: 'PUT',
      headers: { 'x-so-key': DEMO.publishableKey, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'granted' }),
    });
    expect(forged.status).toBe(401);
  });

  it('refuses each of a denied user’s events over HTTP by id, keeps its invalid one’s code, other users untouched', async () => {
    const denied = uniqueUser('denied');
    const other = uniqueUser('granted');
    expect((await fromBrowser(denied, { state: 'denied' })).status).toBe(200);
    const [a, b] = [trackEvent(), trackEvent()];
    const res = await sendEvents(denied, [a, { id: 'broken', eventType: 'nope' }, b]);
    expect(res.status).toBe(202);
    const body = await json<{ accepted: number; rejected: { index: number; id?: string; code: string }[] }>(
      res,
    );
    expect(body.accepted).toBe(0);
    expect(body.rejected.map(({ index, id, code }) => ({ index, id, code }))).toEqual([
      { index: 1, id: 'broken', code: 'validation_failed' },
      { index: 0, id: a.id, code: 'consent_denied' },
      { index: 2, id: b.id, code: 'consent_denied' },
    ]);

    const kept = await sendEvents(other, [trackEvent()]);
    expect(await json(kept)).toMatchObject({ accepted: 1 });
    await eventually(async () => (await engagementRows(other)) === 1, 15_000);
    expect(await engagementRows(denied)).toBe(0);
  });

  it('refuses a denied user’s events over the socket in the ack, and accepts them again once granted', async () => {
    const user = uniqueUser('denied-ws');
    expect((await fromBrowser(user, { state: 'denied' })).status).toBe(200);
    const socket = await open(user);
    const e = trackEvent();
    const ack = await socket.request({ type: 'events', batch: { sentAt: Date.now(), events: [e] } }, 'ack');
    expect(ack).toMatchObject({
      ids: [],
      duplicates: 0,
      rejected: [{ index: 0, id: e.id, code: 'consent_denied' }],
    });

    expect((await fromBrowser(user, { state: 'granted' })).status).toBe(200);
    const again = await socket.request({ type: 'events', batch: { sentAt: Date.now(), events: [e] } }, 'ack');
    expect(again).toEqual({ type: 'ack', ids: [e.id], duplicates: 0 });
    socket.close();
  });

  it('a browser cannot lift a denial the tenant server recorded; the server can', async () => {
    const user = uniqueUser('server-denied');
    const denied = await fromServer(user, { state: 'denied' });
    expect(await json(denied)).toMatchObject({ state: 'denied', source: 'server' });
    const lifted = await fromBrowser(user, { state: 'granted' });
    expect(lifted.status).toBe(403);
    expect((await json<{ error: { code: string } }>(lifted)).error.code).toBe('consent_set_by_server');
    expect(
      (await json<{ rejected: { code: string }[] }>(await sendEvents(user, [trackEvent()]))).rejected[0]
        ?.code,
    ).toBe('consent_denied');

    expect(await json(await fromServer(user, { state: 'granted' }))).toMatchObject({ state: 'granted' });
    expect(await json(await sendEvents(user, [trackEvent()]))).toMatchObject({ accepted: 1 });
    const exported = await exportUserRows(database(env.DB), DEMO.tenantId, user);
    expect(exported.consent).toEqual([expect.objectContaining({ state: 'granted', source: 'server' })]);
  });
});
