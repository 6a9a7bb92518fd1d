import type { HelpArticle } from '@smart-onboarding/protocol';
import { and, eq, notInArray } from 'drizzle-orm';
import type { EmbeddingStore, StoredEmbedding } from '../../../help/retrieval';
import type { Database } from '../client';
import { helpArticles, helpEmbeddings } from '../schema';

/** The tenant's help library, by id. */
export async function listHelpArticles(db: Database, tenantId: string): Promise<HelpArticle[]> {
  const rows = await db
    .select()
    .from(helpArticles)
    .where(eq(helpArticles.tenantId, tenantId))
    .orderBy(helpArticles.id);
  return rows.map((r) => ({ id: r.id, title: r.title, body: r.body, ...(r.url ? { url: r.url } : {}) }));
}

/**
 * Replaces the tenant's help library with `articles` (upserted; articles not listed are removed, with
 * their embeddings). One statement per article: an article has 6 parameters, far below D1's 100.
 */
export async function replaceHelpArticles(
  db: Database,
  tenantId: string,
  articles: readonly HelpArticle[],
  now = Date.now(),
) {
  const ids = articles.map((a) => a.id);
  const keep = ids.length > 0 ? notInArray(helpArticles.id, ids) : undefined;
  const keepEmbedding = ids.length > 0 ? notInArray(helpEmbeddings.articleId, ids) : undefined;
  const upserts = articles.map((a) =>
    db
      .insert(helpArticles)
      .values({ tenantId, id: a.id, title: a.title, body: a.body, url: a.url ?? null, updatedAt: now })
      .onConflictDoUpdate({
        target: [helpArticles.tenantId, helpArticles.id],
        set: { title: a.title, body: a.body, url: a.url ?? null, updatedAt: now },
      }),
  );
  await db.batch([
    db.delete(helpArticles).where(and(eq(helpArticles.tenantId, tenantId), keep)),
    db.delete(helpEmbeddings).where(and(eq(helpEmbeddings.tenantId, tenantId), keepEmbedding)),
    ...upserts,
  ]);
}

/**
 * Article embeddings in D1 (`help_embeddings`), the `EmbeddingStore` contextual help retrieves from.
 *
 * @example
 * const deps = helpDepsFromEnv(env, { embeddings: d1EmbeddingStore(database(env.DB)) });
 */
export function d1EmbeddingStore(db: Database, now: () => number = Date.now): EmbeddingStore {
  return {
    async list(tenantId) {
      const rows = await db.select().from(helpEmbeddings).where(eq(helpEmbeddings.tenantId, tenantId));
      return rows.map(
        (r): StoredEmbedding => ({
          articleId: r.articleId,
          model: r.model,
          contentHash: r.contentHash,
          vector: r.vector as number[],
        }),
      );
    },
    async upsert(tenantId, items) {
      if (items.length === 0) return;
      const at = now();
      await db.batch(
        items.map((e) =>
          db
            .insert(helpEmbeddings)
            .values({ tenantId, ...e, updatedAt: at })
            .onConflictDoUpdate({
              target: [helpEmbeddings.tenantId, helpEmbeddings.articleId],
              set: { model: e.model, contentHash: e.contentHash, vector: e.vector, updatedAt: at },
            }),
        ) as never,
      );
    },
  };
}

/** Saves one article (the console edits them one by one); true when it is new. */
export async function saveHelpArticle(
  db: Database,
  tenantId: string,
  article: HelpArticle,
  now = Date.now(),
): Promise<boolean> {
  const fields = { title: article.title, body: article.body, url: article.url ?? null, updatedAt: now };
  const [existing] = await db
    .select({ id: helpArticles.id })
    .from(helpArticles)
    .where(and(eq(helpArticles.tenantId, tenantId), eq(helpArticles.id, article.id)));
  await db
    .insert(helpArticles)
    .values({ tenantId, id: article.id, ...fields })
    .onConflictDoUpdate({ target: [helpArticles.tenantId, helpArticles.id], set: fields });
  return !existing;
}

/** Removes one article and its embedding; false when there was none. */
export async function deleteHelpArticle(db: Database, tenantId: string, id: string): Promise<boolean> {
  const [removed] = await db.batch([
    db
      .delete(helpArticles)
      .where(and(eq(helpArticles.tenantId, tenantId), eq(helpArticles.id, id)))
      .returning({ id: helpArticles.id }),
    db
      .delete(helpEmbeddings)
      .where(and(eq(helpEmbeddings.tenantId, tenantId), eq(helpEmbeddings.articleId, id))),
  ]);
  return removed.length > 0;
}
