import type { QueuedRecord, QueueStore } from './queue';

const STORE = 'events';

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
  const write = (fn: (store: IDBObjectStore) => void) => {
    try {
      fn(db.transaction(STORE, 'readwrite').objectStore(STORE));
    } catch {
      // A closed or full database: the event stays in memory and is still sent.
    }
  };
  return {
    load: () =>
      request(db.transaction(STORE, 'readonly').objectStore(STORE).getAll() as IDBRequest<QueuedRecord[]>),
    put: (records) =>
      write((s) => {
        for (const r of records) s.put(r);
      }),
    delete: (ids) =>
      write((s) => {
        for (const id of ids) s.delete(id);
      }),
    close: () => db.close(),
  };
}
