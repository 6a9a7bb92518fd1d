import { env } from 'cloudflare:workers';
import type { HelpArticle } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import exampleArticles from '../../examples/creator-studio/public/help-articles.json';
import { database } from '../src/adapters/d1/client';
import { listHelpArticles } from '../src/adapters/d1/queries/help';
import demoArticles from '../src/dev/demo-help-articles.json';
import { api, DEMO, freshTenant, json } from './helpers';

const library = (n: number): HelpArticle[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    title: `Article ${i}`,
    body: `How to do thing ${i}.`,
  }));

describe('the help library (PUT/GET /v1/help/articles)', () => {
  it('replaces the library, and says why nothing was embedded when Azure OpenAI fails', async () => {
    const tenant = await freshTenant();
    const headers = { authorization: `Bearer ${tenant.secretKey}`, 'content-type': 'application/json' };
    const put = await api('/v1/help/articles', {
      method: 'PUT',
      headers,
      body: JSON.stringify({ articles: library(3) }),
    });
    expect(put.status).toBe(200);
    // The test environment points Azure OpenAI at a closed port.
    expect(await json(put)).toEqual({ articles: 3, embedded: 0, embeddingSkipped: 'embedding_failed' });
    const again = await api('/v1/help/articles', {
      method: 'PUT',
      headers,
      body: JSON.stringify({ articles: library(3).slice(1) }),
    });
    expect(again.status).toBe(200);
    const got = await json<{ articles: HelpArticle[] }>(await api('/v1/help/articles', { headers }));
    expect(got.articles.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it.each([
    ['a duplicated id', { articles: [...library(1), ...library(1)] }, 400],
    ['an article without a title', { articles: [{ id: 'x', body: 'b' }] }, 400],
    ['no list', {}, 400],
  ])('rejects %s with a stable code, keeping the library', async (_name, body, status) => {
    const tenant = await freshTenant();
    const headers = { authorization: `Bearer ${tenant.secretKey}`, 'content-type': 'application/json' };
    await api('/v1/help/articles', {
      method: 'PUT',
      headers,
      body: JSON.stringify({ articles: library(2) }),
    });
    const res = await api('/v1/help/articles', { method: 'PUT', headers, body: JSON.stringify(body) });
    expect(res.status).toBe(status);
    expect(await json(res)).toMatchObject({ error: { code: 'validation_failed' } });
    expect(await listHelpArticles(database(env.DB), tenant.id)).toHaveLength(2);
  });

  it('refuses a publishable key', async () => {
    const tenant = await freshTenant();
    const res = await api('/v1/help/articles', {
      headers: { authorization: `Bearer ${tenant.publishableKey}` },
    });
    expect(res.status).toBe(403);
  });

  it("seeds the demo tenant with the creator-studio example's articles, kept in sync with the example", async () => {
    expect(demoArticles).toEqual(exampleArticles);
    await api('/health');
    const seeded = await listHelpArticles(database(env.DB), DEMO.tenantId);
    expect(seeded.map((a) => a.id).sort()).toEqual(demoArticles.map((a) => a.id).sort());
  });
});
