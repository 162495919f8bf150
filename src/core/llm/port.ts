/** Token usage of one call, as the server reported it (0 when it did not). */
export interface Usage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/** One structured-output request: instructions, data, and the JSON Schema the answer must follow. */
export interface StructuredRequest {
  readonly system: string;
  readonly user: string;
  /** Extra turns after the user message, e.g. a repair round: the model's bad answer and the errors. */
  readonly followUp?: readonly { role: 'assistant' | 'user'; content: string }[];
  readonly schemaName: string;
  readonly jsonSchema: Record<string, unknown>;
  readonly signal?: AbortSignal;
  /** When given, the reply is streamed and each text delta is passed here as it arrives. */
  readonly onText?: (delta: string) => void;
}

/** The model's raw answer (to be parsed and validated by the caller) and its usage. */
export interface StructuredReply extends Usage {
  readonly text: string;
}

/**
 * What the pipeline needs of a chat model. Only the CLI entry builds real ones (Ollama, OpenAI);
 * tests inject fakes. Implementations retry transport errors and enforce a timeout.
 */
export interface ChatPort {
  readonly provider: 'ollama' | 'openai';
  readonly model: string;
  /** How many calls the endpoint serves well at once. */
  readonly parallelism: number;
  complete(req: StructuredRequest): Promise<StructuredReply>;
  /** Free-text answer (chat), streamed token by token when the client supports it. */
  chat?(req: { system: string; user: string; signal?: AbortSignal; onToken?: (t: string) => void }): Promise<StructuredReply>;
}

/** Kinds of provider failure, each with its own message and fix. */
export type ProviderFailure = 'unreachable' | 'model-missing' | 'timeout' | 'server-error' | 'auth' | 'cancelled' | 'other';

/** Classifies an error thrown by a model client. */
export function classifyProviderError(err: unknown): ProviderFailure {
  const e = err as { name?: string; message?: string; status?: number; status_code?: number; cause?: { code?: string }; code?: string; lc_error_code?: string };
  const msg = `${e?.message ?? ''}`.toLowerCase();
  const status = e?.status ?? e?.status_code;
  if (e?.name === 'AbortError' && !msg.includes('timeout') && !msg.includes('timed out')) return 'cancelled';
  if (e?.name === 'CancelledError') return 'cancelled';
  if (e?.name === 'TimeoutError' || msg.includes('timed out') || msg.includes('timeout')) return 'timeout';
  const code = e?.code ?? e?.cause?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || msg.includes('fetch failed') || msg.includes('econnrefused') || msg.includes('connection error')) return 'unreachable';
  if (status === 404 || msg.includes('not found') || e?.lc_error_code === 'MODEL_NOT_FOUND') return 'model-missing';
  if (status === 401 || status === 403 || msg.includes('api key') || msg.includes('unauthorized')) return 'auth';
  if ((status && status >= 500) || msg.includes('internal server error') || msg.includes('overloaded')) return 'server-error';
  return 'other';
}

/** True for failures worth retrying with backoff. */
export function isTransient(kind: ProviderFailure): boolean {
  return kind === 'unreachable' || kind === 'server-error' || kind === 'timeout';
}

/** Sleeps `ms`, rejecting early when the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
