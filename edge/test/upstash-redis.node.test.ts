import { startUpstashRedis, type UpstashRedis } from '@smart-onboarding/testing';
import { Redis } from '@upstash/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('startUpstashRedis (test helper)', () => {
  let redis: UpstashRedis;
  beforeAll(async () => {
    redis = await startUpstashRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('serves @upstash/redis from a real redis-server', async () => {
    const client = new Redis({ url: redis.url, token: redis.token });
    await client.set('greeting', { hello: 'wörld' }, { ex: 60 });
    expect(await client.get('greeting')).toEqual({ hello: 'wörld' });
    expect(await redis.command(['TTL', 'greeting'])).toBeGreaterThan(0);
    const p = client.pipeline();
    p.incr('n');
    p.incr('n');
    expect(await p.exec()).toEqual([1, 2]);
    await client.del('greeting');
    expect(await client.get('greeting')).toBeNull();
    expect(redis.served()).toBeGreaterThanOrEqual(5);
  });

  it('refuses a wrong token', async () => {
    const client = new Redis({ url: redis.url, token: 'wrong' });
    await expect(client.get('x')).rejects.toThrow(/Unauthorized/);
  });
});
