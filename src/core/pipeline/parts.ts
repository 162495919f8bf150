import type { Component, LoadedPattern, SystemModel } from '../domain/index.js';
import { AI_KINDS, MODEL_KINDS } from '../domain/constants.js';
import { matchPatterns } from '../engine/match.js';
import type { PatternIndex } from '../retrieval/search.js';
import type { PromptKit } from './structured.js';

/** One unit of generation: up to three related AI components and the patterns that apply to them. */
export interface Part {
  /** The first component of the part; its id names the part. */
  readonly component: Component;
  /** Every component of the part (the first one included). */
  readonly components: readonly Component[];
  readonly candidates: readonly LoadedPattern[];
}

/** Kinds that share a call: components of one family face related threats and share context. */
const FAMILY: Partial<Record<Component['kind'], string>> = {
  llm: 'model', 'ml-model': 'model', 'embedding-model': 'model', agent: 'agent', guardrail: 'guard',
  tool: 'tooling', 'code-interpreter': 'tooling',
  'vector-store': 'data', 'agent-memory': 'data', 'training-data': 'data', 'feature-store': 'data',
  'training-pipeline': 'training', labeling: 'training', 'model-registry': 'training', 'model-hub': 'training', 'eval-gate': 'training',
};
/** Components per call: enough to cut repeated context, few enough for a 7-8B model. */
export const PART_SIZE = 4;

/**
 * Splits the system into parts: the AI components with at least one applicable pattern (or that
 * are models), grouped by family up to {@link PART_SIZE}, each with its candidate patterns.
 */
export function planParts(system: SystemModel, patterns: readonly LoadedPattern[], index: PatternIndex): Part[] {
  const matched = matchPatterns(system, patterns);
  const single: { component: Component; candidates: LoadedPattern[] }[] = [];
  for (const component of system.components) {
    if (!AI_KINDS.includes(component.kind)) continue;
    const rule = matched.filter((m) => m.component === component).map((m) => m.pattern);
    const bm25 = index
      .forComponent(component.name, component.kind, component.properties, 6)
      .map((h) => h.pattern)
      .filter((p) => p.appliesTo.kinds.includes(component.kind) && !rule.includes(p));
    const candidates = [...rule.slice(0, 6), ...bm25.slice(0, 1)];
    if (candidates.length || MODEL_KINDS.includes(component.kind)) single.push({ component, candidates });
  }
  const byFamily = new Map<string, typeof single>();
  for (const s of single) {
    const fam = FAMILY[s.component.kind] ?? s.component.kind;
    byFamily.set(fam, [...(byFamily.get(fam) ?? []), s]);
  }
  // families of one share a call with each other rather than each paying for a call of its own
  const groups: (typeof single)[] = [];
  const loners: typeof single = [];
  for (const members of byFamily.values()) {
    if (members.length === 1) loners.push(members[0]!);
    else for (let k = 0; k < members.length; k += PART_SIZE) groups.push(members.slice(k, k + PART_SIZE));
  }
  for (let k = 0; k < loners.length; k += PART_SIZE) groups.push(loners.slice(k, k + PART_SIZE));
  const parts: Part[] = [];
  for (const group of groups) {
    {
      const candidates = [...new Map(group.flatMap((g) => g.candidates).map((p) => [p.id, p])).values()].slice(0, 6 + 2 * (group.length - 1));
      parts.push({ component: group[0]!.component, components: group.map((g) => g.component), candidates });
    }
  }
  return parts;
}

/** The variables of `prompts/cases.md` for one part: the part, its neighbours, patterns and excerpt. */
export function casesVars(system: SystemModel, part: Part, text: string, max: number, kit: PromptKit): Record<string, string | number> {
  const ids = new Set(part.components.map((c) => c.id));
  const touches = (f: SystemModel['dataFlows'][number]) => ids.has(f.from) || ids.has(f.to);
  // only the part and its neighbours: the model can target nothing else, and every call repeats it
  const near = new Set([...ids, ...system.dataFlows.filter(touches).flatMap((f) => [f.from, f.to])]);
  const shown = system.components.filter((c) => near.has(c.id));
  const hidden = system.components.length - shown.length;
  const lines = text.split('\n');
  const wanted = [...new Set(part.components.flatMap((c) => c.lines.flatMap((l) => [l - 1, l, l + 1])))].filter((l) => l >= 1 && l <= lines.length).sort((a, b) => a - b);
  const excerpt = wanted.length ? wanted.map((l) => lines[l - 1]).join('\n').slice(0, 700) : text.slice(0, 600);
  const quoted = part.components.map((c) => `"${c.id}"`);
  return {
    system_name: kit.sanitize(system.name),
    components: [...shown.map((c) => `${c.id} | ${c.kind} | ${kit.sanitize(c.name)} | ${c.properties.join(', ') || '-'}`), ...(hidden ? [`(${hidden} more components not connected to the focus)`] : [])].join('\n'),
    flows: system.dataFlows.filter(touches).map((f) => `${f.from} -> ${f.to}${f.label ? `: ${kit.sanitize(f.label)}` : ''}`).join('\n') || '(none given)',
    focus: quoted.length === 1 ? `the component ${quoted[0]}` : `the components ${quoted.join(', ')}`,
    patterns: part.candidates.map((p) => `${p.id} | ${p.threatClass} | ${p.atlas.slice(0, 2).join(' ') || '-'} | ${[...p.owaspLlm, ...p.owaspMl].slice(0, 2).join(' ') || '-'} | ${p.summary.replace(/\s+/g, ' ').slice(0, 90)}`).join('\n') || '(none; use your judgement and cite no pattern)',
    excerpt: kit.wrap(excerpt, 'excerpt about the focus'),
    max_cases: max,
  };
}
