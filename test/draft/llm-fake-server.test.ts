// The fake chat-completions server itself, over plain fetch: other tests (and the demo) rely on it.
import { afterEach, describe, expect, it } from 'vitest';
import { cannedDraftHandler, FakeChatServer, reply } from '../support/fake-chat-server.ts';

const servers: FakeChatServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function start(options?: ConstructorParameters<typeof FakeChatServer>[0]) {
  const s = await new FakeChatServer(options).start();
  servers.push(s);
  return s;
}
const chat = (s: FakeChatServer, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${s.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('FakeChatServer', () => {
  it('answers with a chat.completion object and records the request', async () => {
    const s = await start();
    s.enqueue(reply.content('你好'));
    const res = await chat(s, { model: 'm1', messages: [{ role: 'user', content: 'hi' }] }, { 'x-trace': 'abc' });
    expect(res.status).toBe(200);
    const data = (await res.json()) as Record<string, any>;
    expect(data).toMatchObject({ object: 'chat.completion', model: 'm1', choices: [{ index: 0, message: { role: 'assistant', content: '你好' }, finish_reason: 'stop' }] });
    expect(data.id).toMatch(/^chatcmpl-/);
    expect(data.usage.total_tokens).toBe(data.usage.prompt_tokens + data.usage.completion_tokens);
    expect(s.requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', body: { model: 'm1' } });
    expect(s.requests[0]?.headers['x-trace']).toBe('abc');
  });

  it('serves scripted errors in the OpenAI error shape, with headers', async () => {
    const s = await start();
    s.enqueue(reply.rateLimited(3));
    const res = await chat(s, { model: 'm', messages: [] });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await res.json()).toMatchObject({ error: { type: 'rate_limit_error', code: 'rate_limit_exceeded' } });
  });

  it('uses the queue before the handler, and says when nothing is scripted', async () => {
    const s = await start();
    s.enqueue(reply.content('first')).setHandler((_req, i) => reply.content(`handler #${i}`));
    const contents = [];
    for (let i = 0; i < 2; i++) contents.push(((await (await chat(s, { model: 'm', messages: [] })).json()) as any).choices[0].message.content);
    expect(contents).toEqual(['first', 'handler #1']);
    s.setHandler(undefined);
    const res = await chat(s, { model: 'm', messages: [] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toContain('no reply scripted');
  });

  it('checks the bearer key and the model when asked to', async () => {
    const s = await start({ apiKey: 'k1', models: ['m1'], handler: cannedDraftHandler });
    expect((await chat(s, { model: 'm1', messages: [] }, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await chat(s, { model: 'm2', messages: [] }, { authorization: 'Bearer k1' })).status).toBe(404);
    const ok = await chat(s, { model: 'm1', messages: [] }, { authorization: 'Bearer k1' });
    expect(JSON.parse(((await ok.json()) as any).choices[0].message.content)).toHaveProperty('text');
    const models = (await (await fetch(`${s.baseURL}/models`, { headers: { authorization: 'Bearer k1' } })).json()) as any;
    expect(models.data.map((m: { id: string }) => m.id)).toEqual(['m1']);
  });

  it('closes promptly even with a request left hanging', async () => {
    const s = await new FakeChatServer({ handler: () => reply.hang() }).start();
    const pending = chat(s, { model: 'm', messages: [] }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await s.close();
    expect(Date.now() - started).toBeLessThan(500);
    expect(await pending).toBeInstanceOf(Error); // the connection was cut, not answered
  });
});
