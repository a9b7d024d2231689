// The publish queue on BullMQ. Each calendar entry is one delayed job whose id derives from the
// entry, so scheduling the same entry twice queues it once.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export const QUEUE_NAME = 'siyu-publish';

export interface PublishJobData {
  entryId: string;
}

/** BullMQ forbids ':' in custom ids; a uuid-based id is unique per entry. */
export const jobIdFor = (entryId: string): string => `entry-${entryId}`;

export function queuePrefix(explicit?: string): string {
  return explicit ?? process.env.SIYU_QUEUE_PREFIX ?? 'siyu';
}

export function openPublishQueue(connection: Redis, prefix: string): Queue<PublishJobData> {
  return new Queue<PublishJobData>(QUEUE_NAME, {
    connection,
    prefix,
    defaultJobOptions: {
      // Transient channel failures are retried with backoff; an unknown outcome is never retried
      // (the processor settles it as "unconfirmed" instead of throwing).
      attempts: 5,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 7 * 86400 },
      removeOnFail: { age: 30 * 86400 },
    },
  });
}

/** Queues the entry unless a job with its id already exists. Returns whether it was added. */
export async function enqueueEntry(queue: Queue<PublishJobData>, entryId: string, delayMs: number): Promise<boolean> {
  const jobId = jobIdFor(entryId);
  const existing = await queue.getJob(jobId);
  if (existing) {
    const state = await existing.getState();
    // A finished job whose entry the database still holds as pending is stale: replace it.
    if (state !== 'completed' && state !== 'failed') return false;
    await existing.remove();
  }
  await queue.add('publish', { entryId }, { jobId, delay: Math.max(0, delayMs) });
  return true;
}
