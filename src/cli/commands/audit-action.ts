// What `siyu audit` does (its definition is audit.ts).
import { DateTime } from 'luxon';
import { findDraftId } from '../../review/review-service.ts';
import type { CliContext } from '../context.ts';
import { table } from '../table.ts';
import { out } from './run.ts';

export async function runAudit(ctx: CliContext, opts: { draft?: string; limit: number }): Promise<void> {
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
}
