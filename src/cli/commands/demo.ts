// `siyu demo`. The definition only; demo-action.ts does the work.
import type { Command } from 'commander';
import { intArg, numberArg } from './run.ts';

export interface DemoOptions {
  data?: string;
  workspace?: string;
  media?: string;
  out?: string;
  days: number;
  speed?: number;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('用示例诊所跑通全流程：排期一周 → 生成 → 合规检查 → 演示编辑通过无问题草稿 → 排期 → （有 Redis 时）加速发布到发件箱')
    .option('--out <dir>', '发件箱目录（默认 .siyu/demo/outbox，每次演示重置）')
    .option('--days <n>', '排期天数', intArg(1, 14), 7)
    .option('--speed <n>', '时间加速倍数（默认自动，使发布在约 30 秒内完成）', numberArg(1))
    .action(async (_opts: unknown, cmd: Command) => (await import('./demo-action.ts')).runDemoCommand(cmd.optsWithGlobals() as DemoOptions));
}
