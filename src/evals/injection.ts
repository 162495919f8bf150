import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { FINDING_FAMILIES, HIDING_PLACES } from '../core/domain/finding.js';
import { formatZodIssues } from '../core/errors.js';
import { scanText, type ScanResult } from '../core/guard/index.js';
import { meetsThresholds, type SuiteResult } from './types.js';

/** One document of the injection corpus and its label. */
export const InjectionCaseSchema = z
  .object({
    file: z.string().min(1).describe('Path under evals/injection/'),
    label: z.enum(['injection', 'benign']).describe('injection: carries a payload; benign: a document that only mentions attacks'),
    hiding: z.enum(HIDING_PLACES).optional().describe('Where the payload hides (injection cases)'),
    family: z.enum(FINDING_FAMILIES).optional().describe('Main family of the payload (injection cases)'),
    lang: z.string().min(2).describe('Language of the payload, or of the document for benign cases'),
  })
  .strict()
  .refine((c) => c.label === 'benign' || (c.hiding !== undefined && c.family !== undefined), { message: 'injection cases need hiding and family' });
export type InjectionCase = z.infer<typeof InjectionCaseSchema>;

/** The manifest `evals/injection/cases.yaml`. */
export const InjectionManifestSchema = z.object({ cases: z.array(InjectionCaseSchema).min(1) }).strict();

/** One line of the development dataset. */
const DevRowSchema = z.object({ id: z.string(), text: z.string(), label: z.enum(['injection', 'benign']), source: z.string() }).passthrough();

/** Options of the injection suite. */
export interface InjectionSuiteOptions {
  /** Project root (the folder holding evals/). */
  readonly root: string;
  /** Folder holding datasets/injection-dev.jsonl; default `<root>/../shared`. */
  readonly sharedDir?: string;
}

const THRESHOLDS = { recall: { min: 0.9 }, falsePositiveRate: { max: 0.03 } };
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const flagged = (r: ScanResult): boolean => r.verdict !== 'clean';

/** Tally of detections for one group of documents. */
class Tally {
  readonly rows = new Map<string, { pos: number; hit: number; strict: number; neg: number; fp: number }>();
  add(group: string, label: 'injection' | 'benign', r: ScanResult): void {
    const row = this.rows.get(group) ?? { pos: 0, hit: 0, strict: 0, neg: 0, fp: 0 };
    if (label === 'injection') {
      row.pos++;
      if (flagged(r)) row.hit++;
      if (r.verdict === 'injection') row.strict++;
    } else {
      row.neg++;
      if (flagged(r)) row.fp++;
    }
    this.rows.set(group, row);
  }
  table(title: string, what: 'recall' | 'both'): { title: string; table: string[][] } {
    const header = what === 'recall' ? ['group', 'docs', 'flagged', 'recall', 'strict recall'] : ['group', 'injections', 'recall', 'benign', 'FPR'];
    const body = [...this.rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([g, r]) =>
      what === 'recall'
        ? [g, String(r.pos), String(r.hit), r.pos ? pct(r.hit / r.pos) : '-', r.pos ? pct(r.strict / r.pos) : '-']
        : [g, String(r.pos), r.pos ? pct(r.hit / r.pos) : '-', String(r.neg), r.neg ? pct(r.fp / r.neg) : '-'],
    );
    return { title, table: [header, ...body] };
  }
}

/** Loads and validates the manifest; issues are returned, not thrown. */
export function loadInjectionCases(root: string): { cases: InjectionCase[]; errors: string[] } {
  const file = join(root, 'evals', 'injection', 'cases.yaml');
  if (!existsSync(file)) return { cases: [], errors: [`${file} does not exist`] };
  const parsed = InjectionManifestSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) return { cases: [], errors: [`Invalid configuration in ${file}:\n${formatZodIssues(parsed.error.issues)}`] };
  const errors = parsed.data.cases.filter((c) => !existsSync(join(root, 'evals', 'injection', c.file))).map((c) => `${c.file} is listed in cases.yaml but missing`);
  return { cases: parsed.data.cases, errors };
}

/**
 * The injection suite: recall on architecture documents carrying payloads (overall, per hiding
 * place, per family, per language), false-positive rate on security documents that only mention
 * attacks, and the same numbers on the development dataset when it is present.
 */
export async function runInjectionSuite(opts: InjectionSuiteOptions): Promise<SuiteResult> {
  const { cases, errors } = loadInjectionCases(opts.root);
  const overall = new Tally();
  const byHiding = new Tally();
  const byFamily = new Tally();
  const byLang = new Tally();
  const misses: string[] = [];
  const started = performance.now();
  let bytes = 0;
  for (const c of cases) {
    const file = join(opts.root, 'evals', 'injection', c.file);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    const r = scanText(text, { source: c.file });
    overall.add(c.label, c.label, r);
    byLang.add(c.lang, c.label, r);
    if (c.label === 'injection') {
      byHiding.add(c.hiding!, c.label, r);
      byFamily.add(c.family!, c.label, r);
      if (!flagged(r)) misses.push(`missed ${c.file} (${c.hiding}, ${c.family}, score ${r.score.toFixed(2)})`);
    } else if (flagged(r)) misses.push(`false positive ${c.file} (score ${r.score.toFixed(2)}: ${r.findings.find((f) => f.score === r.score)?.reason ?? ''})`);
  }
  const seconds = (performance.now() - started) / 1000;
  const inj = overall.rows.get('injection') ?? { pos: 0, hit: 0, strict: 0, neg: 0, fp: 0 };
  const ben = overall.rows.get('benign') ?? { pos: 0, hit: 0, strict: 0, neg: 0, fp: 0 };
  const metrics: Record<string, number> = {
    recall: inj.pos ? inj.hit / inj.pos : Number.NaN,
    strictRecall: inj.pos ? inj.strict / inj.pos : Number.NaN,
    falsePositiveRate: ben.neg ? ben.fp / ben.neg : Number.NaN,
    injectionDocs: inj.pos,
    benignDocs: ben.neg,
  };
  const notes = [...errors, `corpus: ${inj.pos} documents with payloads, ${ben.neg} benign security documents; scanned ${(bytes / 1024).toFixed(0)} KB in ${(seconds * 1000).toFixed(0)} ms`, ...misses];
  const sections = [byHiding.table('Recall per hiding place', 'recall'), byFamily.table('Recall per family', 'recall'), byLang.table('Per language', 'both')];
  const dev = runDevSet(opts.sharedDir ?? resolve(opts.root, '..', 'shared'));
  if (dev) {
    Object.assign(metrics, dev.metrics);
    sections.push(dev.section);
  } else notes.push('development dataset (datasets/injection-dev.jsonl) not found, skipped');
  const table = [
    ['set', 'recall', 'FPR'],
    ['corpus', pct(metrics.recall!), pct(metrics.falsePositiveRate!)],
    ...(dev ? [['dev dataset', pct(dev.metrics.devRecall!), pct(dev.metrics.devFalsePositiveRate!)]] : []),
  ];
  return {
    suite: 'injection',
    tag: 'ALWAYS_PASSES',
    metrics,
    thresholds: THRESHOLDS,
    passed: errors.length === 0 && meetsThresholds(metrics, THRESHOLDS),
    table,
    sections,
    notes,
  };
}

/** Recall and FPR on the development dataset, overall and per source; undefined when absent. */
function runDevSet(sharedDir: string): { metrics: Record<string, number>; section: { title: string; table: string[][] } } | undefined {
  const file = join(sharedDir, 'datasets', 'injection-dev.jsonl');
  if (!existsSync(file)) return undefined;
  const bySource = new Tally();
  const all = new Tally();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = DevRowSchema.safeParse(JSON.parse(line));
    if (!row.success) continue;
    const r = scanText(row.data.text, { source: row.data.id, format: 'text' });
    // Group by repository and file, without the path noise in between.
    const parts = row.data.source.split('#')[0]!.split('/');
    bySource.add(`${parts.slice(0, 2).join('/')}/…/${parts[parts.length - 1]}`, row.data.label, r);
    all.add('all', row.data.label, r);
  }
  const t = all.rows.get('all')!;
  return {
    metrics: { devRecall: t.pos ? t.hit / t.pos : Number.NaN, devFalsePositiveRate: t.neg ? t.fp / t.neg : Number.NaN, devInjections: t.pos, devBenign: t.neg },
    section: bySource.table('Development dataset by source', 'both'),
  };
}
