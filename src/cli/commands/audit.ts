// `siyu audit`. The definition only; audit-action.ts does the work.
import type { Command } from 'commander';
import { withContext } from './run.ts';

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('查看审计记录（谁、何时、做了什么、前后状态）')
    .option('--draft <id>', '只看某篇草稿')
    .option('--limit <n>', '最多显示条数', (v) => Number(v), 50)
    .action(withContext<{ draft?: string; limit: number }>(async (ctx, opts) => (await import('./audit-action.ts')).runAudit(ctx, opts)));
}
