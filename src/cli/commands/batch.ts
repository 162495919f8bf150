import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { AppError, EXIT } from '../../core/errors.js';
import type { Severity } from '../../core/domain/index.js';
import { FORMAT_NAMES, isFormatName, type FormatName } from '../../core/export/index.js';
import { loadKnowledgeBase } from '../../core/kb/knowledgeBase.js';
import { findAcceptFile, loadAcceptFile, type AcceptList } from '../../core/batch/accept.js';
import { removeOwnTempFiles } from '../../core/batch/atomic.js';
import { globBase, hasGlobMagic } from '../../core/batch/glob.js';
import { offlineGenerate } from '../../core/batch/offline.js';
import { formatItemLine, initialProgress, reduceProgress, type BatchEvent, type ProgressState } from '../../core/batch/progress.js';
import { runBatch, type BatchSummary } from '../../core/batch/runBatch.js';
import { singleLine } from '../../core/export/escape.js';
import { VERSION } from '../main.js';
import { c, info, setQuiet, useColor, warn } from '../io.js';
import type { CommonOptions } from '../options.js';

/** Options of `threatstorm batch` as commander parses them. */
export interface BatchCommandOptions extends CommonOptions {
  out: string;
  format?: string[];
  ignore: string[];
  concurrency?: number;
  maxCases?: number;
  force?: boolean;
  failOn?: Severity;
  accept?: string;
  ollamaHost: string[];
  fallback: boolean;
}

/** Formats written when no --format is given. */
export const DEFAULT_BATCH_FORMATS: readonly FormatName[] = ['markdown', 'json'];

/** Exit code after Ctrl-C (128 + SIGINT), and after SIGTERM. */
const EXIT_SIGINT = 130;
const EXIT_SIGTERM = 143;

function parseFormats(raw: readonly string[] | undefined): FormatName[] {
  const list = raw?.length ? raw.flatMap((f) => f.split(',')).map((f) => f.trim()).filter(Boolean) : [...DEFAULT_BATCH_FORMATS];
  const bad = list.filter((f) => !isFormatName(f));
  if (bad.length) throw new AppError(`unknown --format ${bad.map((b) => `"${b}"`).join(', ')}. Use one of: ${FORMAT_NAMES.join(', ')} (repeat --format for several).`, EXIT.usage);
  return [...new Set(list as FormatName[])];
}

/** Paths whose common folder is where the default accept file is looked for. */
function acceptSearchPaths(inputs: readonly string[]): string[] {
  return inputs.map((arg) => {
    if (hasGlobMagic(arg)) return resolve(globBase(arg).base, '_');
    try {
      return statSync(arg).isDirectory() ? resolve(arg, '_') : resolve(arg);
    } catch {
      return resolve(arg);
    }
  });
}

function loadAccept(opts: BatchCommandOptions, inputs: readonly string[], patternIds: ReadonlySet<string>): AcceptList | undefined {
  const file = opts.accept ?? (opts.failOn ? findAcceptFile(acceptSearchPaths(inputs)) : undefined);
  if (!file) return undefined;
  const list = loadAcceptFile(file);
  info(c.dim(`accepted risks: ${list.rules.length} rule(s) from ${file}`));
  list.rules.forEach((r, i) => {
    if (r.pattern && !patternIds.has(r.pattern)) warn(`${file}: rule ${i + 1}: no knowledge-base pattern "${r.pattern}" (see \`threatstorm kb list\`); it matches nothing`);
  });
  if (!opts.failOn) info(c.dim('--accept has no effect without --fail-on'));
  return list;
}

/** Shows progress: an Ink bar on a terminal, one plain line per finished input otherwise. */
async function progressReporter(opts: BatchCommandOptions): Promise<{ onEvent: (ev: BatchEvent) => void; close: () => void }> {
  const plain = (ev: BatchEvent) => {
    if (ev.type === 'warning') warn(ev.message);
    else if (ev.type === 'endpoint-down') warn(`endpoint ${singleLine(ev.endpoint)} is down (${ev.reason}); its work moves to the others`);
    else if (ev.type === 'item-done') {
      const line = formatItemLine(ev.line, ev.done, ev.total);
      if (ev.line.status === 'failed') process.stderr.write(`${c.red(line)}\n`); // errors show even with --quiet
      else info(ev.line.status === 'ok' ? line : c.yellow(line));
    }
  };
  // Ink needs a real terminal with a width; anything else (pipes, CI logs, `script`) gets plain lines
  if (opts.quiet || !process.stderr.isTTY || (process.stderr.columns ?? 0) < 40) return { onEvent: plain, close: () => {} };

  process.env.FORCE_COLOR = useColor() ? '1' : '0'; // chalk (in Ink) ignores NO_COLOR and looks at stdout
  const [{ render }, { createElement }, { BatchProgress }] = await Promise.all([import('ink'), import('react'), import('../../ui/BatchProgress.js')]);
  let state: ProgressState = initialProgress();
  let app: ReturnType<typeof render> | undefined;
  let dirty = false;
  const later: string[] = [];
  const draw = () => {
    dirty = false;
    const el = createElement(BatchProgress, { state });
    if (app) app.rerender(el);
    else app = render(el, { stdout: process.stderr, exitOnCtrlC: false, patchConsole: false });
  };
  const timer = setInterval(() => dirty && draw(), 100);
  return {
    onEvent: (ev) => {
      state = reduceProgress(state, ev);
      if (ev.type === 'warning' && !app) warn(ev.message);
      else if (ev.type === 'warning') later.push(ev.message);
      if (ev.type === 'plan' || ev.type === 'stopping') draw();
      else dirty = true;
    },
    close: () => {
      clearInterval(timer);
      if (app) {
        draw();
        app.unmount();
      }
      later.forEach((m) => warn(m));
    },
  };
}

function report(s: BatchSummary, opts: BatchCommandOptions): void {
  const secs = s.elapsedMs / 1000;
  const worked = s.total - s.upToDate - s.skipped;
  const rate = secs > 0 && worked > 0 ? `, ${(worked / secs).toFixed(1)} inputs/s` : '';
  info(`${s.total} input(s): ${c.green(`${s.ok - s.upToDate} ok`)}, ${s.upToDate} up to date, ${s.failed ? c.red(`${s.failed} failed`) : '0 failed'}, ${s.skipped} skipped in ${secs.toFixed(1)}s${rate}; outputs in ${s.outDir}`);
  info(c.dim(`  ${s.rollup.cases} case(s): critical ${s.rollup.counts.critical}, high ${s.rollup.counts.high}, medium ${s.rollup.counts.medium}, low ${s.rollup.counts.low}; roll-up in summary.md and summary.csv`));
  const failures = s.lines.filter((l) => l.status === 'failed');
  if (failures.length) {
    process.stderr.write(`${c.red(`${failures.length} input(s) failed`)} (details in ${s.files.summaryJsonl}):\n`);
    for (const f of failures) process.stderr.write(`  ${singleLine(f.input)}: ${singleLine(f.error ?? 'failed')}\n`);
  }
  const g = s.gate;
  if (g) {
    for (const e of g.expired) warn(`accepted risk "${singleLine(e.reason)}" expired on ${e.until}; ${e.cases} case(s) it covered now count against --fail-on`);
    if (g.passed) info(c.green(`--fail-on ${g.failOn}: passed (${g.accepted.length} case(s) accepted)`));
    else {
      process.stderr.write(`${c.red(`--fail-on ${g.failOn}: ${g.tripped.length} case(s) at ${g.failOn} or above have no accepted mitigation:`)}\n`);
      for (const t of g.tripped) process.stderr.write(`  ${singleLine(t.input)}  ${t.caseId}  ${singleLine(t.title)}  (${t.level} ${t.score})\n`);
      process.stderr.write(`Mitigate them, or record accepted risks in threatstorm.accept.yaml${opts.accept ? ` (${opts.accept})` : ''}.\n`);
    }
  }
  if (s.interrupted) {
    process.stderr.write(`${c.yellow('interrupted:')} rerun the same command to continue; ${s.ok} of ${s.total} done.\n`);
  }
}

/** The --json document: the run summary without the per-case facts. */
function jsonSummary(s: BatchSummary) {
  return {
    schemaVersion: '1', outDir: s.outDir, total: s.total, ok: s.ok, upToDate: s.upToDate, failed: s.failed, skipped: s.skipped,
    interrupted: s.interrupted, elapsedMs: s.elapsedMs, settingsHash: s.settingsHash, files: s.files,
    inputs: s.lines.map(({ cases: _c, components: _k, ...rest }) => rest),
    rollup: s.rollup, gate: s.gate ?? null, warnings: s.warnings,
  };
}

/** `threatstorm batch INPUT... --out DIR`: exit 0 all ok, 1 some failed or --fail-on tripped, 2 usage, 130 interrupted. */
export async function batchCommand(inputs: string[], opts: BatchCommandOptions): Promise<number> {
  setQuiet(!!opts.quiet);
  const formats = parseFormats(opts.format);
  if (opts.concurrency === 0) throw new AppError('--concurrency must be at least 1.', EXIT.usage);
  const kb = loadKnowledgeBase(opts.kb);
  for (const e of kb.errors) warn(`${e.file}: ${e.field || '(file)'}: ${e.message}`);
  const accept = loadAccept(opts, inputs, new Set(kb.patterns.map((p) => p.id)));
  const modelSetup = opts.provider === 'offline' ? undefined
    : await (await import('./batchModel.js')).setUpModelBatch({ provider: opts.provider as 'auto', model: opts.model, ollamaHost: opts.ollamaHost, concurrency: opts.concurrency, fallback: opts.fallback !== false, maxCases: opts.maxCases, kb, toolVersion: VERSION });
  for (const n of modelSetup?.notes ?? []) warn(n);
  const concurrency = opts.concurrency ?? availableParallelism();
  if (modelSetup) info(c.dim(`provider: ${modelSetup.provider} (${modelSetup.model}) on ${modelSetup.endpoints.map((e) => `${e.id} ×${e.limit}`).join(', ')}`));
  else info(c.dim(`provider: offline (knowledge-base rules; no model used); ${concurrency} at a time`));

  const stop = new AbortController();
  const abort = new AbortController();
  let signalExit = 0;
  const onSigint = () => {
    signalExit = EXIT_SIGINT;
    if (!stop.signal.aborted) {
      stop.abort();
      reporter.onEvent({ type: 'stopping', abandon: false, inFlight: 0 });
      if (!process.stderr.isTTY || opts.quiet) process.stderr.write('stopping: in-flight inputs will finish (Ctrl-C again to abandon them)\n');
    } else if (!abort.signal.aborted) {
      abort.abort();
      reporter.onEvent({ type: 'stopping', abandon: true, inFlight: 0 });
      if (!process.stderr.isTTY || opts.quiet) process.stderr.write('abandoning in-flight inputs\n');
    } else {
      removeOwnTempFiles();
      process.exit(EXIT_SIGINT);
    }
  };
  const onSigterm = () => {
    signalExit = EXIT_SIGTERM;
    stop.abort();
    abort.abort();
  };
  const reporter = await progressReporter(opts);
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  process.on('exit', removeOwnTempFiles);
  let summary: BatchSummary;
  try {
    summary = await runBatch(
      {
        inputs, ignore: opts.ignore, outDir: opts.out, formats, maxCases: opts.maxCases, concurrency, force: opts.force,
        provider: modelSetup?.provider ?? 'offline', model: modelSetup?.model ?? null, kbDigest: kb.digest, toolVersion: VERSION, failOn: opts.failOn, accept,
      },
      {
        generate: modelSetup?.generate ?? offlineGenerate({ kb, toolVersion: VERSION, maxCases: opts.maxCases }),
        endpoints: modelSetup?.endpoints,
        onEvent: reporter.onEvent, stop: stop.signal, abort: abort.signal,
      },
    );
  } finally {
    reporter.close();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
  }
  report(summary, opts);
  if (opts.json) process.stdout.write(`${JSON.stringify(jsonSummary(summary), null, 2)}\n`);
  if (signalExit) return signalExit;
  return summary.failed > 0 || (summary.gate && !summary.gate.passed) ? EXIT.findings : EXIT.ok;
}
