import { OpenAPIHono } from '@hono/zod-openapi';
import { PROTOCOL_VERSION } from '@smart-onboarding/protocol';
import type { AppEnv } from './env';
import { errorResponse, handleError } from './http/errors';
import { registerProtocolComponents } from './http/protocol-components';
import { validationHook } from './http/validation';
import { healthRoutes } from './routes/health';

/**
 * Builds the HTTP app. Routes are declared with their protocol schemas, so validation and the
 * OpenAPI 3.1 document come from the same definitions and cannot drift.
 *
 * @example
 * const app = createApp();
 * const res = await app.request('/health');
 */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.notFound((c) => errorResponse(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`));

  app.route('/', healthRoutes);

  registerProtocolComponents(app.openAPIRegistry);
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Smart Onboarding edge API',
      version: PROTOCOL_VERSION,
      description:
        'Journeys, next steps, struggle handling and event ingestion. Every error has the shape `ErrorBody`.',
      license: { name: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'local wrangler dev' }],
  });
  return app;
}
