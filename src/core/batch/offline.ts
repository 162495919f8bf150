import type { KnowledgeBase } from '../kb/knowledgeBase.js';
import { finalModel } from '../pipeline/events.js';
import { runOfflinePipeline } from '../pipeline/run.js';
import type { GenerateFn } from './runBatch.js';

/** What the offline generator needs. */
export interface OfflineGenerateDeps {
  readonly kb: KnowledgeBase;
  readonly toolVersion: string;
  readonly maxCases?: number;
}

/** The offline pipeline (knowledge-base rules, no model) as a {@link GenerateFn}. */
export function offlineGenerate(deps: OfflineGenerateDeps): GenerateFn {
  return (doc, parsed, ctx) =>
    finalModel(runOfflinePipeline(doc, parsed, { kb: deps.kb, toolVersion: deps.toolVersion, maxCases: deps.maxCases, signal: ctx.signal }));
}
