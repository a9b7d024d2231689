// What `siyu check` does (its definition is check.ts). The model code for --rewrite is loaded only
// when --rewrite is given.
import { readFile } from 'node:fs/promises';
import { buffer } from 'node:stream/consumers';
import { decodeInput } from '../../check/input.ts';
import { renderExplanation, runJsonl, SEVERITY_LABELS, VERDICT_LABELS, type CheckContext, type CheckReport } from '../../check/index.ts';
import type { RewriteResult } from '../../check/rewrite.ts';
import { LLM_ENV, llmConfigFromEnv, type LlmConfig } from '../../draft/llm-config.ts';
import { SiyuError } from '../../shared/errors.ts';
import type { CliContext } from '../context.ts';
import type { CheckOptions } from './check.ts';
import { out } from './run.ts';

/** The brand context when a workspace is at hand (R04/R15/R17 need it); none otherwise. */
async function contextFrom(ctx: CliContext): Promise<CheckContext> {
  const ws = await ctx.workspaceIfAny();
  return ws ? { brand: ws.brand, services: ws.services } : {};
}

export const REWRITE_NOTICE = '以下为建议改写，需编辑确认后才会使用，未修改任何草稿';

/** --rounds as given on the command line; validated here so the message is wholly Chinese. */
function parseRounds(value: string | undefined, limits: { default: number; max: number }): number {
  if (value === undefined) return limits.default;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 1 || n > limits.max) {
    throw new SiyuError(`改写轮数 --rounds “${value}” 无效，应为 1 到 ${limits.max} 的整数`, [], 2);
  }
  return n;
}

/** The LLM settings --rewrite needs; says which variables to set when they are missing. */
function rewriteConfig(): LlmConfig {
  const config = llmConfigFromEnv(); // a partial or invalid setting throws, naming the variable
  if (config) return config;
  throw new SiyuError('--rewrite 需要调用模型服务，请先设置以下环境变量：', [
    `${LLM_ENV.baseURL}：OpenAI 兼容接口地址，例如 https://api.deepseek.com`,
    `${LLM_ENV.apiKey}：该接口的 API Key`,
    `${LLM_ENV.model}：模型名称，例如 deepseek-chat、qwen-plus`,
  ]);
}

/** For --rewrite: the model code, loaded only then, and the rounds and the model, made before any
 *  work: a missing setting or a broken prompt file should stop the command at once. */
async function prepareRewrite(roundsOption: string | undefined) {
  const { createRewriteModel, DEFAULT_REWRITE_ROUNDS, MAX_REWRITE_ROUNDS, rewriteForCompliance } = await import('../../check/rewrite.ts');
  const rounds = parseRounds(roundsOption, { default: DEFAULT_REWRITE_ROUNDS, max: MAX_REWRITE_ROUNDS });
  const model = createRewriteModel(rewriteConfig());
  return { rounds, model, rewriteForCompliance };
}

const tally = (report: CheckReport) =>
  (['block', 'review', 'warn'] as const)
    .map((s) => [s, report.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} 处${SEVERITY_LABELS[s]}`)
    .join('，');

function outcome(result: RewriteResult): string {
  const last = result.rounds.length;
  const left = tally(result.final.report);
  if (result.resolved) {
    return `结果：第 ${last} 轮改写复查为“${VERDICT_LABELS.pass}”${left ? `（仍有 ${left}，请留意）` : ''}。`;
  }
  const still = `仍为“${VERDICT_LABELS[result.final.report.verdict]}”（${left}），需要人工修改`;
  if (result.stop === 'unchanged') {
    return last === 0
      ? `结果：模型返回的文字与原文相同，没有给出改写；原文${still}。`
      : `结果：第 ${last + 1} 轮模型返回的文字与上一轮相同，已停止；第 ${last} 轮改写${still}。`;
  }
  return `结果：改写 ${last} 轮后复查${still}。`;
}

export async function runCheck(ctx: CliContext, opts: CheckOptions, [file]: string[]): Promise<void> {
  if (opts.rounds !== undefined && !opts.rewrite) throw new SiyuError('--rounds 只能和 --rewrite 一起使用', [], 2);
  if (opts.rewrite && opts.jsonl) throw new SiyuError('--rewrite 不能和 --jsonl 一起使用：改写建议只在普通文本模式下给出', [], 2);
  const rewriting = opts.rewrite ? await prepareRewrite(opts.rounds) : undefined;
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
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : (code ?? (e as Error).message);
      throw new SiyuError(`无法读取文件 ${file}：${why}`);
    }
    text = decodeInput(bytes, `文件 ${file}`);
  } else {
    if (process.stdin.isTTY) throw new SiyuError('请给出要检查的文件，或通过标准输入传入文字');
    text = decodeInput(await buffer(process.stdin), '标准输入');
  }
  const result = checker.check(text, context);
  out(renderExplanation(text, result, { categories: checker.categories }));
  if (!rewriting) return;

  out(`\n==== AI 改写建议 ====\n${REWRITE_NOTICE}。`);
  if (result.verdict === 'pass') {
    out('\n原文没有需要删除的说法，无需改写。');
    return;
  }
  const rewrite = await rewriting.rewriteForCompliance({
    text,
    ctx: context,
    checker,
    model: rewriting.model,
    maxRounds: rewriting.rounds,
    onRound: (round, n) => {
      out(`\n---- 第 ${n} 轮建议改写 ----\n${round.text}\n\n第 ${n} 轮复查：`);
      out(renderExplanation(round.text, round.report, { categories: checker.categories }));
    },
  });
  out(`\n${outcome(rewrite)}`);
  out(`以上改写只是建议：需编辑确认后才会使用，未修改任何草稿。`);
}
