import { describe, expect, it } from 'vitest';
import {
  contentHash,
  cosineSimilarity,
  ensureArticleEmbeddings,
  keywordRank,
  memoryEmbeddingStore,
  topK,
} from './retrieval';

describe('cosineSimilarity and topK', () => {
  it.each([
    { a: [1, 0], b: [1, 0], s: 1 },
    { a: [1, 0], b: [0, 1], s: 0 },
    { a: [1, 1], b: [-1, -1], s: -1 },
    { a: [3, 4], b: [6, 8], s: 1 },
    { a: [0, 0], b: [1, 0], s: 0 },
    { a: [1], b: [1, 0], s: 0 },
  ])('$a · $b → $s', ({ a, b, s }) => {
    expect(cosineSimilarity(a, b)).toBeCloseTo(s, 9);
  });

  it('returns the k nearest, best first', () => {
    const items = [
      { id: 'x', vector: [0, 1] },
      { id: 'y', vector: [1, 0.1] },
      { id: 'z', vector: [1, 1] },
    ];
    expect(topK([1, 0], items, 2).map((i) => i.id)).toEqual(['y', 'z']);
  });
});

describe('ensureArticleEmbeddings', () => {
  it('embeds only new or changed articles, in one batch', async () => {
    const store = memoryEmbeddingStore();
    const calls: string[][] = [];
    const embed = async (texts: string[]) => {
      calls.push(texts);
      return texts.map((t) => [t.length, 1]);
    };
    const a = { id: 'a', title: 'A', body: 'alpha' };
    const b = { id: 'b', title: 'B', body: 'beta' };
    await ensureArticleEmbeddings({ store, embed, model: 'm' }, 't', [a, b]);
    await ensureArticleEmbeddings({ store, embed, model: 'm' }, 't', [a, b]);
    const all = await ensureArticleEmbeddings({ store, embed, model: 'm' }, 't', [
      a,
      { ...b, body: 'beta, edited' },
    ]);
    expect(calls.map((c) => c.length)).toEqual([2, 1]);
    expect(all.map((e) => e.articleId)).toEqual(['a', 'b']);
    expect(all[1]?.contentHash).toBe(contentHash('B\n\nbeta, edited'));
    expect(await store.list('other-tenant')).toEqual([]);
  });
});

describe('keywordRank', () => {
  it('puts linked and word-sharing articles first', () => {
    const arts = [
      { id: 'billing', title: 'Billing', body: 'invoices and payments' },
      { id: 'schedule', title: 'Scheduling a post', body: 'pick a time slot then press schedule' },
      { id: 'connect', title: 'Connect', body: 'connect channels' },
    ];
    expect(keywordRank('schedule button does nothing time slot', arts, [])[0]?.article.id).toBe('schedule');
    expect(keywordRank('help', arts, ['connect'])[0]?.article.id).toBe('connect');
  });
});
