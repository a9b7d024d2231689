// `siyu init`. The definition only; init-action.ts does the work.
import type { Command } from 'commander';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('以示例诊所为起点创建工作区（目录必须为空或不存在）')
    .argument('<dir>', '工作区目录')
    .action(async (dir: string) => (await import('./init-action.ts')).runInit(dir));
}
