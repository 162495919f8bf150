import type { Component, LoadedPattern, MisuseCase, SystemModel } from '../domain/index.js';
import { scoreRisk } from './risk.js';

/** Joins names as "A", "A and B" or "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The values for a pattern's placeholders on its target components. */
export function placeholderValues(system: SystemModel, target: Component | readonly Component[]): Record<string, string> {
  const targets: readonly Component[] = Array.isArray(target) ? target : [target as Component];
  const byId = new Map(system.components.map((c) => [c.id, c.name]));
  const ids = new Set(targets.map((t) => t.id));
  const sources = [...new Set(system.dataFlows.filter((f) => ids.has(f.to) && !ids.has(f.from)).map((f) => byId.get(f.from)!).filter(Boolean))];
  const sinks = [...new Set(system.dataFlows.filter((f) => ids.has(f.from) && !ids.has(f.to)).map((f) => byId.get(f.to)!).filter(Boolean))];
  return {
    target: joinNames(targets.map((t) => t.name)),
    system: system.name,
    sources: sources.length ? joinNames(sources) : 'its upstream sources',
    sinks: sinks.length ? joinNames(sinks) : 'the components that consume its output',
  };
}

/** Fills `{name}` placeholders; unknown names are left as written. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{([a-z]+)\}/g, (m, name: string) => values[name] ?? m);
}

/**
 * Turns a matched pattern into a grounded misuse case on one target, or on several that share the
 * threat (id assigned later by rank). Risk is scored on the most exposed target.
 */
export function instantiate(pattern: LoadedPattern, targetOrTargets: Component | readonly Component[], system: SystemModel): MisuseCase {
  const targets = Array.isArray(targetOrTargets) ? (targetOrTargets as readonly Component[]) : [targetOrTargets as Component];
  const v = placeholderValues(system, targets);
  const f = (s: string) => fill(s, v);
  const ids = targets.map((t) => t.id);
  const flows = system.dataFlows.filter((fl) => ids.includes(fl.to)).map((fl) => fl.id);
  const risks = targets.map((t) => scoreRisk(pattern.likelihood, pattern.severity, pattern.threatClass, t));
  const risk = risks.reduce((a, b) => (b.score > a.score ? b : a));
  return {
    id: 'MC-000',
    title: titleFor(pattern, v),
    summary: f(pattern.summary),
    actor: f(pattern.actor),
    targets: ids,
    flows,
    threatClass: pattern.threatClass,
    stride: [...pattern.stride],
    preconditions: pattern.preconditions.map(f),
    steps: pattern.steps.map(f),
    impact: f(pattern.impact),
    likelihood: pattern.likelihood,
    severity: pattern.severity,
    risk,
    mitigations: [
      ...pattern.mitigations.prevent.map((text) => ({ type: 'prevent' as const, text: f(text), status: 'proposed' as const })),
      ...pattern.mitigations.detect.map((text) => ({ type: 'detect' as const, text: f(text), status: 'proposed' as const })),
      ...pattern.mitigations.respond.map((text) => ({ type: 'respond' as const, text: f(text), status: 'proposed' as const })),
    ],
    signals: pattern.signals.map(f),
    redTeamTests: pattern.redTeam.map(f),
    reviewQuestions: pattern.questions.map(f),
    references: {
      patterns: [pattern.id],
      atlas: pattern.ai ? [...pattern.atlas] : [],
      owaspLlm: pattern.ai ? [...pattern.owaspLlm] : [],
      owaspMl: pattern.ai ? [...pattern.owaspMl] : [],
    },
    provenance: { source: 'knowledge-base' },
    status: 'open',
    notes: [],
  };
}

function titleFor(pattern: LoadedPattern, v: Record<string, string>): string {
  const t = fill(pattern.title, v);
  return pattern.title.includes('{target}') ? t : `${t} (${v.target})`;
}
