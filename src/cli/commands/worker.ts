// `siyu worker`. The definition only; worker-action.ts does the work.
import type { Command } from 'commander';
import { intArg, numberArg, withContext } from './run.ts';

export interface WorkerOptions {
  out: string;
  concurrency: number;
  speed: number;
  exitWhenIdle?: boolean;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('发布进程：按时发布日历中到期的条目；启动时先对账（数据库中待发布但不在队列里的条目重新入队）')
    .option('--out <dir>', '发件箱目录（outbox 渠道）', 'outbox')
    .option('--concurrency <n>', '同时发布的条数', intArg(1, 32), 4)
    .option('--speed <n>', '时间加速倍数（演示用）', numberArg(1), 1)
    .option('--exit-when-idle', '没有待发布条目时退出')
    .action(withContext<WorkerOptions>(async (ctx, opts) => (await import('./worker-action.ts')).runWorker(ctx, opts)));
}
