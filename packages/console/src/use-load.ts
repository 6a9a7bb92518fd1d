import { useCallback, useEffect, useState } from 'preact/hooks';
import { describeFailure } from './api';

/**
 * Loads what a screen shows and reloads it on demand; a load that finishes after the screen moved on
 * (another flow opened) is dropped, so a slow answer never overwrites a newer one.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setError(null);
    load().then(
      (value) => current && setData(value),
      (err) => current && setError(describeFailure(err)),
    );
    return () => {
      current = false;
    };
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, reload, setData };
}
