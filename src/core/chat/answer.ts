import MiniSearch from 'minisearch';
import type { MisuseCase, SystemModel, ThreatModel } from '../domain/index.js';
import { singleLine, truncate } from '../export/escape.js';
import { loadPrompt } from '../prompts/load.js';
import type { PatternIndex } from '../retrieval/search.js';
import type { NewHistoryItem, ReportSection } from './history.js';
import { caseLine, genericPlaceholders, patternText } from './reports.js';

/**
 * Answers free-text questions grounded in the current threat model and the knowledge base.
 * Offline: BM25 over the cases and the patterns, shaped into a structured answer. With a model:
 * the `answer` prompt with the model summary and KB excerpts as spotlighted, untrusted data
 * (the guard's spotlight and canary).
 */

type Report = Extract<NewHistoryItem, { kind: 'report' }>;

/** What answering needs to know about the session. */
export interface AnswerContext {
  readonly model: ThreatModel | null;
  readonly system: SystemModel | null;
  readonly index: PatternIndex;
  readonly focus: string | null;
}

const STOP = new Set(
  'a an the is are was were be been do does did can could should would will shall may might must i we you they it he she this that these those what which who whom how why when where there here of in on at to for from by with about into over under and or not no yes if then than so as my our your their its me us them any some all more most much many very just also only please tell explain show give me list'.split(' '),
);

/** The content words of a question (stop words dropped), for BM25. */
export function contentWords(question: string): string {
  return (question.toLowerCase().match(/[a-z0-9][a-z0-9-]*/g) ?? []).filter((w) => !STOP.has(w)).join(' ');
}

const one = (s: string, max = 200) => truncate(singleLine(s), max);


/** Cases ranked for a question: ids named in it, cases on components named in it, then BM25. */
export function searchCases(question: string, model: ThreatModel, focus: string | null, limit = 4): MisuseCase[] {
  const cases = model.misuseCases.filter((c) => c.status !== 'rejected');
  const named = new Set((question.match(/\bmc-?\d+\b/gi) ?? []).map((m) => Number(m.replace(/\D/g, ''))));
  const lower = question.toLowerCase();
  const comps = model.system.components.filter((c) => lower.includes(c.id.toLowerCase()) || (c.name.length > 3 && lower.includes(c.name.toLowerCase())));
  const score = new Map<string, number>();
  const bump = (id: string, by: number) => score.set(id, (score.get(id) ?? 0) + by);
  for (const c of cases) {
    if (named.has(Number(c.id.replace(/\D/g, '')))) bump(c.id, 100);
    if (comps.some((x) => c.targets.includes(x.id))) bump(c.id, 5);
    if (focus && c.targets.includes(focus)) bump(c.id, 2);
  }
  const words = contentWords(question);
  if (words) {
    const ms = new MiniSearch<MisuseCase>({
      fields: ['title', 'summary', 'threatClass', 'targets', 'steps', 'mitigations', 'impact'],
      extractField: (c, f) => {
        if (f === 'targets') return c.targets.join(' ');
        if (f === 'steps') return c.steps.join(' ');
        if (f === 'mitigations') return c.mitigations.map((m) => m.text).join(' ');
        if (f === 'threatClass') return c.threatClass.replace(/-/g, ' ');
        if (f === 'id') return c.id;
        return String((c as unknown as Record<string, unknown>)[f] ?? '');
      },
      searchOptions: { boost: { title: 3, threatClass: 2, summary: 2 }, prefix: (t) => t.length > 3, fuzzy: (t) => (t.length > 5 ? 0.15 : false) },
    });
    ms.addAll(cases);
    const hits = ms.search(words);
    const top = hits[0]?.score ?? 1;
    for (const h of hits) bump(String(h.id), (10 * h.score) / top);
  }
  const order = new Map(cases.map((c, i) => [c.id, i]));
  return cases
    .filter((c) => (score.get(c.id) ?? 0) > 0)
    .sort((a, b) => score.get(b.id)! - score.get(a.id)! || order.get(a.id)! - order.get(b.id)!)
    .slice(0, limit);
}

/** A useful, structured answer without a model: matching cases, what to do, relevant patterns. */
export function answerOffline(question: string, ctx: AnswerContext): Report {
  const cases = ctx.model ? searchCases(question, ctx.model, ctx.focus) : [];
  const hits = ctx.index.search(contentWords(question) || question, cases.length ? 2 : 3);
  const sections: ReportSection[] = [];
  if (cases.length) sections.push({ heading: 'Matching cases', lines: cases.map(caseLine) });
  const top = cases[0];
  if (top) {
    const ms = top.mitigations.filter((m) => m.type === 'prevent').slice(0, 3).concat(top.mitigations.filter((m) => m.type === 'detect').slice(0, 1));
    sections.push({
      heading: `What to do about ${top.id}`,
      lines: ms.map((m) => ({ text: `${m.type}${m.status === 'proposed' ? '' : ` (${m.status})`}: ${one(m.text)}` })),
    });
    if (top.reviewQuestions.length) sections.push({ heading: 'Ask the team', lines: top.reviewQuestions.slice(0, 2).map((q) => ({ text: one(q) })) });
  }
  for (const h of hits) {
    const p = h.pattern;
    sections.push({
      heading: `Pattern ${p.id} (${p.threatClass})`,
      lines: [
        { text: patternText(p.summary, 180) },
        ...p.mitigations.prevent.slice(0, 2).map((m) => ({ text: `prevent: ${patternText(m)}` })),
        ...p.questions.slice(0, 1).map((q) => ({ text: `ask: ${patternText(q)}` })),
      ],
    });
  }
  const lead = !ctx.model
    ? hits.length
      ? 'No threat model yet (/load FILE or /paste). From the knowledge base:'
      : 'No threat model yet and nothing in the knowledge base matches. /load FILE or /paste an architecture first.'
    : cases.length || hits.length
      ? `${cases.length} case${cases.length === 1 ? '' : 's'} and ${hits.length} knowledge-base pattern${hits.length === 1 ? '' : 's'} relate to this.${top ? ` Highest risk: ${top.id} (${top.risk.level}).` : ''}`
      : 'Nothing in the threat model or the knowledge base matches. Try naming a component, a case id (MC-001) or a threat ("prompt injection").';
  return {
    kind: 'report',
    title: `Answer (offline): ${one(question, 70)}`,
    lead,
    sections,
    footer: top ? `/show ${top.id} for the full case · /more ${top.id} to brainstorm variants` : undefined,
  };
}

/** Spotlighting as the guard provides it: a notice for the system prompt and a data wrapper. */
export interface Spotlighter {
  readonly notice: string;
  wrap(text: string, label: string): string;
}

/** A compact, plain-text summary of the threat model for the prompt. */
export function modelSummary(model: ThreatModel | null, system: SystemModel | null, maxCases = 15): string {
  const sys = model?.system ?? system;
  if (!sys) return '(no architecture loaded yet)';
  const lines = [`System: ${one(sys.name, 100)}`, 'Components:'];
  for (const c of sys.components) lines.push(`- ${c.id} (${c.kind})${c.properties.length ? `: ${c.properties.join(', ')}` : ''}`);
  if (sys.dataFlows.length) lines.push(`Flows: ${sys.dataFlows.map((f) => `${f.from}->${f.to}`).join(', ')}`);
  if (model) {
    lines.push(`Misuse cases (${model.misuseCases.length}, highest risk first):`);
    for (const c of model.misuseCases.slice(0, maxCases)) {
      lines.push(`- ${c.id} [${c.risk.level}, ${c.status}] ${one(c.title, 120)} on ${c.targets.join(', ')} (${c.threatClass})`);
    }
  }
  return lines.join('\n');
}

/**
 * The system and user messages of a model answer: `prompts/answer.md` filled with the model
 * summary and KB excerpts, both wrapped as untrusted data, plus the canary sentence (the guard's
 * `canaryInstruction`) whose marker must not appear in the answer.
 */
export function buildAnswerPrompt(question: string, ctx: AnswerContext, spot: Spotlighter, canaryInstruction: string): { system: string; user: string } {
  const hits = ctx.index.search(contentWords(question) || question, 4);
  const excerpts = hits
    .map((h) => genericPlaceholders([`[${h.pattern.id}] ${h.pattern.title}`, h.pattern.summary, `Prevent: ${h.pattern.mitigations.prevent.slice(0, 3).join('; ')}`].join('\n')))
    .join('\n\n');
  const system = loadPrompt('answer').render({
    model_summary: spot.wrap(modelSummary(ctx.model, ctx.system), 'threat model'),
    kb_excerpts: excerpts ? spot.wrap(excerpts, 'knowledge base') : '(none matched)',
    spotlight_notice: spot.notice,
    canary_instruction: canaryInstruction,
  });
  return { system, user: question };
}
