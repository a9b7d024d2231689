// `siyu approve`, `reject`, `edit` and `signoff`. The definitions only; review-action.ts does the work.
import type { Command } from 'commander';
import { withContext } from './run.ts';

export interface AsOption {
  as?: string;
}

export type EditOptions = AsOption & { text?: string; file?: string; card?: string };

export function registerReview(program: Command): void {
  program
    .command('approve')
    .description('编辑通过草稿（有需审核问题时还需合规审核员签字；有禁止级问题不能通过）')
    .argument('<draft>', '草稿编号（可用前几位）')
    .option('--as <handle>', '操作人（默认 SIYU_USER）')
    .action(withContext<AsOption>(async (ctx, opts, args) => (await import('./review-action.ts')).runApprove(ctx, opts, args)));

  program
    .command('reject')
    .description('驳回草稿，必须写明理由')
    .argument('<draft>', '草稿编号')
    .requiredOption('--reason <text>', '驳回理由')
    .option('--as <handle>', '操作人')
    .action(withContext<AsOption & { reason: string }>(async (ctx, opts, args) => (await import('./review-action.ts')).runReject(ctx, opts, args)));

  program
    .command('edit')
    .description('修改草稿内容：生成新版本并重新做合规检查，之后需重新审核')
    .argument('<draft>', '草稿编号')
    .option('--text <text>', '新内容')
    .option('--file <path>', '从文件读取新内容（UTF-8）')
    .option('--card <file.json>', '卡片草稿：修改卡片字段（JSON 对象，如 {"title": "…", "points": ["…"]}；写 null 删除字段），卡片会重新生成')
    .option('--as <handle>', '操作人')
    .action(withContext<EditOptions>(async (ctx, opts, args) => (await import('./review-action.ts')).runEdit(ctx, opts, args)));

  program
    .command('signoff')
    .description('合规审核员对一处需审核问题签字放行，必须写明理由（禁止级问题不能签字）')
    .argument('<draft>', '草稿编号')
    .argument('<finding>', '问题编号（siyu show 中列出，可用前几位）')
    .requiredOption('--reason <text>', '签字理由')
    .option('--as <handle>', '操作人')
    .action(withContext<AsOption & { reason: string }>(async (ctx, opts, args) => (await import('./review-action.ts')).runSignoff(ctx, opts, args)));
}
