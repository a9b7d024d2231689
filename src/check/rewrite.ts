// Compliant rewrites (LLM mode): check the text, ask a model to rewrite the WHOLE text without the
// flagged claims, check the reply again, and repeat up to N rounds. The result is only ever a
// suggestion for an editor: nothing here writes to a draft, and nothing is mutated.
//
// The loop (rewriteForCompliance) is pure apart from the two things injected into it: the checker
// and a RewriteModel. createRewriteModel() is the real model, LangChain's ChatOpenAI over HTTP,
// with the prompt from prompts/rewrite.yaml (validated and dry-rendered when it is loaded).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import Handlebars from 'handlebars';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SEVERITY_LABELS } from '../domain/types.ts';
import { llmHost, type LlmConfig } from '../draft/llm-config.ts';
import { callModel, createChatModel, describeLlmError, MAX_TEXT_CHARS } from '../draft/llm-drafter.ts';
import { jsonObjectOf, type ModelReply } from '../draft/model-reply.ts';
import { DEFAULT_PROMPTS_DIR, describeTemplateError } from '../draft/prompts.ts';
import { SiyuError } from '../shared/errors.ts';
import { logger } from '../shared/logger.ts';
import { DEFAULT_REWRITE_ROUNDS, MAX_REWRITE_ROUNDS } from './rewrite-rounds.ts';
import type { CheckContext, CheckedFinding, Checker, CheckReport } from './types.ts';

export { DEFAULT_REWRITE_ROUNDS, MAX_REWRITE_ROUNDS };

// ---- the loop ----------------------------------------------------------------------------------

/** What the model is asked to do in one round. */
export interface RewriteRequest {
  /** The current version of the text (the original in round 1, the last rewrite after that). */
  text: string;
  /** Every finding on `text`, in the checker's order. */
  findings: readonly CheckedFinding[];
  /** Category id → Chinese title (Checker.categories), for the prompt. */
  categories: Readonly<Record<string, string>>;
  /** 1-based. */
  round: number;
}

/** Returns the rewritten text; throws a SiyuError (in Chinese) when it cannot. */
export interface RewriteModel {
  rewrite(request: RewriteRequest): Promise<string>;
}

export interface CheckedText {
  text: string;
  report: CheckReport;
}

export interface RewriteOptions {
  text: string;
  ctx?: CheckContext;
  checker: Checker;
  model: RewriteModel;
  /** 1 to MAX_REWRITE_ROUNDS; default DEFAULT_REWRITE_ROUNDS. */
  maxRounds?: number;
  /** Called after each round's re-check, e.g. to print it at once. */
  onRound?: (round: CheckedText, n: number) => void;
}

/**
 * Why the loop stopped: `clean` — the last version has no block/review finding (possibly the
 * original itself, in which case no round ran); `unchanged` — the model returned the text it was
 * given; `rounds` — maxRounds rewrites and still not clean.
 */
export type RewriteStop = 'clean' | 'unchanged' | 'rounds';

export interface RewriteResult {
  original: CheckedText;
  /** One entry per rewrite the model produced, with its re-check. Empty when the original was clean. */
  rounds: CheckedText[];
  /** The last version: the last round, or the original when no round produced a new text. */
  final: CheckedText;
  /** The final version's verdict is pass (warnings allowed). */
  resolved: boolean;
  stop: RewriteStop;
}

/** Pass, or only warnings: nothing left that blocks publishing or needs a sign-off. */
const isClean = (report: CheckReport) => report.verdict === 'pass';

/** Whitespace at the ends is not a change. */
const same = (a: string, b: string) => a.trim() === b.trim();

export async function rewriteForCompliance(options: RewriteOptions): Promise<RewriteResult> {
  const { text, ctx = {}, checker, model, maxRounds = DEFAULT_REWRITE_ROUNDS, onRound } = options;
  if (!Number.isInteger(maxRounds) || maxRounds < 1 || maxRounds > MAX_REWRITE_ROUNDS) {
    throw new SiyuError(`改写轮数 “${maxRounds}” 无效，应为 1 到 ${MAX_REWRITE_ROUNDS} 的整数`);
  }
  const original: CheckedText = { text, report: checker.check(text, ctx) };
  const rounds: CheckedText[] = [];
  let current = original;
  let stop: RewriteStop = isClean(original.report) ? 'clean' : 'rounds';
  for (let n = 1; stop === 'rounds' && n <= maxRounds; n++) {
    const reply = await model.rewrite({ text: current.text, findings: current.report.findings, categories: checker.categories, round: n });
    if (same(reply, current.text)) {
      stop = 'unchanged';
      break;
    }
    const next: CheckedText = { text: reply, report: checker.check(reply, ctx) };
    rounds.push(next);
    onRound?.(next, n);
    current = next;
    if (isClean(next.report)) stop = 'clean';
  }
  return { original, rounds, final: current, resolved: isClean(current.report), stop };
}

// ---- the prompt --------------------------------------------------------------------------------

export const REWRITE_PROMPT_FILE = 'rewrite.yaml';

/** What prompts/rewrite.yaml can refer to. */
export interface RewriteView {
  text: string;
  round: number;
  count: number;
  findings: {
    n: number;
    match: string;
    /** 禁止 / 需审核 / 提醒 */
    severity: string;
    category: string;
    /** Category title, e.g. 功效、安全性断言; empty when the pack has none. */
    title: string;
    rule: string;
    explanation: string;
    suggestion: string;
  }[];
}

export interface RewritePrompt {
  readonly file: string;
  render(view: RewriteView): { system: string; user: string };
  /** The follow-up message that tells the model what was wrong with its last output. */
  retry(problems: string[]): string;
}

export function rewriteView(request: RewriteRequest): RewriteView {
  return {
    text: request.text,
    round: request.round,
    count: request.findings.length,
    findings: request.findings.map((f, i) => ({
      n: i + 1,
      match: f.match,
      severity: SEVERITY_LABELS[f.severity],
      category: f.category,
      title: request.categories[f.category] ?? '',
      rule: f.rule,
      explanation: f.explanation ?? '',
      suggestion: f.suggestion ?? '',
    })),
  };
}

const promptText = z.string({ error: '缺失或不是文本' }).trim().min(1, '不能为空');
const promptFileSchema = z.strictObject({ system: promptText, user: promptText, retry: promptText });

const SAMPLE_VIEW: RewriteView = {
  text: '示例正文',
  round: 1,
  count: 1,
  findings: [
    { n: 1, match: '不会反弹', severity: '禁止', category: 'R05', title: '示例类别', rule: 'R05-示例', explanation: '示例说明', suggestion: '示例建议' },
  ],
};

const COMPILE = { noEscape: true } as const; // prompts are not HTML: "&" must stay "&"
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Loads prompts/rewrite.yaml, validates it and dry-renders every template in strict mode, so a typo
 * stops the command with the file's name instead of failing the first model call.
 */
export function loadRewritePrompt(dir: string = DEFAULT_PROMPTS_DIR): RewritePrompt {
  const file = REWRITE_PROMPT_FILE;
  const fail = (problems: string[]): never => {
    throw new SiyuError(`提示词文件 ${path.join(dir, file)} 有 ${problems.length} 处错误：`, problems);
  };
  let source: string;
  try {
    source = readFileSync(path.join(dir, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail([code === 'ENOENT' ? `${file}：文件不存在` : `${file}：无法读取（${code ?? String(e)}）`]);
  }
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (e) {
    return fail([`${file}：YAML 格式错误（${oneLine((e as Error).message)}）`]);
  }
  const parsed = promptFileSchema.safeParse(data);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => `${file} ${i.path.join('.') || '（根）'}：${i.message}`));
  }

  const hb = Handlebars.create();
  const problems: string[] = [];
  const parts = { system: parsed.data.system, user: parsed.data.user, retry: parsed.data.retry };
  const samples = { system: SAMPLE_VIEW, user: SAMPLE_VIEW, retry: { problems: ['示例问题'] } };
  for (const part of ['system', 'user', 'retry'] as const) {
    try {
      hb.parse(parts[part]); // compile is lazy: parse now so syntax errors surface here
      hb.compile(parts[part], { ...COMPILE, strict: true })(samples[part]);
    } catch (e) {
      problems.push(`${file} ${part}：${describeTemplateError(e)}`);
    }
  }
  if (problems.length > 0) fail(problems);

  const system = hb.compile(parts.system, COMPILE);
  const user = hb.compile(parts.user, COMPILE);
  const retry = hb.compile(parts.retry, COMPILE);
  return {
    file: path.join(dir, file),
    render: (view) => ({ system: system(view).trim(), user: user(view).trim() }),
    retry: (list) => retry({ problems: list }).trim(),
  };
}

// ---- the reply ---------------------------------------------------------------------------------

const chars = (s: string) => [...s].length;

/** A rewrite removes text; allow some slack for joining sentences, never an essay. */
export function maxRewriteChars(original: string): number {
  return Math.max(MAX_TEXT_CHARS, Math.ceil(chars(original) * 1.5));
}

/** Exactly one JSON object with exactly one field, `text`: a non-empty string of sane length. */
export function parseRewriteReply(reply: ModelReply, original: string): { ok: true; text: string } | { ok: false; problems: string[] } {
  const parsed = jsonObjectOf(reply, '输出被截断（达到长度上限）');
  if (!parsed.ok) return parsed;
  const { data } = parsed;
  const problems: string[] = [];
  const extra = Object.keys(data).filter((k) => k !== 'text');
  if (extra.length > 0) problems.push(`多了字段 ${extra.join('、')}（只要 text 一个字段）`);
  const text = data.text;
  const max = maxRewriteChars(original);
  if (typeof text !== 'string') problems.push('text 缺失或不是文本');
  else if (text.trim() === '') problems.push('text 为空');
  else if (chars(text.trim()) > max) problems.push(`text 超过 ${max} 字`);
  if (problems.length > 0 || typeof text !== 'string') return { ok: false, problems };
  return { ok: true, text: text.trim() };
}

// ---- the model ---------------------------------------------------------------------------------

export interface LlmRewriteModelOptions {
  /** Defaults to loadRewritePrompt() from prompts/; a broken file throws here, before any call. */
  prompt?: RewritePrompt;
}

/**
 * The real model: ChatOpenAI against any OpenAI-compatible endpoint. Output that does not fit the
 * reply format gets ONE more try with the problems sent back; HTTP and network failures (after
 * LangChain's own retries) become a SiyuError naming the endpoint's host, never the key.
 */
export function createRewriteModel(config: LlmConfig, options: LlmRewriteModelOptions = {}): RewriteModel {
  const prompt = options.prompt ?? loadRewritePrompt();
  const chat = createChatModel(config);
  const host = llmHost(config);
  return {
    async rewrite(request) {
      const log = logger.child({ host, model: config.model, round: request.round });
      const rendered = prompt.render(rewriteView(request));
      let messages: BaseMessage[] = [new SystemMessage(rendered.system), new HumanMessage(rendered.user)];
      let problems: string[] = [];
      for (let attempt = 1; attempt <= 2; attempt++) {
        let reply: ModelReply;
        try {
          reply = await callModel(chat, messages, config.timeoutMs);
        } catch (e) {
          const reason = describeLlmError(e, config);
          log.info({ reason }, 'llm rewrite failed'); // the caller reports the SiyuError itself
          throw new SiyuError(`第 ${request.round} 轮 AI 改写失败：${reason}`);
        }
        const parsed = parseRewriteReply(reply, request.text);
        if (parsed.ok) return parsed.text;
        problems = parsed.problems;
        log.info({ attempt, problems }, 'model rewrite rejected');
        messages = [...messages, new AIMessage(reply.content.slice(0, 4000) || '（空）'), new HumanMessage(prompt.retry(problems))];
      }
      throw new SiyuError(`第 ${request.round} 轮 AI 改写失败：模型服务 ${host} 的输出两次都不符合格式：`, problems);
    },
  };
}
