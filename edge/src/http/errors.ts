import type { ErrorBody, ErrorCode } from '@smart-onboarding/protocol';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Outcome } from '../journey/outcome';

/**
 * An expected failure with a stable code. Thrown anywhere in a request; `onError` turns it into the
 * protocol's error shape, so handlers never build error responses by hand.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The value of an outcome (the journey object's answers), or its failure thrown as the matching `ApiError`. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new ApiError(outcome.error.status, outcome.error.code, outcome.error.message);
  return outcome.value;
}

function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  details?: unknown,
) {
  return c.json(errorBody(code, message, details), status);
}

/** The code a bare HTTP status stands for, when something other than our code raised it (Hono's validators). */
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'internal' : 'bad_request';
  }
}

/** `app.onError`: every thrown error leaves as the protocol's error shape; only the unexpected is a 500. */
export function handleError(err: Error, c: Context) {
  if (err instanceof ApiError) {
    // Clients back off by this; the limiters count per minute, so a few seconds is the honest hint.
    if (err.code === 'rate_limited' && !c.res.headers.get('retry-after')) c.header('retry-after', '10');
    return errorResponse(c, err.status, err.code, err.message, err.details);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    // Hono's JSON validator raises a 400 with this message for a body that is not JSON.
    const code = /malformed json/i.test(err.message) ? 'invalid_json' : codeForStatus(status);
    return errorResponse(c, status, code, err.message || 'request failed');
  }
  console.error('unhandled error', err);
  return errorResponse(c, 500, 'internal', 'internal error');
}
