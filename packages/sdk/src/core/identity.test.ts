import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Identity } from '../transport/anonymous';
import { deferred, memoryStorage } from './fixtures';
import { adoptAnonymousIdentity } from './identity';
import { anonymousIdentityKey } from './storage-keys';

const KEY = anonymousIdentityKey('pk_a');
const issued: Identity = { userId: 'anon_new', userHash: 'h-new' };

/** Runs an adoption with the edge's answers in order (undefined: unreachable), on fake timers. */
function adopt(answers: (Identity | undefined)[], entries: Record<string, string> = {}) {
  const storage = memoryStorage(entries);
  const adopted: Identity[] = [];
  const delays: number[] = [];
  let asked = 0;
  let wanted = true;
  const stop = adoptAnonymousIdentity({
    publishableKey: 'pk_a',
    issue: async () => answers[asked++],
    wanted: () => wanted,
    adopt: (identity) => adopted.push(identity),
    storage,
    retryDelay: (attempt) => {
      delays.push(attempt);
      return 1000 * (attempt + 1);
    },
  });
  return {
    storage,
    adopted,
    delays,
    asked: () => asked,
    stop,
    unwant: () => {
      wanted = false;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('adoptAnonymousIdentity', () => {
  it('adopts the identity this browser was issued before, at once, without asking the edge', () => {
    const saved = { userId: 'anon_old', userHash: 'h-old' };
    const a = adopt([issued], { [KEY]: JSON.stringify(saved) });
    expect(a.adopted).toEqual([saved]);
    expect(a.asked()).toBe(0);
  });

  it.each([
    ['unreadable', '{not json'],
    ['incomplete', '{"userId":"anon_old"}'],
  ])('asks the edge when the stored identity is %s, and keeps what it issues', async (_why, stored) => {
    const a = adopt([issued], { [KEY]: stored });
    await vi.waitFor(() => expect(a.adopted).toEqual([issued]));
    expect(JSON.parse(a.storage.map.get(KEY)!)).toEqual(issued);
  });

  it('asks again with backoff until the edge answers', async () => {
    vi.useFakeTimers();
    const a = adopt([undefined, undefined, issued]);
    await vi.advanceTimersByTimeAsync(0);
    expect(a.adopted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(a.asked()).toBe(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(a.adopted).toEqual([issued]);
    expect(a.delays).toEqual([0, 1]);
  });

  it('adopts and stores nothing once unwanted while the edge was answering (consent withdrawn)', async () => {
    const answer = deferred<Identity | undefined>();
    const storage = memoryStorage();
    const adopted: Identity[] = [];
    let wanted = true;
    adoptAnonymousIdentity({
      publishableKey: 'pk_a',
      issue: () => answer.promise,
      wanted: () => wanted,
      adopt: (identity) => adopted.push(identity),
      storage,
    });
    wanted = false;
    answer.resolve(issued);
    await answer.promise;
    await Promise.resolve();
    expect(adopted).toEqual([]);
    expect(storage.map.size).toBe(0);
  });

  it('cancels a pending retry when stopped', async () => {
    vi.useFakeTimers();
    const a = adopt([undefined, issued]);
    await vi.advanceTimersByTimeAsync(0);
    a.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(a.asked()).toBe(1);
    expect(a.adopted).toEqual([]);
  });

  it('leaves the identity alone once the page has named its user', async () => {
    vi.useFakeTimers();
    const a = adopt([undefined, issued]);
    await vi.advanceTimersByTimeAsync(0);
    a.unwant();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(a.adopted).toEqual([]);
    expect(a.storage.map.size).toBe(0);
  });
});
