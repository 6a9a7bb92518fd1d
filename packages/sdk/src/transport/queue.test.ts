import type { BehaviorEvent } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { createEventQueue, type QueuedRecord, type QueueStore } from './queue';

const event = (id: string): BehaviorEvent => ({
  id,
  sessionId: 's',
  timestamp: 1,
  eventType: 'track',
  name: 'x',
});

function memoryStore(initial: QueuedRecord[] = []): QueueStore & { rows: Map<string, QueuedRecord> } {
  const rows = new Map(initial.map((r) => [r.id, r]));
  return {
    rows,
    load: async () => [...rows.values()],
    put: (records) => {
      for (const r of records) rows.set(r.id, r);
    },
    delete: (ids) => {
      for (const id of ids) rows.delete(id);
    },
    close: () => {},
  };
}

describe('createEventQueue', () => {
  it('keeps order, excludes in-flight events, removes acknowledged ones from the store', async () => {
    const store = memoryStore();
    const q = createEventQueue(store);
    await q.ready;
    for (const id of ['a', 'b', 'c']) q.add(event(id));
    expect(q.peek(2, undefined, undefined).map((e) => e.id)).toEqual(['a', 'b']);
    expect(q.peek(5, new Set(['a']), undefined).map((e) => e.id)).toEqual(['b', 'c']);
    q.remove(['a', 'c']);
    expect(q.peek(5, undefined, undefined).map((e) => e.id)).toEqual(['b']);
    expect([...store.rows.keys()]).toEqual(['b']);
  });

  it('restores what an earlier page left, before what this page added', async () => {
    const store = memoryStore([
      { id: 'old2', seq: 2, event: event('old2') },
      { id: 'old1', seq: 1, event: event('old1') },
    ]);
    const q = createEventQueue(store);
    q.add(event('new'));
    await q.ready;
    expect(q.peek(10, undefined, undefined).map((e) => e.id)).toEqual(['old1', 'old2', 'new']);
  });

  it('is bounded: the oldest are dropped', async () => {
    const store = memoryStore();
    const q = createEventQueue(store, 3);
    await q.ready;
    for (const id of ['a', 'b', 'c', 'd', 'e']) q.add(event(id));
    expect(q.peek(10, undefined, undefined).map((e) => e.id)).toEqual(['c', 'd', 'e']);
    expect(store.rows.size).toBe(3);
    expect(q.dropped.cap).toBe(2);
  });

  it('hands out only the events of the user they will travel as, dropping and counting the others', async () => {
    const store = memoryStore([{ id: 'old', seq: 1, event: event('old'), user: 'ada' }]);
    const q = createEventQueue(store);
    await q.ready;
    q.add(event('orphan'));
    q.add(event('b1'), 'bob');
    // Captured before the page had a user: the first user the page has.
    expect(q.peek(10, undefined, 'bob')).toEqual([event('orphan'), event('b1')]);
    expect(q.dropped.user).toBe(1);
    expect([...store.rows.keys()]).toEqual(['orphan', 'b1']);
  });

  it('works in memory when there is no store, and when loading fails', async () => {
    const failing: QueueStore = { ...memoryStore(), load: () => Promise.reject(new Error('blocked')) };
    for (const store of [undefined, failing]) {
      const q = createEventQueue(store);
      q.add(event('a'));
      await q.ready;
      expect(q.size()).toBe(1);
    }
  });
});
