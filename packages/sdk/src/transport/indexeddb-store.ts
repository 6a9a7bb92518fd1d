import type { QueuedRecord, QueueStore } from './queue';

const STORE = 'events';
const COMMIT_MS = 0;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * The outbox's IndexedDB store: one database per publishable key, one object store keyed by event id.
 * Resolves to undefined where IndexedDB is missing or refused (private modes, sandboxed frames): the queue
 * then lives in memory only.
 */
export async function openIndexedDbStore(
  name: string,
  idb = globalThis.indexedDB,
): Promise<QueueStore | undefined> {
  if (!idb) return undefined;
  let db: IDBDatabase;
  try {
    const open = idb.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'id' });
    db = await request(open);
  } catch {
    return undefined;
  }
  // Writes are gathered and committed in one transaction per task: a transaction per event would cost
  // more than everything else the SDK does while the pointer moves. Not later than the next task: a
  // transaction started while the page unloads may never commit (measured: a reload lost half of them).
  let puts: QueuedRecord[] = [];
  let deletes: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const commit = () => {
    timer = undefined;
    const [p, d] = [puts, deletes];
    puts = [];
    deletes = [];
    try {
      const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
      for (const r of p) store.put(r);
      for (const id of d) store.delete(id);
    } catch {
      // A closed or full database: the events stay in memory and are still sent.
    }
  };
  const later = () => {
    timer ??= setTimeout(commit, COMMIT_MS);
  };
  return {
    load: () =>
      request(db.transaction(STORE, 'readonly').objectStore(STORE).getAll() as IDBRequest<QueuedRecord[]>),
    put: (records) => {
      puts.push(...records);
      later();
    },
    delete: (ids) => {
      const gone = new Set(ids);
      // An event acknowledged before it was ever written need not be written at all.
      puts = puts.filter((r) => !gone.has(r.id));
      deletes.push(...ids);
      later();
    },
    flush: () => {
      if (timer) clearTimeout(timer);
      commit();
    },
    close: () => {
      if (timer) clearTimeout(timer);
      commit();
      db.close();
    },
  };
}
