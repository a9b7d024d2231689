// Where the LLM lives and how long to wait for it. Any OpenAI-compatible chat-completions endpoint
// works (OpenAI, DeepSeek, Qwen/DashScope, Moonshot, a local vLLM or Ollama).
// Error messages name the setting that is wrong but never echo its value: one of them is a secret.
import { z } from 'zod';
import { SiyuError } from '../shared/errors.ts';

export interface LlmConfig {
  /** e.g. https://api.deepseek.com or https://dashscope.aliyuncs.com/compatible-mode/v1 */
  baseURL: string;
  apiKey: string;
  model: string;
  /** Longest wait for one model call, LangChain's automatic retries included. */
  timeoutMs: number;
  /** LangChain's retries of one call on HTTP 429 / 5xx / network errors (not on 4xx). */
  maxRetries: number;
}

export type LlmConfigInput = Partial<Record<keyof LlmConfig, unknown>>;

export const DEFAULT_LLM_TIMEOUT_MS = 60_000;
export const DEFAULT_LLM_MAX_RETRIES = 2;

export const LLM_ENV = {
  baseURL: 'SIYU_LLM_BASE_URL',
  apiKey: 'SIYU_LLM_API_KEY',
  model: 'SIYU_LLM_MODEL',
  timeoutMs: 'SIYU_LLM_TIMEOUT_MS',
  maxRetries: 'SIYU_LLM_MAX_RETRIES',
} as const satisfies Record<keyof LlmConfig, string>;

const required = z.string({ error: '未设置' }).trim().min(1, '未设置');
const configSchema = z.object({
  baseURL: required.pipe(
    z.url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: '不是有效的 http(s) 地址，例如 https://api.deepseek.com' }),
  ),
  apiKey: required,
  model: required,
  timeoutMs: z.coerce
    .number({ error: '必须是数字（毫秒）' })
    .int('必须是整数（毫秒）')
    .min(100, '必须在 100 到 600000 毫秒之间')
    .max(600_000, '必须在 100 到 600000 毫秒之间')
    .default(DEFAULT_LLM_TIMEOUT_MS),
  maxRetries: z.coerce
    .number({ error: '必须是数字' })
    .int('必须是整数')
    .min(0, '必须在 0 到 5 之间')
    .max(5, '必须在 0 到 5 之间')
    .default(DEFAULT_LLM_MAX_RETRIES),
});

/** Blank strings count as "not given", so `SIYU_LLM_TIMEOUT_MS=` falls back to the default. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

function validate(input: LlmConfigInput, label: (field: keyof LlmConfig) => string): LlmConfig {
  const cleaned = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, blankToUndefined(v)]));
  const result = configSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => `${label(i.path[0] as keyof LlmConfig)}：${i.message}`);
  throw new SiyuError('模型服务配置有误：', details);
}

/** Validates explicit options (e.g. from the CLI or a test); errors name the option. */
export function resolveLlmConfig(input: LlmConfigInput): LlmConfig {
  return validate(input, (field) => field);
}

/**
 * Reads SIYU_LLM_* from the environment. Undefined when none of base URL, key and model is set
 * (the caller then drafts from templates); a partial or invalid setting throws, naming the variable.
 */
export function llmConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LlmConfig | undefined {
  const input = Object.fromEntries(Object.entries(LLM_ENV).map(([field, name]) => [field, env[name]])) as LlmConfigInput;
  const configured = [input.baseURL, input.apiKey, input.model].some((v) => blankToUndefined(v) !== undefined);
  if (!configured) return undefined;
  return validate(input, (field) => LLM_ENV[field]);
}

/** The endpoint's host, for messages: people need to know which service failed, never the key. */
export function llmHost(config: Pick<LlmConfig, 'baseURL'>): string {
  try {
    return new URL(config.baseURL).host;
  } catch {
    return config.baseURL;
  }
}
