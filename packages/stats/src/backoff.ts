import type { Random } from './random';

export interface FullJitterOptions {
  /** The cap of the first retry's delay, ms. */
  baseMs: number;
  /** No delay exceeds this, ms. */
  maxMs: number;
  /** Growth of the cap per attempt; 2 when not given. */
  factor?: number;
  /** No delay is shorter than this, ms; 0 when not given. */
  minMs?: number;
}

/**
 * Delay before retry number `attempt` (0 for the first retry) with "full jitter": uniform between 0 and
 * the exponential cap `min(maxMs, baseMs · factor^attempt)`, which spreads a crowd of clients that failed
 * together best (AWS Architecture Blog, "Exponential Backoff and Jitter"). Whole milliseconds.
 *
 * @example
 * fullJitterDelay(3, { baseMs: 1000, maxMs: 60_000 }, Math.random); // somewhere in [0, 8000) ms
 */
export function fullJitterDelay(attempt: number, options: FullJitterOptions, random: Random): number {
  const cap = Math.min(options.maxMs, options.baseMs * (options.factor ?? 2) ** Math.max(0, attempt));
  return Math.max(options.minMs ?? 0, Math.floor(random() * cap));
}
