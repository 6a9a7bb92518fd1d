import type { BehaviorEvent } from '@smart-onboarding/protocol';

export interface QueuedRecord {
  id: string;
  /** Enqueue order, kept across reloads. */
  seq: number;
  event: BehaviorEvent;
  /**
   * The user the event was captured for: it is sent under that user's credentials only, never under
   * whoever is signed in when it leaves. Absent until the page has a user (it then takes the first).
   */
  user?: string | undefined;
}

/** Where queued events persist (IndexedDB in the browser). Writes are fire-and-forget, in order. */
export interface QueueStore {
  load(): Promise<QueuedRecord[]>;
  put(records: QueuedRecord[]): void;
  delete(ids: string[]): void;
  /** Commits pending writes now (the page is hiding). */
  flush?(): void;
  close(): void;
}

/** Events the SDK gave up, counted instead of lost silently (`status().dropped`). */
export interface Dropped {
  /** The outbox was full (its cap): the oldest went. */
  cap: number;
  /** Captured for another user than the one signed in now: never sent as the wrong person. */
  user: number;
  /** The edge refused their batch as invalid. */
  invalid: number;
}

export interface EventQueue {
  /** Resolves once what an earlier page left in the store is back in the queue. */
  ready: Promise<void>;
  add(event: BehaviorEvent, user?: string): void;
  /**
   * The oldest events not in `exclude`, at most `limit`, all captured for `user` (the user the batch will
   * travel as). Events captured for anyone else are dropped first, and counted: they can never be sent
   * as the person signed in now. Events captured before the page had a user count as `user`'s.
   */
  peek(limit: number, exclude: ReadonlySet<string> | undefined, user: string | undefined): BehaviorEvent[];
  remove(ids: readonly string[]): void;
  size(): number;
  /** Events given up since the outbox opened, counted by whoever drops them. */
  readonly dropped: Dropped;
  /** Writes what is pending to the store at once: the page is hiding. */
  persist(): void;
  close(): void;
}

/**
 * The outbox: every event waits here until the edge has acknowledged it, with the user it was captured
 * for. Bounded (the oldest are dropped past `max`, and counted, so a tab offline for a week cannot fill
 * the disk and the loss is visible in `status().dropped`), persisted through `store`, and merged with
 * what earlier pages left behind.
 *
 * @example
 * const queue = createEventQueue(await openIndexedDbStore('so:pk_demo'), 1000);
 * queue.add(event, 'user-42');
 */
export function createEventQueue(store: QueueStore | undefined, max = 1000): EventQueue {
  let records: QueuedRecord[] = [];
  let counter = 0;
  const dropped: Dropped = { cap: 0, user: 0, invalid: 0 };
  const nextSeq = () => Date.now() * 1000 + (counter++ % 1000);
  const trim = () => {
    if (records.length <= max) return;
    const gone = records.splice(0, records.length - max);
    dropped.cap += gone.length;
    store?.delete(gone.map((r) => r.id));
  };
  const ready = (store ? store.load() : Promise.resolve([]))
    .catch(() => [] as QueuedRecord[])
    .then((loaded) => {
      const known = new Set(records.map((r) => r.id));
      records = [...loaded.filter((r) => !known.has(r.id)), ...records].sort((a, b) => a.seq - b.seq);
      trim();
    });
  const api: EventQueue = {
    ready,
    add(event, user) {
      const record: QueuedRecord = { id: event.id, seq: nextSeq(), user, event };
      records.push(record);
      store?.put([record]);
      trim();
    },
    peek(limit, exclude, user) {
      const out: BehaviorEvent[] = [];
      for (const r of records) {
        if (r.user !== user && r.user) {
          dropped.user++;
          api.remove([r.id]);
        } else if (out.length < limit && !exclude?.has(r.id)) out.push(r.event);
      }
      return out;
    },
    remove(ids) {
      const gone = new Set(ids);
      records = records.filter((r) => !gone.has(r.id));
      store?.delete([...gone]);
    },
    size: () => records.length,
    dropped,
    persist: () => store?.flush?.(),
    close: () => store?.close(),
  };
  return api;
}
