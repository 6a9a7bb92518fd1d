import { describe, expect, it } from 'vitest';
import { helpCacheKey, memoryHelpCache } from './help-cache';

const base = { tenantId: 't1', flowId: 'creator-studio', flowVersion: 3, stepId: 'schedule-post' };
const r = (code: string, weight: number) => ({ code, weight });

describe('helpCacheKey', () => {
  it.each([
    {
      name: 'reason order does not matter',
      a: { reasons: [r('rage_click', 0.6), r('dead_click', 0.4)] },
      b: { reasons: [r('dead_click', 0.4), r('rage_click', 0.6)] },
      same: true,
    },
    {
      name: 'only the top three reasons count',
      a: { reasons: [r('a', 4), r('b', 3), r('c', 2), r('d', 1)] },
      b: { reasons: [r('a', 4), r('b', 3), r('c', 2)] },
      same: true,
    },
    {
      name: 'another reason is another entry',
      a: { reasons: [r('rage_click', 1)] },
      b: { reasons: [r('hesitation', 1)] },
      same: false,
    },
    { name: 'another step is another entry', a: { stepId: 'create-post' }, b: {}, same: false },
    { name: 'another flow version is another entry', a: { flowVersion: 4 }, b: {}, same: false },
    { name: 'another element is another entry', a: { element: '#a' }, b: { element: '#b' }, same: false },
    {
      name: 'the same question, with different personal data, is one entry',
      a: { question: 'I am ada@example.com, why?' },
      b: { question: 'I am bob@example.org, why?' },
      same: true,
    },
  ])('$name', ({ a, b, same }) => {
    expect(helpCacheKey({ ...base, ...a }) === helpCacheKey({ ...base, ...b })).toBe(same);
  });

  it('never contains the question or the element in clear', () => {
    const key = helpCacheKey({ ...base, element: '#user-ada', question: 'where is the button' });
    expect(key).not.toMatch(/ada|button/);
    expect(key.startsWith('help:v1:t1:creator-studio@3:schedule-post:')).toBe(true);
  });
});

describe('memoryHelpCache', () => {
  const help = (id: string) => ({ id, source: 'generated' as const, text: id, sources: [] });
  it('expires entries and evicts the least recently used', async () => {
    let now = 0;
    const cache = memoryHelpCache({ maxEntries: 2, now: () => now });
    await cache.put('a', help('a'), 10);
    await cache.put('b', help('b'), 10);
    await cache.get('a');
    await cache.put('c', help('c'), 10);
    expect(await cache.get('b')).toBeUndefined();
    expect((await cache.get('a'))?.id).toBe('a');
    now = 10_000;
    expect(await cache.get('a')).toBeUndefined();
  });
});
