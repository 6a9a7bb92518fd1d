import type { BehaviorEvent } from '@smart-onboarding/protocol';

export interface QueuedRecord {
  id: string;
  /** Enqueue order, kept across reloads. */
  seq: number;
  event: BehaviorEvent;
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

export interface EventQueue {
  /** Resolves once what an earlier page left in the store is back in the queue. */
  ready: Promise<void>;
  add(event: BehaviorEvent): void;
  /** The oldest events not in `exclude`, at most `limit`. */
  peek(limit: number, exclude?: ReadonlySet<string>): BehaviorEvent[];
  remove(ids: readonly string[]): void;
  size(): number;
  /** Writes what is pending to the store at once: the page is hiding. */
  persist(): void;
  close(): void;
}

/**
 * The outbox: every event waits here until the edge has acknowledged it. Bounded (the oldest are dropped
 * past `max`, so a tab offline for a week cannot fill the disk), persisted through `store`, and merged
 * with what earlier pages left behind.
 *
 * @example
 * const queue = createEventQueue(await openIndexedDbStore('so:pk_demo'), 1000);
 * queue.add(event);
 */
export function createEventQueue(store: QueueStore | undefined, max = 1000): EventQueue {
  let records: QueuedRecord[] = [];
  let counter = 0;
  const nextSeq = () => Date.now() * 1000 + (counter++ % 1000);
  const trim = () => {
    if (records.length <= max) return;
    const gone = records.splice(0, records.length - max);
    store?.delete(gone.map((r) => r.id));
  };
  const ready = (store ? store.load() : Promise.resolve([]))
    .catch(() => [] as QueuedRecord[])
    .then((loaded) => {
      const known = new Set(records.map((r) => r.id));
      records = [...loaded.filter((r) => !known.has(r.id)), ...records].sort((a, b) => a.seq - b.seq);
      trim();
    });
  return {
    ready,
    add(event) {
      const record = { id: event.id, seq: nextSeq(), event };
      records.push(record);
      store?.put([record]);
      trim();
    },
    peek(limit, exclude) {
      const out: BehaviorEvent[] = [];
      for (const r of records) {
        if (out.length >= limit) break;
        if (!exclude?.has(r.id)) out.push(r.event);
      }
      return out;
    },
    remove(ids) {
      if (!ids.length) return;
      const gone = new Set(ids);
      records = records.filter((r) => !gone.has(r.id));
      store?.delete([...gone]);
    },
    size: () => records.length,
    persist: () => store?.flush?.(),
    close: () => store?.close(),
  };
}
