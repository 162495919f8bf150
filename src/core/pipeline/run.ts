import type { ThreatModel } from '../domain/index.js';
import type { InputDoc } from '../input/readInput.js';
import type { ParsedArchitecture } from '../input/parseArchitecture.js';
import type { KnowledgeBase } from '../kb/knowledgeBase.js';
import { scanText } from '../guard/scan.js';
import { buildOfflineThreatModel } from './offlineModel.js';
import { inputGuardWarning, type PipelineEvent, type Stage } from './events.js';

/** What every pipeline run needs; the model path adds an injected chat model (see runModelPipeline). */
export interface PipelineDeps {
  readonly kb: KnowledgeBase;
  readonly toolVersion: string;
  readonly maxCases?: number;
  readonly signal?: AbortSignal;
  /** Add wall time per stage to `run.stageMs`. */
  readonly timings?: boolean;
}

/** Raised when a run is cancelled through its AbortSignal. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Throws CancelledError when the signal has fired. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Times a stage and yields its start and end events. */
export function stageTimer(timings: Record<string, number>) {
  return {
    start: (stage: Stage, detail?: string): PipelineEvent => {
      timings[`${stage}:t0`] = performance.now();
      return { type: 'stage', stage, status: 'start', detail };
    },
    end: (stage: Stage): PipelineEvent => {
      const ms = Math.round(performance.now() - (timings[`${stage}:t0`] ?? performance.now()));
      delete timings[`${stage}:t0`];
      timings[stage] = ms;
      return { type: 'stage', stage, status: 'end', ms };
    },
  };
}

/**
 * The offline pipeline as a stream of events: scan the input, take the extracted system model,
 * run the knowledge-base engine and emit each case, then the finished threat model.
 */
export async function* runOfflinePipeline(doc: InputDoc, parsed: ParsedArchitecture, deps: PipelineDeps): AsyncGenerator<PipelineEvent, ThreatModel> {
  const timings: Record<string, number> = {};
  const t = stageTimer(timings);
  throwIfAborted(deps.signal);
  yield t.start('scan');
  const scan = scanText(doc.text, { source: doc.source, format: parsed.format });
  yield t.end('scan');
  if (scan.verdict !== 'clean') {
    yield inputGuardWarning(doc.source, scan, 'it was treated as data only');
  }
  for (const w of parsed.warnings) yield { type: 'warning', message: w };
  yield { type: 'system', system: parsed.system };
  throwIfAborted(deps.signal);
  yield t.start('generate', 'offline engine');
  const model = buildOfflineThreatModel(parsed.system, {
    kb: deps.kb,
    toolVersion: deps.toolVersion,
    input: { source: doc.source, format: parsed.format, sha256: doc.sha256 },
    scan,
    maxCases: deps.maxCases,
    warnings: parsed.warnings,
  });
  for (const c of model.misuseCases) yield { type: 'case', case: c, part: c.targets[0] ?? 'system' };
  yield t.end('generate');
  const final: ThreatModel = deps.timings ? { ...model, run: { ...model.run, stageMs: pickStages(timings) } } : model;
  yield { type: 'done', model: final };
  return final;
}

function pickStages(timings: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(timings).filter(([k]) => !k.includes(':')));
}
