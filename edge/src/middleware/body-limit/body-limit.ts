import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../../http/errors';

/**
 * Refuses a request body over `maxBytes` with `413 payload_too_large` in the protocol's error shape, before
 * any of it is parsed (Hono's `bodyLimit` counts a streamed body as it arrives).
 *
 * @example
 * app.post('/v1/events', limitBody(EVENT_BATCH_MAX_BYTES, 'event batches'), handler);
 */
export function limitBody(maxBytes: number, what: string): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `${what} are limited to ${maxBytes} bytes`);
    },
  });
}
