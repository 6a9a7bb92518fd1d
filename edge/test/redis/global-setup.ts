import { startUpstashRedis } from '@smart-onboarding/testing';
import type { TestProject } from 'vitest/node';

/**
 * Starts, in Node, a real redis-server behind an Upstash-compatible REST proxy for the cache tests that
 * run inside workerd; they reach it through `inject('upstash')`. `redis-server` is found or installed
 * as `redisServerPath()` in @smart-onboarding/testing says.
 */
export default async function setup(project: TestProject) {
  const redis = await startUpstashRedis().catch((err: Error) => {
    throw new Error(
      `the cache tests need redis-server (apt-get install redis-server, or REDIS_SERVER): ${err.message}`,
    );
  });
  project.provide('upstash', { url: redis.url, token: redis.token });
  return () => redis.stop();
}
