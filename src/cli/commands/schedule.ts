// `siyu schedule` and `siyu calendar`. The definitions only; schedule-action.ts does the work.
import type { Command } from 'commander';
import { CHANNEL_NAMES } from '../../publish/channels/index.ts';
import { withContext } from './run.ts';

export const ENTRY_STATUS_LABELS: Record<string, string> = {
  scheduled: '待发布',
  publishing: '发布中',
  published: '已发布',
  refused: '被拒发',
  failed: '发布失败',
  unconfirmed: '待确认',
  cancelled: '已取消',
};

export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description('把已通过的草稿放进发布日历，并加入发布队列（Redis）')
    .option('--channel <name>', `发布渠道：${CHANNEL_NAMES.join(' / ')}`, 'outbox')
    .option('--as <handle>', '操作人（记入审计）')
    .action(withContext<{ channel: string; as?: string }>(async (ctx, opts) => (await import('./schedule-action.ts')).runSchedule(ctx, opts)));

  program
    .command('calendar')
    .description('查看发布日历')
    .option('--status <status>', `只看某个状态：${Object.keys(ENTRY_STATUS_LABELS).join(' / ')}`)
    .option('--limit <n>', '最多显示条数', (v) => Number(v), 50)
    .action(withContext<{ status?: string; limit: number }>(async (ctx, opts) => (await import('./schedule-action.ts')).runCalendar(ctx, opts)));
}
