import { OpenAPIHono } from '@hono/zod-openapi';
import { ErrorBody } from '@smart-onboarding/protocol';
import { readCredentials } from '../auth/credentials';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { json, security, userErrorResponses } from '../http/openapi';
import { SOCKET_HEADERS } from '../journey/socket';
import { requireKey } from '../middleware/auth/require-key';
import { resolveUser } from '../middleware/auth/resolve-user';

/**
 * `GET /v1/socket`: the WebSocket of one browser tab, terminated by the user's journey object. Browsers
 * cannot set headers on a WebSocket, so the credentials come as query parameters.
 */
export const socketRoutes = new OpenAPIHono<AppEnv>();

socketRoutes.openAPIRegistry.registerPath({
  method: 'get',
  path: '/v1/socket',
  operationId: 'openJourneySocket',
  tags: ['realtime'],
  summary: 'Upgrades to a WebSocket speaking ClientMessage up and ServerMessage down.',
  description: 'Query: `key`, `user`, `user_hash`, `session`. Messages are JSON text frames.',
  security: security.user,
  responses: {
    101: { description: 'Switching to the WebSocket protocol.' },
    426: json(ErrorBody, 'Not a WebSocket upgrade (`bad_request`).'),
    ...userErrorResponses,
  },
});

socketRoutes.get('/v1/socket', requireKey({ secret: false }), async (c) => {
  if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
    throw new ApiError(426, 'bad_request', 'this path takes a WebSocket upgrade');
  }
  const credentials = readCredentials(c.req.raw);
  const owner = await resolveUser(c, credentials.userId);
  const session = credentials.sessionId ?? crypto.randomUUID();
  if (session.length > 128)
    throw new ApiError(400, 'validation_failed', 'the session id is longer than 128 characters');
  const headers = new Headers(c.req.raw.headers);
  // Set, never append: a client sending these headers itself must not choose whose journey it opens.
  headers.set(SOCKET_HEADERS.tenant, owner.tenantId);
  headers.set(SOCKET_HEADERS.user, owner.userId);
  headers.set(SOCKET_HEADERS.session, session);
  return c.var.services.journey(owner).fetch(new Request(c.req.raw.url, { method: 'GET', headers }));
});
