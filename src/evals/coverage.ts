import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ThreatClassSchema, type ThreatModel } from '../core/domain/index.js';
import { readInput, type InputDoc } from '../core/input/readInput.js';
import { parseArchitecture } from '../core/input/parseArchitecture.js';
import { meetsThresholds, type SuiteResult } from './types.js';

/** One reference architecture and what a reviewer expects of its threat model. */
export const ExpectedArchitectureSchema = z
  .object({
    file: z.string().describe('File name under evals/architectures/'),
    ai: z.boolean().describe('Whether the system has AI components'),
    expect: z.array(ThreatClassSchema).describe('Threat classes a reviewer would expect'),
    components: z.array(z.string()).default([]).describe('Component names a reviewer expects to be recognised'),
  })
  .strict();

/** The expectations file `evals/architectures/expected.yaml`. */
export const ExpectedFileSchema = z.object({ architectures: z.array(ExpectedArchitectureSchema).min(1) }).strict();
export type ExpectedArchitecture = z.infer<typeof ExpectedArchitectureSchema>;

/** Produces a threat model for one input; offline by default, a model-backed pipeline otherwise. */
export type ModelGenerator = (doc: InputDoc, parsed: ReturnType<typeof parseArchitecture>) => Promise<ThreatModel>;

/** Options of the coverage suite. */
export interface CoverageOptions {
  readonly root: string;
  readonly generate: ModelGenerator;
  /** Runs per architecture, for stability (share of classes found in every run). */
  readonly repeat?: number;
  readonly label?: string;
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

/** Loads and validates `evals/architectures/expected.yaml`. */
export function loadExpected(root: string): ExpectedArchitecture[] {
  const file = join(root, 'evals', 'architectures', 'expected.yaml');
  return ExpectedFileSchema.parse(parseYaml(readFileSync(file, 'utf8'))).architectures;
}

/** True when a case carries an AI-specific reference (ATLAS or OWASP LLM/ML id). */
export function isAiCase(c: ThreatModel['misuseCases'][number]): boolean {
  const r = c.references;
  return r.atlas.length + r.owaspLlm.length + r.owaspMl.length > 0;
}

/** Share of a model's cases whose targets exist and whose ids are valid (the schema checks ids). */
export function groundedness(model: ThreatModel): number {
  if (!model.misuseCases.length) return 1;
  const ids = new Set(model.system.components.map((c) => c.id));
  return model.misuseCases.filter((c) => c.targets.length > 0 && c.targets.every((t) => ids.has(t))).length / model.misuseCases.length;
}

/**
 * The coverage suite: per reference architecture, recall of the threat classes a reviewer expects,
 * recall of expected components, false AI cases on systems without AI, groundedness and (with
 * repeat > 1) run-to-run stability.
 */
export async function runCoverageSuite(opts: CoverageOptions): Promise<SuiteResult> {
  const expected = loadExpected(opts.root);
  const repeat = Math.max(1, opts.repeat ?? 1);
  const table: string[][] = [['architecture', 'expected', 'found', 'recall', 'components', 'cases', 'false AI', 'grounded', ...(repeat > 1 ? ['stable'] : [])]];
  let recallSum = 0;
  let aiCount = 0;
  let compSum = 0;
  let compCount = 0;
  let falseAi = 0;
  let groundedSum = 0;
  let runs = 0;
  let stableSum = 0;
  const missing: string[] = [];
  for (const arch of expected) {
    const doc = readInput(join(opts.root, 'evals', 'architectures', arch.file));
    const parsed = parseArchitecture(doc.text, { source: doc.source });
    const classSets: Set<string>[] = [];
    let last: ThreatModel | undefined;
    for (let i = 0; i < repeat; i++) {
      last = await opts.generate(doc, parsed);
      classSets.push(new Set(last.misuseCases.map((c) => c.threatClass)));
      groundedSum += groundedness(last);
      runs++;
    }
    const model = last!;
    const found = classSets[0]!;
    const hit = arch.expect.filter((c) => found.has(c));
    const recall = arch.expect.length ? hit.length / arch.expect.length : 1;
    for (const m of arch.expect.filter((c) => !found.has(c))) missing.push(`${arch.file}: ${m}`);
    const names = model.system.components.map((c) => c.name.toLowerCase());
    const compHits = arch.components.filter((n) => names.some((x) => x.includes(n.toLowerCase()) || n.toLowerCase().includes(x)));
    if (arch.components.length) {
      compSum += compHits.length / arch.components.length;
      compCount++;
    }
    const falseHere = arch.ai ? 0 : model.misuseCases.filter(isAiCase).length;
    falseAi += falseHere;
    if (arch.ai) {
      recallSum += recall;
      aiCount++;
    }
    const everyRun = arch.expect.filter((c) => classSets.every((s) => s.has(c)));
    const anyRun = arch.expect.filter((c) => classSets.some((s) => s.has(c)));
    const stable = anyRun.length ? everyRun.length / anyRun.length : 1;
    stableSum += stable;
    table.push([
      arch.file, String(arch.expect.length), String(hit.length), arch.ai ? pct(recall) : '-',
      arch.components.length ? `${compHits.length}/${arch.components.length}` : '-', String(model.misuseCases.length),
      arch.ai ? '-' : String(falseHere), pct(groundedness(model)), ...(repeat > 1 ? [pct(stable)] : []),
    ]);
  }
  const metrics: Record<string, number> = {
    meanRecall: aiCount ? recallSum / aiCount : 1,
    componentRecall: compCount ? compSum / compCount : 1,
    falseAiCasesOnNonAi: falseAi,
    groundedness: runs ? groundedSum / runs : 1,
    ...(repeat > 1 ? { stability: stableSum / expected.length } : {}),
  };
  const thresholds = { meanRecall: { min: 0.8 }, falseAiCasesOnNonAi: { max: 0 }, groundedness: { min: 1 } };
  return {
    suite: 'coverage',
    tag: opts.label === 'offline' ? 'ALWAYS_PASSES' : 'USUALLY_PASSES',
    metrics,
    thresholds,
    passed: meetsThresholds(metrics, thresholds),
    table,
    notes: [`${expected.length} reference architectures, generator: ${opts.label ?? 'offline'}`, ...(missing.length ? [`missed: ${missing.join('; ')}`] : [])],
  };
}
