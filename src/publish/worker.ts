// `siyu worker`: the BullMQ worker that publishes due calendar entries. On start it reconciles —
// settles entries a crashed worker left mid-send and queues pending entries the queue lacks —
// so Redis losing its data loses no post, and the database's unique receipt keeps it to one.
import { DelayedError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { logger } from '../shared/logger.ts';
import { openPublishQueue, QUEUE_NAME, type PublishJobData } from '../schedule/queue.ts';
import { queuePending } from '../schedule/schedule-service.ts';
import { publishEntry, settleInterrupted, type PublishDeps, type PublishOutcome } from './publish-entry.ts';

export interface ReconcileResult {
  requeued: number;
  settled: number;
  unconfirmed: number;
}

export async function reconcile(deps: PublishDeps, connection: Redis, prefix: string): Promise<ReconcileResult> {
  const { settled, unconfirmed } = await settleInterrupted(deps);
  const queue = openPublishQueue(connection, prefix);
  try {
    const requeued = await queuePending(deps.prisma, queue, deps.clock);
    return { requeued, settled, unconfirmed };
  } finally {
    await queue.close();
  }
}

export interface RunningWorker {
  worker: Worker<PublishJobData>;
  close(): Promise<void>;
}

export function startWorker(
  deps: PublishDeps,
  connection: Redis,
  prefix: string,
  opts: { concurrency?: number; onOutcome?: (entryId: string, outcome: PublishOutcome) => void } = {},
): RunningWorker {
  const processor = async (job: Job<PublishJobData>, token?: string) => {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await publishEntry(deps, job.data.entryId, { finalAttempt });
    opts.onOutcome?.(job.data.entryId, outcome);
    if (outcome.status === 'not_due') {
      // Fired early (clock drift or a rescheduled entry): wait again rather than publish early.
      await job.moveToDelayed(Date.now() + deps.clock.realDelayUntil(deps.clock.now() + outcome.dueInMs), token);
      throw new DelayedError();
    }
    if (outcome.status === 'failed' && outcome.retry) throw new Error(outcome.reason);
    return outcome;
  };
  const worker = new Worker<PublishJobData>(QUEUE_NAME, processor, {
    connection,
    prefix,
    concurrency: opts.concurrency ?? 4,
    // A stalled job (worker died) is not re-run blindly: the entry is `publishing` in the database
    // and publishEntry skips it; settleInterrupted decides from the channel.
    maxStalledCount: 1,
  });
  worker.on('failed', (job, err) => logger.warn({ jobId: job?.id, err: err.message }, 'publish job failed'));
  return { worker, close: () => worker.close() };
}
