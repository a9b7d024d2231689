// LlmDrafter against a real local HTTP server speaking the chat-completions protocol.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DraftOutcome } from '../../src/domain/types.ts';
import { resolveLlmConfig, type LlmConfig } from '../../src/draft/llm-config.ts';
import { LlmDrafter, MAX_TEXT_CHARS, probeLlm } from '../../src/draft/llm-drafter.ts';
import { loadPrompts } from '../../src/draft/prompts.ts';
import { SiyuError } from '../../src/shared/errors.ts';
import { FakeChatServer, reply, type RecordedRequest } from '../support/fake-chat-server.ts';
import { context, persona, service } from './llm-fixture.ts';

const API_KEY = 'sk-test-secret-0123456789';
const prompts = loadPrompts();
const server = new FakeChatServer();

beforeAll(async () => {
  await server.start();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

function config(overrides: Partial<LlmConfig> = {}): LlmConfig {
  return resolveLlmConfig({ baseURL: server.baseURL, apiKey: API_KEY, model: 'deepseek-chat', timeoutMs: 5_000, maxRetries: 2, ...overrides });
}
const drafter = (overrides: Partial<LlmConfig> = {}) => new LlmDrafter(config(overrides), { prompts });

const messagesOf = (r: RecordedRequest) => (r.body?.messages ?? []) as { role: string; content: string }[];
const failure = (o: DraftOutcome) => {
  if (o.ok) throw new Error(`expected a failure, got ${JSON.stringify(o)}`);
  return o.reason;
};

const GOOD = { text: '早呀姐妹们～水光护理大约 40 分钟，做完 24 小时内先别化妆。适不适合你，来院面诊时我们一起看看🌿 有问题随时找我～晓晓' };

describe('LlmDrafter: a valid reply', () => {
  it('returns the text and sends model, JSON mode, bearer key and the persona', async () => {
    server.enqueue(reply.json(GOOD));
    const out = await drafter().draft(context('moments', 'product'));

    expect(out).toEqual({ ok: true, text: GOOD.text, source: 'llm' });
    expect(server.chatRequests).toHaveLength(1);
    const req = server.chatRequests[0]!;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(req.body?.model).toBe('deepseek-chat');
    expect(req.body?.response_format).toEqual({ type: 'json_object' });
    expect(req.body?.stream ?? false).toBe(false);
    expect(req.body).not.toHaveProperty('stream_options');
    expect(req.body).not.toHaveProperty('enable_thinking');

    const [system, user] = messagesOf(req);
    expect(system?.role).toBe('system');
    expect(system?.content).toContain(persona.name);
    expect(system?.content).toContain(persona.role);
    for (const v of persona.voice) expect(system?.content).toContain(v);
    for (const b of persona.bannedPhrases) expect(system?.content).toContain(b);
    expect(system?.content).toContain('皮肤管理新客');
    expect(system?.content).toContain('不写任何价格'); // no ad-review certificate in the fixture
    expect(system?.content.toLowerCase()).toContain('json'); // JSON mode requires it (DeepSeek, OpenAI)
    expect(user?.role).toBe('user');
    for (const f of service.facts) expect(user?.content).toContain(f);
  });

  it('accepts JSON wrapped in a code fence or after a <think> block', async () => {
    server.enqueue(reply.content('<think>先想想</think>\n```json\n' + JSON.stringify(GOOD) + '\n```'));
    const out = await drafter().draft(context());
    expect(out).toMatchObject({ ok: true, text: GOOD.text });
    expect(server.chatRequests).toHaveLength(1);
  });

  it('turns off Qwen3 thinking, which DashScope requires for non-streaming calls', async () => {
    server.enqueue(reply.json(GOOD));
    await drafter({ model: 'qwen3-max' }).draft(context());
    expect(server.chatRequests[0]?.body?.enable_thinking).toBe(false);
  });
});

describe('LlmDrafter: invalid output', () => {
  it('retries once with the validation problem and succeeds', async () => {
    server.enqueue(reply.json({ text: '   ' }), reply.json(GOOD));
    const out = await drafter().draft(context());

    expect(out).toMatchObject({ ok: true, text: GOOD.text });
    expect(server.chatRequests).toHaveLength(2);
    const second = messagesOf(server.chatRequests[1]!);
    expect(second.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(second[2]?.content).toBe(JSON.stringify({ text: '   ' }));
    expect(second[3]?.content).toContain('text 为空');
    expect(second[3]?.content.toLowerCase()).toContain('json');
  });

  it('gives up after two invalid outputs with a Chinese reason and exactly two calls', async () => {
    server.enqueue(reply.content('好的，这是朋友圈：今天天气不错'), reply.content('还是不是 JSON'));
    const reason = failure(await drafter().draft(context()));
    expect(reason).toMatch(/^模型输出两次都不符合格式：/);
    expect(reason).toContain('JSON');
    expect(server.chatRequests).toHaveLength(2);
  });

  it('names a missing field', async () => {
    server.enqueue(reply.json({ txt: '写错了字段名' }), reply.json({ content: '又错了' }));
    expect(failure(await drafter().draft(context()))).toBe('模型输出两次都不符合格式：text 缺失或不是文本');
  });

  it('rejects text over the WeCom limit', async () => {
    server.enqueue(reply.json({ text: '字'.repeat(MAX_TEXT_CHARS + 1) }), reply.json(GOOD));
    await drafter().draft(context());
    expect(messagesOf(server.chatRequests[1]!).at(-1)?.content).toContain(`超过 ${MAX_TEXT_CHARS} 字`);
  });

  it("enforces the persona's banned phrases and emoji limit", async () => {
    server.enqueue(reply.json({ text: '家人们早上好🌿🌿🌿' }), reply.json({ text: '家人们早上好' }));
    const reason = failure(await drafter().draft(context()));
    const feedback = messagesOf(server.chatRequests[1]!).at(-1)?.content;
    expect(feedback).toContain('用了人设禁用语 “家人们”');
    expect(feedback).toContain('text 用了 3 个表情符号，超过人设上限 2 个');
    expect(reason).toBe('模型输出两次都不符合格式：用了人设禁用语 “家人们”');
  });

  it('says when the output was cut off by the length limit', async () => {
    server.enqueue(reply.content('{"text": "写到一半', { finishReason: 'length' }), reply.json(GOOD));
    await drafter().draft(context());
    expect(messagesOf(server.chatRequests[1]!).at(-1)?.content).toContain('输出被截断');
  });
});

describe('LlmDrafter: cards', () => {
  it('returns validated card fields with the slot’s card template', async () => {
    const card = { title: '水光护理小贴士', points: ['操作约 40 分钟', '24 小时内不化妆'], quote: null, footer: '' };
    server.enqueue(reply.json({ text: '整理了两条护理要点，收藏起来～', card }));
    const out = await drafter().draft(context('card', 'knowledge'));
    expect(out).toEqual({
      ok: true,
      text: '整理了两条护理要点，收藏起来～',
      card: { template: 'tips', title: '水光护理小贴士', points: ['操作约 40 分钟', '24 小时内不化妆'] },
      source: 'llm',
    });
    expect(messagesOf(server.chatRequests[0]!)[0]?.content).toContain('"card"');
  });

  it('retries a card without a question or points', async () => {
    server.enqueue(
      reply.json({ text: '投票时间到～', card: { title: '小投票', options: ['补水', '防晒'] } }),
      reply.json({ text: '投票时间到～', card: { title: '夏天你更在意？', question: '夏天护肤你更在意哪一步？', options: ['补水', '防晒'] } }),
    );
    const out = await drafter().draft(context('card', 'interaction', { slot: { ...context('card').slot, cardTemplate: 'poll' } }));
    expect(out).toMatchObject({ ok: true, card: { template: 'poll', title: '夏天你更在意？', options: ['补水', '防晒'] } });
    const feedback = messagesOf(server.chatRequests[1]!).at(-1)?.content ?? '';
    expect(feedback).toContain('card 要点（points）和问题（question）至少要有一项');
    expect(feedback).toContain('card.options 有选项时必须有问题（question）');
  });

  it('names a missing card title', async () => {
    server.enqueue(reply.json({ text: '配文', card: { points: ['一条'] } }), reply.json({ text: '配文', card: { title: ' ', points: ['一条'] } }));
    const reason = failure(await drafter().draft(context('card', 'knowledge')));
    expect(messagesOf(server.chatRequests[1]!).at(-1)?.content).toContain('card.title 缺失或不是文本');
    expect(reason).toBe('模型输出两次都不符合格式：card.title 为空');
  });

  it('requires the card object for card slots', async () => {
    server.enqueue(reply.json(GOOD), reply.json(GOOD));
    expect(failure(await drafter().draft(context('card', 'knowledge')))).toBe('模型输出两次都不符合格式：card 缺失或不是对象');
  });
});

describe('LlmDrafter: transport failures', () => {
  it('lets LangChain retry an HTTP 500', async () => {
    server.enqueue(reply.error(500, { message: 'upstream exploded' }), reply.json(GOOD));
    expect(await drafter().draft(context())).toMatchObject({ ok: true, text: GOOD.text });
    expect(server.chatRequests).toHaveLength(2);
  });

  it('retries an HTTP 429 and fails with a Chinese reason when it persists', async () => {
    server.enqueue(reply.rateLimited(0), reply.json(GOOD));
    expect(await drafter().draft(context())).toMatchObject({ ok: true });
    expect(server.chatRequests).toHaveLength(2);

    server.reset();
    server.setHandler(() => reply.rateLimited(0));
    const reason = failure(await drafter({ maxRetries: 1 }).draft(context()));
    expect(reason).toBe(`模型服务 127.0.0.1:${server.port} 限流（HTTP 429），自动重试后仍失败`);
    expect(server.chatRequests).toHaveLength(2);
  });

  it('times out a hanging server within the timeout', async () => {
    server.setHandler(() => reply.hang());
    const started = Date.now();
    const reason = failure(await drafter({ timeoutMs: 400 }).draft(context()));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(380);
    expect(elapsed).toBeLessThan(1_200);
    expect(reason).toContain(`127.0.0.1:${server.port}`);
    expect(reason).toContain('超时');
  });

  it("keeps LangChain's retries and back-off inside the same deadline", async () => {
    server.setHandler(() => reply.error(503));
    const started = Date.now();
    const reason = failure(await drafter({ timeoutMs: 500, maxRetries: 3 }).draft(context()));
    expect(Date.now() - started).toBeLessThan(1_200); // the back-off alone would be 1–2 s per retry
    expect(reason).toContain('超时');
  });

  it('still succeeds when the reply is slow but within the timeout', async () => {
    server.enqueue(reply.json(GOOD, { delayMs: 150 }));
    expect(await drafter({ timeoutMs: 2_000 }).draft(context())).toMatchObject({ ok: true });
  });

  it('reports a rejected key once, without retrying and without the key', async () => {
    server.setHandler(() => reply.unauthorized());
    const reason = failure(await drafter().draft(context()));
    expect(reason).toBe(`模型服务 127.0.0.1:${server.port} 拒绝了 API Key（HTTP 401），请检查 SIYU_LLM_API_KEY`);
    expect(reason).not.toContain(API_KEY);
    expect(server.chatRequests).toHaveLength(1);
  });

  it('reports an unknown model by name', async () => {
    const strict = await new FakeChatServer({ models: ['deepseek-chat'] }).start();
    try {
      const d = new LlmDrafter(resolveLlmConfig({ baseURL: strict.baseURL, apiKey: API_KEY, model: 'deepseek-chta' }), { prompts });
      const reason = failure(await d.draft(context()));
      expect(reason).toContain('HTTP 404');
      expect(reason).toContain('deepseek-chta');
      expect(strict.chatRequests).toHaveLength(1);
    } finally {
      await strict.close();
    }
  });

  it('reports an unreachable endpoint naming the host', async () => {
    const gone = await new FakeChatServer().start();
    const baseURL = gone.baseURL;
    const host = `127.0.0.1:${gone.port}`;
    await gone.close();
    const d = new LlmDrafter(resolveLlmConfig({ baseURL, apiKey: API_KEY, model: 'm', maxRetries: 0, timeoutMs: 2_000 }), { prompts });
    const reason = failure(await d.draft(context()));
    expect(reason).toBe(`无法连接模型服务 ${host}（连接被拒绝，服务没有启动或端口不对）`);
  });

  it('reports a dropped connection without throwing', async () => {
    server.setHandler(() => reply.drop());
    const reason = failure(await drafter({ maxRetries: 0 }).draft(context()));
    expect(reason).toContain(`127.0.0.1:${server.port}`);
    expect(reason).not.toContain(API_KEY);
  });
});

describe('probeLlm', () => {
  it('resolves against a working endpoint', async () => {
    server.enqueue(reply.json({ ok: true }));
    await expect(probeLlm(config())).resolves.toMatchObject({ host: `127.0.0.1:${server.port}`, model: 'deepseek-chat' });
    expect(server.chatRequests[0]?.body?.response_format).toEqual({ type: 'json_object' });
  });

  it('throws a Chinese SiyuError when the key is rejected', async () => {
    server.setHandler(() => reply.unauthorized());
    const err = await probeLlm(config()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SiyuError);
    expect((err as SiyuError).message).toBe(`模型服务不可用：模型服务 127.0.0.1:${server.port} 拒绝了 API Key（HTTP 401），请检查 SIYU_LLM_API_KEY`);
    expect((err as SiyuError).toString()).not.toContain(API_KEY);
  });
});
