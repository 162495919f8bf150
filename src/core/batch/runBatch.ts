import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Severity, ThreatModel } from '../domain/index.js';
import { AppError, EXIT, ProviderError, errorMessage } from '../errors.js';
import { FORMATS, renderFormat, safeOutputPath, type FormatName } from '../export/index.js';
import { readInput, type InputDoc } from '../input/readInput.js';
import type { ParsedArchitecture } from '../input/parseArchitecture.js';
import type { AcceptList } from './accept.js';
import { acquireOutputLock, sweepStaleTempFiles, writeFileAtomicSync, writeFilesAtomic } from './atomic.js';
import { evaluateGate, type GateResult } from './gate.js';
import { expandInputs, type BatchInput } from './inputs.js';
import { ManifestWriter, SUMMARY_JSONL, modelFacts, readManifest, settingsHash, zeroCounts, type SummaryLine } from './manifest.js';
import { outputNames } from './naming.js';
import { localEndpoint, runPool, type Endpoint } from './pool.js';
import type { BatchEvent } from './progress.js';
import { rollUp, rollupCsv, rollupMarkdown, type Rollup } from './rollup.js';

/** Context of one generation: the abort signal (second Ctrl-C) and the endpoint the pool picked. */
export interface GenerateContext {
  readonly signal: AbortSignal;
  readonly endpoint?: Endpoint;
}

/**
 * Produces the threat model of one input. The batch runner calls it once per input with the
 * endpoint the pool picked; the offline engine ignores the endpoint, a model-backed generator
 * sends its calls there and should honour `signal`. Throw an AppError (not ProviderError) for a
 * problem with the input itself, so the pool does not blame the endpoint.
 */
export type GenerateFn = (doc: InputDoc, parsed: ParsedArchitecture, ctx: GenerateContext) => Promise<ThreatModel>;

/** Parses an architecture document (the default is parseArchitecture, loaded on first use). */
export type ParseFn = (text: string, opts: { source: string }) => ParsedArchitecture;

/** What to run: the `batch` command line, resolved. */
export interface BatchOptions {
  /** Files, folders and globs. */
  readonly inputs: readonly string[];
  readonly ignore?: readonly string[];
  readonly outDir: string;
  /** Working folder for relative inputs and display paths (default: process.cwd()). */
  readonly cwd?: string;
  readonly formats: readonly FormatName[];
  readonly maxCases?: number;
  /** Inputs in flight at once (default: the sum of the endpoint limits). */
  readonly concurrency?: number;
  /** Redo inputs that are already up to date. */
  readonly force?: boolean;
  /** Provider and model as resolved (they go into the settings hash and summary.jsonl). */
  readonly provider: string;
  readonly model: string | null;
  readonly kbDigest: string;
  readonly toolVersion: string;
  readonly failOn?: Severity;
  readonly accept?: AcceptList;
}

/** Injected behaviour: how to model one input, where to run it, and who listens. */
export interface BatchDeps {
  readonly generate: GenerateFn;
  /** Architecture parser (default: parseArchitecture). */
  readonly parse?: ParseFn;
  /** Renderer (default: renderFormat). */
  readonly render?: (format: FormatName, model: ThreatModel, opts: { sourceUri: string }) => string;
  /** Model endpoints (default: one local endpoint with `concurrency` slots). */
  readonly endpoints?: readonly Endpoint[];
  readonly onEvent?: (ev: BatchEvent) => void;
  /** Stop starting new inputs (first Ctrl-C). */
  readonly stop?: AbortSignal;
  /** Abandon in-flight inputs (second Ctrl-C); their temp files are removed. */
  readonly abort?: AbortSignal;
  /** Clock for the accept-file expiry (default: now). */
  readonly now?: () => Date;
}

/** The result of a batch run. */
export interface BatchSummary {
  readonly outDir: string;
  readonly total: number;
  /** Inputs modelled now plus those up to date from an earlier run. */
  readonly ok: number;
  readonly upToDate: number;
  readonly failed: number;
  /** Not done because the run was interrupted. */
  readonly skipped: number;
  readonly interrupted: boolean;
  /** This run's inputs, sorted by path (summary.jsonl also keeps lines of other inputs). */
  readonly lines: SummaryLine[];
  readonly rollup: Rollup;
  readonly gate?: GateResult;
  readonly settingsHash: string;
  readonly files: { readonly summaryJsonl: string; readonly summaryMd: string; readonly summaryCsv: string };
  readonly warnings: string[];
  readonly endpointsDown: string[];
  readonly elapsedMs: number;
}

interface Planned {
  readonly input: BatchInput;
  readonly name: string;
  /** Absolute output paths, in format order. */
  readonly outputs: readonly { format: FormatName; path: string }[];
}

function sha256File(path: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return null;
  }
}

/** The previous line when it still describes this input's outputs: same content, settings and files, all present. */
function upToDateLine(prev: SummaryLine | undefined, p: Planned, hash: string, outDir: string): SummaryLine | undefined {
  if (!prev || prev.status !== 'ok' || prev.settingsHash !== hash) return undefined;
  const want = p.outputs.map((o) => basename(o.path));
  const had = new Set(prev.outputs);
  if (had.size !== want.length || !want.every((o) => had.has(o))) return undefined;
  if (!want.every((o) => existsSync(join(outDir, o)))) return undefined;
  if (sha256File(p.input.absPath) !== prev.sha256) return undefined;
  return { ...prev, outputs: want, upToDate: true };
}

/**
 * Runs a batch: expands the inputs, skips those already done with the same content and settings,
 * models the rest through the pool (one `generate` call per input on the endpoint the pool picks),
 * writes every output and summary file atomically, keeps summary.jsonl valid after each input,
 * then writes summary.md and summary.csv and evaluates `--fail-on`. Throws AppError only for
 * usage problems (no inputs, output folder not writable, another run holding the folder).
 */
export async function runBatch(options: BatchOptions, deps: BatchDeps): Promise<BatchSummary> {
  const t0 = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const outDir = resolve(cwd, options.outDir);
  const emit = (ev: BatchEvent) => deps.onEvent?.(ev);
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    emit({ type: 'warning', message });
  };
  if (!options.formats.length) throw new AppError('no output format: give at least one --format.', EXIT.usage);

  const expanded = expandInputs(options.inputs, { cwd, ignore: options.ignore, exclude: [outDir] });
  expanded.warnings.forEach(warn);
  if (!expanded.inputs.length && !expanded.problems.length) {
    throw new AppError(`no inputs: ${options.inputs.map((i) => `"${i}"`).join(', ')} matched no architecture files (${['.md', '.yaml', '.json', '…'].join(' ')}). Check the paths and --ignore patterns.`, EXIT.usage);
  }

  mkdirSync(outDir, { recursive: true });
  const release = acquireOutputLock(outDir);
  try {
    const removed = sweepStaleTempFiles(outDir);
    if (removed.length) warn(`removed ${removed.length} temp file(s) left by an interrupted run`);
    const settings = settingsHash(options);
    const base = { provider: options.provider, model: options.model, settingsHash: settings };
    const names = outputNames(expanded.inputs.map((i) => i.path));
    const inputPaths = new Set(expanded.inputs.flatMap((i) => [i.absPath, i.realPath]));
    const planned: Planned[] = expanded.inputs.map((input) => {
      const name = names.get(input.path)!;
      return { input, name, outputs: options.formats.map((format) => ({ format, path: safeOutputPath(outDir, name, FORMATS[format].ext) })) };
    });

    const manifestPath = join(outDir, SUMMARY_JSONL);
    const previous = readManifest(manifestPath);
    previous.problems.forEach(warn);
    const manifest = new ManifestWriter(manifestPath, previous.lines);
    const lines = new Map<string, SummaryLine>();
    const total = planned.length + expanded.problems.length;
    const record = (line: SummaryLine) => {
      lines.set(line.input, line);
      manifest.set(line);
      emit({ type: 'item-done', line, done: lines.size, total });
    };
    const failedLine = (input: string, name: string, error: string, sha256: string | null = null): SummaryLine => ({
      input, name, sha256, status: 'failed', error, caseCount: 0, counts: zeroCounts(), outputs: [], components: [], cases: [], ...base,
    });

    const toRun: Planned[] = [];
    const ready: SummaryLine[] = [];
    for (const p of planned) {
      const clash = p.outputs.find((o) => inputPaths.has(o.path));
      if (clash) {
        ready.push(failedLine(p.input.path, p.name, `its output ${clash.path} would overwrite an input; choose an --out folder that holds no inputs`));
        continue;
      }
      const done = options.force ? undefined : upToDateLine(previous.lines.get(p.input.path), p, settings, outDir);
      if (done) ready.push(done);
      else toRun.push(p);
    }
    for (const prob of expanded.problems) ready.push(failedLine(prob.input, '', prob.error));
    emit({ type: 'plan', total, toRun: toRun.length, upToDate: ready.filter((l) => l.status === 'ok').length, failed: ready.filter((l) => l.status === 'failed').length, outDir });
    ready.forEach(record);

    const parse: ParseFn = deps.parse ?? (await import('../input/parseArchitecture.js')).parseArchitecture;
    const render = deps.render ?? ((f: FormatName, m: ThreatModel, o: { sourceUri: string }) => renderFormat(f, m, o));
    const endpoints = deps.endpoints?.length ? deps.endpoints : [localEndpoint(options.concurrency ?? 1)];
    const endpointsDown: string[] = [];

    const stats = await runPool<Planned, SummaryLine>({
      items: toRun,
      endpoints,
      concurrency: options.concurrency,
      stop: deps.stop,
      abort: deps.abort,
      isItemError: (err) => err instanceof AppError && !(err instanceof ProviderError),
      onStart: (p, ep) => emit({ type: 'item-start', input: p.input.path, endpoint: ep.id }),
      onEndpointDown: (ep, reason) => {
        endpointsDown.push(ep.id);
        emit({ type: 'endpoint-down', endpoint: ep.id, reason });
      },
      work: async (p, ctx) => {
        const started = performance.now();
        // readInput's messages name the path it is given: the display path when it resolves the same way
        const source = resolve(p.input.path) === p.input.absPath ? p.input.path : p.input.absPath;
        const doc = { ...readInput(source), source: p.input.path };
        const parsed = parse(doc.text, { source: doc.source });
        const model = await deps.generate(doc, parsed, ctx);
        ctx.signal.throwIfAborted();
        // all of an input's outputs or none: staged as temp files, renamed together
        await writeFilesAtomic(p.outputs.map((o) => ({ path: o.path, data: () => render(o.format, model, { sourceUri: p.input.path }) })), ctx.signal);
        return {
          input: p.input.path, name: p.name, sha256: doc.sha256, status: 'ok', ...modelFacts(model),
          outputs: p.outputs.map((o) => basename(o.path)), ...base,
          provider: model.run.provider, model: model.run.model,
          ms: Math.round(performance.now() - started), finishedAt: (deps.now?.() ?? new Date()).toISOString(),
        };
      },
      onSettled: (o) => {
        if (o.status === 'ok') record(o.value);
        else if (o.status === 'failed') record(failedLine(o.item.input.path, o.item.name, errorMessage(o.error), sha256File(o.item.input.absPath)));
        else record({ ...failedLine(o.item.input.path, o.item.name, o.started ? 'abandoned: the run was interrupted while it was in progress' : 'not started: the run was interrupted'), status: 'skipped' });
      },
    });
    manifest.flush();

    const runLines = [...lines.values()].sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
    const rollup = rollUp(runLines);
    const today = (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
    const gate = options.failOn ? evaluateGate(runLines, options.failOn, options.accept, { cwd, today }) : undefined;
    const files = { summaryJsonl: manifestPath, summaryMd: join(outDir, 'summary.md'), summaryCsv: join(outDir, 'summary.csv') };
    writeFileAtomicSync(files.summaryMd, rollupMarkdown(rollup, { provider: options.provider, model: options.model, settingsHash: settings, gate }));
    writeFileAtomicSync(files.summaryCsv, rollupCsv(runLines));
    return {
      outDir, total, ok: rollup.ok, upToDate: rollup.upToDate, failed: rollup.failed, skipped: rollup.skipped,
      interrupted: stats.cancelled > 0 || !!deps.stop?.aborted || !!deps.abort?.aborted,
      lines: runLines, rollup, gate, settingsHash: settings, files, warnings, endpointsDown, elapsedMs: Math.round(performance.now() - t0),
    };
  } finally {
    release();
  }
}
