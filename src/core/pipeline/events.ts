import type { MisuseCase, SystemModel, ThreatModel, Verdict } from '../domain/index.js';

/** Pipeline stages, in order. */
export type Stage = 'scan' | 'extract' | 'retrieve' | 'generate' | 'ground' | 'merge';

/**
 * Events streamed by the pipeline; a discriminated union on `type` that the UI and batch runner
 * reduce. `case` events arrive as soon as a case is ready (ids are provisional until `done`).
 */
export type PipelineEvent =
  | { readonly type: 'stage'; readonly stage: Stage; readonly status: 'start' | 'end'; readonly ms?: number; readonly detail?: string }
  | { readonly type: 'system'; readonly system: SystemModel }
  | { readonly type: 'case'; readonly case: MisuseCase; readonly part: string }
  /** `about: 'input-guard'` marks the warning that the input itself was flagged by the guard. */
  | { readonly type: 'warning'; readonly message: string; readonly about?: 'input-guard' }
  /** Cases streamed earlier for this part are withdrawn (their output failed a check); offline cases follow. */
  | { readonly type: 'retract'; readonly part: string; readonly reason: string }
  | { readonly type: 'usage'; readonly calls: number; readonly promptTokens: number; readonly completionTokens: number }
  | { readonly type: 'done'; readonly model: ThreatModel };

/** Drains a pipeline and returns its final threat model (for callers that do not stream). */
export async function finalModel(events: AsyncIterable<PipelineEvent>): Promise<ThreatModel> {
  let model: ThreatModel | undefined;
  for await (const ev of events) if (ev.type === 'done') model = ev.model;
  if (!model) throw new Error('pipeline ended without a result');
  return model;
}

/** The one warning both pipelines give when the guard flags the input. */
export function inputGuardWarning(source: string, scan: { verdict: Verdict; findings: readonly unknown[] }, handling: string): PipelineEvent & { type: 'warning' } {
  const where = source === '-' ? 'the input' : source;
  return { type: 'warning', about: 'input-guard', message: `${where} contains text that looks like instructions to an AI (${scan.verdict}, ${scan.findings.length} finding(s)); ${handling}` };
}
