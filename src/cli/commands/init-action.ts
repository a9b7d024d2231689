// What `siyu init` does (its definition is init.ts).
import path from 'node:path';
import { initWorkspace } from '../../workspace/init.ts';
import { out } from './run.ts';

export async function runInit(dir: string): Promise<void> {
  const files = await initWorkspace(dir);
  out(`已创建工作区 ${path.resolve(dir)}（${files.length} 个文件）：`);
  for (const f of files) out(`  ${f}`);
  out('下一步：修改 brand.yaml、personas.yaml 等文件，然后运行 siyu plan --from 日期 --days 7');
}
