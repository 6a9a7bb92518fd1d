import { env } from 'cloudflare:workers';
import { EventBatchAccepted } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { database } from '../../src/adapters/d1/client';
import { engagementOf } from '../../src/adapters/d1/queries/engagement';
import { DEMO, eventId, eventually, json, sendEvents, uniqueUser } from '../helpers';
import { open } from '../test-socket';

/**
 * Attacks that made accepted events disappear (issue 12, hole 6) and per-event acceptance: one bad event
 * is reported by its id and index, never takes the good ones of its batch down.
 */

const signal = (over: Record<string, unknown> = {}) => ({
  id: eventId(),
  sessionId: 'tab-1',
  timestamp: Date.now(),
  stepId: 'connect-account',
  eventType: 'signal',
  signal: { type: 'rage_click', t: Date.now(), evidence: { clicks: 3 } },
  ...over,
});

const signalsCounted = async (user: string) =>
  (await engagementOf(database(env.DB), DEMO.tenantId, user)).reduce((n, r) => n + r.signals, 0);

describe('attack: one bad event in a batch (hole 6, per-event acceptance)', () => {
  it('keeps the good events and reports the bad one by id and index (validation_failed)', async () => {
    const user = uniqueUser('perevent');
    const good = [signal(), signal(), signal()];
    const bad = { ...signal(), eventType: 'keystroke' };
    const res = await sendEvents(user, [good[0], bad, good[1], good[2]]);
    expect(res.status).toBe(202);
    const body = EventBatchAccepted.parse(await res.json());
    expect(body).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(body.rejected).toEqual([
      expect.objectContaining({ index: 1, id: bad.id, code: 'validation_failed' }),
    ]);
    expect(await eventually(async () => (await signalsCounted(user)) === 3 || null)).toBe(true);
  });

  it('refuses a timestamp Date cannot represent, by id, and still counts the rest of the message', async () => {
    const user = uniqueUser('baddate');
    const bad = signal({ timestamp: 9_000_000_000_000_000 });
    const res = await sendEvents(user, [signal(), bad, signal()]);
    expect(res.status).toBe(202);
    const body = EventBatchAccepted.parse(await res.json());
    expect(body.accepted).toBe(2);
    expect(body.rejected?.map((r) => r.id)).toEqual([bad.id]);
    expect(await eventually(async () => (await signalsCounted(user)) === 2 || null)).toBe(true);
  });

  it('answers 400 validation_failed, naming each event, when no event of the batch is valid', async () => {
    const res = await sendEvents(uniqueUser('allbad'), [{ id: 'x' }, 7]);
    expect(res.status).toBe(400);
    const body = await json<{ error: { code: string; details: { rejected: { index: number }[] } } }>(res);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.rejected.map((r) => r.index)).toEqual([0, 1]);
  });

  it('acks the good events of a socket batch and names the bad ones, so the tab stops resending them', async () => {
    const user = uniqueUser('wsbad');
    const socket = await open(user);
    try {
      const good = signal();
      const bad = { ...signal(), timestamp: -5 };
      const ack = await socket.request(
        { type: 'events', batch: { sentAt: Date.now(), events: [good, bad] } },
        'ack',
      );
      expect(ack.ids).toEqual([good.id]);
      expect(ack.rejected?.map((r) => r.id)).toEqual([bad.id]);
    } finally {
      socket.close();
    }
  });
});

describe('attack: reusing another user’s event id (hole 6, dedup per user)', () => {
  it('counts an event of user B whose id user A already used', async () => {
    const [a, b] = [uniqueUser('dupa'), uniqueUser('dupb')];
    const shared = signal();
    expect((await sendEvents(a, [shared])).status).toBe(202);
    expect(await eventually(async () => (await signalsCounted(a)) === 1 || null)).toBe(true);
    expect((await sendEvents(b, [shared])).status).toBe(202);
    expect(await eventually(async () => (await signalsCounted(b)) === 1 || null)).toBe(true);
  });
});
