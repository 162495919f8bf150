import type { ChatPort } from '../llm/port.js';
import { classifyProviderError } from '../llm/port.js';
import { errorMessage } from '../errors.js';
import { canaryInstruction, checkCanary, createCanary, createSpotlight } from '../guard/index.js';
import { buildAnswerPrompt, type AnswerContext } from './answer.js';
import type { ChatAction } from './state.js';
import { bridgeTokens } from './stream.js';

/**
 * A free-text answer from the chat model, streamed token by token into the live area: prompt from
 * `prompts/answer.md` with a fresh spotlight and canary, usage counted, canary leaks and failures
 * reported as messages (the chat keeps running).
 */

/** True when an error means the run was cancelled. */
export function isCancel(err: unknown, signal: AbortSignal): boolean {
  const name = (err as { name?: string } | null)?.name;
  return signal.aborted || name === 'CancelledError' || name === 'AbortError';
}

/** Advice for a failed model call, by kind of failure. */
export function providerAdvice(err: unknown): string {
  switch (classifyProviderError(err)) {
    case 'unreachable': return 'The model server is unreachable. Start it (e.g. `ollama serve`) or switch with /provider offline.';
    case 'model-missing': return 'The model is not installed on the server. Pull it (`ollama pull NAME`) or pick another with /model NAME.';
    case 'timeout': return 'The model took too long. Try a smaller model (/model NAME) or ask again.';
    case 'auth': return 'The server refused the credentials. Check OPENAI_API_KEY (or your endpoint\'s key).';
    case 'server-error': return 'The model server failed. Try again in a moment, or /provider offline.';
    default: return 'The chat keeps working offline: /provider offline.';
  }
}

/** Streams the model's answer to `question` as chat actions. */
export async function* streamModelAnswer(port: ChatPort, question: string, ctx: AnswerContext, signal: AbortSignal): AsyncGenerator<ChatAction> {
  // A fresh spotlight and canary per answer: the model summary and KB excerpts are untrusted data.
  const spotlight = createSpotlight();
  const canary = createCanary();
  const spot = { notice: spotlight.systemNotice(), wrap: (t: string, label: string) => spotlight.wrapUntrusted(t, label) };
  const prompt = buildAnswerPrompt(question, ctx, spot, canaryInstruction(canary));
  yield { type: 'begin', pending: { task: 'answer', label: port.model, text: '', flushed: false } };
  let streamed = false;
  try {
    for await (const item of bridgeTokens((onToken) => port.chat!({ ...prompt, signal, onToken }))) {
      if ('token' in item) {
        streamed = true;
        yield { type: 'token', text: item.token };
        continue;
      }
      const reply = item.done;
      if (!streamed && reply.text) yield { type: 'token', text: reply.text };
      yield { type: 'usage', usage: { calls: 1, promptTokens: reply.promptTokens, completionTokens: reply.completionTokens } };
      yield { type: 'end' };
      if (checkCanary(reply.text, canary).leaked) {
        yield { type: 'append', item: { kind: 'warning', text: 'The answer repeated the prompt canary: the model may have followed instructions hidden in the data. Treat this answer with suspicion.' } };
      }
    }
  } catch (err) {
    if (isCancel(err, signal)) {
      yield { type: 'cancelled' };
      return yield { type: 'append', item: { kind: 'info', text: 'answer cancelled.', tone: 'dim' } };
    }
    yield { type: 'end' };
    yield { type: 'append', item: { kind: 'error', text: `the model failed: ${errorMessage(err)}`, hint: providerAdvice(err) } };
  }
}
