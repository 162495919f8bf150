import { InputError } from '../../../src/core/errors.js';
import type { InputFinding, SystemModel } from '../../../src/core/domain/index.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../../src/core/kb/knowledgeBase.js';
import type { ChatPort } from '../../../src/core/llm/port.js';
import type { PipelineEvent } from '../../../src/core/pipeline/events.js';
import { buildOfflineThreatModel } from '../../../src/core/pipeline/offlineModel.js';
import { PatternIndex } from '../../../src/core/retrieval/search.js';
import { ChatController } from '../../../src/core/chat/controller.js';
import type { ChatServices, PipelineFn, ScanResult } from '../../../src/core/chat/services.js';
import { chatReducer, initialChatState, type ChatAction, type ChatState } from '../../../src/core/chat/state.js';
import { comp, makeSystem } from '../../helpers/factories.js';

/** The help-desk system every chat test uses (the fake parser returns it). */
export function helpDeskSystem(): SystemModel {
  return makeSystem(
    [
      comp('user', 'user', ['accepts-user-input']),
      comp('chat-ui', 'frontend', ['internet-facing', 'accepts-user-input', 'renders-output'], 'Chat widget'),
      comp('chat-api', 'service', ['accepts-user-input']),
      comp('llm', 'llm', ['third-party-hosted', 'has-system-prompt', 'pay-per-use'], 'GPT-4o'),
      comp('vectors', 'vector-store', ['untrusted-content', 'retrieval'], 'Pinecone index'),
      comp('agent', 'agent', ['calls-external-apis'], 'Support agent'),
    ],
    [['user', 'chat-ui'], ['chat-ui', 'chat-api'], ['chat-api', 'llm'], ['vectors', 'chat-api'], ['chat-api', 'agent']],
    'Help desk',
  );
}

let kbCache: KnowledgeBase | undefined;
/** The built-in knowledge base, loaded once per test file. */
export function testKb(): KnowledgeBase {
  return (kbCache ??= loadKnowledgeBase());
}

/** Stand-in for parseArchitecture: the help desk for any text; "BROKEN" is unusable input. */
export function fakeParse(text: string, opts: { source: string }) {
  if (text.includes('BROKEN')) throw new InputError(opts.source, `${opts.source} has no components. Describe them as a list.`);
  return { system: helpDeskSystem(), format: 'markdown' as const, warnings: [] as string[] };
}

/** Stand-in for the guard: "ignore previous instructions" is an injection, on its line. */
export function fakeScan(text: string, opts: { source: string }): ScanResult {
  const lines = text.split('\n');
  const findings: InputFinding[] = [];
  lines.forEach((l, i) => {
    const at = l.toLowerCase().indexOf('ignore previous instructions');
    if (at >= 0) {
      findings.push({
        source: opts.source, kind: 'override', hiding: 'plain', start: at, end: at + 28, line: i + 1,
        excerpt: 'ignore previous instructions', reason: 'tells the model to drop its instructions', score: 0.9,
      });
    }
  });
  return { verdict: findings.length ? 'injection' : 'clean', score: findings.length ? 0.9 : 0, findings };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Options of the fake pipeline. */
export interface FakePipelineOptions {
  /** Delay before each event. */
  readonly delayMs?: number;
  /** Throw this after the first N cases. */
  readonly failAfter?: { cases: number; error: Error };
  readonly maxCases?: number;
}

/**
 * A pipeline that streams the offline engine's cases with small delays, honours the abort signal
 * (CancelledError) and can fail part-way, like a model pipeline.
 */
export function fakePipeline(kb: KnowledgeBase, opts: FakePipelineOptions = {}): PipelineFn & { runs: number } {
  const fn = async function* (doc: { source: string; sha256: string }, parsed: { system: SystemModel; format: string }, signal: AbortSignal): AsyncGenerator<PipelineEvent> {
    fn.runs++;
    const delay = opts.delayMs ?? 5;
    const check = async () => {
      await sleep(delay);
      if (signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'CancelledError' });
    };
    const model = buildOfflineThreatModel(parsed.system, {
      kb, toolVersion: 'test', maxCases: opts.maxCases ?? 8,
      input: { source: doc.source, format: parsed.format, sha256: doc.sha256 },
    });
    await check();
    yield { type: 'stage', stage: 'generate', status: 'start', detail: 'fake engine' };
    yield { type: 'system', system: parsed.system };
    let n = 0;
    for (const c of model.misuseCases) {
      await check();
      if (opts.failAfter && n === opts.failAfter.cases) throw opts.failAfter.error;
      yield { type: 'case', case: c, part: c.targets[0]! };
      n++;
    }
    await check();
    yield { type: 'stage', stage: 'generate', status: 'end', ms: 1 };
    yield { type: 'done', model };
  } as unknown as PipelineFn & { runs: number };
  fn.runs = 0;
  return fn;
}

/** Services with fakes for the parser, guard and pipeline, rooted in `cwd`. */
export function testServices(cwd: string, over: Partial<ChatServices> = {}): ChatServices {
  const kb = testKb();
  return {
    kb,
    index: new PatternIndex(kb.patterns),
    cwd,
    sessionsDir: `${cwd}/.threatstorm/sessions`,
    parse: fakeParse,
    scan: fakeScan,
    connection: { pipeline: fakePipeline(kb) },
    providers: ['offline', 'ollama'],
    ...over,
  };
}

/** A fresh state for tests. */
export function testState(over: Partial<ChatState> = {}): ChatState {
  return { ...initialChatState({ sessionId: 'test-session', createdAt: '2026-01-01T00:00:00.000Z', provider: 'offline', kbPatterns: testKb().patterns.length }), ...over };
}

/** Runs one input through a controller and reduces every action; returns the final state. */
export async function runInput(ctrl: ChatController, state: ChatState, text: string, signal = new AbortController().signal): Promise<{ state: ChatState; actions: ChatAction[] }> {
  let s = state;
  const actions: ChatAction[] = [];
  for await (const a of ctrl.handle({ kind: 'line', text }, () => s, signal)) {
    actions.push(a);
    s = chatReducer(s, a);
  }
  return { state: s, actions };
}

/** A chat port whose `chat` streams the given chunks (or fails with `error`). */
export function fakePort(opts: { chunks?: string[]; error?: Error; delayMs?: number } = {}): ChatPort & { calls: { system: string; user: string }[] } {
  const calls: { system: string; user: string }[] = [];
  return {
    provider: 'ollama',
    model: 'fake-llm',
    parallelism: 1,
    calls,
    complete: async () => ({ text: '{}', promptTokens: 0, completionTokens: 0 }),
    chat: async ({ system, user, signal, onToken }) => {
      calls.push({ system, user });
      for (const c of opts.chunks ?? []) {
        await sleep(opts.delayMs ?? 5);
        if (signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
        onToken?.(c);
      }
      if (opts.error) throw opts.error;
      return { text: (opts.chunks ?? []).join(''), promptTokens: 120, completionTokens: 30 };
    },
  };
}

