import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { text as readStream } from 'node:stream/consumers';
import { renderExplanation, runJsonl, type CheckContext } from '../../check/index.ts';
import { SiyuError } from '../../shared/errors.ts';
import type { CliContext } from '../context.ts';
import { out, withContext } from './run.ts';

/** The brand context when a workspace is at hand (R04/R15/R17 need it); none otherwise. */
async function contextFrom(ctx: CliContext): Promise<CheckContext> {
  if (!ctx.opts.workspace && !process.env.SIYU_WORKSPACE && !existsSync('workspace')) return {};
  const ws = await ctx.workspace();
  return { brand: ws.brand, services: ws.services };
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('合规检查：检查文件或标准输入中的文字，标出问题、法律依据和修改建议；--jsonl 逐行读写 JSON')
    .argument('[file]', '要检查的文本文件（省略则读标准输入）')
    .option('--jsonl', '逐行读取 {"id","text"}，逐行输出检查结果（JSON Lines）')
    .action(
      withContext<{ jsonl?: boolean }>(async (ctx, opts, [file]) => {
        const checker = await ctx.compliance();
        const context = await contextFrom(ctx);
        if (opts.jsonl) {
          if (file) throw new SiyuError('--jsonl 模式从标准输入读取，请不要同时给出文件名');
          const counts = await runJsonl(process.stdin, process.stdout, checker, context);
          if (counts.errors > 0) {
            process.stderr.write(`有 ${counts.errors} 行输入无效（见输出中的 error 字段），其余 ${counts.checked} 行已检查\n`);
            process.exitCode = 1;
          }
          return;
        }
        let text: string;
        if (file) {
          try {
            text = await readFile(file, 'utf8');
          } catch (e) {
            throw new SiyuError(`无法读取文件 ${file}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
          }
        } else {
          if (process.stdin.isTTY) throw new SiyuError('请给出要检查的文件，或通过标准输入传入文字');
          text = await readStream(process.stdin);
        }
        const result = checker.check(text, context);
        out(renderExplanation(text, result, { categories: checker.categories }));
      }),
    );
}
