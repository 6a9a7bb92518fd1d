/** Test helpers for the client's modules: storage the test can read, and promises it settles. */

/** A Web Storage in memory; `refuse` makes every call throw, as blocked storage does. */
export function memoryStorage(entries: Record<string, string> = {}, refuse = false) {
  const map = new Map(Object.entries(entries));
  const check = () => {
    if (refuse) throw new DOMException('storage is blocked', 'SecurityError');
  };
  return {
    map,
    getItem(key: string) {
      check();
      return map.get(key) ?? null;
    },
    setItem(key: string, value: string) {
      check();
      map.set(key, value);
    },
    removeItem(key: string) {
      check();
      map.delete(key);
    },
  };
}

/** A promise with its resolve and reject at hand. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
