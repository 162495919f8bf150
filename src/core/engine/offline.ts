import type { LoadedPattern, MisuseCase, SystemModel } from '../domain/index.js';
import { instantiate } from './instantiate.js';
import { matchPatterns } from './match.js';

/** Options of the offline engine. */
export interface OfflineOptions {
  /** Keep only the N highest-risk cases. */
  readonly maxCases?: number;
}

/**
 * The offline engine: matches knowledge-base patterns to the system's components and instantiates
 * grounded misuse cases, deduplicated, ranked by risk and numbered. Deterministic.
 */
export function generateOfflineCases(system: SystemModel, patterns: readonly LoadedPattern[], opts: OfflineOptions = {}): MisuseCase[] {
  const seen = new Set<string>();
  const cases: MisuseCase[] = [];
  for (const { pattern, component } of matchPatterns(system, patterns)) {
    const key = `${pattern.id}\u0000${component.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push(instantiate(pattern, component, system));
  }
  return rankCases(cases, opts.maxCases);
}

/** Orders cases by risk (highest first, ties broken stably), truncates to `max` and numbers them MC-001…. */
export function rankCases(cases: readonly MisuseCase[], max?: number): MisuseCase[] {
  const order = new Map(cases.map((c, i) => [c, i]));
  const sorted = [...cases].sort((a, b) => b.risk.score - a.risk.score || order.get(a)! - order.get(b)!);
  const kept = max !== undefined && max >= 0 ? sorted.slice(0, max) : sorted;
  return kept.map((c, i) => ({ ...c, id: `MC-${String(i + 1).padStart(3, '0')}` }));
}

/** A key that identifies "the same threat on the same components", for deduplication and diffs. */
export function caseKey(c: Pick<MisuseCase, 'threatClass' | 'targets' | 'references'>): string {
  const pat = [...c.references.patterns].sort().join('+') || c.threatClass;
  return `${pat}@${[...c.targets].sort().join(',')}`;
}
