import { describe, expect, it } from 'vitest';
import { loadState, saveState } from './saved-state';

const memory = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
};
const fallback = { items: [] as string[], done: false };

describe('loadState', () => {
  it.each([
    ['nothing saved', undefined, fallback],
    ['saved state', '{"items":["a"],"done":true}', { items: ['a'], done: true }],
    ['a field added since (kept from the fallback)', '{"items":["a"]}', { items: ['a'], done: false }],
    ['broken JSON', '{"items":', fallback],
    ['not an object', '[1,2]', fallback],
    ['null', 'null', fallback],
  ])('%s', (_, raw, expected) => {
    expect(loadState('k', fallback, memory(raw === undefined ? {} : { k: raw }))).toEqual(expected);
  });

  it('gives the fallback when storage is unavailable or throws', () => {
    expect(loadState('k', fallback, undefined)).toEqual(fallback);
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadState('k', fallback, throwing)).toEqual(fallback);
  });
});

describe('saveState', () => {
  it('round-trips through loadState', () => {
    const storage = memory();
    saveState('k', { items: ['x'], done: true }, storage);
    expect(loadState('k', fallback, storage)).toEqual({ items: ['x'], done: true });
  });

  it('ignores storage that refuses writes', () => {
    const full = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => saveState('k', { items: [] }, full)).not.toThrow();
  });
});
