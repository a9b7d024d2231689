// A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol (non-streaming),
// so tests drive the real LangChain/OpenAI client over the wire instead of a stub. Each reply is
// scripted: a queue of replies is used first, then a handler function. Every request is recorded.
//
//   const server = await new FakeChatServer().start();
//   server.enqueue(reply.json({ text: '…' }), reply.error(500));
//   … point the client at server.baseURL (http://127.0.0.1:PORT/v1) …
//   server.requests[0].body.messages; server.requests[0].headers.authorization
//   await server.close();
//
// Also usable as a stand-in "LLM" outside tests: new FakeChatServer({ handler: cannedDraftHandler }).
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined when the body was not JSON. */
  body: ChatRequestBody | undefined;
  rawBody: string;
  at: number;
}

/** The parts of a chat-completions request body tests usually look at. */
export interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content: unknown }[];
  response_format?: { type: string };
  stream?: boolean;
  [key: string]: unknown;
}

interface Timing {
  /** Wait this long before answering. */
  delayMs?: number;
}

export type FakeReply =
  | (Timing & { type: 'content'; content: string; finishReason?: string; model?: string })
  | (Timing & { type: 'error'; status: number; message?: string; code?: string; headers?: Record<string, string> })
  /** Never answer (until the client gives up or the server closes): for timeouts. */
  | { type: 'hang' }
  /** Cut the connection without a response: a network failure. */
  | { type: 'drop' };

export type FakeHandler = (request: RecordedRequest, index: number) => FakeReply | Promise<FakeReply>;

/** Shorthands for scripting replies. */
export const reply = {
  /** A well-formed completion whose content is `value` serialised as JSON. */
  json: (value: unknown, timing: Timing = {}): FakeReply => ({ type: 'content', content: JSON.stringify(value), ...timing }),
  /** A well-formed completion with arbitrary content (e.g. not JSON at all). */
  content: (content: string, extra: Timing & { finishReason?: string } = {}): FakeReply => ({ type: 'content', content, ...extra }),
  error: (status: number, extra: Timing & { message?: string; code?: string; headers?: Record<string, string> } = {}): FakeReply => ({
    type: 'error',
    status,
    ...extra,
  }),
  rateLimited: (retryAfterSeconds = 0): FakeReply => ({
    type: 'error',
    status: 429,
    message: 'Rate limit reached for requests',
    code: 'rate_limit_exceeded',
    headers: { 'retry-after': String(retryAfterSeconds) },
  }),
  unauthorized: (): FakeReply => ({ type: 'error', status: 401, message: 'Incorrect API key provided.', code: 'invalid_api_key' }),
  hang: (): FakeReply => ({ type: 'hang' }),
  drop: (): FakeReply => ({ type: 'drop' }),
};

/**
 * A handler that always answers with a valid, conservative Siyu draft (text plus card fields, which
 * non-card drafts ignore). The card has what every layout needs: a vote (question and options)
 * when the prompt asks for one, otherwise points and a quote. For demos that want an "LLM"
 * without a network.
 */
export const cannedDraftHandler: FakeHandler = (req) => {
  // A card prompt's example output names the layout's fields; a topic card's has "options".
  const asksForVote = (req.body?.messages ?? []).some((m) => String(m.content).includes('"options"'));
  return reply.json({
    text: '今天想提醒大家一件小事：出门前记得做好防晒，户外久了记得补涂。换季皮肤容易敏感，护理上有拿不准的地方，随时来问我。',
    card: asksForVote
      ? { title: '换季护理小调查', question: '换季的时候，你最先调整哪一步？', options: ['清洁', '保湿', '防晒'], footer: '评论区告诉我' }
      : { title: '换季护理小提醒', points: ['出门前做好防晒', '户外久了记得补涂', '有疑问先咨询再处理'], quote: '照顾好自己，是一辈子的事。', footer: '具体情况请到院面诊评估' },
  });
};

export interface FakeChatServerOptions {
  handler?: FakeHandler;
  /** When set, requests without `Authorization: Bearer <apiKey>` get a 401 like a real service. */
  apiKey?: string;
  /** Model ids the server knows; a request for another model gets a 404 (default: any model). */
  models?: string[];
}

const CHAT_PATHS = new Set(['/v1/chat/completions', '/chat/completions']);
const MODEL_PATHS = new Set(['/v1/models', '/models']);

export class FakeChatServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: FakeReply[] = [];
  private handler: FakeHandler | undefined;
  private server: Server | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private chatCount = 0;

  constructor(private readonly options: FakeChatServerOptions = {}) {
    this.handler = options.handler;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    this.server = server;
    return this;
  }

  get port(): number {
    if (!this.server) throw new Error('fake chat server not started');
    return (this.server.address() as AddressInfo).port;
  }

  /** Base URL as an OpenAI client expects it (…/v1). */
  get baseURL(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** Chat-completion requests only (not /models or unknown paths). */
  get chatRequests(): RecordedRequest[] {
    return this.requests.filter((r) => CHAT_PATHS.has(r.path));
  }

  enqueue(...replies: FakeReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  setHandler(handler: FakeHandler | undefined): this {
    this.handler = handler;
    return this;
  }

  /** Forget requests and scripted replies, keep listening. */
  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
    this.chatCount = 0;
    this.handler = this.options.handler;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections(); // hanging requests would otherwise keep close() waiting forever
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    let body: ChatRequestBody | undefined;
    try {
      body = rawBody ? (JSON.parse(rawBody) as ChatRequestBody) : undefined;
    } catch {
      body = undefined;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body, rawBody, at: Date.now() };
    this.requests.push(recorded);

    if (this.options.apiKey !== undefined && req.headers.authorization !== `Bearer ${this.options.apiKey}`) {
      return this.send(res, reply.unauthorized());
    }
    if (req.method === 'GET' && MODEL_PATHS.has(path)) {
      const data = (this.options.models ?? ['fake-model']).map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' }));
      return json(res, 200, { object: 'list', data });
    }
    if (req.method !== 'POST' || !CHAT_PATHS.has(path)) {
      return this.send(res, { type: 'error', status: 404, message: `Unknown request URL: ${req.method} ${path}`, code: 'unknown_url' });
    }
    if (!body) return this.send(res, { type: 'error', status: 400, message: 'Request body is not valid JSON', code: 'invalid_json' });
    if (body.stream) return this.send(res, { type: 'error', status: 400, message: 'fake chat server: streaming is not supported', code: 'unsupported' });
    if (this.options.models && !this.options.models.includes(String(body.model))) {
      return this.send(res, { type: 'error', status: 404, message: `The model \`${String(body.model)}\` does not exist`, code: 'model_not_found' });
    }

    const index = this.chatCount++;
    const scripted = this.queue.shift() ?? (await this.handler?.(recorded, index));
    // A non-retryable status, so a missing script fails the test at once instead of being retried.
    this.send(res, scripted ?? { type: 'error', status: 400, message: `fake chat server: no reply scripted for request #${index}`, code: 'unscripted' }, body);
  }

  private send(res: ServerResponse, r: FakeReply, body?: ChatRequestBody): void {
    if (r.type === 'hang') return;
    if (r.type === 'drop') {
      res.socket?.destroy();
      return;
    }
    const write = () => {
      if (res.destroyed) return;
      if (r.type === 'error') {
        res.writeHead(r.status, { ...(r.headers ?? {}), 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: r.message ?? `HTTP ${r.status}`, type: errorType(r.status), param: null, code: r.code ?? null } }));
        return;
      }
      json(res, 200, completion(r, body));
    };
    if (r.delayMs) {
      const t = setTimeout(() => {
        this.timers.delete(t);
        write();
      }, r.delayMs);
      this.timers.add(t);
    } else write();
  }
}

let completionId = 0;

function completion(r: Extract<FakeReply, { type: 'content' }>, body: ChatRequestBody | undefined) {
  const promptChars = JSON.stringify(body?.messages ?? []).length;
  const completionTokens = Math.max(1, Math.ceil(r.content.length / 2));
  const promptTokens = Math.max(1, Math.ceil(promptChars / 2));
  return {
    id: `chatcmpl-fake-${++completionId}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: r.model ?? body?.model ?? 'fake-model',
    system_fingerprint: 'fp_fake',
    choices: [{ index: 0, message: { role: 'assistant', content: r.content, refusal: null }, logprobs: null, finish_reason: r.finishReason ?? 'stop' }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

function errorType(status: number): string {
  if (status === 401) return 'invalid_request_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}
