import type { Component, LoadedPattern, MisuseCase, SystemModel } from '../domain/index.js';
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
  const groups = new Map<string, { pattern: LoadedPattern; components: Component[] }>();
  for (const { pattern, component } of matchPatterns(system, patterns)) {
    const key = groupKey(pattern, component);
    const group = groups.get(key) ?? { pattern, components: [] };
    if (!group.components.includes(component)) group.components.push(component);
    groups.set(key, group);
  }
  const cases = [...groups.values()].map(({ pattern, components }) => instantiate(pattern, components, system));
  return rankCases(cases, opts.maxCases);
}

/**
 * Components that a pattern fits for the same reason share one case: a classic threat reads the
 * same on every service; an AI pattern groups components of one kind whose properties that the
 * pattern looks at are the same (four agents open to the same jailbreak, not four near-copies).
 */
function groupKey(pattern: LoadedPattern, component: Component): string {
  if (!pattern.ai) return pattern.id;
  const relevant = new Set([...pattern.appliesTo.anyProperties, ...pattern.appliesTo.allProperties]);
  const props = component.properties.filter((p) => relevant.has(p)).sort().join(',');
  return `${pattern.id}\u0000${component.kind}\u0000${props}`;
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
