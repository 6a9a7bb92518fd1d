import { ClientMessage, type RejectedEvent, type ServerMessage } from '@smart-onboarding/protocol';
import { acceptEvents } from '../events/accept-events';
import { WS_MAX_MESSAGE_CHARS } from './socket';

const isEventsFrame = (json: unknown): json is { type: 'events'; batch: unknown } =>
  typeof json === 'object' && json !== null && (json as { type?: unknown }).type === 'events';

type ErrorMessage = Extract<ServerMessage, { type: 'error' }>;

const error = (code: ErrorMessage['error']['code'], message: string, details?: unknown): ErrorMessage => ({
  type: 'error',
  error: details === undefined ? { code, message } : { code, message, details },
});

/**
 * Reads one WebSocket frame as a `ClientMessage`, or says, as the protocol's error message, why it is
 * not one. Pure: the journey object only dispatches what this accepts.
 *
 * @example
 * const read = parseClientFrame('{"type":"ping","t":1}'); // { ok: true, message: { type: 'ping', t: 1 } }
 */
export function parseClientFrame(
  data: string | ArrayBuffer,
):
  | { ok: true; message: ClientMessage; rejected?: RejectedEvent[]; indexes?: number[] }
  | { ok: false; reply: ErrorMessage } {
  if (typeof data !== 'string') {
    return { ok: false, reply: error('unsupported_media_type', 'send JSON text frames') };
  }
  if (data.length > WS_MAX_MESSAGE_CHARS) {
    return {
      ok: false,
      reply: error('payload_too_large', `messages are limited to ${WS_MAX_MESSAGE_CHARS} characters`),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, reply: error('invalid_json', 'the message is not JSON') };
  }
  if (isEventsFrame(json)) {
    // Events are read one by one: a bad one is named in the ack, never fails the batch (issue 12, hole 6).
    const read = acceptEvents(json.batch);
    if (!read.ok) {
      const issues = read.issues.map((i) => ({ ...i, path: i.path ? `batch.${i.path}` : 'batch' }));
      return {
        ok: false,
        reply: error('validation_failed', 'the message is not a ClientMessage', { issues }),
      };
    }
    return {
      ok: true,
      message: { type: 'events', batch: read.batch },
      rejected: read.rejected,
      indexes: read.indexes,
    };
  }
  const parsed = ClientMessage.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 20)
      .map((i) => ({ path: i.path.join('.'), message: i.message }));
    return { ok: false, reply: error('validation_failed', 'the message is not a ClientMessage', { issues }) };
  }
  return { ok: true, message: parsed.data };
}
