/** A tiny typed event emitter. A listener that throws is isolated: the others still run, the caller never sees it. */
export function createEmitter<Events extends Record<string, unknown>>(onError: (err: unknown) => void) {
  const listeners = new Map<keyof Events, Set<(payload: never) => void>>();
  return {
    on<K extends keyof Events>(name: K, cb: (payload: Events[K]) => void): () => void {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(cb as (payload: never) => void);
      return () => set.delete(cb as (payload: never) => void);
    },
    off<K extends keyof Events>(name: K, cb: (payload: Events[K]) => void) {
      listeners.get(name)?.delete(cb as (payload: never) => void);
    },
    emit<K extends keyof Events>(name: K, payload: Events[K]) {
      for (const cb of [...(listeners.get(name) ?? [])]) {
        try {
          (cb as (p: Events[K]) => void)(payload);
        } catch (err) {
          onError(err);
        }
      }
    },
    clear: () => listeners.clear(),
  };
}
