import { env } from 'cloudflare:workers';
import type { HelpArticle } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { AZURE_TEST_API_KEY, azureEndpoint, receivedBy, uniqueDeployment } from '../../test/azure/control';
import { createAzureHelpClient } from '../adapters/azure-openai/azure-client';
import { database } from '../adapters/d1/client';
import { d1EmbeddingStore, listHelpArticles, replaceHelpArticles } from '../adapters/d1/queries/help';
import demoArticles from '../dev/demo-help-articles.json' with { type: 'json' };
import { articleText, contentHash, ensureArticleEmbeddings, topK } from './retrieval';

const articles = demoArticles as HelpArticle[];

describe('help retrieval from D1 with Azure OpenAI embeddings (stand-in)', () => {
  it('embeds a library once, stores the vectors in D1, re-embeds only what changed, and ranks by similarity', async () => {
    const db = database(env.DB);
    const tenantId = `t-${crypto.randomUUID().slice(0, 8)}`;
    const deployment = uniqueDeployment('embed');
    const client = createAzureHelpClient({
      endpoint: azureEndpoint(),
      apiKey: AZURE_TEST_API_KEY,
      apiVersion: '2024-10-21',
      chatDeployment: 'chat',
      embeddingDeployment: deployment,
      timeoutMs: 5000,
    });
    const store = d1EmbeddingStore(db);
    const deps = { store, embed: (texts: string[]) => client.embed(texts), model: deployment };
    await replaceHelpArticles(db, tenantId, articles);
    expect((await listHelpArticles(db, tenantId)).map((a) => a.id).sort()).toEqual(
      articles.map((a) => a.id).sort(),
    );

    const first = await ensureArticleEmbeddings(deps, tenantId, articles);
    expect(first).toHaveLength(articles.length);
    const rows = await store.list(tenantId);
    expect(rows).toHaveLength(articles.length);
    expect(rows.every((r) => r.vector.length === 64 && r.model === deployment)).toBe(true);
    expect(rows.find((r) => r.articleId === articles[0]!.id)?.contentHash).toBe(
      contentHash(articleText(articles[0]!)),
    );

    // Nothing changed: no call. One article changed: one text embedded.
    await ensureArticleEmbeddings(deps, tenantId, articles);
    const changed = articles.map((a, i) => (i === 0 ? { ...a, body: `${a.body} Now with more detail.` } : a));
    await ensureArticleEmbeddings(deps, tenantId, changed);
    const calls = (await receivedBy(deployment)).received;
    expect(calls.map((c) => (c.body as { input: string[] }).input.length)).toEqual([articles.length, 1]);

    // Brute-force similarity over what D1 returns puts the article about the query first.
    const [query] = await client.embed(['Connecting your social accounts Instagram TikTok Connect']);
    const best = topK(query!, await store.list(tenantId), 1)[0];
    expect(best?.articleId).toBe('connect-accounts');

    // Replacing the library drops removed articles and their embeddings.
    await replaceHelpArticles(db, tenantId, articles.slice(0, 2));
    expect((await store.list(tenantId)).map((r) => r.articleId).sort()).toEqual(
      articles
        .slice(0, 2)
        .map((a) => a.id)
        .sort(),
    );
  });
});
