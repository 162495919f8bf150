import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SCHEMA_VERSION, SeveritySchema, type ThreatModel } from '../domain/index.js';
import { writeFileAtomicSync } from './atomic.js';

/** File name of the per-input manifest in the output folder. */
export const SUMMARY_JSONL = 'summary.jsonl';

/** What a case needs for the roll-up and the `--fail-on` gate, kept in summary.jsonl so skipped inputs count too. */
export const CaseFactSchema = z
  .object({
    id: z.string().describe('Case id within its threat model, e.g. MC-003'),
    title: z.string(),
    level: SeveritySchema.describe('Risk level'),
    score: z.number(),
    threatClass: z.string(),
    stride: z.array(z.string()),
    owasp: z.array(z.string()).describe('OWASP LLM and ML Top 10 ids'),
    atlas: z.array(z.string()),
    patterns: z.array(z.string()).describe('Knowledge-base pattern ids'),
    targets: z.array(z.string()).describe('Targeted component ids'),
    handled: z.boolean().describe('A mitigation is accepted or implemented, or the case itself was accepted'),
  })
  .strict();
export type CaseFact = z.infer<typeof CaseFactSchema>;

/** Counts of cases by risk level. */
export const LevelCountsSchema = z.object({ critical: z.number(), high: z.number(), medium: z.number(), low: z.number() }).strict();
export type LevelCounts = z.infer<typeof LevelCountsSchema>;

/**
 * One line of summary.jsonl. `status`: `ok` outputs are complete and current (`upToDate` when an
 * earlier run produced them and this one reused them); `failed` the input could not be modelled
 * (`error` says why); `skipped` the run stopped before this input was done (Ctrl-C).
 */
export const SummaryLineSchema = z
  .object({
    input: z.string().describe('Input path as shown to the user, relative to the working folder'),
    name: z.string().describe('Output base name in the output folder'),
    sha256: z.string().nullable().describe('sha256 of the input bytes; null when it could not be read'),
    status: z.enum(['ok', 'failed', 'skipped']),
    upToDate: z.boolean().optional().describe('True when the outputs of an earlier run were reused'),
    error: z.string().optional(),
    system: z.string().optional().describe('System name'),
    caseCount: z.number().int().nonnegative(),
    counts: LevelCountsSchema,
    outputs: z.array(z.string()).describe('Output files, relative to the output folder'),
    provider: z.string().nullable(),
    model: z.string().nullable(),
    settingsHash: z.string(),
    ms: z.number().optional().describe('Wall time of this input, milliseconds'),
    finishedAt: z.string().optional().describe('When the outputs were written (ISO 8601)'),
    components: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() }).strict()).default([]),
    cases: z.array(CaseFactSchema).default([]),
  })
  .strict();
export type SummaryLine = z.infer<typeof SummaryLineSchema>;

/** Everything that changes the outputs of an input besides its content. */
export interface BatchSettings {
  readonly formats: readonly string[];
  readonly maxCases?: number;
  readonly provider: string;
  readonly model: string | null;
  readonly kbDigest: string;
  readonly toolVersion: string;
}

/** Hash of the settings: an input is redone when it changes. Format order does not matter. */
export function settingsHash(s: BatchSettings): string {
  const canonical = {
    formats: [...new Set(s.formats)].sort(),
    maxCases: s.maxCases ?? null,
    provider: s.provider,
    model: s.model,
    kb: s.kbDigest,
    tool: s.toolVersion,
    schema: SCHEMA_VERSION,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 16);
}

/** Zero counts. */
export function zeroCounts(): LevelCounts {
  return { critical: 0, high: 0, medium: 0, low: 0 };
}

/** The summary facts of a finished threat model. */
export function modelFacts(model: ThreatModel): Pick<SummaryLine, 'system' | 'caseCount' | 'counts' | 'components' | 'cases'> {
  const counts = zeroCounts();
  for (const mc of model.misuseCases) counts[mc.risk.level]++;
  return {
    system: model.system.name,
    caseCount: model.misuseCases.length,
    counts,
    components: model.system.components.map((c) => ({ id: c.id, name: c.name, kind: c.kind })),
    cases: model.misuseCases.map((mc) => ({
      id: mc.id,
      title: mc.title,
      level: mc.risk.level,
      score: mc.risk.score,
      threatClass: mc.threatClass,
      stride: [...mc.stride],
      owasp: [...mc.references.owaspLlm, ...mc.references.owaspMl],
      atlas: [...mc.references.atlas],
      patterns: [...mc.references.patterns],
      targets: [...mc.targets],
      handled: mc.status === 'accepted' || mc.mitigations.some((m) => m.status === 'accepted' || m.status === 'implemented'),
    })),
  };
}

/** Reads summary.jsonl; a missing file is empty, bad lines are skipped and reported (they are simply redone). */
export function readManifest(path: string): { lines: Map<string, SummaryLine>; problems: string[] } {
  const lines = new Map<string, SummaryLine>();
  const problems: string[] = [];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { lines, problems };
  }
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      const line = SummaryLineSchema.parse(JSON.parse(raw));
      lines.set(line.input, line);
    } catch {
      problems.push(`${path}:${i + 1} is not a valid summary line; its input will be redone`);
    }
  });
  return { lines, problems };
}

const LINE_KEYS = Object.keys(SummaryLineSchema.shape) as (keyof SummaryLine)[];

/** The line with its fields in schema order (the per-case facts last), absent ones left out. */
function ordered(line: SummaryLine): Partial<SummaryLine> {
  const out: Record<string, unknown> = {};
  for (const k of LINE_KEYS) if (line[k] !== undefined) out[k] = line[k];
  return out as Partial<SummaryLine>;
}

/** One line of summary.jsonl, newline included. */
function lineText(line: SummaryLine): string {
  return `${JSON.stringify(ordered(line))}\n`;
}

/** The text of summary.jsonl: one JSON line per input, sorted by input path, fields in schema order. */
export function manifestText(lines: Iterable<SummaryLine>): string {
  const sorted = [...lines].sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
  return sorted.map(lineText).join('');
}

/**
 * Keeps summary.jsonl current and valid: the whole file is rewritten atomically (temp + rename)
 * after every finished input, so a crash never leaves a partial line. Rewrites are rate-limited
 * so that they take at most about a fifth of the time on very large batches (a crash then loses
 * at most the last few lines, whose inputs are simply redone).
 */
export class ManifestWriter {
  private readonly lines: Map<string, SummaryLine>;
  /** Each line's JSON, serialised once when it is set (a rewrite only joins strings). */
  private readonly text = new Map<string, string>();
  private lastMs = 0;
  private lastCost = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly path: string,
    previous: ReadonlyMap<string, SummaryLine> = new Map(),
  ) {
    this.lines = new Map(previous);
    for (const [input, line] of previous) this.text.set(input, lineText(line));
  }

  /** Records (or replaces) an input's line and schedules a rewrite. */
  set(line: SummaryLine): void {
    this.lines.set(line.input, line);
    this.text.set(line.input, lineText(line));
    const wait = this.lastMs + this.lastCost * 4 - performance.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** The line of an input, if any. */
  get(input: string): SummaryLine | undefined {
    return this.lines.get(input);
  }

  /** Rewrites the file now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const t0 = performance.now();
    const keys = [...this.text.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    writeFileAtomicSync(this.path, keys.map((k) => this.text.get(k)!).join(''));
    this.lastMs = performance.now();
    this.lastCost = this.lastMs - t0;
  }
}
