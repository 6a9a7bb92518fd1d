export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 60_000 };

/**
 * Delay before retry number `attempt` (0 for the first retry): exponential, capped, with "full jitter"
 * (a uniform pick below the cap), so a thousand tabs that lost the edge together do not return together.
 *
 * @example
 * backoffDelay(3); // somewhere in [0, 8000) ms
 */
export function backoffDelay(attempt: number, options = DEFAULT_BACKOFF, random = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  // Never zero: a retry storm in a tight loop is the one thing jitter must not produce.
  return Math.max(options.baseMs / 10, Math.floor(random() * ceiling));
}
