import { type FullJitterOptions, fullJitterDelay } from '@smart-onboarding/stats';

type BackoffOptions = Pick<FullJitterOptions, 'baseMs' | 'maxMs'>;

const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 60_000 };

/**
 * Delay before retry number `attempt` (0 for the first retry): exponential, capped, with full jitter
 * (`fullJitterDelay`, shared with the edge), so a thousand tabs that lost the edge together do not return
 * together.
 *
 * @example
 * backoffDelay(3); // somewhere in [100, 8000) ms
 */
export function backoffDelay(attempt: number, options = DEFAULT_BACKOFF, random = Math.random): number {
  // Never zero: a retry storm in a tight loop is the one thing jitter must not produce.
  return fullJitterDelay(attempt, { ...options, minMs: options.baseMs / 10 }, random);
}
