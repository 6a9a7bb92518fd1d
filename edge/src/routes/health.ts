import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { HealthResponse } from '@smart-onboarding/protocol';
import type { AppEnv } from '../http/app-env';
import { json } from '../http/openapi';
import { validationHook } from '../http/validation';

const health = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tags: ['system'],
  summary: 'Liveness of the edge, with the protocol version it speaks.',
  responses: { 200: json(HealthResponse, 'The edge is up.') },
});

export const healthRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(health, (c) =>
  c.json({ status: 'ok', service: 'smart-onboarding-edge', protocol: 'v1', time: Date.now() } as const, 200),
);
