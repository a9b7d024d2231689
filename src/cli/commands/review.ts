import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { DRAFT_STATUS_LABELS, VERDICT_LABELS } from '../../domain/types.ts';
import { approve, edit, findDraftId, reject, resolveUser, signOff } from '../../review/review-service.ts';
import { SiyuError } from '../../shared/errors.ts';
import { out, withContext } from './run.ts';

interface AsOption {
  as?: string;
}
const actorHandle = (o: AsOption) => o.as ?? process.env.SIYU_USER;

export function registerReview(program: Command): void {
  program
    .command('approve')
    .description('编辑通过草稿（有需审核问题时还需合规审核员签字；有禁止级问题不能通过）')
    .argument('<draft>', '草稿编号（可用前几位）')
    .option('--as <handle>', '操作人（默认 SIYU_USER）')
    .action(
      withContext<AsOption>(async (ctx, opts, [id]) => {
        const { prisma } = await ctx.database();
        const actor = await resolveUser(prisma, actorHandle(opts));
        const draftId = await findDraftId(prisma, id!);
        const status = await approve(prisma, actor, draftId);
        out(`草稿 ${draftId.slice(0, 8)} → ${DRAFT_STATUS_LABELS[status]}${status === 'awaiting_signoff' ? '（还需合规审核员对每处需审核问题签字）' : ''}`);
      }),
    );

  program
    .command('reject')
    .description('驳回草稿，必须写明理由')
    .argument('<draft>', '草稿编号')
    .requiredOption('--reason <text>', '驳回理由')
    .option('--as <handle>', '操作人')
    .action(
      withContext<AsOption & { reason: string }>(async (ctx, opts, [id]) => {
        const { prisma } = await ctx.database();
        const actor = await resolveUser(prisma, actorHandle(opts));
        const draftId = await findDraftId(prisma, id!);
        await reject(prisma, actor, draftId, opts.reason);
        out(`草稿 ${draftId.slice(0, 8)} → 已驳回`);
      }),
    );

  program
    .command('edit')
    .description('修改草稿内容：生成新版本并重新做合规检查，之后需重新审核')
    .argument('<draft>', '草稿编号')
    .option('--text <text>', '新内容')
    .option('--file <path>', '从文件读取新内容（UTF-8）')
    .option('--as <handle>', '操作人')
    .action(
      withContext<AsOption & { text?: string; file?: string }>(async (ctx, opts, [id]) => {
        if ((opts.text === undefined) === (opts.file === undefined)) throw new SiyuError('请用 --text 或 --file 二选一提供新内容');
        let text = opts.text;
        if (opts.file) {
          try {
            text = await readFile(opts.file, 'utf8');
          } catch (e) {
            throw new SiyuError(`无法读取文件 ${opts.file}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
          }
        }
        const { prisma } = await ctx.database();
        const actor = await resolveUser(prisma, actorHandle(opts));
        const draftId = await findDraftId(prisma, id!);
        const { revision, result } = await edit(prisma, actor, draftId, text!.trim(), await ctx.checkFor());
        out(`草稿 ${draftId.slice(0, 8)} 已保存为第 ${revision} 版，合规检查：${VERDICT_LABELS[result.verdict]}（${result.findings.length} 处问题），等待重新审核`);
      }),
    );

  program
    .command('signoff')
    .description('合规审核员对一处需审核问题签字放行，必须写明理由（禁止级问题不能签字）')
    .argument('<draft>', '草稿编号')
    .argument('<finding>', '问题编号（siyu show 中列出，可用前几位）')
    .requiredOption('--reason <text>', '签字理由')
    .option('--as <handle>', '操作人')
    .action(
      withContext<AsOption & { reason: string }>(async (ctx, opts, [id, finding]) => {
        const { prisma } = await ctx.database();
        const actor = await resolveUser(prisma, actorHandle(opts));
        const draftId = await findDraftId(prisma, id!);
        const status = await signOff(prisma, actor, draftId, finding!, opts.reason);
        out(`已签字。草稿 ${draftId.slice(0, 8)} 当前状态：${DRAFT_STATUS_LABELS[status]}`);
      }),
    );
}
