// Compliant rewrites in LLM mode: the check → rewrite → re-check loop over HTTP against the local
// chat-completions server (the real ChatOpenAI client, never a stub), the prompt file, and
// `siyu check FILE --rewrite` as a person runs it.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadChecker, type Checker, type CheckContext } from '../../src/check/index.ts';
import { createRewriteModel, loadRewritePrompt, rewriteForCompliance, type RewriteModel } from '../../src/check/rewrite.ts';
import type { LlmConfig } from '../../src/draft/llm-config.ts';
import { DEFAULT_PROMPTS_DIR } from '../../src/draft/prompts.ts';
import { SiyuError } from '../../src/shared/errors.ts';
import { FakeChatServer, reply, type RecordedRequest } from '../support/fake-chat-server.ts';
import { clinic, services } from './helpers.ts';

const TAIL = '\n效果因人而异，具体请到院面诊评估。有问题随时问我～';
/** Two block claims: 永久 (R05-permanence) and 零风险 (R05-no-risk). */
const DIRTY = `姐妹们早呀～这周在做热玛吉的咨询，做完效果永久，几乎零风险。${TAIL}`;
const CLEAN = `姐妹们早呀～这周在做热玛吉的咨询，想了解的可以来找我聊聊，具体方案需要面诊评估。${TAIL}`;
/** Softened claims a model might offer instead of deleting; each must still be flagged. */
const SOFTENED = ['做完几乎不反弹', '做完基本不会反弹', '几乎零风险'].map((s) => `姐妹们早呀～这周在做热玛吉的咨询，${s}。${TAIL}`);

const userMessage = (req: RecordedRequest | undefined) => String(req?.body?.messages?.find((m) => m.role === 'user')?.content ?? '');

let checker: Checker;
let server: FakeChatServer;
let config: LlmConfig;
let model: RewriteModel;
const ctx: CheckContext = { brand: clinic, services };

beforeAll(async () => {
  checker = await loadChecker();
  server = await new FakeChatServer().start();
  config = { baseURL: server.baseURL, apiKey: 'sk-test-rewrite', model: 'test-model', timeoutMs: 10_000, maxRetries: 0 };
  model = createRewriteModel(config);
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => server.reset());

describe('the fixtures', () => {
  it('are what the tests assume: the dirty text blocks, the rewrite passes, every softened phrasing is still a claim', () => {
    const dirty = checker.check(DIRTY, ctx);
    expect(dirty.verdict).toBe('block');
    expect(dirty.findings.map((f) => f.match).sort()).toEqual(['永久', '零风险']);
    expect(checker.check(CLEAN, ctx).verdict).toBe('pass');
    for (const text of SOFTENED) expect(checker.check(text, ctx).verdict, text).toBe('block');
  });
});

describe('rewriteForCompliance', () => {
  it('stops after one clean rewrite: two checks, resolved', async () => {
    server.enqueue(reply.json({ text: CLEAN }));
    let checks = 0;
    const counting: Checker = { ...checker, categories: checker.categories, check: (t, c) => (checks++, checker.check(t, c)) };
    const ctxBefore = structuredClone(ctx);
    const result = await rewriteForCompliance({ text: DIRTY, ctx, checker: counting, model });
    expect(checks).toBe(2);
    expect(server.chatRequests).toHaveLength(1);
    expect(result.resolved).toBe(true);
    expect(result.stop).toBe('clean');
    expect(result.original.text).toBe(DIRTY);
    expect(result.original.report.verdict).toBe('block');
    expect(result.rounds).toHaveLength(1);
    expect(result.final).toEqual({ text: CLEAN, report: expect.objectContaining({ verdict: 'pass' }) });
    expect(result.final).toBe(result.rounds[0]);
    expect(ctx).toEqual(ctxBefore);
  });

  it('sends the whole text and every finding (quoted words, explanation, suggestion) in JSON mode', async () => {
    server.enqueue(reply.json({ text: CLEAN }));
    await rewriteForCompliance({ text: DIRTY, ctx, checker, model });
    const req = server.chatRequests[0]!;
    expect(req.body?.model).toBe('test-model');
    expect(req.body?.response_format).toEqual({ type: 'json_object' });
    expect(req.headers.authorization).toBe('Bearer sk-test-rewrite');
    const system = String(req.body?.messages?.find((m) => m.role === 'system')?.content);
    expect(system).toContain('json');
    expect(system).toContain('几乎不反弹'); // the instruction not to soften a claim
    const user = userMessage(req);
    expect(user).toContain(DIRTY);
    for (const f of checker.check(DIRTY, ctx).findings) {
      expect(user).toContain(`“${f.match}”`);
      expect(user).toContain(f.explanation);
      expect(user).toContain(f.suggestion);
    }
    expect(user).toContain('共 2 处');
  });

  it('keeps going while the model only softens the claim, and gives up after maxRounds unresolved', async () => {
    server.enqueue(...SOFTENED.map((text) => reply.json({ text })));
    const seen: number[] = [];
    const result = await rewriteForCompliance({ text: DIRTY, ctx, checker, model, maxRounds: 3, onRound: (_r, n) => seen.push(n) });
    expect(server.chatRequests).toHaveLength(3);
    expect(seen).toEqual([1, 2, 3]);
    expect(result.resolved).toBe(false);
    expect(result.stop).toBe('rounds');
    expect(result.rounds.map((r) => r.text)).toEqual(SOFTENED);
    expect(result.rounds.map((r) => r.report.verdict)).toEqual(['block', 'block', 'block']);
    expect(result.final).toBe(result.rounds[2]);
    // Each round is asked about the previous round's text and its own findings.
    expect(userMessage(server.chatRequests[1])).toContain(SOFTENED[0]);
    expect(userMessage(server.chatRequests[1])).toContain('“不反弹”');
    expect(userMessage(server.chatRequests[2])).toContain('“不会反弹”');
  });

  it('stops early when the model hands back the text it was given', async () => {
    server.enqueue(reply.json({ text: SOFTENED[0] }), reply.json({ text: `\n${SOFTENED[0]}  ` }));
    const result = await rewriteForCompliance({ text: DIRTY, ctx, checker, model, maxRounds: 5 });
    expect(server.chatRequests).toHaveLength(2);
    expect(result.stop).toBe('unchanged');
    expect(result.resolved).toBe(false);
    expect(result.rounds).toHaveLength(1);
    expect(result.final.text).toBe(SOFTENED[0]);
  });

  it('stops at once when the first reply is the original', async () => {
    server.enqueue(reply.json({ text: DIRTY }));
    const result = await rewriteForCompliance({ text: DIRTY, ctx, checker, model });
    expect(server.chatRequests).toHaveLength(1);
    expect(result).toMatchObject({ stop: 'unchanged', resolved: false, rounds: [] });
    expect(result.final).toBe(result.original);
  });

  it('does not call the model when the text is already clean', async () => {
    const result = await rewriteForCompliance({ text: CLEAN, ctx, checker, model });
    expect(server.chatRequests).toHaveLength(0);
    expect(result).toMatchObject({ stop: 'clean', resolved: true, rounds: [] });
  });

  it('turns an HTTP error into a Chinese SiyuError naming the host, not the key', async () => {
    server.enqueue(reply.error(500, { message: 'upstream exploded' }));
    const err = await rewriteForCompliance({ text: DIRTY, ctx, checker, model }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SiyuError);
    expect((err as SiyuError).message).toBe(`第 1 轮 AI 改写失败：模型服务 ${new URL(server.baseURL).host} 出错（HTTP 500），自动重试后仍失败`);
    server.enqueue(reply.unauthorized());
    const denied = (await rewriteForCompliance({ text: DIRTY, ctx, checker, model }).catch((e: unknown) => e)) as SiyuError;
    expect(denied.message).toContain('拒绝了 API Key（HTTP 401），请检查 SIYU_LLM_API_KEY');
    expect(denied.toString()).not.toContain('sk-test-rewrite');
  });

  it('retries once when the output is not the JSON asked for, sending the problems back', async () => {
    server.enqueue(reply.content('好的，改写如下：……'), reply.content(`\`\`\`json\n${JSON.stringify({ text: CLEAN })}\n\`\`\``));
    const result = await rewriteForCompliance({ text: DIRTY, ctx, checker, model });
    expect(result.resolved).toBe(true);
    expect(server.chatRequests).toHaveLength(2);
    const retry = server.chatRequests[1]!.body!.messages!;
    expect(retry.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(String(retry[3]!.content)).toContain('输出不是合法的 JSON 对象');
  });

  it('fails in Chinese when the output is malformed twice (extra fields count)', async () => {
    server.enqueue(reply.json({ text: CLEAN, note: '已删除' }), reply.json({ rewritten: CLEAN }));
    const err = (await rewriteForCompliance({ text: DIRTY, ctx, checker, model }).catch((e: unknown) => e)) as SiyuError;
    expect(err).toBeInstanceOf(SiyuError);
    expect(err.message).toMatch(/^第 1 轮 AI 改写失败：.*输出两次都不符合格式/);
    expect(err.details).toEqual(['多了字段 rewritten（只要 text 一个字段）', 'text 缺失或不是文本']);
    expect(String(server.chatRequests[1]!.body!.messages![3]!.content)).toContain('多了字段 note');
  });

  it('rejects a round count outside 1–5', async () => {
    await expect(rewriteForCompliance({ text: DIRTY, ctx, checker, model, maxRounds: 6 })).rejects.toThrow('改写轮数 “6” 无效，应为 1 到 5 的整数');
    expect(server.chatRequests).toHaveLength(0);
  });
});

describe('prompts/rewrite.yaml', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siyu-rewrite-prompt-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const broken = async (name: string, edit: (s: string) => string) => {
    const target = path.join(dir, name);
    await cp(DEFAULT_PROMPTS_DIR, target, { recursive: true });
    const file = path.join(target, 'rewrite.yaml');
    await writeFile(file, edit(await readFile(file, 'utf8')));
    try {
      loadRewritePrompt(target);
    } catch (e) {
      return e as SiyuError;
    }
    throw new Error('expected the prompt to be rejected');
  };

  it('loads and renders every finding', () => {
    const prompt = loadRewritePrompt();
    const [f] = checker.check(DIRTY, ctx).findings;
    const rendered = prompt.render({
      text: DIRTY,
      round: 1,
      count: 1,
      findings: [{ n: 1, match: f!.match, severity: '禁止', category: f!.category, title: '标题', rule: f!.rule, explanation: f!.explanation, suggestion: f!.suggestion }],
    });
    expect(rendered.user).toContain(`1. “${f!.match}”（禁止 · ${f!.category} 标题）`);
    expect(prompt.retry(['输出为空'])).toContain('- 输出为空');
  });

  it('names the file and part of a missing template or a misspelt field', async () => {
    const missing = await broken('a', (s) => s.slice(0, s.indexOf('retry:')));
    expect(missing).toBeInstanceOf(SiyuError);
    expect(missing.details).toEqual(['rewrite.yaml retry：缺失或不是文本']);
    const typo = await broken('b', (s) => s.replace('{{explanation}}', '{{explaination}}'));
    expect(typo.details).toEqual([expect.stringMatching(/^rewrite\.yaml user：模板第 \d+ 行引用了不存在的字段 “explaination”/)]);
    const syntax = await broken('c', (s) => s.replace('{{/each}}', '{{/eahc}}'));
    expect(syntax.details[0]).toMatch(/^rewrite\.yaml user：/);
  });
});

// ---- the command -------------------------------------------------------------------------------

const execFileP = promisify(execFile);
const BIN = path.resolve('bin/siyu.mjs');
const NO_LLM = { SIYU_LLM_BASE_URL: '', SIYU_LLM_API_KEY: '', SIYU_LLM_MODEL: '', SIYU_LLM_TIMEOUT_MS: '', SIYU_LLM_MAX_RETRIES: '' };

async function siyu(args: string[], cwd: string, env: Record<string, string>) {
  try {
    const { stdout, stderr } = await execFileP(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, DATABASE_URL: '', SIYU_WORKSPACE: '', ...NO_LLM, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('siyu check FILE --rewrite', () => {
  let dir: string;
  let file: string;
  let llmEnv: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siyu-rewrite-cli-'));
    file = path.join(dir, 'draft.txt');
    await writeFile(file, DIRTY);
    llmEnv = { SIYU_LLM_BASE_URL: server.baseURL, SIYU_LLM_API_KEY: 'sk-cli', SIYU_LLM_MODEL: 'test-model', SIYU_LLM_MAX_RETRIES: '0' };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the check, then each suggested rewrite with its re-check, says nothing was changed, and changes nothing', async () => {
    server.enqueue(reply.json({ text: SOFTENED[1] }), reply.json({ text: CLEAN }));
    const r = await siyu(['check', file, '--rewrite'], dir, llmEnv);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^合规检查：禁止发布，必须修改（2 处禁止）/);
    expect(out).toContain('以下为建议改写，需编辑确认后才会使用，未修改任何草稿');
    expect(out).toContain(`---- 第 1 轮建议改写 ----\n${SOFTENED[1]}`);
    expect(out).toMatch(/第 1 轮复查：\n合规检查：禁止发布，必须修改（1 处禁止）/);
    expect(out).toContain(`---- 第 2 轮建议改写 ----\n${CLEAN}`);
    expect(out).toMatch(/第 2 轮复查：\n合规检查：可以发布/);
    expect(out).toContain('结果：第 2 轮改写复查为“可以发布”。');
    expect(out.indexOf('合规检查：禁止发布')).toBeLessThan(out.indexOf('以下为建议改写'));
    expect(server.chatRequests).toHaveLength(2);
    expect(userMessage(server.chatRequests[0])).toContain('“零风险”');
    expect(await readFile(file, 'utf8')).toBe(DIRTY);
  });

  it('says when the rounds run out unresolved, honouring --rounds', async () => {
    server.enqueue(reply.json({ text: SOFTENED[0] }), reply.json({ text: SOFTENED[1] }));
    const r = await siyu(['check', file, '--rewrite', '--rounds', '2'], dir, llmEnv);
    expect(r.code).toBe(0);
    expect(server.chatRequests).toHaveLength(2);
    expect(r.stdout).toContain('结果：改写 2 轮后复查仍为“禁止发布，必须修改”（1 处禁止），需要人工修改。');
  });

  it('explains which variables to set when no model is configured', async () => {
    const r = await siyu(['check', file, '--rewrite'], dir, {});
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('错误：--rewrite 需要调用模型服务，请先设置以下环境变量');
    for (const name of ['SIYU_LLM_BASE_URL', 'SIYU_LLM_API_KEY', 'SIYU_LLM_MODEL']) expect(r.stderr).toContain(name);
  });

  it('rejects a bad --rounds in Chinese', async () => {
    const r = await siyu(['check', file, '--rewrite', '--rounds', '9'], dir, llmEnv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('改写轮数 --rounds “9” 无效，应为 1 到 5 的整数');
    const alone = await siyu(['check', file, '--rounds', '2'], dir, llmEnv);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--rounds 只能和 --rewrite 一起使用');
    expect(server.chatRequests).toHaveLength(0);
  });

  it('exits non-zero with the reason when the model service fails, after printing the check', async () => {
    server.enqueue(reply.error(503));
    const r = await siyu(['check', file, '--rewrite'], dir, llmEnv);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^合规检查：禁止发布/);
    expect(r.stderr).toContain(`错误：第 1 轮 AI 改写失败：模型服务 ${new URL(server.baseURL).host} 出错（HTTP 503）`);
    expect(r.stderr).not.toContain('sk-cli');
  });
});
