// Drafts a slot with an OpenAI-compatible chat model through LangChain's ChatOpenAI.
// Failure policy, per slot: transport problems (429, 5xx, network) are retried by LangChain itself;
// output that does not fit the reply schema (for a card: its layout's fields, checked as rendering
// will check them) gets ONE more try with the problems sent back to the model; anything else
// becomes { ok: false, reason } in Chinese. draft() never throws, so one bad slot cannot stop a run.
// Reasons name the endpoint's host, never the key.
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import type { CardFields, DraftOutcome } from '../domain/types.ts';
import { templateNamed, type CardTemplate, type CardTemplates } from '../card/template/load.ts';
import { SiyuError } from '../shared/errors.ts';
import { logger } from '../shared/logger.ts';
import { defaultCardTemplates, describeCardError } from './card-images.ts';
import { cardPrompt, checkCard, layoutProblem } from './card-layout.ts';
import type { DraftContext, Drafter } from './drafter.ts';
import { llmHost, type LlmConfig } from './llm-config.ts';
import { jsonObjectOf, type ModelReply } from './model-reply.ts';
import { cardTemplateFor, loadPrompts, promptView, type PromptSet } from './prompts.ts';

/** WeCom rejects Moments and mass-message text longer than this. */
export const MAX_TEXT_CHARS = 2000;

// ---- the model ---------------------------------------------------------------------------------

/** Request fields some vendors need and others reject, keyed off the model name. */
function vendorKwargs(model: string): Record<string, unknown> {
  // Qwen3 on DashScope refuses non-streaming calls while "thinking" is on.
  return /qwen3/i.test(model) ? { enable_thinking: false } : {};
}

export function createChatModel(config: LlmConfig, extra: { maxTokens?: number } = {}): ChatOpenAI {
  return new ChatOpenAI({
    model: config.model,
    apiKey: config.apiKey,
    configuration: { baseURL: config.baseURL },
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    streaming: false,
    // Some compatible servers reject `stream_options`; usage is not needed here.
    streamUsage: false,
    // Compatible vendors speak chat-completions only, never OpenAI's Responses API.
    useResponsesApi: false,
    modelKwargs: vendorKwargs(config.model),
    ...extra,
  });
}

/** Our own deadline for one model call, LangChain's retries and their back-off sleeps included. */
class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`deadline of ${ms} ms exceeded`);
    this.name = 'DeadlineError';
  }
}

/** One JSON-mode call with our own deadline over LangChain's retries and their back-off sleeps. */
export async function callModel(model: ChatOpenAI, messages: BaseMessage[], timeoutMs: number): Promise<ModelReply> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // LangChain does not watch the signal while it sleeps between retries, so race it ourselves;
  // aborting still cancels the HTTP request in flight.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new DeadlineError(timeoutMs));
    }, timeoutMs);
  });
  // JSON mode, not json_schema: DeepSeek and others reject json_schema. The prompts say "json".
  const call = model.invoke(messages, { response_format: { type: 'json_object' }, signal: controller.signal });
  call.catch(() => undefined); // the loser of the race must not surface as an unhandled rejection
  try {
    const message = await Promise.race([call, deadline]);
    const content = typeof message.content === 'string' ? message.content : message.text;
    const finishReason = message.response_metadata?.['finish_reason'];
    return { content, finishReason: typeof finishReason === 'string' ? finishReason : undefined };
  } finally {
    clearTimeout(timer);
  }
}

// ---- the reply ---------------------------------------------------------------------------------

const chars = (s: string) => [...s].length;

// The card's fields and their limits come from its layout (card-layout.ts); here only its shape.
const cardReplySchema = z.record(z.string(), z.unknown(), { error: '缺失或不是对象' });

const textSchema = z
  .string({ error: '缺失或不是文本' })
  .trim()
  .min(1, '为空')
  .refine((s) => chars(s) <= MAX_TEXT_CHARS, `超过 ${MAX_TEXT_CHARS} 字（企业微信上限）`);

const replySchemas = {
  text: z.object({ text: textSchema }),
  card: z.object({ text: textSchema, card: cardReplySchema }),
};

const formatPath = (p: readonly PropertyKey[]) =>
  p.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');

const emojiCount = (s: string) =>
  [...new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(s)].filter((g) => /\p{Extended_Pictographic}/u.test(g.segment)).length;

/** The persona's own rules, checked here so the retry can tell the model exactly what to fix. */
function personaProblems(text: string, card: Record<string, unknown> | undefined, ctx: DraftContext): string[] {
  const problems: string[] = [];
  const everything = [text, ...Object.values(card ?? {}).flat().filter((v): v is string => typeof v === 'string')].join('\n');
  for (const phrase of ctx.persona.bannedPhrases) {
    if (everything.includes(phrase)) problems.push(`用了人设禁用语 “${phrase}”`);
  }
  const emoji = emojiCount(text);
  if (!ctx.persona.emoji.allowed && emoji > 0) problems.push('text 用了表情符号，但这个人设不用表情符号');
  else if (emoji > ctx.persona.emoji.maxPerPost) problems.push(`text 用了 ${emoji} 个表情符号，超过人设上限 ${ctx.persona.emoji.maxPerPost} 个`);
  return problems;
}

type Parsed = { ok: true; text: string; card?: CardFields } | { ok: false; problems: string[] };

/** A reply checked against the reply schema, the persona's rules and, for a card, its layout. */
export function parseReply(reply: ModelReply, ctx: DraftContext, layout?: CardTemplate): Parsed {
  const parsed = jsonObjectOf(reply, '输出被截断（达到长度上限），请写短一些');
  if (!parsed.ok) return parsed;
  const { data } = parsed;
  const issues = (error: z.ZodError) => error.issues.map((i) => `${formatPath(i.path) || '输出'} ${i.message}`);
  if (ctx.slot.kind !== 'card') {
    const result = replySchemas.text.safeParse(data);
    if (!result.success) return { ok: false, problems: issues(result.error) };
    const problems = personaProblems(result.data.text, undefined, ctx);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, text: result.data.text };
  }
  if (!layout) throw new Error(`parseReply: card slot ${ctx.slot.key} without its layout`);
  const result = replySchemas.card.safeParse(data);
  if (!result.success) return { ok: false, problems: issues(result.error) };
  const { text, card } = result.data;
  const checked = checkCard(layout, card, ctx);
  const { template: _template, ...words } = checked.ok ? checked.card : { template: '', ...card };
  const problems = [...(checked.ok ? [] : checked.problems), ...personaProblems(text, words, ctx)];
  if (!checked.ok || problems.length > 0) return { ok: false, problems };
  return { ok: true, text, card: checked.card };
}

// ---- failures ----------------------------------------------------------------------------------

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: '连接被拒绝，服务没有启动或端口不对',
  ENOTFOUND: '域名解析失败',
  EAI_AGAIN: '域名解析失败',
  ECONNRESET: '连接被重置',
  ETIMEDOUT: '连接超时',
  UND_ERR_CONNECT_TIMEOUT: '连接超时',
  UND_ERR_SOCKET: '连接中断',
  EHOSTUNREACH: '主机不可达',
  ENETUNREACH: '网络不可达',
  CERT_HAS_EXPIRED: 'TLS 证书已过期',
};

function networkCode(e: unknown): string | undefined {
  for (let c: unknown = e, depth = 0; c && typeof c === 'object' && depth < 5; c = (c as { cause?: unknown }).cause, depth++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string' && /^(E[A-Z_]+|UND_ERR_[A-Z_]+|CERT_[A-Z_]+)$/.test(code)) return code;
  }
  return undefined;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} 秒`;

/** A short, key-free excerpt of what the server or library said, for the cases we do not map. */
function excerpt(e: unknown, config: LlmConfig): string {
  const raw = e instanceof Error ? e.message : String(e);
  const clean = config.apiKey ? raw.split(config.apiKey).join('[已隐藏]') : raw;
  const short = clean.replace(/\s+/g, ' ').trim();
  return short.length > 160 ? `${short.slice(0, 160)}…` : short;
}

/** Chinese reason for a failed model call, naming the endpoint host (never the key). */
export function describeLlmError(e: unknown, config: LlmConfig): string {
  const host = llmHost(config);
  if (e instanceof DeadlineError || (e instanceof Error && e.name === 'TimeoutError')) {
    return `模型服务 ${host} 在 ${seconds(config.timeoutMs)}内没有返回结果（超时，可调大 SIYU_LLM_TIMEOUT_MS）`;
  }
  const status = (e as { status?: unknown } | null)?.status;
  if (typeof status === 'number') {
    const code = (e as { code?: unknown }).code;
    if (status === 401 || status === 403) return `模型服务 ${host} 拒绝了 API Key（HTTP ${status}），请检查 SIYU_LLM_API_KEY`;
    if (status === 404) return `模型服务 ${host} 返回 HTTP 404：没有模型 “${config.model}”，或接口地址不对（请检查 SIYU_LLM_MODEL 和 SIYU_LLM_BASE_URL）`;
    if (status === 429 && code === 'insufficient_quota') return `模型服务 ${host} 账户额度不足（HTTP 429）`;
    if (status === 429) return `模型服务 ${host} 限流（HTTP 429），自动重试后仍失败`;
    if (status >= 500) return `模型服务 ${host} 出错（HTTP ${status}），自动重试后仍失败`;
    return `模型服务 ${host} 拒绝了请求（HTTP ${status}）：${excerpt(e, config)}`;
  }
  const code = networkCode(e);
  if (code) return `无法连接模型服务 ${host}（${NETWORK_CODES[code] ?? code}）`;
  return `调用模型服务 ${host} 失败：${excerpt(e, config)}`;
}

// ---- the drafter -------------------------------------------------------------------------------

export interface LlmDrafterOptions {
  /** Defaults to loadPrompts() from prompts/; a broken prompt set throws here, before any slot. */
  prompts?: PromptSet;
  /**
   * The card layouts card slots are written for. Default: templates/cards/layouts, read on the
   * first card slot (once per process, shared with card rendering); a broken layout fails the
   * card slots with its reason, not the other slots.
   */
  cardTemplates?: CardTemplates;
}

type LayoutLookup = { ok: true; layout: CardTemplate } | { ok: false; reason: string };

export class LlmDrafter implements Drafter {
  readonly mode = 'llm' as const;
  readonly host: string;
  private readonly model: ChatOpenAI;
  private readonly prompts: PromptSet;
  private readonly cardTemplates: () => Promise<CardTemplates>;

  constructor(
    private readonly config: LlmConfig,
    options: LlmDrafterOptions = {},
  ) {
    this.host = llmHost(config);
    this.prompts = options.prompts ?? loadPrompts();
    this.model = createChatModel(config);
    const given = options.cardTemplates;
    this.cardTemplates = given ? () => Promise.resolve(given) : defaultCardTemplates;
  }

  /** The layout a card slot will be rendered with, if it exists and can be drafted for this slot. */
  private async layoutFor(ctx: DraftContext): Promise<LayoutLookup> {
    let templates: CardTemplates;
    try {
      templates = await this.cardTemplates();
    } catch (e) {
      return { ok: false, reason: `卡片版式读取失败：${describeCardError(e)}` };
    }
    try {
      const layout = templateNamed(templates, cardTemplateFor(ctx));
      const problem = layoutProblem(layout, ctx);
      return problem ? { ok: false, reason: `无法起草卡片：${problem}` } : { ok: true, layout };
    } catch (e) {
      return { ok: false, reason: `无法起草卡片：${describeCardError(e)}` };
    }
  }

  async draft(ctx: DraftContext): Promise<DraftOutcome> {
    const log = logger.child({ slot: ctx.slot.key, host: this.host, model: this.config.model });
    let layout: CardTemplate | undefined;
    if (ctx.slot.kind === 'card') {
      const found = await this.layoutFor(ctx);
      if (!found.ok) return { ok: false, reason: found.reason };
      layout = found.layout;
    }
    let messages: BaseMessage[];
    try {
      const prompt = this.prompts.render(ctx.slot.kind, promptView(ctx, this.prompts.vocabulary, layout && cardPrompt(layout)));
      messages = [new SystemMessage(prompt.system), new HumanMessage(prompt.user)];
    } catch (e) {
      return { ok: false, reason: `生成提示词失败：${e instanceof Error ? e.message : String(e)}` };
    }
    try {
      let problems: string[] = [];
      for (let attempt = 1; attempt <= 2; attempt++) {
        const reply = await callModel(this.model, messages, this.config.timeoutMs);
        const parsed = parseReply(reply, ctx, layout);
        if (parsed.ok) return { ok: true, text: parsed.text, ...(parsed.card ? { card: parsed.card } : {}), source: 'llm' };
        problems = parsed.problems;
        log.info({ attempt, problems }, 'model output rejected');
        // Keep the bad answer in the conversation so the model can see what it is correcting.
        messages = [...messages, new AIMessage(reply.content.slice(0, 4000) || '（空）'), new HumanMessage(this.prompts.retry(problems))];
      }
      return { ok: false, reason: `模型输出两次都不符合格式：${problems.join('；')}` };
    } catch (e) {
      const reason = describeLlmError(e, this.config);
      log.warn({ reason }, 'llm draft failed');
      return { ok: false, reason };
    }
  }
}

/** A base URL may carry user:password; never print that part. */
function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return llmHost({ baseURL: url });
  }
}

/**
 * One tiny call, before a long run, to find a wrong URL, key or model name at once.
 * Throws a SiyuError in Chinese; resolves with the round-trip time.
 */
export async function probeLlm(config: LlmConfig): Promise<{ host: string; model: string; ms: number }> {
  const host = llmHost(config);
  const model = createChatModel({ ...config, maxRetries: Math.min(config.maxRetries, 1) }, { maxTokens: 64 });
  const started = Date.now();
  try {
    await callModel(model, [new SystemMessage('你是连通性测试。只回复 json：{"ok": true}'), new HumanMessage('ping，请只回复 json')], config.timeoutMs);
  } catch (e) {
    throw new SiyuError(`模型服务不可用：${describeLlmError(e, config)}`, [`地址：${withoutCredentials(config.baseURL)}`, `模型：${config.model}`]);
  }
  return { host, model: config.model, ms: Date.now() - started };
}
