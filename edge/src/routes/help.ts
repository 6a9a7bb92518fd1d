import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ContextualHelpRequest, Id } from '@smart-onboarding/protocol';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { unwrap } from '../http/errors';
import { json, security, userErrorResponses } from '../http/openapi';
import { validationHook } from '../http/validation';
import { requireKey } from '../middleware/auth/require-key';
import { resolveUser } from '../middleware/auth/resolve-user';

const provideHelp = createRoute({
  method: 'post',
  path: '/v1/journeys/{userId}/help',
  operationId: 'provideContextualHelp',
  tags: ['journeys'],
  summary:
    'Contextual help for the step (generated with Azure OpenAI, or authored), streamed as server-sent events.',
  description:
    'Each event is a WebSocket `ServerMessage` as JSON: `help_chunk` events as text arrives (event name `help_chunk`), then one with `done: true` and the final `help` (event name `help`), whose `source` says whether it was generated or authored and `degradedReason` why not generated. For clients without the socket (a server, a help panel opened before the socket).',
  security: security.user,
  middleware: [requireKey({ secret: false })] as const,
  request: {
    params: z.object({ userId: Id }),
    body: { ...json(ContextualHelpRequest, 'What help is for.'), required: true },
  },
  responses: {
    200: {
      description: 'A stream of `help_chunk` events, then one `help` event.',
      content: { 'text/event-stream': { schema: z.string() } },
    },
    ...userErrorResponses,
  },
});

export const helpRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  provideHelp,
  async (c) => {
    const owner = await resolveUser(c, c.req.valid('param').userId);
    // Errors (no journey, unknown step) are answered as JSON before the stream starts.
    const { services } = c.var;
    const request = unwrap(await services.journey(owner).contextualHelpRequest(owner, c.req.valid('json')));
    return streamSSE(c, async (stream) => {
      for await (const message of services.help.messages(request)) {
        await stream.writeSSE({ event: message.type, data: JSON.stringify(message) });
      }
    }) as never;
  },
);
