import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { findDraftId } from '../../review/review-service.ts';
import { table } from '../table.ts';
import { out, withContext } from './run.ts';

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('查看审计记录（谁、何时、做了什么、前后状态）')
    .option('--draft <id>', '只看某篇草稿')
    .option('--limit <n>', '最多显示条数', (v) => Number(v), 50)
    .action(
      withContext<{ draft?: string; limit: number }>(async (ctx, opts) => {
        const { prisma } = await ctx.database();
        const entityId = opts.draft ? await findDraftId(prisma, opts.draft) : undefined;
        const events = await prisma.auditEvent.findMany({ where: entityId ? { entityId } : {}, orderBy: { at: 'desc' }, take: opts.limit });
        out(
          table(
            ['时间', '操作人', '动作', '对象', '之前', '之后'],
            events.map((e) => [
              DateTime.fromJSDate(e.at).toFormat('yyyy-MM-dd HH:mm:ss'),
              e.actor,
              e.action,
              `${e.entityType} ${e.entityId.slice(0, 8)}`,
              e.before ? JSON.stringify(e.before) : '',
              e.after ? JSON.stringify(e.after).slice(0, 120) : '',
            ]),
          ),
        );
      }),
    );
}
