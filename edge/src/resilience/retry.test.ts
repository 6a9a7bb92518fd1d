import { seededRandom } from '@smart-onboarding/stats';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, RetriesExhaustedError, retryWithBackoff, sleep } from './retry';

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(`HTTP ${status}`);
  }
}
const classify = (e: unknown) =>
  e instanceof HttpError && (e.status >= 500 || e.status === 429)
    ? { retry: true, ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}) }
    : { retry: false };

function harness(failures: HttpError[]) {
  const waits: number[] = [];
  let calls = 0;
  const operation = async () => {
    const f = failures[calls++];
    if (f) throw f;
    return 'ok';
  };
  const options = {
    ...DEFAULT_RETRY,
    classify,
    random: seededRandom(1),
    sleep: async (ms: number) => void waits.push(ms),
  };
  return { operation, options, waits, calls: () => calls };
}

describe('retryWithBackoff (failures injected)', () => {
  it('retries 5xx until it succeeds, waiting longer each time', async () => {
    const h = harness([new HttpError(500), new HttpError(502), new HttpError(503)]);
    await expect(retryWithBackoff(h.operation, h.options)).resolves.toBe('ok');
    expect(h.calls()).toBe(4);
    expect(h.waits).toHaveLength(3);
    for (const [i, w] of h.waits.entries()) expect(w).toBeLessThanOrEqual(200 * 2 ** i);
  });

  it('waits at least what a 429 asks for', async () => {
    const h = harness([new HttpError(429, 2500)]);
    await retryWithBackoff(h.operation, h.options);
    expect(h.waits[0]).toBeGreaterThanOrEqual(2500);
  });

  it('does not retry a 400, and rethrows it as is', async () => {
    const h = harness([new HttpError(400)]);
    await expect(retryWithBackoff(h.operation, h.options)).rejects.toMatchObject({ status: 400 });
    expect(h.calls()).toBe(1);
  });

  it('gives up after maxRetries with the last error', async () => {
    const h = harness([1, 2, 3, 4, 5].map(() => new HttpError(503)));
    const error = await retryWithBackoff(h.operation, { ...h.options, maxRetries: 2 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RetriesExhaustedError);
    expect(error).toMatchObject({ attempts: 3, lastError: { status: 503 } });
    expect(h.calls()).toBe(3);
  });

  it('stops waiting when aborted (the real sleep clears its timer)', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('client left'));
    await expect(waiting).rejects.toThrow('client left');
  });
});
