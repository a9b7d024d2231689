// `siyu check`: the compliance check of a text from a file or standard input. The definition only;
// check-action.ts does the work.
import type { Command } from 'commander';
import { DEFAULT_REWRITE_ROUNDS, MAX_REWRITE_ROUNDS } from '../../check/rewrite-rounds.ts';
import { withContext } from './run.ts';

export interface CheckOptions {
  jsonl?: boolean;
  rewrite?: boolean;
  rounds?: string;
}


export function registerCheck(program: Command): void {
  const rounds = { default: DEFAULT_REWRITE_ROUNDS, max: MAX_REWRITE_ROUNDS };
  program
    .command('check')
    .description('合规检查：检查文件或标准输入中的文字，标出问题、法律依据和修改建议；--jsonl 逐行读写 JSON；--rewrite 再请 AI 给出改写建议')
    .argument('[file]', '要检查的文本文件（省略则读标准输入）')
    .option('--jsonl', '逐行读取 {"id","text"}，逐行输出检查结果（JSON Lines）')
    .option('--rewrite', '请 AI 改写全文、删除标出的说法，并复查改写结果（需设置 SIYU_LLM_*；只打印建议，不修改任何草稿）')
    .option('--rounds <n>', `与 --rewrite 一起用：复查仍有问题时最多改写几轮（1 到 ${rounds.max}，默认 ${rounds.default}）`)
    .action(withContext<CheckOptions>(async (ctx, opts, args) => (await import('./check-action.ts')).runCheck(ctx, opts, args)));
}
