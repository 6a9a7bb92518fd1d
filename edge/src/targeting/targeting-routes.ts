import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { Id, ResolveFlowRequest, ResolveFlowResponse, UserTraits } from '@smart-onboarding/protocol';
import { z } from 'zod';
import { setUserTraits } from '../adapters/d1/queries/targeting';
import { readCredentials } from '../auth/credentials';
import type { AppEnv } from '../http/app-env';
import { json, keyErrorResponses, security, userErrorResponses } from '../http/openapi';
import { validationHook } from '../http/validation';
import { requireKey } from '../middleware/auth/require-key';
import { resolveUser } from '../middleware/auth/resolve-user';
import { targetedFlow } from './targeted-flow';

const tags = ['targeting'];

const resolve = createRoute({
  method: 'post',
  path: '/v1/targeting/resolve',
  operationId: 'resolveFlow',
  tags,
  summary: 'Which flow this user gets on this page, by the tenant’s targeting rules (null: none).',
  security: security.user,
  middleware: [requireKey({ secret: false })],
  request: { body: { ...json(ResolveFlowRequest, 'The page URL.'), required: true } },
  responses: { 200: json(ResolveFlowResponse, 'The flow, or null.'), ...userErrorResponses },
});

const putTraits = createRoute({
  method: 'put',
  path: '/v1/targeting/users/{userId}/traits',
  operationId: 'setUserTraits',
  tags,
  summary: 'Sets the traits targeting judges a user by (the tenant’s server, with its secret key).',
  security: security.secretKey,
  middleware: [requireKey({ secret: true })],
  request: { params: z.object({ userId: Id }), body: { ...json(UserTraits, 'The traits.'), required: true } },
  responses: { 204: { description: 'Saved.' }, ...keyErrorResponses },
});

export const targetingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(resolve, async (c) => {
    const owner = await resolveUser(c, readCredentials(c.req.raw).userId);
    const chosen = await targetedFlow(c.var.services.db, owner, c.req.valid('json').url);
    return c.json({ ...chosen, userId: owner.userId }, 200);
  })
  .openapi(putTraits, async (c) => {
    const { userId } = c.req.valid('param');
    await setUserTraits(c.var.services.db, c.var.caller.tenant.id, userId, c.req.valid('json').traits);
    return c.body(null, 204);
  });
