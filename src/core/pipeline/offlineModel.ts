import type { InputFinding, SystemModel, ThreatModel, Verdict } from '../domain/index.js';
import { SCHEMA_VERSION } from '../domain/constants.js';
import { generateOfflineCases } from '../engine/offline.js';
import { isAiSystem } from '../engine/match.js';
import type { KnowledgeBase } from '../kb/knowledgeBase.js';

/** What the guard said about the input. */
export interface InputScan {
  readonly verdict: Verdict;
  readonly findings: readonly InputFinding[];
}

/** Everything the offline threat model needs besides the system model. */
export interface OfflineModelOptions {
  readonly kb: KnowledgeBase;
  readonly toolVersion: string;
  readonly input?: { source: string; format: string; sha256: string };
  readonly scan?: InputScan;
  readonly maxCases?: number;
  readonly warnings?: readonly string[];
}

/**
 * Builds a complete threat model with the offline engine: knowledge-base rules only, no model,
 * no network, deterministic (the same input gives byte-identical JSON).
 */
export function buildOfflineThreatModel(system: SystemModel, opts: OfflineModelOptions): ThreatModel {
  const misuseCases = generateOfflineCases(system, opts.kb.patterns, { maxCases: opts.maxCases });
  const warnings = [...(opts.warnings ?? [])];
  if (!isAiSystem(system)) {
    warnings.push('no AI component (LLM, ML model, embedding model or agent) was found, so no AI-specific cases were generated');
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    system,
    misuseCases,
    inputFindings: [...(opts.scan?.findings ?? [])],
    run: {
      provider: 'offline',
      model: null,
      tool: `threatstorm ${opts.toolVersion}`,
      knowledgeBase: { patterns: opts.kb.patterns.length, digest: opts.kb.digest },
      ...(opts.input ? { input: { ...opts.input, verdict: opts.scan?.verdict ?? 'clean' } } : {}),
      calls: 0,
      promptTokens: 0,
      completionTokens: 0,
      fallbacks: [],
      warnings,
    },
  };
}
