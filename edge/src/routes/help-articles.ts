import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { HelpArticle } from '@smart-onboarding/protocol';
import { z } from 'zod';
import { listHelpArticles, replaceHelpArticles } from '../adapters/d1/queries/help';
import type { AppEnv } from '../http/app-env';
import { auditSecretCall } from '../http/audit';
import { ApiError } from '../http/errors';
import { json, keyErrorResponses, security } from '../http/openapi';
import { validationHook } from '../http/validation';
import { requireKey } from '../middleware/auth/require-key';

const HelpLibrary = z.object({ articles: z.array(HelpArticle).max(500) }).openapi('HelpLibrary');
const HelpLibraryStored = z
  .object({
    articles: z.number().int(),
    /** Articles with a current embedding; 0 when Azure OpenAI is not configured. */
    embedded: z.number().int(),
    /** Why articles were not embedded, when they were not. */
    embeddingSkipped: z.string().optional(),
  })
  .openapi('HelpLibraryStored');

const putHelpArticles = createRoute({
  method: 'put',
  path: '/v1/help/articles',
  operationId: 'replaceHelpArticles',
  tags: ['help'],
  summary:
    "Replaces the tenant's help library (grounding for contextual help) and embeds it with Azure OpenAI.",
  description:
    'Articles not in the list are removed. When Azure OpenAI is configured, new and changed articles are embedded now (retrieval then ranks by similarity); otherwise, or if embedding fails, they are stored and ranked by words until they can be embedded.',
  security: security.secretKey,
  middleware: [requireKey({ secret: true })] as const,
  request: { body: { ...json(HelpLibrary, 'The whole library.'), required: true } },
  responses: { 200: json(HelpLibraryStored, 'Stored.'), ...keyErrorResponses },
});

const getHelpArticles = createRoute({
  method: 'get',
  path: '/v1/help/articles',
  operationId: 'listHelpArticles',
  tags: ['help'],
  summary: "The tenant's help library.",
  security: security.secretKey,
  middleware: [requireKey({ secret: true })] as const,
  responses: { 200: json(HelpLibrary, 'The library.'), ...keyErrorResponses },
});

export const helpArticleRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(putHelpArticles, async (c) => {
    const { articles } = c.req.valid('json');
    const ids = new Set<string>();
    for (const a of articles) {
      if (ids.has(a.id)) throw new ApiError(400, 'validation_failed', `article id "${a.id}" is listed twice`);
      ids.add(a.id);
    }
    const { caller, services } = c.var;
    const { db } = services;
    await replaceHelpArticles(db, caller.tenant.id, articles);
    await auditSecretCall(c, 'replaceHelpArticles', 'help/articles', { articles: articles.length });
    const stored = await services.help.embedArticles(caller.tenant.id, articles);
    return c.json(
      'skipped' in stored
        ? { articles: articles.length, embedded: 0, embeddingSkipped: stored.skipped }
        : { articles: articles.length, embedded: stored.embedded },
      200,
    );
  })
  .openapi(getHelpArticles, async (c) => {
    return c.json({ articles: await listHelpArticles(c.var.services.db, c.var.caller.tenant.id) }, 200);
  });
