import { ApiError } from '../../http/errors';

/**
 * Counts one request against a Cloudflare rate limiter (per location and approximate, as Cloudflare's
 * are), refusing with `rate_limited` once the key's budget is spent. Keys are what the caller cannot mint:
 * a key id, or a (tenant, user) proven by its identity hash.
 *
 * @example
 * await enforceRateLimit(services.limits.perKey, caller.key.id, 'key');
 */
/**
 * The client's address as Cloudflare reports it (a client cannot set `cf-connecting-ip` through
 * Cloudflare); requests without one (tests, local tools) share one bucket.
 */
export function clientAddress(request: Request): string {
  return request.headers.get('cf-connecting-ip')?.slice(0, 64) || 'unknown';
}

export async function enforceRateLimit(limiter: RateLimit, key: string, what: string): Promise<void> {
  const { success } = await limiter.limit({ key });
  if (!success) throw new ApiError(429, 'rate_limited', `too many requests for this ${what}; slow down`);
}
