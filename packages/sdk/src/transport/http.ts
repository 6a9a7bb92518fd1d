/** What to do with a batch after one HTTP attempt. */
export type Outcome = 'sent' | 'retry' | 'rejected';

/**
 * Classifies an answer of `POST /v1/events`. Rejections (the batch itself is invalid) are dropped:
 * retrying them would block the queue forever. Auth and origin errors are retried, slowly: they are a
 * configuration being fixed, and the events are worth keeping meanwhile.
 */
export function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 400 || status === 413 || status === 415 || status === 422) return 'rejected';
  return 'retry';
}

/**
 * Posts one batch as `text/plain` JSON, a CORS-simple request (no preflight), credentials in the query.
 * Never throws: a network failure is a `retry`.
 */
export async function postBatch(url: string, body: string, keepalive = false): Promise<Outcome> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      keepalive,
      credentials: 'omit',
      mode: 'cors',
    });
    return outcomeOf(res.status);
  } catch {
    return 'retry';
  }
}

/** Beacon payloads above this are refused by browsers (64 KB in flight per page). */
export const BEACON_MAX_BYTES = 60_000;

/** Sends with `sendBeacon` (the page is hiding); falls back to `fetch` with keepalive. */
export function beacon(url: string, body: string): boolean {
  try {
    const nav = globalThis.navigator;
    if (nav?.sendBeacon?.(url, new Blob([body], { type: 'text/plain;charset=UTF-8' }))) return true;
    void postBatch(url, body, true);
    return true;
  } catch {
    return false;
  }
}

/**
 * A JSON request to the edge, without cookies. Resolves undefined when the edge cannot be reached, refuses
 * or answers something unreadable: never throws.
 */
export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T | undefined> {
  try {
    const res = await fetch(url, { credentials: 'omit', ...init });
    return res.ok ? ((await res.json()) as T) : undefined;
  } catch {
    return undefined;
  }
}
