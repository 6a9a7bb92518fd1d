/**
 * The app's own data, kept in `localStorage` so a reload picks up where the user was (a real app would
 * keep it on its server). Unreadable or missing data gives the fallback; storage that refuses writes
 * (private mode, quota) is ignored: the app keeps working in memory.
 *
 * @example
 * const saved = loadState('pantry:v1', { recipes: [] });
 * saveState('pantry:v1', { recipes: ['Shakshuka'] });
 */
export function loadState<T extends object>(
  key: string,
  fallback: T,
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): T {
  try {
    const raw = storage?.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? { ...fallback, ...(parsed as Partial<T>) }
      : fallback;
  } catch {
    return fallback;
  }
}

export function saveState(
  key: string,
  value: object,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or refused: nothing to do, the state stays in memory
  }
}
