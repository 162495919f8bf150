import type { ComponentKind } from '../domain/system.js';
import type { ComponentTable } from './componentTable.js';
import type { Mention } from './discover.js';
import type { ScannedDoc, Sentence } from './markdown.js';
import { spaced } from './regex.js';

/** A data flow found in the text, before ids are assigned. */
export interface FlowDraft {
  readonly from: number;
  readonly to: number;
  readonly label?: string;
  /** Offset in the document where the flow is described (for ordering). */
  readonly at: number;
}

/** Per sentence: the components it mentions and the one(s) doing the action. */
export interface SentenceContext {
  readonly mentions: readonly Mention[];
  readonly subject: readonly number[];
}

const VERB = new RegExp(spaced(String.raw`(?<![\w-])(?:sends?|sent|sending|pass(?:es|ed|ing)?|forwards?|forwarded|forwarding|posts?|posted|pushes|pushed|push|writes?|wrote|written|writing|stores?|stored|storing|saves?|saved|upserts?|upserted|persists?|persisted|logs|logged|publishes|published|enqueues?|enqueued|uploads?|uploaded|streams?|streamed|returns?|returned|emits?|ships?|shipped|submits?|submitted|feeds?|fed|calls?|called|calling|invokes?|invoked|uses|used|using|hits|prompts|prompted|asks?|asked|routes?|routed|proxies|proxied|notifies|notified|triggers?|triggered|updates?|updated|creates?|created|inserts?|inserted|indexes|indexed|embeds?|embedded|builds?|populates?|refreshes|refreshed|types?|typed|chats? with|talks? (?:to|with)|replies|replied|responds?|e-?mails?|e-?mailed|hands?|handed|delivers?|delivered|reads?|fetch(?:es|ed)?|pulls?|pulled|retrieves?|retrieved|downloads?|downloaded|crawls?|crawled|polls?|polled|ingests?|ingested|scrapes?|scraped|receives?|received|loads?|loaded|gets?|consumes?|consumed|syncs?|synced|subscribes?|listens?|quer(?:y|ies|ied)|search(?:es|ed)?|looks? up|looked up|checks?|checked)(?![\w-])`), 'gi');
const READ = /^(?:reads?|fetch(?:es|ed)?|pulls?|pulled|retrieves?|retrieved|downloads?|downloaded|crawls?|crawled|polls?|polled|ingests?|ingested|scrapes?|scraped|receives?|received|loads?|loaded|gets?|consumes?|consumed|syncs?|synced|subscribes?|listens?)$/i;
const QUERY = /^(?:quer(?:y|ies|ied)|search(?:es|ed)?|looks? up|looked up|checks?|checked)$/i;
const STORE_KINDS: readonly ComponentKind[] = ['database', 'storage', 'vector-store', 'feature-store', 'model-registry', 'agent-memory', 'training-data', 'email', 'web-content', 'queue'];
const ARROW = /\s(?:→|->|-->|=>|⇒|⟶)\s/;
const PREP_END = /(?:^|\s)(to|into|onto|in|from|via|through|using|with|by|on|at)\s+(?:(?:the|a|an|our|its|their|each|every|all|any)\s+)?(?:[\w-]+\s+)?$/i;
const SHORT_GAP = /^\s*(?:[\w'’-]+\s+){0,3}$/;
const CONTINUATION = /^\s*(?:,|and|or|&|\/|,\s*and|,\s*or)\s*(?:the|a|an|our|its)?\s*$/i;
const CONNECTOR = /^\s*(?:and|or|&|\/|,\s*and|,\s*or)\s*(?:the|a|an|our)?\s*$/i;
/** A word right after a mention that makes it the subject: "The Query service resolves …". */
const VERB_NEXT = /^\s+(?:(?:then|also|can|will|may|must|should|only|automatically|now|first|later|periodically|nightly|directly)\s+)*(?:[a-z]+(?:s|ed)|send|call|read|write|fetch|query|store|push|pull|use|ask|type|chat|get|run|post|forward)\b/;
const ANAPHORA = /^\s*(?:it|they|this|these|then it|and it|which|then)\b/i;
const PASSIVE_ANAPHORA = /^\s*(?:it|they|this|these)\s+(?:is|are|was|were|gets?|get)\b/i;
const SUBORDINATE = new RegExp(spaced(String.raw`^\s*(?:if|when|once|after|before|unless|whenever|while|as soon as|depending on|for (?:each|every)|nightly|daily|weekly|hourly|monthly|every \w+)\b[^,]*,`), 'i');
const PRONOUN_SUBJECT = /\b(?:it|they)\s*$/i;
const AUXILIARY = /\b(?:is|are|was|were|be|been|being|gets?|got|get)\s+(?:\w+ly\s+)?$/i;
const PARTICIPLE = /^(?:\w+ed|sent|written|fed|built|read|done|held|kept|run|shown|given|taken|made|put|set)$/i;
/** Verbs that start a new action in a list of actions ("reads files, proposes edits, runs tests"). */
const GAP_BREAK = /(?:,|\band)\s+(?:then\s+)?(?:runs|proposes|iterates|decides|attaches|enforces|authenticates|resolves|extracts|strips|splits|chunks|tags|classifies|summari[sz]es|answers|handles|processes|generates|renders|applies|validates|checks|enriches|transforms|converts|parses|computes|scores|ranks|filters|redacts|detects|approves|reviews|escalates|stops|waits|loops|manages|owns|holds|keeps|contains|includes|builds|adds|plans|writes|draws|produces|shows|decides|embeds)\b/i;
const PASSIVE = /\b(?:is|are|was|were|been|being|gets?|got)\b/i;
const PRONOUN_READ = /\b(?:fetches|reads|pulls|receives|picks\s+up|downloads|retrieves|polls|ingests)\s+(?:it|them)\b/i;

/** Tidies the text between a verb and its object into a flow label. */
function label(raw: string): string | undefined {
  const text = raw
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:(.!?]+$/, '')
    .replace(/(?:\s(?:to|into|onto|in|from|via|through|using|with|by|on|at|the|a|an|our|its|their|and|or))+$/i, '')
    .trim();
  if (!text || text.length < 3) return undefined;
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

/** Works out, for every sentence, its mentions and its subject (the component acting). */
export function sentenceContexts(doc: ScannedDoc, mentions: readonly Mention[], defComps: ReadonlyMap<number, number>): SentenceContext[] {
  const out: SentenceContext[] = [];
  let mi = 0;
  let prev: SentenceContext | undefined;
  let prevBlock = -1;
  for (const s of doc.sentences) {
    while (mi < mentions.length && mentions[mi]!.start < s.start) mi++;
    const inside: Mention[] = [];
    for (let j = mi; j < mentions.length && mentions[j]!.start < s.end; j++) inside.push(mentions[j]!);
    const subject = subjectOf(doc, s, inside, defComps, s.block - prevBlock <= 1 ? prev : undefined);
    const ctx = { mentions: inside, subject };
    out.push(ctx);
    prev = ctx;
    prevBlock = s.block;
  }
  return out;
}

/** The first verb in [from, to) that is not part of a component's name ("Chat" in "Chat API"). */
export function verbAt(text: string, from: number, to: number, mentions: readonly Mention[]): RegExpExecArray | null {
  VERB.lastIndex = from;
  for (let m = VERB.exec(text); m && m.index < to; m = VERB.exec(text)) {
    const at = m.index;
    if (!mentions.some((x) => at >= x.start && at < x.end)) return m;
  }
  return null;
}

function subjectOf(doc: ScannedDoc, s: Sentence, inside: readonly Mention[], defComps: ReadonlyMap<number, number>, prev: SentenceContext | undefined): number[] {
  const text = doc.masked.slice(s.start, s.end);
  const def = s.def !== undefined ? defComps.get(s.def) : undefined;
  // A definition item is about the thing it defines: "**Gateway** — Go service that … forwards to the model".
  if (def !== undefined && inside[0]?.comp === def && inside[0].start - s.start < 4) return [def];
  const clause = s.start + (SUBORDINATE.exec(text)?.[0].length ?? 0);
  const verb = verbAt(doc.masked, clause, s.end, inside);
  if (!verb) return [];
  // The mention right before a verb-like word is the subject, even when that verb is not a flow verb.
  const actor = inside.find((m) => m.start >= clause && m.end <= verb.index && VERB_NEXT.test(doc.masked.slice(m.end, m.end + 40)));
  const pre = inside.filter((m) => m.start >= clause && m.end <= (actor ? actor.end : verb.index));
  const beforeVerb = doc.masked.slice(pre.length ? pre[pre.length - 1]!.end : clause, verb.index);
  if (pre.length && !PRONOUN_SUBJECT.test(beforeVerb)) {
    const group = [pre[pre.length - 1]!];
    for (let j = pre.length - 2; j >= 0; j--) {
      if (!CONNECTOR.test(doc.masked.slice(pre[j]!.end, group[0]!.start))) break;
      group.unshift(pre[j]!);
    }
    return [...new Set(group.map((m) => m.comp))];
  }
  if (def !== undefined && !pre.length) return [def];
  const clauseText = doc.masked.slice(clause, s.end);
  if (prev && PASSIVE_ANAPHORA.test(clauseText)) {
    const last = prev.mentions[prev.mentions.length - 1];
    return last ? [last.comp] : [];
  }
  if (prev?.subject.length && (ANAPHORA.test(clauseText) || PRONOUN_SUBJECT.test(beforeVerb))) return [...prev.subject];
  return [];
}

/**
 * Extracts data flows from sentences: arrow chains ("A → B → C"), and subject–verb–object sentences
 * in the right direction ("A sends X to B" → A→B, "A reads from B" → B→A, "A queries the index" →
 * index→A, passive "X is read by A" → X→A).
 */
export function extractFlows(doc: ScannedDoc, table: ComponentTable, contexts: readonly SentenceContext[], defComps: ReadonlyMap<number, number>): FlowDraft[] {
  const flows: FlowDraft[] = [];
  const add = (from: number, to: number, lbl: string | undefined, at: number): void => {
    if (from !== to) flows.push({ from, to, ...(lbl ? { label: lbl } : {}), at });
  };
  doc.sentences.forEach((s, si) => {
    const ctx = contexts[si]!;
    const text = doc.masked.slice(s.start, s.end);
    if (ARROW.test(text)) {
      arrowFlows(doc, s, ctx, add);
      return;
    }
    const subject = ctx.subject;
    if (!subject.length) {
      fromToFlows(doc, ctx, add);
      return;
    }
    const subjEnd = Math.max(s.start, ...ctx.mentions.filter((m) => subject.includes(m.comp)).map((m) => m.end));
    const objects = ctx.mentions.filter((m) => m.start >= subjEnd && !subject.includes(m.comp));
    const def = s.def !== undefined ? defComps.get(s.def) : undefined;
    if (!objects.length && def !== undefined && !subject.includes(def) && /\b(?:e-?mails?|sends?|writes?|posts?|calls?|queries|uses?)\s+it\b/i.test(text)) {
      for (const sub of subject) add(sub, def, undefined, s.start);
      return;
    }
    if (!objects.length && PRONOUN_READ.test(text) && si > 0) {
      const before = contexts[si - 1]!.mentions.filter((m) => !subject.includes(m.comp)).pop();
      if (before) for (const sub of subject) add(before.comp, sub, undefined, s.start);
      return;
    }
    // "…in the Chat widget, which forwards them to the API": a relative clause has its own subject.
    let clauseSubject: readonly number[] = subject;
    let from = subjEnd;
    for (const rel of relativeClauses(doc.masked, subjEnd, s.end)) {
      objectFlows(doc, table, s, ctx, clauseSubject, from, rel.at, add);
      const before = ctx.mentions.filter((m) => m.end <= rel.at).pop();
      if (!before) return;
      clauseSubject = [before.comp];
      from = rel.end;
    }
    objectFlows(doc, table, s, ctx, clauseSubject, from, s.end, add);
  });
  return flows;
}

const RELATIVE = /,\s*(?:which|who)\s+/g;

/** Positions of ", which" / ", who" clauses in [from, to). */
function relativeClauses(text: string, from: number, to: number): { at: number; end: number }[] {
  const out: { at: number; end: number }[] = [];
  RELATIVE.lastIndex = from;
  for (let m = RELATIVE.exec(text); m && m.index < to; m = RELATIVE.exec(text)) out.push({ at: m.index, end: m.index + m[0].length });
  return out;
}

/** Flows from `subject` to (or from) each component mentioned in [from, to), following the verbs. */
function objectFlows(
  doc: ScannedDoc,
  table: ComponentTable,
  s: Sentence,
  ctx: SentenceContext,
  subject: readonly number[],
  from: number,
  to: number,
  add: (f: number, t: number, l: string | undefined, at: number) => void,
): void {
  const subjEnd = from;
  const objects = ctx.mentions.filter((m) => m.start >= from && m.end <= to && !subject.includes(m.comp));
  let last: { end: number; dir: 'out' | 'in'; verb: RegExpExecArray } | undefined;
  for (const o of objects) {
    const cont = last && CONTINUATION.test(doc.masked.slice(last.end, o.start));
    let verb = last?.verb;
    let dir = last?.dir;
    if (!cont) {
      verb = undefined;
      for (let m = verbAt(doc.masked, subjEnd, o.start, ctx.mentions); m; m = verbAt(doc.masked, m.index + m[0].length, o.start, ctx.mentions)) verb = m;
      if (!verb) continue;
      // "an API key stored in Vault": a bare participle describes a noun, not the subject's action.
      if (PARTICIPLE.test(verb[0]) && !AUXILIARY.test(doc.masked.slice(Math.max(s.start, verb.index - 24), verb.index))) continue;
      const gap = doc.masked.slice(verb.index + verb[0].length, o.start);
      if (GAP_BREAK.test(gap)) continue;
      const prep = PREP_END.exec(gap)?.[1]?.toLowerCase();
      if (!prep && !SHORT_GAP.test(gap)) continue;
      const kind = table.items[o.comp]!.kind;
      if (kind === 'user' && (READ.test(verb[0]) || QUERY.test(verb[0])) && prep !== 'from') continue;
      dir = direction(verb[0], prep, kind, PASSIVE.test(doc.masked.slice(subjEnd, o.start)));
    }
    if (!verb || !dir) continue;
    const lbl = label(doc.masked.slice(verb.index, o.start));
    for (const sub of subject) {
      if (dir === 'out') add(sub, o.comp, lbl, o.start);
      else add(o.comp, sub, lbl, o.start);
    }
    last = { end: o.end, dir, verb };
  }
}

function direction(verb: string, prep: string | undefined, objectKind: ComponentKind, passive: boolean): 'in' | 'out' {
  let dir: 'in' | 'out';
  if (prep === 'from') dir = 'in';
  else if (prep === 'to' || prep === 'into' || prep === 'onto') dir = 'out';
  else if (READ.test(verb)) dir = 'in';
  else if (QUERY.test(verb)) dir = STORE_KINDS.includes(objectKind) ? 'in' : 'out';
  else dir = 'out';
  if (prep === 'by' && passive) dir = dir === 'in' ? 'out' : 'in';
  return dir;
}

/** "A → B → C": consecutive segments that mention a component form a chain. */
function arrowFlows(doc: ScannedDoc, s: Sentence, ctx: SentenceContext, add: (f: number, t: number, l: string | undefined, at: number) => void): void {
  const text = doc.masked.slice(s.start, s.end);
  const parts = text.split(ARROW);
  let offset = s.start;
  let prev: { comp: number; label?: string } | undefined;
  for (const part of parts) {
    const from = offset;
    const to = offset + part.length;
    offset = to + (ARROW.exec(doc.masked.slice(to, to + 6))?.[0].length ?? 3);
    const m = ctx.mentions.find((x) => x.start >= from && x.end <= to);
    if (!m) continue;
    const rest = label(`${doc.masked.slice(from, m.start)} ${doc.masked.slice(m.end, to)}`.replace(/^[\s\d.)]+/, ''));
    if (prev) add(prev.comp, m.comp, rest ?? prev.label, m.start);
    prev = { comp: m.comp, ...(rest ? { label: rest } : {}) };
  }
}

/** "… from A to B" in a sentence with no subject. */
function fromToFlows(doc: ScannedDoc, ctx: SentenceContext, add: (f: number, t: number, l: string | undefined, at: number) => void): void {
  const before = (m: Mention): string => doc.masked.slice(Math.max(0, m.start - 12), m.start);
  const src = ctx.mentions.find((m) => /\bfrom\s+(?:the\s+)?$/i.test(before(m)));
  const dst = src && ctx.mentions.find((m) => m.start > src.end && /\b(?:to|into)\s+(?:the\s+)?$/i.test(before(m)));
  if (src && dst) add(src.comp, dst.comp, undefined, dst.start);
}
