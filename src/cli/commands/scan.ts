import { AppError, EXIT } from '../../core/errors.js';
import { readInput } from '../../core/input/readInput.js';
import { scanText } from '../../core/guard/index.js';
import type { InputFinding } from '../../core/domain/index.js';
import { c, emit, info, setQuiet } from '../io.js';

/** Options of `threatstorm scan`. */
export interface ScanOptions {
  json?: boolean;
  jsonl?: string;
  quiet?: boolean;
}

function formatOf(source: string): 'markdown' | 'yaml' | 'json' | 'text' {
  if (/\.ya?ml$/i.test(source)) return 'yaml';
  if (/\.json$/i.test(source)) return 'json';
  if (/\.(md|markdown|mmd)$/i.test(source)) return 'markdown';
  return source === '-' ? 'markdown' : 'text';
}

/** `threatstorm scan [FILE|-]` or `scan --jsonl FILE`: exit 0 clean, 1 suspicious or injection, 2 bad input. */
export function scanCommand(file: string | undefined, opts: ScanOptions): number {
  setQuiet(!!opts.quiet);
  if (opts.jsonl) return scanJsonl(opts.jsonl);
  const source = file ?? '-';
  if (source === '-' && process.stdin.isTTY) {
    throw new AppError('no input: give a file (`threatstorm scan design.md`) or pipe text in (`… | threatstorm scan -`).', EXIT.usage);
  }
  const doc = readInput(source);
  const result = scanText(doc.text, { source: doc.source, format: formatOf(source) });
  if (opts.json) {
    emit(JSON.stringify({ verdict: result.verdict, score: round(result.score), findings: result.findings.map(publicFinding) }, null, 2));
  } else {
    const colour = result.verdict === 'clean' ? c.green : result.verdict === 'suspicious' ? c.yellow : c.red;
    const lines = [`${source}: ${colour(result.verdict)} (score ${round(result.score)})`];
    for (const f of result.findings) {
      lines.push(`  line ${f.line ?? '?'} [${f.kind}, ${f.hiding}] score ${round(f.score)}: ${f.reason}`, `    ${c.dim(JSON.stringify(f.excerpt))}`);
    }
    emit(lines.join('\n'));
  }
  return result.verdict === 'clean' ? EXIT.ok : EXIT.findings;
}

function scanJsonl(file: string): number {
  const doc = readInput(file);
  const out: string[] = [];
  let flagged = 0;
  const lines = doc.text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      throw new AppError(`${file}:${i + 1} is not valid JSON. Each line must be an object {"id": …, "text": "…"}.`, EXIT.usage);
    }
    const r = rec as { id?: unknown; text?: unknown };
    if (typeof r !== 'object' || r === null || typeof r.text !== 'string' || r.id === undefined) {
      throw new AppError(`${file}:${i + 1} needs "id" and a string "text" (got ${JSON.stringify(rec).slice(0, 80)}).`, EXIT.usage);
    }
    const res = scanText(r.text, { source: `${file}#${String(r.id)}`, format: 'text' });
    if (res.verdict !== 'clean') flagged++;
    out.push(JSON.stringify({ id: r.id, verdict: res.verdict, score: round(res.score) }));
  });
  emit(out.join('\n'));
  info(c.dim(`${out.length} input(s), ${flagged} flagged`));
  return flagged ? EXIT.findings : EXIT.ok;
}

function publicFinding(f: InputFinding) {
  return { kind: f.kind, hiding: f.hiding, start: f.start, end: f.end, line: f.line, excerpt: f.excerpt, reason: f.reason, score: round(f.score) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
