import { OpenAPIHono } from '@hono/zod-openapi';
import { CREDENTIALS, PROTOCOL_VERSION } from '@smart-onboarding/protocol';
import { adminRoutes, registerAdminSecuritySchemes } from './admin/admin-routes';
import { ensureDemoSeeded } from './dev/seed';
import type { AppEnv } from './http/app-env';
import { errorResponse, handleError } from './http/errors';
import { registerProtocolComponents } from './http/protocol-components';
import { validationHook } from './http/validation';
import { limitBody } from './middleware/body-limit/body-limit';
import { browserCors } from './middleware/cors/cors';
import { provideServices } from './middleware/services/provide-services';
import { analyticsRoutes } from './routes/analytics';
import { consentRoutes } from './routes/consent';
import { consoleRoutes } from './routes/console-assets';
import { effectivenessRoutes } from './routes/effectiveness';
import { eventRoutes } from './routes/events';
import { flowRoutes } from './routes/flows';
import { healthRoutes } from './routes/health';
import { helpRoutes } from './routes/help';
import { helpArticleRoutes } from './routes/help-articles';
import { identityRoutes } from './routes/identity';
import { insightRoutes } from './routes/insight';
import { journeyRoutes } from './routes/journeys';
import { modelAssetRoutes } from './routes/model-assets';
import { recommendationRoutes } from './routes/recommendations';
import { socketRoutes } from './routes/socket';
import { trainingRoutes } from './routes/training';
import { targetingRoutes } from './targeting/targeting-routes';

/** JSON bodies other than event batches (flows are the largest): past this, 413. */
const JSON_BODY_MAX_BYTES = 1024 * 1024;

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

  app.use('*', browserCors);
  app.use('*', provideServices);
  app.use('/v1/*', async (c, next) => {
    await ensureDemoSeeded(c.var.services);
    await next();
  });
  const jsonBodyLimit = limitBody(JSON_BODY_MAX_BYTES, 'request bodies');
  // Event batches have their own, smaller limit (routes/events.ts).
  app.use('/v1/*', (c, next) => (c.req.path === '/v1/events' ? next() : jsonBodyLimit(c, next)));

  app.route('/', healthRoutes);
  app.route('/', journeyRoutes);
  app.route('/', consentRoutes);
  app.route('/', flowRoutes);
  app.route('/', eventRoutes);
  app.route('/', socketRoutes);
  app.route('/', identityRoutes);
  app.route('/', modelAssetRoutes);
  app.route('/', trainingRoutes);
  app.route('/', effectivenessRoutes);
  app.route('/', analyticsRoutes);
  app.route('/', insightRoutes);
  app.route('/', recommendationRoutes);
  app.route('/', helpRoutes);
  app.route('/', helpArticleRoutes);
  app.route('/', adminRoutes);
  app.route('/', targetingRoutes);
  app.route('/', consoleRoutes);

  registerProtocolComponents(app.openAPIRegistry);
  registerSecuritySchemes(app.openAPIRegistry);
  registerAdminSecuritySchemes(app.openAPIRegistry);
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Smart Onboarding edge API',
      version: PROTOCOL_VERSION,
      description:
        'Journeys, next steps, struggle handling, recommendations, flows, event ingestion and analytics. Every error has the shape `ErrorBody` with a stable `code`.',
      license: { name: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'local wrangler dev' }],
  });
  return app;
}

function registerSecuritySchemes(registry: OpenAPIHono['openAPIRegistry']) {
  registry.registerComponent('securitySchemes', 'publishableKey', {
    type: 'apiKey',
    in: 'header',
    name: CREDENTIALS.publishableKey.header,
    description:
      'A publishable key (`pk_…`), from an origin the tenant allows. Also accepted as the `key` query parameter.',
  });
  registry.registerComponent('securitySchemes', 'secretKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'A secret key (`sk_…`), for servers and admin APIs. Never in a URL.',
  });
  registry.registerComponent('securitySchemes', 'userId', {
    type: 'apiKey',
    in: 'header',
    name: CREDENTIALS.userId.header,
    description:
      'The user id (or the `user` query parameter); route paths with `{userId}` name it there instead.',
  });
  registry.registerComponent('securitySchemes', 'userHash', {
    type: 'apiKey',
    in: 'header',
    name: CREDENTIALS.userHash.header,
    description:
      'hex HMAC-SHA256(identity secret, userId), computed by the tenant’s server. Also `user_hash`.',
  });
}
