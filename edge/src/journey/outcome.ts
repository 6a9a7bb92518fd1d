import type { ErrorCode } from '@smart-onboarding/protocol';

/**
 * The result of a journey operation. Durable Object RPC carries only an error's message across, so
 * expected failures travel as values with their stable code, and routes turn them into `ApiError`s.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: OutcomeError };

export interface OutcomeError {
  code: ErrorCode;
  status: 400 | 403 | 404 | 409;
  message: string;
}

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T = never>(
  status: OutcomeError['status'],
  code: ErrorCode,
  message: string,
): Outcome<T> => ({
  ok: false,
  error: { code, status, message },
});
