// `siyu plan`. The definition only; plan-action.ts does the work.
import type { Command } from 'commander';
import type * as PlanAction from './plan-action.ts';
import { MAX_PLAN_DAYS } from '../../plan/limits.ts';
import { intArg, withContext } from './run.ts';

export interface PlanCommandOptions {
  from?: string;
  days: number;
  mode?: string;
  as?: string;
}


/** Plans, drafts and checks; shared by `siyu plan` and `siyu demo` (src/demo imports it from here). */
export const planWithProgress: typeof PlanAction.planWithProgress = async (ctx, opts) => (await import('./plan-action.ts')).planWithProgress(ctx, opts);

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description('排期并生成草稿：按时间窗、每日上限、内容配比、重复间隔和活动日历填充日历，然后逐条生成并做合规检查')
    .option('--from <date>', '开始日期 YYYY-MM-DD（默认明天）')
    .option('--days <n>', '天数', intArg(1, MAX_PLAN_DAYS), 7)
    .option('--mode <mode>', '生成模式：template（模板，离线）或 llm（默认：配置了 LLM 则用 llm）')
    .option('--as <handle>', '操作人（记入审计），默认 SIYU_USER 或 cli')
    .action(withContext<PlanCommandOptions>(async (ctx, opts) => (await import('./plan-action.ts')).runPlanCommand(ctx, opts)));
}
