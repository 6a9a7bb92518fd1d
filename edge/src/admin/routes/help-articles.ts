import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ErrorBody, HelpArticle } from '@smart-onboarding/protocol';
import { z } from 'zod';
import { deleteHelpArticle, listHelpArticles, saveHelpArticle } from '../../adapters/d1/queries/help';
import type { AppEnv } from '../../http/app-env';
import { ApiError } from '../../http/errors';
import { json } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { auditAdmin } from '../audit';
import { requireAdmin } from '../require-admin';
import { adminErrors, adminSecurity } from './admin-openapi';

/**
 * Help articles one by one, for the console (the whole-library `PUT /v1/help/articles` stays for scripts
 * that sync a library). A saved article is embedded at once when Azure OpenAI is configured.
 */

const tags = ['admin: help'];
const ArticleParams = z.object({ articleId: HelpArticle.shape.id });
const ArticleBody = HelpArticle.omit({ id: true }).strict().openapi('HelpArticleFields');
const SavedArticle = z
  .object({
    article: HelpArticle,
    /** The article has a current embedding (false when Azure OpenAI is not configured). */
    embedded: z.boolean(),
    embeddingSkipped: z.string().optional(),
  })
  .openapi('SavedHelpArticle');

const list = createRoute({
  method: 'get',
  path: '/v1/admin/help/articles',
  operationId: 'adminListHelpArticles',
  tags,
  summary: "The tenant's help articles, by id.",
  security: adminSecurity,
  middleware: [requireAdmin('read')],
  responses: { 200: json(z.object({ articles: z.array(HelpArticle) }), 'The articles.'), ...adminErrors },
});

const save = createRoute({
  method: 'put',
  path: '/v1/admin/help/articles/{articleId}',
  operationId: 'saveHelpArticle',
  tags,
  summary: 'Creates or replaces one help article (markdown body) and embeds it when Azure is configured.',
  security: adminSecurity,
  middleware: [requireAdmin('author')],
  request: { params: ArticleParams, body: { ...json(ArticleBody, 'Title, body, link.'), required: true } },
  responses: {
    200: json(SavedArticle, 'Replaced.'),
    201: json(SavedArticle, 'Created.'),
    ...adminErrors,
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/v1/admin/help/articles/{articleId}',
  operationId: 'deleteHelpArticle',
  tags,
  summary: 'Removes one help article and its embedding.',
  security: adminSecurity,
  middleware: [requireAdmin('author')],
  request: { params: ArticleParams },
  responses: {
    204: { description: 'Removed.' },
    ...adminErrors,
    404: json(ErrorBody, 'No such article (`not_found`).'),
  },
});

export const helpAdminRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    return c.json({ articles: await listHelpArticles(c.var.services.db, c.var.admin.tenantId) }, 200);
  })
  .openapi(save, async (c) => {
    const article = { ...c.req.valid('json'), id: c.req.valid('param').articleId };
    const { admin, services } = c.var;
    const created = await saveHelpArticle(services.db, admin.tenantId, article);
    await auditAdmin(c, 'saveHelpArticle', `help/articles/${article.id}`, { created });
    const stored = await services.help.embedArticles(admin.tenantId, [article]);
    const embedding =
      'skipped' in stored ? { embedded: false, embeddingSkipped: stored.skipped } : { embedded: true };
    return c.json({ article, ...embedding }, created ? 201 : 200);
  })
  .openapi(remove, async (c) => {
    const { articleId } = c.req.valid('param');
    const { admin, services } = c.var;
    if (!(await deleteHelpArticle(services.db, admin.tenantId, articleId)))
      throw new ApiError(404, 'not_found', `no help article "${articleId}"`);
    await auditAdmin(c, 'deleteHelpArticle', `help/articles/${articleId}`);
    return c.body(null, 204);
  });
