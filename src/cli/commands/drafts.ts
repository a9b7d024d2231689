// `siyu drafts` and `siyu show`. The definitions only; drafts-action.ts does the work.
import type { Command } from 'commander';
import { DRAFT_STATUSES } from '../../domain/types.ts';
import { withContext } from './run.ts';

export interface DraftsOptions {
  status?: string;
  kind?: string;
  persona?: string;
  limit: number;
}

export function registerDrafts(program: Command): void {
  program
    .command('drafts')
    .description('按状态列出草稿')
    .option('--status <status>', `状态：${DRAFT_STATUSES.join(' / ')}`)
    .option('--kind <kind>', '类型：moments / group_topic / card')
    .option('--persona <id>', '人设标识')
    .option('--limit <n>', '最多显示条数', (v) => Number(v), 50)
    .action(withContext<DraftsOptions>(async (ctx, opts) => (await import('./drafts-action.ts')).runDrafts(ctx, opts)));

  program
    .command('show')
    .description('查看一篇草稿：正文（标出合规问题）、问题说明、审核记录')
    .argument('<draft>', '草稿编号（可用前几位）')
    .action(withContext(async (ctx, _opts, args) => (await import('./drafts-action.ts')).runShow(ctx, args)));
}
