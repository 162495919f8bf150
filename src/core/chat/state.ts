import type { InputFinding, MisuseCase, Severity, SystemModel, ThreatModel, Verdict } from '../domain/index.js';
import { caseKey } from '../engine/offline.js';
import type { PipelineEvent, Stage } from '../pipeline/events.js';
import type { HistoryItem, NewHistoryItem } from './history.js';
import type { InterviewState } from './interview.js';

/**
 * The chat session's state and its reducer. The UI container owns one store of this state and
 * feeds it the actions the controller streams; components only read it.
 */

/** The architecture document being modelled. */
export interface LoadedDoc {
  readonly source: string;
  readonly text: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly format: string;
  readonly warnings: readonly string[];
}

/** What is in flight, shown in the live area. */
export type Pending =
  | {
      readonly task: 'generate';
      readonly stage: Stage | null;
      readonly detail?: string;
      readonly count: number;
      readonly latest?: { readonly id: string; readonly title: string; readonly level: Severity };
    }
  | {
      readonly task: 'answer';
      /** Who is answering, e.g. the model name. */
      readonly label: string;
      /** The part not yet moved into the history. */
      readonly text: string;
      /** True once a first chunk went into the history (later chunks carry no header). */
      readonly flushed: boolean;
    }
  | { readonly task: 'work'; readonly label: string };

/** Model calls and tokens spent in this session. */
export interface UsageTotals {
  readonly calls: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/** The whole session. */
export interface ChatState {
  readonly sessionId: string;
  readonly createdAt: string;
  readonly items: readonly HistoryItem[];
  readonly nextId: number;
  readonly pending: Pending | null;
  readonly doc: LoadedDoc | null;
  readonly system: SystemModel | null;
  readonly model: ThreatModel | null;
  /** Cases streamed by the run in flight (ids provisional until `done`). */
  readonly draft: readonly MisuseCase[];
  /** Worst guard verdict over the loaded input and chat messages, and its findings. */
  readonly guard: { readonly verdict: Verdict; readonly findings: readonly InputFinding[] };
  readonly usage: UsageTotals;
  /** Usage of the run in flight, folded into `usage` when it ends (pipeline usage is cumulative). */
  readonly runUsage: UsageTotals;
  readonly provider: string;
  readonly modelName: string | null;
  readonly kbPatterns: number;
  readonly focus: string | null;
  readonly interview: InterviewState | null;
  readonly inputHistory: readonly string[];
  /** Bumped by every change worth saving; the container autosaves when it moves. */
  readonly rev: number;
}

/** Everything the reducer understands. */
export type ChatAction =
  | { readonly type: 'append'; readonly item: NewHistoryItem }
  | { readonly type: 'begin'; readonly pending: Pending }
  | { readonly type: 'end' }
  | { readonly type: 'cancelled' }
  | { readonly type: 'pipeline'; readonly event: PipelineEvent }
  | { readonly type: 'token'; readonly text: string }
  | { readonly type: 'loaded'; readonly doc: LoadedDoc; readonly system: SystemModel }
  | { readonly type: 'guard'; readonly verdict: Verdict; readonly findings: readonly InputFinding[] }
  | { readonly type: 'set-model'; readonly model: ThreatModel }
  | { readonly type: 'set-case'; readonly case: MisuseCase }
  | { readonly type: 'set-interview'; readonly interview: InterviewState | null }
  | { readonly type: 'set-focus'; readonly focus: string | null }
  | { readonly type: 'set-provider'; readonly provider: string; readonly modelName: string | null }
  | { readonly type: 'usage'; readonly usage: UsageTotals }
  | { readonly type: 'input'; readonly line: string }
  | { readonly type: 'quit' };

const ZERO: UsageTotals = { calls: 0, promptTokens: 0, completionTokens: 0 };
const VERDICT_RANK: Record<Verdict, number> = { clean: 0, suspicious: 1, injection: 2 };
/** Lines of input history kept. */
export const INPUT_HISTORY_MAX = 200;

/** A fresh session. */
export function initialChatState(init: { sessionId: string; createdAt: string; provider: string; modelName?: string | null; kbPatterns: number }): ChatState {
  return {
    sessionId: init.sessionId,
    createdAt: init.createdAt,
    items: [],
    nextId: 0,
    pending: null,
    doc: null,
    system: null,
    model: null,
    draft: [],
    guard: { verdict: 'clean', findings: [] },
    usage: ZERO,
    runUsage: ZERO,
    provider: init.provider,
    modelName: init.modelName ?? null,
    kbPatterns: init.kbPatterns,
    focus: null,
    interview: null,
    inputHistory: [],
    rev: 0,
  };
}

/** The worse of two verdicts. */
export function worseVerdict(a: Verdict, b: Verdict): Verdict {
  return VERDICT_RANK[b] > VERDICT_RANK[a] ? b : a;
}

function append(s: ChatState, item: NewHistoryItem): ChatState {
  return { ...s, items: [...s.items, { ...item, id: s.nextId } as HistoryItem], nextId: s.nextId + 1 };
}

const addUsage = (a: UsageTotals, b: UsageTotals): UsageTotals => ({
  calls: a.calls + b.calls,
  promptTokens: a.promptTokens + b.promptTokens,
  completionTokens: a.completionTokens + b.completionTokens,
});

/**
 * Carries the reviewer's work (status, notes) over from the previous model to a regenerated one,
 * matching cases by {@link caseKey}.
 */
export function carryReview(prev: ThreatModel | null, next: ThreatModel): ThreatModel {
  if (!prev) return next;
  const byKey = new Map(prev.misuseCases.map((c) => [caseKey(c), c]));
  const misuseCases = next.misuseCases.map((c) => {
    const old = byKey.get(caseKey(c));
    return old && (old.status !== 'open' || old.notes.length) ? { ...c, status: old.status, notes: [...old.notes] } : c;
  });
  return { ...next, misuseCases };
}

/**
 * Where streamed text can be cut so the head is final: after the last blank line that is not
 * inside a code fence. Returns 0 when there is no such point. (Moving finished paragraphs into
 * `<Static>` keeps the live area short, so long answers never flicker.)
 */
export function safeSplitPoint(text: string): number {
  let inFence = false;
  let best = 0;
  let i = 0;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    i += line.length + 1;
    if (!inFence && line.trim() === '' && i < text.length) best = i;
  }
  return best;
}

function streamToken(s: ChatState, p: Extract<Pending, { task: 'answer' }>, token: string): ChatState {
  const text = p.text + token;
  const cut = safeSplitPoint(text);
  if (cut === 0 || !text.slice(0, cut).trim()) return { ...s, pending: { ...p, text } };
  const head = text.slice(0, cut).replace(/\n+$/, '');
  const next = append(s, p.flushed ? { kind: 'assistant', text: head } : { kind: 'assistant', text: head, model: p.label });
  return { ...next, pending: { ...p, text: text.slice(cut), flushed: true } };
}

/** Moves what is left of a streamed answer into the history when it ends. */
function finishAnswer(s: ChatState, cancelled: boolean): ChatState {
  const p = s.pending;
  if (p?.task !== 'answer') return s;
  const text = p.text.replace(/\s+$/, '') + (cancelled ? `${p.text.trim() ? ' ' : ''}[cancelled]` : '');
  if (!text.trim()) return s;
  return append(s, p.flushed ? { kind: 'assistant', text } : { kind: 'assistant', text, model: p.label });
}

/** The live-area view of the run in flight after one pipeline event. */
function reducePipeline(s: ChatState, ev: PipelineEvent): ChatState {
  const gen = s.pending?.task === 'generate' ? s.pending : null;
  switch (ev.type) {
    case 'stage':
      if (!gen || ev.status !== 'start') return s;
      return { ...s, pending: { ...gen, stage: ev.stage, detail: ev.detail } };
    case 'system':
      return { ...s, system: ev.system };
    case 'case': {
      const next = append({ ...s, draft: [...s.draft, ev.case] }, { kind: 'case', case: ev.case });
      if (!gen) return next;
      return { ...next, pending: { ...gen, count: gen.count + 1, latest: { id: ev.case.id, title: ev.case.title, level: ev.case.risk.level } } };
    }
    case 'warning':
      return append(s, { kind: 'warning', text: ev.message });
    case 'retract': {
      // model cases for this part failed an output check: they leave the draft; offline cases follow
      const ids = new Set(ev.part.split('+'));
      return append({ ...s, draft: s.draft.filter((c) => !c.targets.some((t) => ids.has(t))) }, { kind: 'warning', text: `withdrew the model's cases for ${ev.part}: ${ev.reason}` });
    }
    case 'usage':
      return { ...s, runUsage: { calls: ev.calls, promptTokens: ev.promptTokens, completionTokens: ev.completionTokens } };
    case 'done': {
      const model = carryReview(s.model, ev.model);
      const renumbered = s.draft.some((c, i) => model.misuseCases[i]?.id !== c.id || model.misuseCases[i]?.title !== c.title);
      let next: ChatState = {
        ...s,
        model,
        system: model.system,
        draft: [],
        guard: { verdict: worseVerdict(s.guard.verdict, model.run.input?.verdict ?? 'clean'), findings: mergeFindings(s.guard.findings, model.inputFindings) },
        rev: s.rev + 1,
      };
      if (renumbered && model.misuseCases.length) {
        next = append(next, {
          kind: 'report',
          title: 'Final case ids (ranked by risk)',
          sections: [{ heading: '', lines: model.misuseCases.map((c) => ({ text: `${c.id}  ${c.title}`, level: c.risk.level, ref: c.id })) }],
        });
      }
      return next;
    }
    default:
      return s;
  }
}

function mergeFindings(a: readonly InputFinding[], b: readonly InputFinding[]): InputFinding[] {
  const key = (f: InputFinding) => `${f.source}:${f.start}:${f.end}:${f.kind}`;
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((f) => !seen.has(key(f)))];
}

/** The chat reducer: pure, total over {@link ChatAction}. */
export function chatReducer(s: ChatState, a: ChatAction): ChatState {
  switch (a.type) {
    case 'append':
      return { ...append(s, a.item), rev: s.rev + 1 };
    case 'begin':
      return { ...s, pending: a.pending, draft: a.pending.task === 'generate' ? [] : s.draft, runUsage: ZERO };
    case 'end':
    case 'cancelled': {
      const done = finishAnswer(s, a.type === 'cancelled');
      return { ...done, pending: null, draft: [], usage: addUsage(s.usage, s.runUsage), runUsage: ZERO, rev: s.rev + 1 };
    }
    case 'pipeline':
      return reducePipeline(s, a.event);
    case 'token':
      return s.pending?.task === 'answer' ? streamToken(s, s.pending, a.text) : s;
    case 'loaded': {
      // A different document starts over; reloading the same one keeps the review for carry-over.
      const same = s.doc?.sha256 === a.doc.sha256;
      return { ...s, doc: a.doc, system: a.system, model: same ? s.model : null, interview: null, focus: same ? s.focus : null, rev: s.rev + 1 };
    }
    case 'guard':
      return {
        ...s,
        guard: { verdict: worseVerdict(s.guard.verdict, a.verdict), findings: mergeFindings(s.guard.findings, a.findings) },
        rev: s.rev + 1,
      };
    case 'set-model':
      return { ...s, model: a.model, system: a.model.system, rev: s.rev + 1 };
    case 'set-case': {
      if (!s.model) return s;
      const misuseCases = s.model.misuseCases.map((c) => (c.id === a.case.id ? a.case : c));
      return { ...s, model: { ...s.model, misuseCases }, rev: s.rev + 1 };
    }
    case 'set-interview':
      return { ...s, interview: a.interview, rev: s.rev + 1 };
    case 'set-focus':
      return { ...s, focus: a.focus, rev: s.rev + 1 };
    case 'set-provider':
      return { ...s, provider: a.provider, modelName: a.modelName, rev: s.rev + 1 };
    case 'usage':
      return { ...s, usage: addUsage(s.usage, a.usage), rev: s.rev + 1 };
    case 'input': {
      const line = a.line.trim();
      if (!line || s.inputHistory.at(-1) === line) return s;
      return { ...s, inputHistory: [...s.inputHistory, line].slice(-INPUT_HISTORY_MAX), rev: s.rev + 1 };
    }
    case 'quit':
      return s;
  }
}

/** Case counts for the status bar. */
export interface CaseCounts {
  readonly total: number;
  readonly open: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly byLevel: Readonly<Record<Severity, number>>;
}

/** Counts the cases of the current model. */
export function caseCounts(model: ThreatModel | null): CaseCounts {
  const byLevel: Record<Severity, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  const counts = { total: 0, open: 0, accepted: 0, rejected: 0 };
  for (const c of model?.misuseCases ?? []) {
    counts.total++;
    counts[c.status]++;
    if (c.status !== 'rejected') byLevel[c.risk.level]++;
  }
  return { ...counts, byLevel };
}

/** The cases commands act on: the finished model's. */
export function currentCases(s: ChatState): readonly MisuseCase[] {
  return s.model?.misuseCases ?? [];
}
