import type { ChatPort } from '../core/llm/port.js';
import { AppError, EXIT, ProviderError } from '../core/errors.js';

/** The provider a run will use. */
export type ProviderChoice =
  | { readonly kind: 'offline'; readonly reason: string }
  | { readonly kind: 'ollama' | 'openai'; readonly port: ChatPort; readonly endpoint: string; readonly model: string; readonly reason: string };

/** What the user asked for, after flags and environment. */
export interface ProviderRequest {
  readonly provider: 'auto' | 'offline' | 'ollama' | 'openai';
  readonly model?: string;
  readonly ollamaHost?: string;
  readonly fallback?: boolean;
  readonly timeoutMs?: number;
  readonly concurrency?: number;
  readonly env?: NodeJS.ProcessEnv;
}

/** Normalises OLLAMA_HOST the way Ollama reads it: scheme and port optional. */
export function ollamaBaseUrl(host?: string): string {
  let h = (host ?? '').trim() || '127.0.0.1:11434';
  if (!/^https?:\/\//i.test(h)) h = `http://${h}`;
  const u = new URL(h);
  if (!u.port && !/^https?:\/\/[^/]+:\d+/.test(h)) u.port = u.protocol === 'https:' ? '443' : '11434';
  if (u.hostname === '0.0.0.0') u.hostname = '127.0.0.1';
  return u.origin;
}

/** Models good at structured output on a laptop, most preferred first (matched by prefix). */
export const PREFERRED_OLLAMA_MODELS = ['qwen3', 'qwen2.5', 'llama3.1', 'llama3.2', 'mistral-nemo', 'mistral', 'gemma3', 'gemma2', 'phi4', 'granite3', 'deepseek-r1', 'llama3'];
const EMBEDDING_HINT = /embed|minilm|bge-|nomic|e5-|rerank/i;

/** Picks a chat model from an Ollama model list: the preferred families first, embedding models never. */
export function pickOllamaModel(names: readonly string[]): string | undefined {
  const chat = names.filter((n) => !EMBEDDING_HINT.test(n));
  for (const pref of PREFERRED_OLLAMA_MODELS) {
    const hit = chat.find((n) => n.startsWith(pref));
    if (hit) return hit;
  }
  return chat[0];
}

/**
 * True when something accepts TCP connections at the URL's host and port. A refused connection
 * answers in about a millisecond, so `--provider auto` stays fast when Ollama is not running and
 * does not load the Ollama client at all.
 */
export async function portOpen(url: string, timeoutMs = 400): Promise<boolean> {
  const { connect } = await import('node:net');
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  return new Promise((resolve) => {
    const sock = connect({ host: u.hostname, port });
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

/** Lists the models of an Ollama server through the official client, with a short timeout. */
export async function listOllamaModels(baseUrl: string, timeoutMs = 1500): Promise<string[]> {
  const { Ollama } = await import('ollama');
  const client = new Ollama({ host: baseUrl, fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }) });
  const res = await client.list();
  return res.models.map((m) => m.name);
}

/** Builds the ChatOllama-backed port. */
export async function ollamaPort(baseUrl: string, model: string, req: ProviderRequest): Promise<ChatPort> {
  const [{ ChatOllama }, { langChainPort, ollamaSchema, signalAwareFetch }] = await Promise.all([import('@langchain/ollama'), import('../core/llm/langchainPort.js')]);
  const chat = new ChatOllama({ model, baseUrl, temperature: 0, numCtx: 8192, fetch: signalAwareFetch });
  return langChainPort(chat, { provider: 'ollama', model, endpoint: baseUrl, bindSchema: ollamaSchema, parallelism: req.concurrency ?? 2, timeoutMs: req.timeoutMs });
}

/** Builds the ChatOpenAI-backed port for any OpenAI-compatible endpoint. */
export async function openAiPort(baseURL: string, model: string, apiKey: string, req: ProviderRequest): Promise<ChatPort> {
  const [{ ChatOpenAI }, { langChainPort, openAiSchema }] = await Promise.all([import('@langchain/openai'), import('../core/llm/langchainPort.js')]);
  const chat = new ChatOpenAI({ model, temperature: 0, apiKey, configuration: { baseURL }, maxRetries: 0 });
  return langChainPort(chat, { provider: 'openai', model, endpoint: baseURL, bindSchema: openAiSchema, parallelism: req.concurrency ?? 4, timeoutMs: req.timeoutMs });
}

/**
 * Resolves the provider: flags beat environment. `auto` uses Ollama when it is reachable and has a
 * usable model, else offline, and says why. An explicit provider that is down falls back to offline
 * with a warning, or fails with exit 3 under --no-fallback.
 */
export async function chooseProvider(req: ProviderRequest): Promise<ProviderChoice> {
  const env = req.env ?? process.env;
  const model = req.model ?? env.THREATSTORM_MODEL;
  if (req.provider === 'offline') return { kind: 'offline', reason: 'offline engine requested' };

  if (req.provider === 'openai') {
    const baseURL = (env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
    if (!model) throw new AppError('--provider openai needs a model: pass --model NAME or set THREATSTORM_MODEL (e.g. gpt-4o-mini, or the name your local server serves).', EXIT.usage);
    const apiKey = env.OPENAI_API_KEY ?? (baseURL.includes('api.openai.com') ? '' : 'not-needed');
    if (!apiKey) throw new AppError('OPENAI_API_KEY is not set. Set it, or point OPENAI_BASE_URL at a local OpenAI-compatible server.', EXIT.usage);
    return { kind: 'openai', port: await openAiPort(baseURL, model, apiKey, req), endpoint: baseURL, model, reason: `OpenAI-compatible endpoint ${baseURL}` };
  }

  const baseUrl = ollamaBaseUrl(req.ollamaHost ?? env.OLLAMA_HOST);
  let names: string[];
  try {
    if (!(await portOpen(baseUrl))) throw new Error('connection refused');
    names = await listOllamaModels(baseUrl);
  } catch {
    const why = `Ollama is not reachable at ${baseUrl}`;
    if (req.provider === 'auto') return { kind: 'offline', reason: `${why}; using the offline engine (start \`ollama serve\` to use a local model)` };
    if (req.fallback === false) throw new ProviderError(`${why}. Start it with \`ollama serve\` or set OLLAMA_HOST.`);
    return { kind: 'offline', reason: `${why}; falling back to the offline engine (--no-fallback makes this an error)` };
  }
  let chosen: string | undefined;
  if (model) {
    chosen = names.find((n) => n === model || n === `${model}:latest` || n.split(':')[0] === model);
    if (!chosen) {
      const why = `model "${model}" is not on the Ollama server at ${baseUrl} (it has: ${names.join(', ') || 'no models'}); pull it with \`ollama pull ${model}\``;
      if (req.provider === 'auto' || req.fallback !== false) return { kind: 'offline', reason: `${why}; using the offline engine` };
      throw new ProviderError(why);
    }
  } else {
    chosen = pickOllamaModel(names);
    if (!chosen) {
      const why = `the Ollama server at ${baseUrl} has no chat model; pull one, e.g. \`ollama pull qwen2.5:7b\``;
      if (req.provider === 'auto' || req.fallback !== false) return { kind: 'offline', reason: `${why}; using the offline engine` };
      throw new ProviderError(why);
    }
  }
  return { kind: 'ollama', port: await ollamaPort(baseUrl, chosen, req), endpoint: baseUrl, model: chosen, reason: `Ollama at ${baseUrl}, model ${chosen}` };
}
