import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../http/validation';
import { CSRF_HEADER } from './require-admin';
import { draftRoutes } from './routes/drafts';
import { escalationWebhookAdminRoutes } from './routes/escalation-webhook';
import { experimentAdminRoutes } from './routes/experiments';
import { helpAdminRoutes } from './routes/help-articles';
import { historyRoutes } from './routes/history';
import { keyRoutes } from './routes/keys';
import { memberRoutes } from './routes/members';
import { retentionAdminRoutes } from './routes/retention';
import { sessionRoutes } from './routes/session';
import { targetingAdminRoutes } from './routes/targeting';

/** Every admin route (`/v1/admin/*`), mounted by the app; the console calls nothing else. */
export const adminRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .route('/', sessionRoutes)
  .route('/', memberRoutes)
  .route('/', keyRoutes)
  .route('/', draftRoutes)
  .route('/', historyRoutes)
  .route('/', targetingAdminRoutes)
  .route('/', experimentAdminRoutes)
  .route('/', helpAdminRoutes)
  .route('/', retentionAdminRoutes)
  .route('/', escalationWebhookAdminRoutes);

/** The console's credentials, as the OpenAPI document names them. */
export function registerAdminSecuritySchemes(registry: OpenAPIHono['openAPIRegistry']) {
  registry.registerComponent('securitySchemes', 'consoleSession', {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-so_session',
    description: 'The console session, set by `POST /v1/admin/session` (HttpOnly, Secure, SameSite=Strict).',
  });
  registry.registerComponent('securitySchemes', 'csrfToken', {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description:
      'The session’s `csrfToken`, required on every changing request made with the session cookie.',
  });
}
