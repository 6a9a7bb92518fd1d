import type { HelpArticle } from '@smart-onboarding/protocol';
import { unitHash } from '../intelligence/stable-hash';

/** One article's embedding, with the hash of the text it was computed from (stale when the text changes). */
export interface StoredEmbedding {
  articleId: string;
  model: string;
  contentHash: string;
  vector: number[];
}

/**
 * Where a tenant's article embeddings live. Phase 2 stores them in D1 (one row per article, the vector as
 * a JSON array or a Float32 blob); tests and the single-isolate default use `memoryEmbeddingStore`.
 */
export interface EmbeddingStore {
  list(tenantId: string): Promise<StoredEmbedding[]>;
  upsert(tenantId: string, items: StoredEmbedding[]): Promise<void>;
}

export function memoryEmbeddingStore(): EmbeddingStore {
  const byTenant = new Map<string, Map<string, StoredEmbedding>>();
  return {
    async list(tenantId) {
      return [...(byTenant.get(tenantId)?.values() ?? [])];
    },
    async upsert(tenantId, items) {
      const m = byTenant.get(tenantId) ?? new Map<string, StoredEmbedding>();
      for (const item of items) m.set(item.articleId, item);
      byTenant.set(tenantId, m);
    },
  };
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Brute force: exact, and at a few hundred articles per tenant a fraction of a millisecond. */
export function topK<T extends { vector: readonly number[] }>(
  query: readonly number[],
  items: readonly T[],
  k: number,
): Array<T & { similarity: number }> {
  return items
    .map((item) => ({ ...item, similarity: cosineSimilarity(query, item.vector) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, k);
}

export const articleText = (a: HelpArticle) => `${a.title}\n\n${a.body}`;
export const contentHash = (text: string) =>
  Math.floor(unitHash(text) * 2 ** 32).toString(36) + text.length.toString(36);

/**
 * Embeds the articles that have no embedding yet, or whose text changed, in one batch, and stores them.
 * Returns every article's embedding.
 */
export async function ensureArticleEmbeddings(
  deps: { store: EmbeddingStore; embed: (texts: string[]) => Promise<number[][]>; model: string },
  tenantId: string,
  articles: readonly HelpArticle[],
): Promise<StoredEmbedding[]> {
  const stored = new Map((await deps.store.list(tenantId)).map((e) => [e.articleId, e]));
  const stale = articles.filter((a) => {
    const e = stored.get(a.id);
    return !e || e.model !== deps.model || e.contentHash !== contentHash(articleText(a));
  });
  if (stale.length > 0) {
    const vectors = await deps.embed(stale.map(articleText));
    const fresh = stale.map((a, i) => ({
      articleId: a.id,
      model: deps.model,
      contentHash: contentHash(articleText(a)),
      vector: vectors[i]!,
    }));
    await deps.store.upsert(tenantId, fresh);
    for (const f of fresh) stored.set(f.articleId, f);
  }
  return articles.map((a) => stored.get(a.id)).filter((e): e is StoredEmbedding => e !== undefined);
}

/**
 * Ranks articles for a query without embeddings (when the embedding call fails): articles linked from
 * the step first, then by shared words.
 */
export function keywordRank(
  query: string,
  articles: readonly HelpArticle[],
  linked: readonly string[],
): Array<{ article: HelpArticle; relevance: number }> {
  const words = (t: string) => new Set(t.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);
  const q = words(query);
  return articles
    .map((article) => {
      const w = words(articleText(article));
      const shared = [...q].filter((x) => w.has(x)).length;
      const relevance = Math.min(1, (linked.includes(article.id) ? 0.5 : 0) + shared / Math.max(4, q.size));
      return { article, relevance };
    })
    .sort((a, b) => b.relevance - a.relevance);
}
