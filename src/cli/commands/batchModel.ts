import type { Endpoint, GenerateFn } from '../../core/batch/index.js';
import { AppError, EXIT } from '../../core/errors.js';
import type { KnowledgeBase } from '../../core/kb/knowledgeBase.js';
import type { ChatPort } from '../../core/llm/port.js';
import { finalModel } from '../../core/pipeline/events.js';
import { chooseProvider, listOllamaModels, ollamaBaseUrl, portOpen } from '../providers.js';

/** What batch needs to run with a model: endpoints to spread inputs over, and the per-input work. */
export interface ModelBatchSetup {
  readonly provider: 'ollama' | 'openai';
  readonly model: string;
  readonly endpoints: Endpoint[];
  readonly generate: GenerateFn;
  readonly notes: string[];
}

/**
 * Sets batch up for a model provider: one endpoint per Ollama host (`--ollama-host`, repeatable;
 * else OLLAMA_HOST) or the one OpenAI-compatible endpoint, each with its own in-flight limit and a
 * health check (port open and model listed). Returns undefined when `auto` finds no usable model,
 * so batch runs offline. Each input runs the model pipeline against the endpoint the pool picked;
 * an unreachable endpoint throws, so the pool re-checks it and moves the input elsewhere.
 */
export async function setUpModelBatch(opts: {
  provider: 'auto' | 'ollama' | 'openai';
  model?: string;
  ollamaHost: string[];
  concurrency?: number;
  fallback: boolean;
  maxCases?: number;
  kb: KnowledgeBase;
  toolVersion: string;
}): Promise<ModelBatchSetup | undefined> {
  const ports = new Map<string, ChatPort>();
  const endpoints: Endpoint[] = [];
  const notes: string[] = [];
  if (opts.provider === 'openai') {
    const choice = await chooseProvider({ provider: 'openai', model: opts.model, concurrency: opts.concurrency });
    if (choice.kind === 'offline') return undefined;
    ports.set(choice.endpoint, choice.port);
    endpoints.push({ id: choice.endpoint, limit: choice.port.parallelism, healthy: async () => portOpen(choice.endpoint) });
  } else {
    const hosts = opts.ollamaHost.length ? opts.ollamaHost : [undefined];
    for (const host of hosts) {
      const choice = await chooseProvider({ provider: opts.provider === 'auto' ? 'auto' : 'ollama', model: opts.model, ollamaHost: host, fallback: true, concurrency: opts.concurrency });
      const url = ollamaBaseUrl(host ?? process.env.OLLAMA_HOST);
      if (choice.kind === 'offline') {
        notes.push(`${url}: ${choice.reason}`);
        continue;
      }
      ports.set(url, choice.port);
      const model = choice.model;
      endpoints.push({
        id: url,
        limit: choice.port.parallelism,
        healthy: async () => (await portOpen(url)) && (await listOllamaModels(url).then((names) => names.includes(model), () => false)),
      });
    }
    if (!endpoints.length) {
      if (opts.provider === 'auto') return undefined;
      throw new AppError(`no Ollama endpoint can serve the batch:\n  ${notes.join('\n  ')}\nStart the servers, or use --provider offline.`, EXIT.provider);
    }
  }
  const first = ports.values().next().value!;
  const { runModelPipeline } = await import('../../core/pipeline/modelPipeline.js');
  const generate: GenerateFn = (doc, parsed, ctx) => {
    const port = (ctx.endpoint && ports.get(ctx.endpoint.id)) ?? first;
    // one call in flight per input: the pool fills each endpoint's slots with inputs instead
    return finalModel(runModelPipeline(doc, parsed, { kb: opts.kb, toolVersion: opts.toolVersion, maxCases: opts.maxCases, signal: ctx.signal, port, concurrency: 1, fallback: opts.fallback, failOnUnavailable: true }));
  };
  return { provider: first.provider, model: first.model, endpoints, generate, notes };
}
