import { OpenAPIHono } from '@hono/zod-openapi';
import { ErrorBody, EVENT_BATCH_MAX_BYTES, EventBatch, EventBatchAccepted } from '@smart-onboarding/protocol';
import { readCredentials } from '../auth/credentials';
import { acceptEvents, consentRefusals } from '../events/accept-events';
import type { AppEnv } from '../http/app-env';
import { ApiError, unwrap } from '../http/errors';
import { json, security, userErrorResponses } from '../http/openapi';
import { validationHook } from '../http/validation';
import { requireKey } from '../middleware/auth/require-key';
import { resolveUser } from '../middleware/auth/resolve-user';
import { limitBody } from '../middleware/body-limit/body-limit';

/** Content types a batch may come as: `text/plain` because `navigator.sendBeacon` cannot send JSON's. */
const ACCEPTED_TYPES = ['application/json', 'text/plain'];

/**
 * `POST /v1/events`: a batch of behaviour events, answered 202 only once the new ones are on the event
 * queue. Validation is done here rather than by the OpenAPI validator because beacons send `text/plain`.
 */
export const eventRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

eventRoutes.openAPIRegistry.registerPath({
  method: 'post',
  path: '/v1/events',
  operationId: 'ingestEvents',
  tags: ['events'],
  summary:
    'Ingests a batch of events, idempotently by event id; 202 once durably queued. Each event is checked on its own: invalid ones are listed in `rejected`, the rest are kept.',
  description:
    'Credentials as headers or query parameters (`key`, `user`, `user_hash`), because `navigator.sendBeacon` cannot set headers; the body may be `text/plain` holding JSON for the same reason.',
  security: security.user,
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: EventBatch }, 'text/plain': { schema: EventBatch } },
    },
  },
  responses: {
    202: json(
      EventBatchAccepted,
      'Queued; `duplicates` were seen before and not counted again; `rejected` names refused events.',
    ),
    ...userErrorResponses,
    413: json(ErrorBody, `The body is over ${EVENT_BATCH_MAX_BYTES} bytes (\`payload_too_large\`).`),
    415: json(ErrorBody, 'The body is neither JSON nor text (`unsupported_media_type`).'),
    503: json(ErrorBody, 'The queue did not take the events; send them again (`unavailable`).'),
  },
});

eventRoutes.post(
  '/v1/events',
  limitBody(EVENT_BATCH_MAX_BYTES, 'event batches'),
  requireKey({ secret: false }),
  async (c) => {
    const owner = await resolveUser(c, readCredentials(c.req.raw).userId);
    const type = (c.req.header('content-type') ?? 'application/json').split(';')[0]!.trim().toLowerCase();
    if (!ACCEPTED_TYPES.includes(type)) {
      throw new ApiError(
        415,
        'unsupported_media_type',
        'send the batch as application/json (or text/plain from a beacon)',
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      throw new ApiError(400, 'invalid_json', 'the body is not JSON');
    }
    const read = acceptEvents(body);
    if (!read.ok) {
      throw new ApiError(400, 'validation_failed', 'the body is not an EventBatch', { issues: read.issues });
    }
    const { batch, indexes } = read;
    let { rejected } = read;
    if (batch.events.length === 0) {
      throw new ApiError(400, 'validation_failed', 'no event of the batch is valid', { rejected });
    }
    let accepted: EventBatchAccepted;
    try {
      const result = unwrap(await c.var.services.journey(owner).ingestEvents(owner, batch));
      if (result.consentDenied) rejected = [...rejected, ...consentRefusals(batch, indexes)];
      accepted = {
        accepted: result.accepted,
        duplicates: result.duplicates,
        ...(rejected.length ? { rejected } : {}),
      };
    } catch (err) {
      if (err instanceof ApiError) throw err;
      console.error('event ingestion failed', err);
      c.header('retry-after', '5');
      throw new ApiError(503, 'unavailable', 'the events could not be queued; send them again');
    }
    return c.json(accepted, 202);
  },
);
