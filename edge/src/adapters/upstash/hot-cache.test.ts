import { describe, expect, inject, it } from 'vitest';
import { cacheKeys, hotCacheFrom, noCache, upstashCache } from './hot-cache';

// Against a real redis-server, through the Upstash REST proxy test/redis/global-setup.ts starts.
describe('upstashCache', () => {
  const config = () => inject('upstash');

  it('stores, reads and deletes JSON values with a time to live', async () => {
    const cache = upstashCache(config());
    const key = cacheKeys.nextStep('t-cache', `u-${crypto.randomUUID()}`);
    expect(await cache.get(key)).toBeNull();
    await cache.set(key, { step: { id: 'connect-account' }, done: false }, 60);
    expect(await cache.get(key)).toEqual({ step: { id: 'connect-account' }, done: false });
    await cache.delete(key);
    expect(await cache.get(key)).toBeNull();
  });

  it('expires entries', async () => {
    const cache = upstashCache(config());
    const key = `so:v1:test:${crypto.randomUUID()}`;
    await cache.set(key, 1, 1);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await cache.get(key)).toBeNull();
  });

  it('treats an unreachable or refusing Redis as a miss, never as a failure', async () => {
    for (const cache of [
      upstashCache({ url: 'http://127.0.0.1:9', token: 'x' }),
      upstashCache({ url: config().url, token: 'wrong-token' }),
    ]) {
      await expect(cache.set('k', 1, 10)).resolves.toBeUndefined();
      await expect(cache.get('k')).resolves.toBeNull();
    }
  });
});

describe('hotCacheFrom', () => {
  it('uses Upstash only when UPSTASH_REDIS_REST_URL is set', () => {
    expect(hotCacheFrom({})).toBe(noCache);
    expect(
      hotCacheFrom({ UPSTASH_REDIS_REST_URL: inject('upstash').url, UPSTASH_REDIS_REST_TOKEN: 't' }).enabled,
    ).toBe(true);
    // A malformed URL disables the cache instead of failing every request.
    expect(hotCacheFrom({ UPSTASH_REDIS_REST_URL: 'http://x', UPSTASH_REDIS_REST_TOKEN: 't' })).toBe(noCache);
  });
});
