import type { Command } from 'commander';
import path from 'node:path';
import { initWorkspace } from '../../workspace/init.ts';
import { out } from './run.ts';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('以示例诊所为起点创建工作区（目录必须为空或不存在）')
    .argument('<dir>', '工作区目录')
    .action(async (dir: string) => {
      const files = await initWorkspace(dir);
      out(`已创建工作区 ${path.resolve(dir)}（${files.length} 个文件）：`);
      for (const f of files) out(`  ${f}`);
      out('下一步：修改 brand.yaml、personas.yaml 等文件，然后运行 siyu plan --from 日期 --days 7');
    });
}
