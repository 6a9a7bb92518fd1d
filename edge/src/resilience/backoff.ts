import { fullJitterDelay, type Random } from '@smart-onboarding/stats';

export interface BackoffOptions {
  /** Delay before the first retry, ms. */
  baseMs: number;
  /** No delay exceeds this, ms (a server's `retry-after` included: we would rather fail over than wait). */
  maxMs: number;
  /** Growth per attempt. */
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 200, maxMs: 10_000, factor: 2 };

/**
 * Delay before retry number `attempt` (0 for the first retry): full jitter (`fullJitterDelay`, the one
 * the SDK uses too), except that a server's `retry-after` is a floor: never retry sooner than asked.
 *
 * @example
 * backoffDelayMs(2, DEFAULT_BACKOFF, Math.random); // between 0 and 800 ms
 * backoffDelayMs(0, DEFAULT_BACKOFF, Math.random, 3000); // 3000 ms or a little more
 */
export function backoffDelayMs(
  attempt: number,
  options: BackoffOptions,
  rng: Random,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) {
    // A little jitter on top, so clients told the same retry-after do not return in lockstep.
    return Math.min(options.maxMs, retryAfterMs + rng() * Math.min(options.baseMs, options.maxMs));
  }
  return fullJitterDelay(attempt, options, rng);
}

/**
 * Reads a retry delay from response headers: Azure's `retry-after-ms` first, then `retry-after` in
 * seconds or as an HTTP date. Undefined when absent or unreadable.
 */
export function retryAfterFromHeaders(
  headers: { get(name: string): string | null } | undefined,
  now: number,
): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const after = headers.get('retry-after');
  if (after === null || after.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(after.trim())) return Math.max(0, Number(after) * 1000);
  // An HTTP date ("Tue, 24 Nov 2026 07:00:05 GMT"); anything else (e.g. "-1") is unreadable.
  if (!/^[A-Za-z]{3}, /.test(after.trim())) return undefined;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
