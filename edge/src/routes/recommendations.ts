import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ContentRecommendationsResponse, Id, Slug } from '@smart-onboarding/protocol';
import { z } from 'zod';
import { listHelpArticles } from '../adapters/d1/queries/help';
import { keywordRank } from '../help/retrieval';
import type { AppEnv } from '../http/app-env';
import { auditSecretCall } from '../http/audit';
import { unwrap } from '../http/errors';
import { json, security, userErrorResponses } from '../http/openapi';
import { validationHook } from '../http/validation';
import { generateContentRecommendations } from '../intelligence/content-recommendations';
import { requireKey } from '../middleware/auth/require-key';
import { resolveUser } from '../middleware/auth/resolve-user';

const recommend = createRoute({
  method: 'get',
  path: '/v1/journeys/{userId}/recommendations',
  operationId: 'generateContentRecommendations',
  tags: ['journeys'],
  summary: 'Help articles and step variants ranked for the user at a step (the current one unless named).',
  description:
    "Articles rank by relevance to the step and the question (`q`), words shared, the step's own links first; variants by how their style suits the user's persona and proficiency, then by what the flow's optimizer learned for the user's cohort and persona. Reads with a secret key are written to the audit log.",
  security: security.user,
  middleware: [requireKey({ secret: false })] as const,
  request: {
    params: z.object({ userId: Id }),
    query: z.object({
      stepId: Slug.optional(),
      contentType: z.enum(['article', 'variant', 'all']).default('all'),
      q: z.string().max(500).optional().meta({ description: 'What the user asked, if anything.' }),
      limit: z.coerce.number().int().min(1).max(50).default(10),
    }),
  },
  responses: { 200: json(ContentRecommendationsResponse, 'Best first.'), ...userErrorResponses },
});

/** The seed's `generateContentRecommendations` for a user's journey. */
export const recommendationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  recommend,
  async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    const { stepId, contentType, q, limit } = c.req.valid('query');
    const { services } = c.var;
    const context = unwrap(await services.journey(owner).recommendationContext(owner, stepId));
    const { step } = context;
    const library = contentType === 'variant' ? [] : await listHelpArticles(services.db, owner.tenantId);
    // The moment, in words: the question when there is one, the step's own text otherwise.
    const query = [q, step?.title, step?.body].filter(Boolean).join('\n');
    const recommendations = generateContentRecommendations({
      ...context,
      articles: keywordRank(query, library, step?.helpArticleIds ?? []),
      contentType,
      limit,
    });
    await auditSecretCall(c, 'generateContentRecommendations', `journeys/${owner.userId}`, {
      stepId: step?.id,
    });
    return c.json({ ...(step ? { stepId: step.id } : {}), recommendations }, 200);
  },
);
