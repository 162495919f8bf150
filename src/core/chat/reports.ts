import type { Component, LoadedPattern, MisuseCase, SystemModel, ThreatModel } from '../domain/index.js';
import { COMPONENT_PROPERTIES, MODEL_KINDS } from '../domain/index.js';
import { fill, placeholderValues } from '../engine/instantiate.js';
import { isAiSystem } from '../engine/match.js';
import { singleLine, truncate } from '../export/escape.js';
import type { PatternIndex } from '../retrieval/search.js';
import { COMMANDS, findCommand } from './commands.js';
import type { NewHistoryItem, ReportLine, ReportSection } from './history.js';

/**
 * Builders of the structured reports the chat shows: help, the system model, case lists, KB
 * search hits, a component in focus and offline brainstorming (`/more`). Pure functions over the
 * threat model and the knowledge base; each returns a history item.
 */

type Report = Extract<NewHistoryItem, { kind: 'report' }>;

const one = (s: string, max = 160) => truncate(singleLine(s), max);

/** Pattern text shown outside a case, one line: placeholders read generically ("the component"). */
export function patternText(s: string, max = 200): string {
  return one(genericPlaceholders(s), max);
}

/** A pattern's placeholders read generically: {target} → "the component", and so on. */
export function genericPlaceholders(s: string): string {
  return s.replace(/\{target\}/g, 'the component').replace(/\{system\}/g, 'the system').replace(/\{sources\}/g, 'its sources').replace(/\{sinks\}/g, 'its consumers');
}

/** `/help` or `/help COMMAND`. */
export function helpReport(topic?: string): Report {
  if (topic) {
    const spec = findCommand(topic.replace(/^\//, ''));
    if (spec) {
      const aliases = spec.aliases?.length ? ` (also ${spec.aliases.map((a) => `/${a}`).join(', ')})` : '';
      return { kind: 'report', title: `/${spec.name} ${spec.usage}`.trim(), sections: [{ heading: '', lines: [{ text: `${spec.summary}${aliases}` }] }] };
    }
  }
  const groups: [string, string][] = [['input', 'Input'], ['review', 'Review'], ['explore', 'Explore'], ['session', 'Session']];
  return {
    kind: 'report',
    title: 'Commands',
    sections: groups.map(([g, heading]) => ({
      heading,
      lines: COMMANDS.filter((c) => c.group === g).map((c) => ({ label: `/${c.name} ${c.usage}`.trim(), text: c.summary })),
    })),
    footer: 'Anything not starting with / is a question about the threat model. Tab completes, ↑/↓ recall, Ctrl-C cancels.',
  };
}

/** `/system`: components with kind and properties, data flows and boundaries. */
export function systemReport(system: SystemModel): Report {
  const sections: ReportSection[] = [
    {
      heading: `Components (${system.components.length})`,
      lines: system.components.map((c) => ({ text: `${c.id} · ${c.kind}${c.properties.length ? ` · ${c.properties.join(', ')}` : ''}${c.name !== c.id ? ` — ${one(c.name, 60)}` : ''}` })),
    },
  ];
  if (system.dataFlows.length) {
    sections.push({
      heading: `Data flows (${system.dataFlows.length})`,
      lines: system.dataFlows.map((f) => ({ text: `${f.from} → ${f.to}${f.label ? `: ${one(f.label, 60)}` : ''}${f.crossesBoundary ? ' (crosses a trust boundary)' : ''}` })),
    });
  }
  if (system.trustBoundaries.length) {
    sections.push({ heading: 'Trust boundaries', lines: system.trustBoundaries.map((b) => ({ text: `${one(b.name, 60)}: ${b.components.join(', ') || '—'}` })) });
  }
  if (system.assumptions.length) {
    sections.push({ heading: 'Assumptions', lines: system.assumptions.slice(-8).map((a) => ({ text: one(a, 200) })) });
  }
  const ai = isAiSystem(system);
  return {
    kind: 'report',
    title: `System model: ${one(system.name, 80)}`,
    sections,
    footer: ai ? undefined : `No AI component was found (${MODEL_KINDS.join(', ')}); say which component is a model and /load again.`,
  };
}

/** One compact line per case. */
export function caseLine(c: MisuseCase): ReportLine {
  return { text: `${c.id} ${c.status === 'open' ? '' : `[${c.status}] `}${one(c.title, 90)} · ${c.targets.join(', ')}`, level: c.risk.level, ref: c.id };
}

/** `/cases [filter]`. */
export function casesReport(model: ThreatModel, filter: 'open' | 'accepted' | 'rejected' | 'all' = 'all'): Report {
  const cases = model.misuseCases.filter((c) => filter === 'all' || c.status === filter);
  return {
    kind: 'report',
    title: `${cases.length} ${filter === 'all' ? '' : `${filter} `}misuse case${cases.length === 1 ? '' : 's'}`,
    sections: [{ heading: '', lines: cases.map(caseLine) }],
    footer: cases.length ? '/show ID for details · /accept ID · /reject ID [reason]' : undefined,
  };
}

/** `/kb QUERY`: BM25 hits with their class and summary. */
export function kbReport(index: PatternIndex, query: string, limit = 6): Report {
  const hits = index.search(query, limit);
  return {
    kind: 'report',
    title: `Knowledge base: "${one(query, 60)}"`,
    lead: hits.length ? undefined : 'No pattern matches. Try other words, e.g. "poisoning", "agent tools", "system prompt".',
    sections: hits.map((h) => ({
      heading: `${h.pattern.id} · ${h.pattern.threatClass}`,
      lines: [{ text: patternText(h.pattern.summary, 240) }, { text: `ATLAS ${h.pattern.atlas.join(' ') || '—'} · OWASP ${[...h.pattern.owaspLlm, ...h.pattern.owaspMl].join(' ') || '—'}` }],
    })),
  };
}

/** `/focus COMPONENT`: the component, its cases and the patterns most relevant to it. */
export function focusReport(model: ThreatModel | null, system: SystemModel, comp: Component, index: PatternIndex): Report {
  const cases = (model?.misuseCases ?? []).filter((c) => c.targets.includes(comp.id));
  const hits = index.forComponent(comp.name, comp.kind, comp.properties, 4);
  const flowsIn = system.dataFlows.filter((f) => f.to === comp.id).map((f) => f.from);
  const flowsOut = system.dataFlows.filter((f) => f.from === comp.id).map((f) => f.to);
  return {
    kind: 'report',
    title: `Focus: ${comp.id} (${comp.kind})`,
    lead: `${one(comp.name, 80)}${comp.properties.length ? ` — ${comp.properties.join(', ')}` : ''}. Receives from ${flowsIn.join(', ') || 'nothing'}; sends to ${flowsOut.join(', ') || 'nothing'}.`,
    sections: [
      { heading: `Cases on ${comp.id} (${cases.length})`, lines: cases.map(caseLine) },
      { heading: 'Most relevant patterns', lines: hits.map((h) => ({ text: `${h.pattern.id}: ${one(h.pattern.title.replace('{target}', comp.name), 100)}`, ref: h.pattern.id })) },
    ],
    footer: 'Questions, /interview and /more now start with this component. /focus alone clears it.',
  };
}

/**
 * `/more ID` offline: variants of the case from related knowledge-base patterns (same threat
 * class, shared ATLAS techniques or BM25 on the case text) that fit the target's kind, and deeper
 * attack steps from their steps and red-team ideas, filled in for this system.
 */
export function moreForCase(c: MisuseCase, system: SystemModel, patterns: readonly LoadedPattern[], index: PatternIndex): Report {
  const target = system.components.find((x) => x.id === c.targets[0]);
  const own = new Set(c.references.patterns);
  const atlas = new Set(c.references.atlas);
  const bm25 = new Map(index.search(`${c.title} ${c.summary}`, 15).map((h, i) => [h.pattern.id, 15 - i]));
  const scored = patterns
    .filter((p) => !own.has(p.id) && (!target || p.appliesTo.kinds.includes(target.kind)))
    .map((p) => ({
      p,
      score: (p.threatClass === c.threatClass ? 10 : 0) + p.atlas.filter((a) => atlas.has(a)).length * 4 + (bm25.get(p.id) ?? 0),
    }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  const values = target ? placeholderValues(system, target) : {};
  const f = (s: string) => one(fill(s, values), 200);
  const sections: ReportSection[] = scored.map(({ p }) => ({
    heading: `Variant: ${f(p.title)} (${p.id})`,
    lines: [{ text: f(p.summary) }, ...p.steps.slice(0, 3).map((s, i) => ({ text: `${i + 1}. ${f(s)}` }))],
  }));
  const deeper = [...c.redTeamTests, ...scored.flatMap(({ p }) => p.redTeam.map(f))].slice(0, 5);
  if (deeper.length) sections.push({ heading: 'Deeper attack steps to try', lines: deeper.map((t) => ({ text: one(t, 200) })) });
  return {
    kind: 'report',
    title: `More on ${c.id}: ${one(c.title, 70)}`,
    lead: scored.length ? undefined : 'No related pattern fits this component; the red-team ideas below come from the case itself.',
    sections,
    footer: 'With a model (/provider), /more asks it for variants grounded in these.',
  };
}

/**
 * `/more` without a case, offline: near misses, patterns that target a component's kind but need
 * a property it does not have ("would apply if chat-api were internet-facing"): questions worth
 * asking about the architecture.
 */
export function moreForSystem(system: SystemModel, patterns: readonly LoadedPattern[], focus: string | null): Report {
  const comps = focus ? system.components.filter((c) => c.id === focus) : system.components;
  const lines: ReportLine[] = [];
  for (const comp of comps) {
    for (const p of patterns) {
      const { kinds, anyProperties, allProperties } = p.appliesTo;
      if (!kinds.includes(comp.kind)) continue;
      const missingAll = allProperties.filter((x) => !comp.properties.includes(x));
      const anyOk = !anyProperties.length || anyProperties.some((x) => comp.properties.includes(x));
      const missing = [...missingAll, ...(anyOk ? [] : anyProperties.slice(0, 1))];
      if (missing.length !== 1) continue;
      const prop = missing[0]!;
      lines.push({ text: `${comp.id}: ${one(fill(p.title, placeholderValues(system, comp)), 80)} — if it ${describeProperty(prop)}`, ref: p.id });
    }
  }
  return {
    kind: 'report',
    title: focus ? `What else could apply to ${focus}` : 'What else could apply',
    lead: lines.length
      ? 'These patterns are one property away. If any is true, say so (or answer it in /interview) and /generate again.'
      : 'No near misses: every pattern that fits these components either applies already or needs more than one change.',
    sections: lines.length ? [{ heading: 'Near misses', lines: lines.slice(0, 12) }] : [],
  };
}

function describeProperty(p: keyof typeof COMPONENT_PROPERTIES): string {
  return `is ${p.replace(/-/g, ' ')} (${COMPONENT_PROPERTIES[p].replace(/\.$/, '').toLowerCase()})`;
}
