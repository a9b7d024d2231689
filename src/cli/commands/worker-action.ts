// What `siyu worker` does (its definition is worker.ts).
import { hostname } from 'node:os';
import { channelResolver } from '../../publish/channels/index.ts';
import { reconcile, startWorker } from '../../publish/worker.ts';
import { compressedClock } from '../../schedule/clock.ts';
import { queuePrefix } from '../../schedule/queue.ts';
import { connectRedis, describeRedis, redisUrl } from '../../schedule/redis.ts';
import type { CliContext } from '../context.ts';
import { out } from './run.ts';
import type { WorkerOptions } from './worker.ts';

export async function runWorker(ctx: CliContext, opts: WorkerOptions): Promise<void> {
  const { prisma } = await ctx.database();
  const url = redisUrl();
  const redis = await connectRedis(url);
  const media = await ctx.mediaChecking();
  const deps = { prisma, channelFor: channelResolver({ outboxDir: opts.out }), checkFor: await ctx.checkFor(), clock: compressedClock(opts.speed), workerId: `worker@${hostname()}:${process.pid}`, media };
  const prefix = queuePrefix();
  const r = await reconcile(deps, redis, prefix);
  out(`对账完成：重新入队 ${r.requeued} 条，补记已发布 ${r.settled} 条，标记待确认 ${r.unconfirmed} 条`);
  const running = startWorker(deps, redis, prefix, {
    concurrency: opts.concurrency,
    onOutcome: (entryId, o) => {
      if (o.status === 'published') out(`已发布 ${entryId.slice(0, 8)} → ${o.location ?? o.externalId}`);
      else if (o.status === 'refused') out(`拒绝发布 ${entryId.slice(0, 8)}：${o.reason}`);
      else if (o.status === 'unconfirmed') out(`结果未知 ${entryId.slice(0, 8)}：${o.reason}（请人工确认）`);
      else if (o.status === 'failed') out(`发布失败 ${entryId.slice(0, 8)}：${o.reason}${o.retry ? '（稍后重试）' : ''}`);
    },
  });
  out(`发布进程已启动（Redis ${describeRedis(url)}，发件箱 ${opts.out}，卡片图片 ${media.store.dir}）。按 Ctrl+C 停止。`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (opts.exitWhenIdle) {
      const timer = setInterval(async () => {
        const pending = await prisma.calendarEntry.count({ where: { status: { in: ['scheduled', 'publishing'] } } });
        if (pending === 0) {
          clearInterval(timer);
          resolve();
        }
      }, 500);
    }
  });
  await running.close();
  redis.disconnect();
  out('发布进程已停止');
}
