import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker, type Queue } from 'bullmq';
import { enqueueEntry, jobIdFor, openPublishQueue, QUEUE_NAME, type PublishJobData } from '../../src/schedule/queue.ts';
import { compressedClock } from '../../src/schedule/clock.ts';
import { connectRedis } from '../../src/schedule/redis.ts';
import { testRedis } from '../support/redis.ts';

describe('publish queue on Redis', () => {
  let env: Awaited<ReturnType<typeof testRedis>>;
  let queue: Queue<PublishJobData>;
  beforeAll(async () => {
    env = await testRedis();
    queue = openPublishQueue(env.redis, env.prefix);
  });
  afterAll(async () => {
    await queue.close();
    await env.cleanup();
  });

  it('queues an entry once, however often it is scheduled', async () => {
    expect(await enqueueEntry(queue, 'e1', 60_000)).toBe(true);
    expect(await enqueueEntry(queue, 'e1', 60_000)).toBe(false);
    expect(await enqueueEntry(queue, 'e1', 0)).toBe(false);
    const counts = await queue.getJobCounts('delayed', 'waiting');
    expect((counts.delayed ?? 0) + (counts.waiting ?? 0)).toBe(1);
    const job = await queue.getJob(jobIdFor('e1'));
    expect(job?.data).toEqual({ entryId: 'e1' });
    expect(job?.opts.delay).toBe(60_000);
  });

  it('replaces a completed job when the database says the entry is pending again', async () => {
    const done = new Promise<void>((resolve) => {
      const worker = new Worker<PublishJobData>(QUEUE_NAME, async () => 'ok', { connection: env.redis, prefix: env.prefix });
      worker.on('completed', async () => {
        await worker.close();
        resolve();
      });
    });
    expect(await enqueueEntry(queue, 'e2', 0)).toBe(true);
    await done;
    expect(await (await queue.getJob(jobIdFor('e2')))!.getState()).toBe('completed');
    expect(await enqueueEntry(queue, 'e2', 5000)).toBe(true);
    expect(await (await queue.getJob(jobIdFor('e2')))!.getState()).toBe('delayed');
  });
});

describe('compressed clock', () => {
  it('runs virtual time faster and converts waits to real time', () => {
    const origin = Date.now();
    const clock = compressedClock(1000, origin);
    expect(clock.realDelayUntil(origin + 60_000)).toBeLessThanOrEqual(60);
    expect(clock.realDelayUntil(origin + 60_000)).toBeGreaterThan(50);
    expect(clock.realDelayUntil(origin - 1)).toBe(0);
    expect(() => compressedClock(0.5)).toThrow();
  });
});

describe('Redis connection', () => {
  it('says in Chinese which Redis it could not reach', async () => {
    await expect(connectRedis('redis://127.0.0.1:1', 500)).rejects.toThrow(/无法连接 Redis 127\.0\.0\.1:1/);
    await expect(connectRedis('http://x', 500)).rejects.toThrow(/redis:\/\//);
    await expect(connectRedis('not a url', 500)).rejects.toThrow(/REDIS_URL/);
  });
});
