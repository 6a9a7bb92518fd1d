import { type BackoffOptions, backoffDelayMs, DEFAULT_BACKOFF } from './backoff';

/** How a failed attempt should be treated. */
export interface RetryVerdict {
  retry: boolean;
  /** The server's requested delay, ms (from `retry-after`). */
  retryAfterMs?: number;
}

export interface RetryOptions extends BackoffOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  classify(error: unknown): RetryVerdict;
  random: () => number;
  /** Waits; rejects when `signal` aborts. Injected so tests do not wait and Workers code can use its timers. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  signal?: AbortSignal;
  /** Told about each retry, for logs and metrics. */
  onRetry?(info: { attempt: number; delayMs: number; error: unknown }): void;
}

/** Sleeps with `setTimeout`, clearing the timer when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class RetriesExhaustedError extends Error {
  constructor(
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(
      `gave up after ${attempts} attempts: ${lastError instanceof Error ? lastError.message : String(lastError)}`,
    );
    this.name = 'RetriesExhaustedError';
  }
}

/**
 * The seed's `retryWithBackoff`: runs `operation` until it succeeds, a failure is not retryable, or
 * `maxRetries` retries are spent; waits with exponential backoff, full jitter, and the server's
 * `retry-after` as a floor. A non-retryable error is rethrown as is; running out of retries throws
 * `RetriesExhaustedError` with the last error.
 *
 * @example
 * const answer = await retryWithBackoff((attempt) => callAzure(attempt), { ...DEFAULT_RETRY, classify: classifyAzureError });
 */
export async function retryWithBackoff<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const verdict = options.classify(error);
      if (!verdict.retry) throw error;
      if (attempt >= options.maxRetries) throw new RetriesExhaustedError(attempt + 1, error);
      const delayMs = backoffDelayMs(attempt, options, options.random, verdict.retryAfterMs);
      options.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await options.sleep(delayMs, options.signal);
    }
  }
}

export const DEFAULT_RETRY: Omit<RetryOptions, 'classify'> = {
  ...DEFAULT_BACKOFF,
  maxRetries: 3,
  random: Math.random,
  sleep,
};
