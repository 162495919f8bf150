import { EXIT, errorMessage } from '../../core/errors.js';
import type { KnowledgeBase } from '../../core/kb/knowledgeBase.js';
import type { ChatPort } from '../../core/llm/port.js';
import type { Connection, PipelineFn } from '../../core/chat/services.js';
import type { ChatState } from '../../core/chat/state.js';

/** The message when stdin or stdout is not a terminal. */
export const NEEDS_TTY = 'threatstorm chat needs an interactive terminal; use `threatstorm generate FILE` instead';

/** Providers the chat can switch between. */
export const CHAT_PROVIDERS = ['offline', 'ollama', 'openai'] as const;

/** What the CLI entry injects (all optional: offline with the real modules by default). */
export interface ChatCommandDeps {
  /**
   * Builds a chat model for a provider (`auto` included) and optional model name; undefined means
   * offline. Throws (with a user message) when the provider cannot be used.
   */
  readonly makePort?: (provider: string, model?: string) => Promise<ChatPort | undefined> | ChatPort | undefined;
  /** The pipeline for a port (default: the offline pipeline, or runModelPipeline with a port). */
  readonly makePipeline?: (ctx: { port?: ChatPort; kb: KnowledgeBase; toolVersion: string }) => PipelineFn;
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
  readonly stderr?: NodeJS.WriteStream;
  /** Working folder for relative paths and `.threatstorm/sessions` (default: process.cwd()). */
  readonly cwd?: string;
}

/** Options of `threatstorm chat [FILE]`. */
export interface ChatCommandOptions {
  /** `--resume [ID]`: true for the latest session. */
  readonly resume?: string | true;
  readonly provider: 'auto' | 'offline' | 'ollama' | 'openai' | string;
  readonly model?: string;
  readonly kb: string[];
  readonly deps?: ChatCommandDeps;
}

/**
 * `threatstorm chat [FILE]`: the interactive chat. Exit 2 without a terminal; 0 when the user
 * quits. Ink, React and the pipeline load only here, after the terminal check.
 */
export async function chatCommand(file: string | undefined, opts: ChatCommandOptions): Promise<number> {
  const deps = opts.deps ?? {};
  const stdin = deps.stdin ?? process.stdin;
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  if (!stdin.isTTY || !stdout.isTTY) {
    stderr.write(`threatstorm: error: ${NEEDS_TTY}\n`);
    return EXIT.usage;
  }
  const cwd = deps.cwd ?? process.cwd();

  // Ink renders nothing but the last frame when it thinks it runs in CI (CI=true). The chat only
  // ever runs on a terminal, so an inherited CI variable must not turn it into a blank screen.
  for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) if (process.env[key]) process.env[key] = 'false';
  const [{ render }, { ChatApp }, { ChatController }, persist, state, { loadKnowledgeBase }, { PatternIndex }, { VERSION }, input, guard, pipelines] = await Promise.all([
    import('ink'),
    import('../../ui/App.js'),
    import('../../core/chat/controller.js'),
    import('../../core/chat/persist.js'),
    import('../../core/chat/state.js'),
    import('../../core/kb/knowledgeBase.js'),
    import('../../core/retrieval/search.js'),
    import('../main.js'),
    import('../../core/input/parseArchitecture.js'),
    import('../../core/guard/index.js'),
    loadPipelines(),
  ]);

  const sessionsDir = persist.sessionsDir(cwd);
  const saved = opts.resume ? persist.loadSession(sessionsDir, opts.resume === true ? undefined : opts.resume) : undefined;

  const kb = loadKnowledgeBase(opts.kb);
  const makePipeline =
    deps.makePipeline ??
    (({ port }: { port?: ChatPort }): PipelineFn =>
      port
        ? (doc, parsed, signal) => pipelines.runModelPipeline(doc, parsed, { kb, toolVersion: VERSION, signal, port })
        : (doc, parsed, signal) => pipelines.runOfflinePipeline(doc, parsed, { kb, toolVersion: VERSION, signal }));
  const connect = async (provider: string, model?: string): Promise<Connection> => {
    if (provider === 'offline' || !deps.makePort) return { pipeline: makePipeline({ kb, toolVersion: VERSION }) };
    const port = await deps.makePort(provider, model);
    if (!port && provider !== 'auto') throw new Error(`${provider} is not available`);
    return { port, pipeline: makePipeline({ port, kb, toolVersion: VERSION }) };
  };

  const startup: string[] = [];
  if (!deps.makePort && opts.provider !== 'offline' && opts.provider !== 'auto') {
    startup.push(`provider ${opts.provider} is not available in this build; running offline.`);
  }
  let connection: Connection;
  try {
    connection = await connect(opts.provider, opts.model);
  } catch (err) {
    startup.push(`cannot use provider ${opts.provider} (${errorMessage(err)}); running offline. /provider switches later.`);
    connection = await connect('offline');
  }
  for (const e of kb.errors) startup.push(`${e.file}: ${e.field || '(file)'}: ${e.message}`);

  const controller = new ChatController({
    kb,
    index: new PatternIndex(kb.patterns),
    cwd,
    sessionsDir,
    parse: (text, o) => input.parseArchitecture(text, o),
    scan: (text, o) => guard.scanText(text, o),
    connection,
    connect,
    providers: deps.makePort ? [...CHAT_PROVIDERS] : ['offline'],
  });

  const now = new Date();
  const fresh = state.initialChatState({
    sessionId: persist.newSessionId(now),
    createdAt: now.toISOString(),
    provider: connection.port?.provider ?? 'offline',
    modelName: connection.port?.model ?? null,
    kbPatterns: kb.patterns.length,
  });
  let initial: ChatState = saved ? persist.fromSession(saved, fresh) : fresh;
  for (const text of startup) initial = state.chatReducer(initial, { type: 'append', item: { kind: 'warning', text } });

  let final: ChatState = initial;
  const app = render(
    <ChatApp
      controller={controller}
      initialState={initial}
      version={VERSION}
      sessionsDir={sessionsDir}
      resumed={!!saved}
      initialInput={file ? { kind: 'line', text: `/load ${/\s/.test(file) ? JSON.stringify(file) : file}` } : undefined}
      onExit={(s) => {
        final = s;
      }}
    />,
    // Library console output goes above the chat instead of through it; only when drawing on the
    // process's own terminal (injected streams never receive console output anyway).
    { stdin, stdout, stderr, exitOnCtrlC: false, patchConsole: stdout === process.stdout },
  );
  await app.waitUntilExit();
  if (final.rev > initial.rev) stdout.write(`Session ${final.sessionId} saved. Resume with: threatstorm chat --resume ${final.sessionId}\n`);
  return EXIT.ok;
}

/** The pipelines, loaded lazily (the model one pulls in the LLM client code). */
async function loadPipelines() {
  const [{ runOfflinePipeline }, { runModelPipeline }] = await Promise.all([import('../../core/pipeline/run.js'), import('../../core/pipeline/modelPipeline.js')]);
  return { runOfflinePipeline, runModelPipeline };
}
