import { Redis } from '@upstash/redis/cloudflare';

/**
 * A cache for hot cross-request reads (the next step, a persona). Optional: without Upstash the journey
 * Durable Object already answers from memory, so `noCache` is the default. A cache failure never fails a
 * request; it is logged and treated as a miss.
 */
export interface HotCache {
  readonly enabled: boolean;
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export const noCache: HotCache = {
  enabled: false,
  get: async () => null,
  set: async () => {},
  delete: async () => {},
};

/** Keys are namespaced by protocol version, so a change of shape never reads an old entry. */
export const cacheKeys = {
  nextStep: (tenantId: string, userId: string) => `so:v1:next:${tenantId}:${userId}`,
  persona: (tenantId: string, userId: string) => `so:v1:persona:${tenantId}:${userId}`,
};

/**
 * A cache over Upstash Redis's REST API.
 *
 * @example
 * const cache = upstashCache({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN });
 * await cache.set(cacheKeys.nextStep('demo', 'u1'), { step: null }, 300);
 */
export function upstashCache(config: { url: string; token?: string }): HotCache {
  const redis = new Redis({
    url: config.url,
    token: config.token ?? '',
    // One quick retry: a cache that is slow is worse than no cache.
    retry: { retries: 1, backoff: () => 20 },
    automaticDeserialization: true,
  });
  const guard = async <T>(what: string, op: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      console.warn(`redis ${what} failed; continuing without the cache`, err);
      return fallback;
    }
  };
  return {
    enabled: true,
    get: <T>(key: string) => guard('get', () => redis.get<T>(key), null),
    set: (key, value, ttlSeconds) =>
      guard('set', async () => void (await redis.set(key, value, { ex: ttlSeconds })), undefined),
    delete: (key) => guard('del', async () => void (await redis.del(key)), undefined),
  };
}

/** The Worker's variables the cache reads (part of `Env`). */
export interface UpstashEnv {
  /** Optional Upstash Redis (REST) for hot reads; unset means no cache. */
  UPSTASH_REDIS_REST_URL?: string;
  UPSTASH_REDIS_REST_TOKEN?: string;
}

/** The cache this deployment is configured with: Upstash when `UPSTASH_REDIS_REST_URL` is set, else none. */
export function hotCacheFrom(env: Readonly<UpstashEnv>): HotCache {
  if (!env.UPSTASH_REDIS_REST_URL) return noCache;
  try {
    return upstashCache({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN });
  } catch (err) {
    // A malformed URL must not take every request down with it: the cache is an optimisation.
    console.error('UPSTASH_REDIS_REST_URL is not usable; running without the cache', err);
    return noCache;
  }
}
