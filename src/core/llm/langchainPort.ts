import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AsyncLocalStorage } from 'node:async_hooks';
import { ProviderError } from '../errors.js';
import { classifyProviderError, isTransient, sleep, type ChatPort, type StructuredReply, type StructuredRequest } from './port.js';

/** How to ask a given client for schema-constrained output (its call options). */
export type SchemaBinder = (name: string, jsonSchema: Record<string, unknown>) => Record<string, unknown>;

/** Ollama: the JSON Schema goes in `format` (Ollama's structured outputs). */
export const ollamaSchema: SchemaBinder = (_name, schema) => ({ format: schema });

/** OpenAI-compatible servers: `response_format` json_schema, not strict (local servers vary). */
export const openAiSchema: SchemaBinder = (name, schema) => ({ response_format: { type: 'json_schema', json_schema: { name, schema, strict: false } } });

/** No schema option (fake models in tests). */
export const noSchema: SchemaBinder = () => ({});

const callSignal = new AsyncLocalStorage<AbortSignal>();

/**
 * A fetch that honours the AbortSignal of the port call it runs under. ChatOllama checks its signal
 * only between streamed chunks, so a server that stalls before the first chunk would hang forever;
 * passing this fetch to the client makes timeouts and Ctrl-C cut the connection itself.
 */
export const signalAwareFetch: typeof fetch = (input, init) => {
  const s = callSignal.getStore();
  const signal = s && init?.signal ? AbortSignal.any([s, init.signal]) : (s ?? init?.signal ?? undefined);
  return fetch(input, { ...init, signal });
};

/** Options of the LangChain adapter. */
export interface LangChainPortOptions {
  readonly provider: 'ollama' | 'openai';
  readonly model: string;
  readonly endpoint: string;
  readonly bindSchema: SchemaBinder;
  readonly parallelism?: number;
  /** Per-call timeout (default 120 s). */
  readonly timeoutMs?: number;
  /** Retries on transport errors, with exponential backoff (default 2). */
  readonly retries?: number;
  readonly backoffMs?: number;
}

function toMessages(system: string, user: string, followUp: StructuredRequest['followUp'] = []): BaseMessage[] {
  return [
    new SystemMessage(system),
    new HumanMessage(user),
    ...followUp.map((m) => (m.role === 'assistant' ? new AIMessage(m.content) : new HumanMessage(m.content))),
  ];
}

function textOf(msg: BaseMessage): string {
  const c = msg.content;
  if (typeof c === 'string') return c;
  return c.map((p) => (typeof p === 'string' ? p : 'text' in p && typeof p.text === 'string' ? p.text : '')).join('');
}

function usageOf(msg: BaseMessage): { promptTokens: number; completionTokens: number } {
  const u = (msg as AIMessage).usage_metadata;
  return { promptTokens: u?.input_tokens ?? 0, completionTokens: u?.output_tokens ?? 0 };
}

/** Wraps any LangChain chat model (ChatOllama, ChatOpenAI, fakeModel) as a {@link ChatPort}. */
export function langChainPort(chat: BaseChatModel, opts: LangChainPortOptions): ChatPort {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const retries = opts.retries ?? 2;
  const backoff = opts.backoffMs ?? 500;

  async function withRetries<T>(signal: AbortSignal | undefined, call: (signal: AbortSignal) => Promise<T>, retryable: () => boolean = () => true): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      try {
        return await callSignal.run(combined, () => call(combined));
      } catch (err) {
        if (signal?.aborted) throw err;
        const kind = timeout.aborted ? 'timeout' : classifyProviderError(err);
        if (isTransient(kind) && attempt < retries && retryable()) {
          await sleep(backoff * 2 ** attempt, signal);
          continue;
        }
        throw explain(kind, err, opts, timeoutMs);
      }
    }
  }

  return {
    provider: opts.provider,
    model: opts.model,
    parallelism: opts.parallelism ?? 1,
    async complete(req: StructuredRequest): Promise<StructuredReply> {
      let streamed = false;
      return withRetries(req.signal, async (signal) => {
        const messages = toMessages(req.system, req.user, req.followUp);
        const options = { ...opts.bindSchema(req.schemaName, req.jsonSchema), signal } as never;
        if (!req.onText) {
          const msg = await chat.invoke(messages, options);
          return { text: textOf(msg), ...usageOf(msg) };
        }
        // once text has reached the caller a retry would replay it, so only retry before the first delta
        return collect(await chat.stream(messages, options), (t) => {
          streamed = true;
          req.onText!(t);
        });
      }, () => !streamed);
    },
    async chat(req) {
      let streamed = false;
      return withRetries(
        req.signal,
        async (signal) => collect(await chat.stream(toMessages(req.system, req.user), { signal } as never), (t) => {
          streamed = true;
          req.onToken?.(t);
        }),
        () => !streamed,
      );
    },
  };
}

/** Concatenates a streamed reply, passing each delta on, and keeps the usage the server reported. */
async function collect(stream: AsyncIterable<BaseMessage>, onText?: (t: string) => void): Promise<StructuredReply> {
  let text = '';
  let usage = { promptTokens: 0, completionTokens: 0 };
  for await (const chunk of stream) {
    const t = textOf(chunk);
    text += t;
    if (t) onText?.(t);
    const u = usageOf(chunk);
    if (u.promptTokens || u.completionTokens) usage = u;
  }
  return { text, ...usage };
}

function explain(kind: ReturnType<typeof classifyProviderError>, err: unknown, opts: LangChainPortOptions, timeoutMs: number): Error {
  const detail = (err as Error)?.message?.split('\n')[0] ?? String(err);
  const where = `${opts.provider} at ${opts.endpoint}`;
  switch (kind) {
    case 'unreachable':
      return new ProviderError(opts.provider === 'ollama'
        ? `cannot reach Ollama at ${opts.endpoint}. Start it with \`ollama serve\`, or set OLLAMA_HOST to where it runs.`
        : `cannot reach the OpenAI-compatible endpoint ${opts.endpoint}. Check OPENAI_BASE_URL and that the server is running.`);
    case 'model-missing':
      return new ProviderError(opts.provider === 'ollama'
        ? `model "${opts.model}" is not available on ${where}. Pull it with \`ollama pull ${opts.model}\`, or pick one from \`ollama list\` with --model.`
        : `model "${opts.model}" is not served by ${where} (${detail}). Pick a served model with --model.`);
    case 'timeout':
      return new ProviderError(`${where} did not answer within ${Math.round(timeoutMs / 1000)} s (model ${opts.model}). A smaller model or a shorter input may help.`);
    case 'auth':
      return new ProviderError(`${where} refused the request (${detail}). Check OPENAI_API_KEY.`);
    case 'cancelled':
      return err instanceof Error ? err : new Error(String(err));
    default:
      return new ProviderError(`${where} failed: ${detail}`);
  }
}
