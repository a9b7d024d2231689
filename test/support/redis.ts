// Tests that need Redis use the service at REDIS_URL (default 127.0.0.1:6379) with a queue prefix of
// their own. If Redis is not there the test fails loudly — it is never skipped.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { connectRedis, redisUrl } from '../../src/schedule/redis.ts';

export async function testRedis(): Promise<{ redis: Redis; prefix: string; cleanup: () => Promise<void> }> {
  let redis: Redis;
  try {
    redis = await connectRedis(redisUrl());
  } catch (e) {
    throw new Error(`These tests need the Redis service (${redisUrl()}): ${(e as Error).message}`);
  }
  const prefix = `siyu-test-${randomUUID().slice(0, 8)}`;
  return {
    redis,
    prefix,
    async cleanup() {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
