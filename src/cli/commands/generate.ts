import { AppError, EXIT } from '../../core/errors.js';
import { readInput } from '../../core/input/readInput.js';
import { parseArchitectureAsync } from '../../core/input/parseAsync.js';
import type { InputFormat } from '../../core/input/format.js';
import { loadKnowledgeBaseAsync } from '../../core/kb/builtin.js';
import { runOfflinePipeline, CancelledError } from '../../core/pipeline/run.js';
import type { PipelineEvent } from '../../core/pipeline/events.js';
import type { ThreatModel } from '../../core/domain/index.js';
import { renderFormat, type FormatName } from '../../core/export/index.js';
import { VERSION } from '../main.js';
import { c, emit, info, setQuiet, warn } from '../io.js';
import type { CommonOptions } from '../options.js';
import { chooseProvider } from '../providers.js';

/** Options of `threatstorm generate`. */
export interface GenerateOptions extends CommonOptions {
  format: FormatName;
  out?: string;
  maxCases?: number;
  inputFormat: InputFormat | 'auto';
  fallback: boolean;
  concurrency?: number;
  timings?: boolean;
  modelExtract?: 'auto' | 'always' | 'never';
}

/** `threatstorm generate [FILE|-]` */
export async function generateCommand(file: string, opts: GenerateOptions): Promise<number> {
  setQuiet(!!opts.quiet);
  if (file === '-' && process.stdin.isTTY) {
    throw new AppError('no input: give an architecture file (`threatstorm generate arch.md`) or pipe one in (`cat arch.md | threatstorm generate -`).', EXIT.usage);
  }
  const doc = readInput(file);
  const parsed = await parseArchitectureAsync(doc.text, { source: doc.source, format: opts.inputFormat });
  const kb = await loadKnowledgeBaseAsync(opts.kb);
  for (const e of kb.errors) warn(`${e.file}: ${e.field || '(file)'}: ${e.message}`);
  if (opts.kb.length) await reportKbVerdicts(opts.kb);

  const choice = await chooseProvider({ provider: opts.provider, model: opts.model, fallback: opts.fallback, concurrency: opts.concurrency });
  info(c.dim(`provider: ${choice.kind}${choice.kind === 'offline' ? '' : ` (${choice.model})`}: ${choice.reason}`));

  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    info('\ncancelling… (Ctrl-C again to quit at once)');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const base = { kb, toolVersion: VERSION, maxCases: opts.maxCases, signal: controller.signal, timings: opts.timings };
  let events: AsyncGenerator<PipelineEvent, ThreatModel>;
  if (choice.kind === 'offline') {
    events = runOfflinePipeline(doc, parsed, base);
  } else {
    const { runModelPipeline } = await import('../../core/pipeline/modelPipeline.js');
    events = runModelPipeline(doc, parsed, { ...base, port: choice.port, concurrency: opts.concurrency, fallback: opts.fallback, extract: opts.modelExtract });
  }
  let model: ThreatModel | undefined;
  try {
    for await (const ev of events) {
      if (ev.type === 'warning') warn(ev.message);
      else if (ev.type === 'stage' && ev.status === 'start' && choice.kind !== 'offline') info(c.dim(`… ${ev.stage}${ev.detail ? ` (${ev.detail})` : ''}`));
      else if (ev.type === 'case' && choice.kind !== 'offline') info(c.dim(`  + ${ev.case.title}`));
      else if (ev.type === 'done') model = ev.model;
    }
  } catch (err) {
    if (err instanceof CancelledError || controller.signal.aborted) {
      info('cancelled; nothing was written.');
      return 130;
    }
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
  }
  if (!model) throw new AppError('the pipeline ended without a threat model', EXIT.provider);
  emit(renderFormat(opts.format, model, { sourceUri: doc.source === '-' ? 'stdin' : doc.source }), opts.out);
  const fb = model.run.fallbacks.length ? `, ${model.run.fallbacks.length} part(s) fell back to offline cases` : '';
  info(c.dim(`${model.misuseCases.length} misuse case(s) for ${model.system.components.length} component(s)${fb}`));
  return EXIT.ok;
}

/** Scans each user knowledge file with the guard and reports its verdict (knowledge is untrusted input too). */
async function reportKbVerdicts(dirs: readonly string[]): Promise<void> {
  const { listKbFiles } = await import('../../core/kb/loadKb.js');
  const { readFileSync } = await import('node:fs');
  const { scanText } = await import('../../core/guard/index.js');
  for (const dir of dirs) {
    let files: string[] = [];
    try {
      files = listKbFiles(dir);
    } catch {
      continue;
    }
    for (const f of files) {
      const r = scanText(readFileSync(f, 'utf8'), { source: f, format: 'markdown' });
      if (r.verdict !== 'clean') warn(`knowledge file ${f}: ${r.verdict} (${r.findings.map((x) => `line ${x.line ?? '?'}: ${x.kind}`).join(', ')}); its text is used as data only`);
      else info(c.dim(`knowledge file ${f}: clean`));
    }
  }
}
