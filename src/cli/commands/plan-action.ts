// What `siyu plan` does (its definition is plan.ts).
import { runPlan, type PlanSummary } from '../../plan/plan-service.ts';
import { todayIn, addDays } from '../../plan/dates.ts';
import { progress } from '../progress.ts';
import type { CliContext } from '../context.ts';
import type { PlanCommandOptions } from './plan.ts';
import { out } from './run.ts';

/** Plans, drafts and checks; shared by `siyu plan` and `siyu demo`. */
export async function planWithProgress(ctx: CliContext, opts: { from: string; days: number; mode?: string; actor: string }): Promise<PlanSummary> {
  const workspace = await ctx.workspace();
  const drafter = await ctx.drafter(opts.mode);
  const checkFor = await ctx.checkFor();
  const { prisma } = await ctx.database();
  const cards = await ctx.cardStage();
  const bar = progress(`生成草稿（${drafter.mode === 'llm' ? 'LLM' : '模板'}模式）`);
  let cardBar: ReturnType<typeof progress> | undefined;
  try {
    return await runPlan({
      prisma,
      workspace,
      from: opts.from,
      days: opts.days,
      drafter,
      check: checkFor(workspace),
      actor: opts.actor,
      cards,
      onDraftProgress: bar.update,
      onCardProgress: (done, total) => {
        if (!cardBar) {
          bar.stop();
          cardBar = progress('生成卡片图片');
        }
        cardBar.update(done, total);
      },
    });
  } finally {
    bar.stop();
    cardBar?.stop();
  }
}

export async function runPlanCommand(ctx: CliContext, opts: PlanCommandOptions): Promise<void> {
  const ws = await ctx.workspace();
  const from = opts.from ?? addDays(todayIn(ws.brand.timezone), 1);
  const summary = await planWithProgress(ctx, { from, days: opts.days, mode: opts.mode, actor: opts.as ?? process.env.SIYU_USER ?? 'cli' });
  printPlanSummary(summary, from, opts.days);
}

export function printPlanSummary(s: PlanSummary, from: string, days: number): void {
  out(`已排期 ${from} 起 ${days} 天：共 ${s.slots.length} 个时段，新建草稿 ${s.created} 篇${s.skippedExisting ? `，${s.skippedExisting} 个时段已有草稿（跳过）` : ''}`);
  if (s.failed.length > 0) {
    out(`生成失败 ${s.failed.length} 篇（其余照常生成）：`);
    for (const f of s.failed.slice(0, 20)) out(`  ${f.key}：${f.reason}`);
  }
  if (s.cards.rendered > 0) out(`卡片图片 ${s.cards.rendered} 张${s.cards.warnings.length > 0 ? `，其中 ${s.cards.warnings.length} 张有排版提醒（siyu show 查看）` : ''}`);
  for (const c of s.cards.warnings.slice(0, 20)) out(`  ${c.key}：${c.warnings.join('；')}`);
  if (s.warnings.length > 0) {
    out(`排期提醒 ${s.warnings.length} 条：`);
    for (const w of s.warnings.slice(0, 20)) out(`  ${w}`);
    if (s.warnings.length > 20) out(`  ……另有 ${s.warnings.length - 20} 条`);
  }
}
