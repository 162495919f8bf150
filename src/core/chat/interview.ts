import type { Component, ComponentProperty, Likelihood, LoadedPattern, MisuseCase, SystemModel, ThreatModel } from '../domain/index.js';
import { matchPatterns } from '../engine/match.js';
import { scoreRisk } from '../engine/risk.js';
import { singleLine, truncate } from '../export/escape.js';
import { MITIGATION_CUES, readAnswer, type AnswerReading } from './answerRules.js';
import type { ReportLine } from './history.js';

/**
 * Interview mode: the review questions the threat model raises, asked one at a time (highest-risk
 * cases first, near-duplicates merged), and the effect of each answer on the system model and the
 * cases' likelihood and risk, explained line by line.
 */

/** One question, with the cases and components it comes from. */
export interface InterviewQuestion {
  readonly text: string;
  readonly caseIds: readonly string[];
  readonly components: readonly string[];
}

/** Where the interview is. */
export interface InterviewState {
  readonly questions: readonly InterviewQuestion[];
  /** Index of the question being asked. */
  readonly index: number;
  readonly answered: number;
  readonly skipped: number;
  /** Ids of the cases the answers changed so far. */
  readonly changed: readonly string[];
}

const STOP = new Set([
  'a', 'an', 'the', 'is', 'are', 'do', 'does', 'can', 'could', 'would', 'will', 'be', 'to', 'of', 'in', 'on', 'for', 'and',
  'or', 'any', 'it', 'its', 'this', 'that', 'what', 'which', 'who', 'how', 'you', 'your', 'we', 'our', 'there', 'with', 'by',
  'from', 'as', 'at', 'has', 'have', 'if', 'when', 'into', 'than', 'them', 'they', 'their',
]);

/** Content words of a question, crudely stemmed, for near-duplicate detection. */
export function questionWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return new Set(words.filter((w) => !STOP.has(w)).map((w) => (w.length > 4 ? w.replace(/(ing|ed|es|s)$/, '') : w)));
}

/** Jaccard similarity of two questions' content words (1 = same words). */
export function questionSimilarity(a: string, b: string): number {
  const x = questionWords(a);
  const y = questionWords(b);
  if (!x.size && !y.size) return 1;
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both / (x.size + y.size - both);
}

/** Questions this similar or more are asked once. */
export const DUPLICATE_THRESHOLD = 0.6;

/**
 * The review questions of the open and accepted cases, highest risk first (cases on the focused
 * component before all others), near-duplicates merged, at most `max`.
 */
export function buildQuestions(model: ThreatModel, opts: { focus?: string | null; max?: number } = {}): InterviewQuestion[] {
  const focus = opts.focus ?? null;
  const cases = model.misuseCases
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.status !== 'rejected')
    .sort((a, b) => focusRank(b.c, focus) - focusRank(a.c, focus) || b.c.risk.score - a.c.risk.score || a.i - b.i)
    .map(({ c }) => c);
  const out: { text: string; caseIds: string[]; components: string[] }[] = [];
  for (const c of cases) {
    for (const raw of c.reviewQuestions) {
      const text = truncate(singleLine(raw), 300);
      if (!text) continue;
      const same = out.find((q) => questionSimilarity(q.text, text) >= DUPLICATE_THRESHOLD);
      if (same) {
        if (!same.caseIds.includes(c.id)) same.caseIds.push(c.id);
        for (const t of c.targets) if (!same.components.includes(t)) same.components.push(t);
      } else {
        out.push({ text, caseIds: [c.id], components: [...c.targets] });
      }
    }
  }
  return out.slice(0, opts.max ?? 12);
}

function focusRank(c: MisuseCase, focus: string | null): number {
  return focus && c.targets.includes(focus) ? 1 : 0;
}

/** Starts an interview, or returns null when the model raises no questions. */
export function startInterview(model: ThreatModel, focus?: string | null): InterviewState | null {
  const questions = buildQuestions(model, { focus });
  return questions.length ? { questions, index: 0, answered: 0, skipped: 0, changed: [] } : null;
}

/** The question being asked, or undefined when the interview is over. */
export function currentQuestion(s: InterviewState): InterviewQuestion | undefined {
  return s.questions[s.index];
}

const LEVELS: readonly Likelihood[] = ['low', 'medium', 'high'];

/** One likelihood step up or down, clamped. */
export function stepLikelihood(l: Likelihood, dir: 1 | -1): Likelihood {
  return LEVELS[Math.min(LEVELS.length - 1, Math.max(0, LEVELS.indexOf(l) + dir))]!;
}

/**
 * Re-scores a case against the (possibly changed) system, like the engine does: on the most
 * exposed of its targets. A case whose targets are all unknown keeps its risk.
 */
export function rescore(c: MisuseCase, system: SystemModel): MisuseCase {
  const targets = system.components.filter((x) => c.targets.includes(x.id));
  if (!targets.length) return c;
  const risk = targets.map((t) => scoreRisk(c.likelihood, c.severity, c.threatClass, t)).reduce((a, b) => (b.score > a.score ? b : a));
  return { ...c, risk };
}

/** The effect of one answer. */
export interface AnswerEffect {
  readonly model: ThreatModel;
  readonly reading: AnswerReading;
  /** What changed, one line each, ready to show. */
  readonly changes: readonly ReportLine[];
  readonly changedCases: readonly string[];
  /** Knowledge-base patterns that apply now and did not before (run /generate to add them). */
  readonly newlyApplicable: readonly { pattern: string; component: string }[];
}

/**
 * Applies an answer: records it (a note on each case the question came from and an assumption in
 * the system model), adds or removes component properties, steps the likelihood of the question's
 * cases up (exposure) or down (control), marks the matching mitigation implemented, and re-scores
 * every case on a changed component.
 */
export function applyAnswer(model: ThreatModel, q: InterviewQuestion, answer: string, patterns: readonly LoadedPattern[] = []): AnswerEffect {
  const reading = readAnswer(q.text, answer);
  const quote = truncate(singleLine(answer), 120);
  const changes: ReportLine[] = [];
  const why = `you said "${quote}" (${reading.because})`;

  const touched = new Set<string>();
  const components = model.system.components.map((c): Component => {
    if (!q.components.includes(c.id)) return c;
    const add = reading.add.filter((p) => !c.properties.includes(p));
    const remove = reading.remove.filter((p) => c.properties.includes(p));
    if (!add.length && !remove.length) return c;
    touched.add(c.id);
    if (add.length) changes.push({ text: `${c.id}: added ${add.join(', ')}` });
    if (remove.length) changes.push({ text: `${c.id}: removed ${remove.join(', ')}` });
    const properties: ComponentProperty[] = [...c.properties.filter((p) => !remove.includes(p)), ...add];
    return { ...c, properties };
  });
  const record = `Interview: ${truncate(q.text, 200)} Answer: ${quote}`;
  const system: SystemModel = { ...model.system, components, assumptions: [...model.system.assumptions, truncate(record, 1000)] };

  const changed = new Set<string>();
  const misuseCases = model.misuseCases.map((c) => {
    const linked = q.caseIds.includes(c.id);
    const onTouched = c.targets.some((t) => touched.has(t));
    if (!linked && !onTouched) return c;
    let next: MisuseCase = linked ? { ...c, notes: [...c.notes, record] } : c;
    if (linked && reading.stance !== 'unknown') {
      const likelihood = stepLikelihood(c.likelihood, reading.stance === 'exposure' ? 1 : -1);
      if (likelihood !== c.likelihood) {
        changes.push({ text: `${c.id} likelihood ${c.likelihood} → ${likelihood} because ${why}`, ref: c.id, level: c.risk.level });
        next = { ...next, likelihood };
      }
      if (reading.stance === 'control' && reading.control) {
        const cue = MITIGATION_CUES[reading.control];
        const i = next.mitigations.findIndex((m) => m.status === 'proposed' && cue.test(m.text));
        if (i >= 0) {
          const m = next.mitigations[i]!;
          next = { ...next, mitigations: next.mitigations.map((x, k) => (k === i ? { ...x, status: 'implemented' as const } : x)) };
          changes.push({ text: `${c.id} mitigation marked implemented: ${truncate(singleLine(m.text), 90)}`, ref: c.id });
        }
      }
    }
    next = rescore(next, system);
    if (next.risk.score !== c.risk.score) {
      changes.push({ text: `${c.id} risk ${c.risk.score} (${c.risk.level}) → ${next.risk.score} (${next.risk.level})`, ref: c.id, level: next.risk.level });
    }
    if (next.likelihood !== c.likelihood || next.risk.score !== c.risk.score || next.mitigations !== c.mitigations) changed.add(c.id);
    return next;
  });

  if (reading.stance === 'unknown') {
    changes.push({ text: `no change: ${reading.because}; the question is noted on ${q.caseIds.join(', ')} as open` });
  } else if (!changes.length) {
    changes.push({ text: `no change: ${why}, and the cases already reflect it` });
  }

  const newlyApplicable = touched.size ? newPatterns(model.system, system, patterns, touched) : [];
  return { model: { ...model, system, misuseCases }, reading, changes, changedCases: [...changed], newlyApplicable };
}

/** (pattern, component) pairs on the touched components that match after the change but not before. */
function newPatterns(before: SystemModel, after: SystemModel, patterns: readonly LoadedPattern[], touched: Set<string>) {
  if (!patterns.length) return [];
  const key = (m: { pattern: LoadedPattern; component: Component }) => `${m.pattern.id}@${m.component.id}`;
  const old = new Set(matchPatterns(before, patterns).map(key));
  return matchPatterns(after, patterns)
    .filter((m) => touched.has(m.component.id) && !old.has(key(m)))
    .map((m) => ({ pattern: m.pattern.id, component: m.component.id }));
}

/** Moves to the next question after an answer or a skip. */
export function advance(s: InterviewState, how: 'answered' | 'skipped', changed: readonly string[] = []): InterviewState {
  return {
    ...s,
    index: s.index + 1,
    answered: s.answered + (how === 'answered' ? 1 : 0),
    skipped: s.skipped + (how === 'skipped' ? 1 : 0),
    changed: [...new Set([...s.changed, ...changed])],
  };
}
