import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the mock server saw it. */
export interface MockRequest {
  readonly path: string;
  readonly body: Record<string, unknown>;
  /** Concatenated message contents, for routing replies by prompt. */
  readonly prompt: string;
}

/**
 * What to answer: a model reply text (wrapped in the protocol), an HTTP error, or a stall.
 * Hand-written sample replies only: this server never pretends to be a real model.
 */
export type MockReply =
  | string
  | { readonly status: number; readonly error: string }
  | { readonly stall: true };

/** Options of the simulated server. */
export interface MockServerOptions {
  /** 'ollama' serves /api/chat (NDJSON) and /api/tags; 'openai' serves /v1/chat/completions and /v1/models. */
  readonly protocol: 'ollama' | 'openai';
  /** Decides each chat reply. */
  readonly reply: (req: MockRequest) => MockReply;
  /** Models the server has (Ollama /api/tags, OpenAI /v1/models). */
  readonly models?: readonly string[];
  /** Simulated generation speed in tokens/s (0: instant). A token is ~4 characters. */
  readonly tokensPerSecond?: number;
  /** Simulated prompt processing speed in tokens/s (0: instant). */
  readonly promptTokensPerSecond?: number;
  /** Requests served at once; more wait in a queue, like a real server's parallel slots. */
  readonly parallel?: number;
}

/** A running mock server. */
export interface MockServer {
  readonly url: string;
  readonly requests: MockRequest[];
  close(): Promise<void>;
}

const tokens = (s: string) => Math.max(1, Math.ceil(s.length / 4));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts an in-process HTTP server that speaks the real Ollama or OpenAI chat protocol. */
export async function startMockModelServer(opts: MockServerOptions): Promise<MockServer> {
  const requests: MockRequest[] = [];
  const models = opts.models ?? ['qwen2.5:7b'];
  const parallel = Math.max(1, opts.parallel ?? 64);
  let active = 0;
  const queue: (() => void)[] = [];
  const acquire = () => (active < parallel ? (active++, Promise.resolve()) : new Promise<void>((r) => queue.push(() => (active++, r()))));
  const release = () => {
    active--;
    queue.shift()?.();
  };
  const sockets = new Set<import('node:net').Socket>();

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const path = (req.url ?? '').split('?')[0]!;
    if (req.method === 'GET' && path === '/api/tags') return json(res, 200, { models: models.map((m) => ({ name: m, model: m, modified_at: '2026-01-01T00:00:00Z', size: 4_700_000_000, digest: 'sha256:0', details: { format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '7B', quantization_level: 'Q4_K_M' } })) });
    if (req.method === 'GET' && path === '/api/version') return json(res, 200, { version: '0.12.0' });
    if (req.method === 'GET' && path === '/v1/models') return json(res, 200, { object: 'list', data: models.map((m) => ({ id: m, object: 'model', owned_by: 'mock' })) });
    const isChat = (opts.protocol === 'ollama' && path === '/api/chat') || (opts.protocol === 'openai' && path === '/v1/chat/completions');
    if (!isChat) return json(res, 404, { error: `no route ${path}` });
    const messages = (body.messages as { content?: unknown }[] | undefined) ?? [];
    const prompt = messages.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n');
    const mreq: MockRequest = { path, body, prompt };
    requests.push(mreq);
    const model = String(body.model ?? '');
    if (!models.includes(model)) {
      return opts.protocol === 'ollama'
        ? json(res, 404, { error: `model "${model}" not found, try pulling it first` })
        : json(res, 404, { error: { message: `The model \`${model}\` does not exist`, type: 'invalid_request_error', code: 'model_not_found' } });
    }
    const reply = opts.reply(mreq);
    if (typeof reply === 'object' && 'stall' in reply) return; // never answers; the client must time out
    if (typeof reply === 'object') return json(res, reply.status, opts.protocol === 'ollama' ? { error: reply.error } : { error: { message: reply.error, type: 'server_error' } });
    await acquire();
    try {
      const promptTokens = tokens(prompt);
      if (opts.promptTokensPerSecond) await wait((1000 * promptTokens) / opts.promptTokensPerSecond);
      const pieces = reply.match(/[\s\S]{1,4}/g) ?? [''];
      const perToken = opts.tokensPerSecond ? 1000 / opts.tokensPerSecond : 0;
      const stream = body.stream === true;
      if (opts.protocol === 'ollama') {
        if (!stream) {
          if (perToken) await wait(perToken * pieces.length);
          return json(res, 200, ollamaFinal(model, reply, promptTokens, pieces.length));
        }
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        for (const p of pieces) {
          if (perToken) await wait(perToken);
          res.write(`${JSON.stringify({ model, created_at: new Date().toISOString(), message: { role: 'assistant', content: p }, done: false })}\n`);
        }
        res.end(`${JSON.stringify(ollamaFinal(model, '', promptTokens, pieces.length))}\n`);
        return;
      }
      if (!stream) {
        if (perToken) await wait(perToken * pieces.length);
        return json(res, 200, { id: 'chatcmpl-mock', object: 'chat.completion', created: 1_700_000_000, model, choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }], usage: { prompt_tokens: promptTokens, completion_tokens: pieces.length, total_tokens: promptTokens + pieces.length } });
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const p of pieces) {
        if (perToken) await wait(perToken);
        res.write(`data: ${JSON.stringify({ id: 'chatcmpl-mock', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [{ index: 0, delta: { content: p }, finish_reason: null }] })}\n\n`);
      }
      res.write(`data: ${JSON.stringify({ id: 'chatcmpl-mock', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: promptTokens, completion_tokens: pieces.length, total_tokens: promptTokens + pieces.length } })}\n\n`);
      res.end('data: [DONE]\n\n');
    } finally {
      release();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

function ollamaFinal(model: string, content: string, promptTokens: number, evalCount: number) {
  return { model, created_at: new Date().toISOString(), message: { role: 'assistant', content }, done: true, done_reason: 'stop', total_duration: 1, load_duration: 1, prompt_eval_count: promptTokens, prompt_eval_duration: 1, eval_count: evalCount, eval_duration: 1 };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
