// LlmDrafter against a real local HTTP server speaking the chat-completions protocol.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DraftOutcome } from '../../src/domain/types.ts';
import { resolveLlmConfig, type LlmConfig } from '../../src/draft/llm-config.ts';
import { LlmDrafter, MAX_TEXT_CHARS, probeLlm } from '../../src/draft/llm-drafter.ts';
import { loadCardTemplates } from '../../src/card/template/load.ts';
import { DEFAULT_CARD_TEMPLATES_DIR } from '../../src/draft/card-images.ts';
import { loadPrompts } from '../../src/draft/prompts.ts';
import { SiyuError } from '../../src/shared/errors.ts';
import { FakeChatServer, reply, type RecordedRequest } from '../support/fake-chat-server.ts';
import { context, persona, service } from './llm-fixture.ts';

const API_KEY = 'sk-test-secret-0123456789';
const prompts = loadPrompts();
const layouts = await loadCardTemplates(DEFAULT_CARD_TEMPLATES_DIR);
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
  const knowledgeCard = { title: '水光护理小贴士', points: ['操作约 40 分钟', '24 小时内不化妆', '护理后注意保湿'] };
  const cardSlot = (cardTemplate: string, contentType: Parameters<typeof context>[1] = 'knowledge') =>
    context('card', contentType, { slot: { ...context('card', contentType).slot, cardTemplate } });

  it('returns the card fields its layout prints, checked against the layout', async () => {
    // quote and an empty footer are not for a knowledge card: dropped, not printed, not an error.
    server.enqueue(reply.json({ text: '整理了三条护理要点，收藏起来～', card: { ...knowledgeCard, quote: '一句话', footer: '' } }));
    const out = await drafter().draft(context('card', 'knowledge'));
    expect(out).toEqual({
      ok: true,
      text: '整理了三条护理要点，收藏起来～',
      card: { template: 'knowledge_card', ...knowledgeCard },
      source: 'llm',
    });
    expect(server.chatRequests).toHaveLength(1);
  });

  it("tells the model the layout's fields and limits", async () => {
    server.enqueue(reply.json({ text: '整理了三条护理要点，收藏起来～', card: knowledgeCard }));
    await drafter().draft(context('card', 'knowledge'));
    const system = messagesOf(server.chatRequests[0]!)[0]?.content ?? '';
    expect(system).toContain('知识卡片');
    expect(system).toContain('title（标题）：必填；不超过 60 字');
    expect(system).toContain('points（要点）：必填；写成列表，3 到 5 条，每条不超过 120 字');
    expect(system).toContain('footer（页脚）：可选');
    expect(system).toContain('"card": {"title": "标题", "points": ["要点一", "要点二", "要点三"], "footer": "可选的页脚"}}');
    expect(system).not.toContain('"quote"');
    expect(system).not.toContain('2 到 4 条');
  });

  it('retries a knowledge card with too few points, naming the field and the minimum', async () => {
    server.enqueue(
      reply.json({ text: '两条护理要点，收藏起来～', card: { title: '水光护理小贴士', points: ['操作约 40 分钟', '24 小时内不化妆'] } }),
      reply.json({ text: '三条护理要点，收藏起来～', card: knowledgeCard }),
    );
    const out = await drafter().draft(context('card', 'knowledge'));
    expect(out).toMatchObject({ ok: true, card: { template: 'knowledge_card', points: knowledgeCard.points } });
    expect(server.chatRequests).toHaveLength(2);
    const second = messagesOf(server.chatRequests[1]!);
    expect(second.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(second[3]?.content).toContain('卡片字段 points（要点）：至少 3 条');
  });

  it('fails with the layout’s reasons when the second card is still wrong', async () => {
    const tooMany = { title: '小贴士', points: ['一', '二', '三', '四', '五', '六'] };
    server.enqueue(reply.json({ text: '配文', card: { title: '小贴士', points: '一条' } }), reply.json({ text: '配文', card: tooMany }));
    const reason = failure(await drafter().draft(context('card', 'knowledge')));
    expect(messagesOf(server.chatRequests[1]!).at(-1)?.content).toContain('卡片字段 points（要点）：必须是文字列表');
    expect(reason).toBe('模型输出两次都不符合格式：卡片字段 points（要点）：最多 5 条');
  });

  it('retries a quote card without its quote, and never asks the model for the persona’s name or role', async () => {
    server.enqueue(
      reply.json({ text: '周末去爬山了，心里很静。', card: { title: '周末感悟' } }),
      reply.json({ text: '周末去爬山了，心里很静。', card: { title: '周末感悟', quote: '慢慢来，比较快。' } }),
    );
    const out = await drafter().draft(cardSlot('quote_card', 'lifestyle'));
    expect(out).toMatchObject({ ok: true, card: { template: 'quote_card', title: '周末感悟', quote: '慢慢来，比较快。' } });
    expect(out.ok && out.card).not.toHaveProperty('name');
    const system = messagesOf(server.chatRequests[0]!)[0]?.content ?? '';
    expect(system).toContain('quote（语录）：必填；不超过 200 字');
    expect(system).toContain('自动印上你的姓名');
    expect(system).not.toMatch(/name（|role（|avatar（/);
    const feedback = messagesOf(server.chatRequests[1]!).at(-1)?.content ?? '';
    expect(feedback).toContain('卡片字段 quote（语录）：缺少这个字段');
    expect(feedback).not.toMatch(/name|role/);
  });

  it('asks a topic card for a question and 2–5 options', async () => {
    server.enqueue(
      reply.json({ text: '投票时间到～', card: { title: '小投票', options: ['补水', '防晒'] } }),
      reply.json({ text: '投票时间到～', card: { title: '夏天你更在意？', question: '夏天护肤你更在意哪一步？', options: ['补水', '防晒'] } }),
    );
    const out = await drafter().draft(cardSlot('topic_card', 'interaction'));
    expect(out).toMatchObject({ ok: true, card: { template: 'topic_card', title: '夏天你更在意？', options: ['补水', '防晒'] } });
    expect(messagesOf(server.chatRequests[0]!)[0]?.content).toContain('options（选项）：必填；写成列表，2 到 5 条');
    expect(messagesOf(server.chatRequests[1]!).at(-1)?.content).toContain('卡片字段 question（问题）：缺少这个字段');
  });

  it('names a missing card title', async () => {
    server.enqueue(reply.json({ text: '配文', card: { points: ['一', '二', '三'] } }), reply.json({ text: '配文', card: { title: ' ', points: ['一', '二', '三'] } }));
    const reason = failure(await drafter().draft(context('card', 'knowledge')));
    expect(messagesOf(server.chatRequests[1]!).at(-1)?.content).toContain('卡片字段 title（标题）：缺少这个字段');
    expect(reason).toBe('模型输出两次都不符合格式：卡片字段 title（标题）：缺少这个字段');
  });

  it('requires the card object for card slots', async () => {
    server.enqueue(reply.json(GOOD), reply.json(GOOD));
    expect(failure(await drafter().draft(context('card', 'knowledge')))).toBe('模型输出两次都不符合格式：card 缺失或不是对象');
  });

  it('fails a slot whose layout does not exist, without calling the model', async () => {
    const reason = failure(await drafter().draft(cardSlot('tips')));
    expect(reason).toMatch(/^无法起草卡片：没有名为 tips 的卡片模板；可用模板：.*knowledge_card/);
    expect(server.chatRequests).toHaveLength(0);
  });

  it('fails a quote card when the persona’s role does not fit the layout, without calling the model', async () => {
    const ctx = { ...cardSlot('quote_card', 'lifestyle'), persona: { ...persona, role: '资深'.repeat(20) } };
    const reason = failure(await drafter().draft(ctx));
    expect(reason).toContain('卡片版式 quote_card 用到的人设信息（lin）不符合要求：字段 role（身份）：不能超过 30 个字');
    expect(server.chatRequests).toHaveLength(0);
  });

  it('uses the layouts it is given', async () => {
    const own = new Map([['knowledge_card', { ...layouts.get('knowledge_card')!, fields: { ...layouts.get('knowledge_card')!.fields, points: { type: 'list' as const, label: '要点', required: true, min: 2, max: 2, maxLength: 20 } } }]]);
    server.enqueue(reply.json({ text: '两条要点～', card: { title: '小贴士', points: ['操作约 40 分钟', '24 小时内不化妆'] } }));
    const out = await new LlmDrafter(config(), { prompts, cardTemplates: own }).draft(context('card', 'knowledge'));
    expect(out).toMatchObject({ ok: true, card: { points: ['操作约 40 分钟', '24 小时内不化妆'] } });
    expect(messagesOf(server.chatRequests[0]!)[0]?.content).toContain('points（要点）：必填；写成列表，正好 2 条，每条不超过 20 字');
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
