import { describe, expect, it } from 'vitest';
import { DEFAULT_LLM_MAX_RETRIES, DEFAULT_LLM_TIMEOUT_MS, llmConfigFromEnv, llmHost, resolveLlmConfig } from '../../src/draft/llm-config.ts';
import { SiyuError } from '../../src/shared/errors.ts';

const KEY = 'sk-secret-do-not-print';
const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

function thrown(fn: () => unknown): SiyuError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SiyuError) return e;
    throw e;
  }
  throw new Error('expected a SiyuError');
}

describe('llmConfigFromEnv', () => {
  it('is undefined when nothing is configured', () => {
    expect(llmConfigFromEnv(env({}))).toBeUndefined();
    expect(llmConfigFromEnv(env({ SIYU_LLM_BASE_URL: ' ', SIYU_LLM_TIMEOUT_MS: '5000' }))).toBeUndefined();
  });

  it('reads the variables and fills defaults', () => {
    const config = llmConfigFromEnv(env({ SIYU_LLM_BASE_URL: 'https://api.deepseek.com', SIYU_LLM_API_KEY: KEY, SIYU_LLM_MODEL: 'deepseek-chat' }));
    expect(config).toEqual({
      baseURL: 'https://api.deepseek.com',
      apiKey: KEY,
      model: 'deepseek-chat',
      timeoutMs: DEFAULT_LLM_TIMEOUT_MS,
      maxRetries: DEFAULT_LLM_MAX_RETRIES,
    });
    expect(llmHost(config!)).toBe('api.deepseek.com');
  });

  it('parses the timeout', () => {
    const config = llmConfigFromEnv(
      env({ SIYU_LLM_BASE_URL: 'http://127.0.0.1:11434/v1', SIYU_LLM_API_KEY: 'ollama', SIYU_LLM_MODEL: 'qwen3:8b', SIYU_LLM_TIMEOUT_MS: '15000' }),
    );
    expect(config?.timeoutMs).toBe(15_000);
  });

  it('names a bad URL and a bad timeout by variable, without echoing the key', () => {
    const err = thrown(() =>
      llmConfigFromEnv(env({ SIYU_LLM_BASE_URL: 'api.deepseek.com', SIYU_LLM_API_KEY: KEY, SIYU_LLM_MODEL: 'm', SIYU_LLM_TIMEOUT_MS: '十秒' })),
    );
    expect(err.message).toBe('模型服务配置有误：');
    expect(err.details).toEqual([
      'SIYU_LLM_BASE_URL：不是有效的 http(s) 地址，例如 https://api.deepseek.com',
      'SIYU_LLM_TIMEOUT_MS：必须是数字（毫秒）',
    ]);
    expect(err.toString()).not.toContain(KEY);
  });

  it('names the variables missing from a partial setup', () => {
    const err = thrown(() => llmConfigFromEnv(env({ SIYU_LLM_BASE_URL: 'https://api.moonshot.cn/v1' })));
    expect(err.details).toEqual(['SIYU_LLM_API_KEY：未设置', 'SIYU_LLM_MODEL：未设置']);
  });

  it('rejects a non-http scheme', () => {
    const err = thrown(() => llmConfigFromEnv(env({ SIYU_LLM_BASE_URL: 'ftp://example.com', SIYU_LLM_API_KEY: KEY, SIYU_LLM_MODEL: 'm' })));
    expect(err.details[0]).toMatch(/^SIYU_LLM_BASE_URL：/);
  });
});

describe('resolveLlmConfig', () => {
  it('names explicit options by field', () => {
    const err = thrown(() => resolveLlmConfig({ baseURL: 'https://api.openai.com/v1', apiKey: KEY, model: 'gpt-4o-mini', timeoutMs: 50 }));
    expect(err.details).toEqual(['timeoutMs：必须在 100 到 600000 毫秒之间']);
  });
});
