import { gateText, mayMatch, requiredLiterals } from './literalGate.js';
import type { ComponentKind, ComponentProperty } from '../domain/system.js';
import { KIND_CUE_ROWS, type CueStrength } from './lexiconData.js';
import { spaced } from './regex.js';
import { normName } from './componentTable.js';

export type { CueStrength } from './lexiconData.js';

/** A compiled lexicon cue: a regex that names a component of some kind. */
export interface KindCue {
  readonly kind: ComponentKind;
  readonly strength: CueStrength;
  /** Merge key: matches with the same key refer to the same component (`named` cues key by wording). */
  readonly key: string;
  /** Global regex with word boundaries. */
  readonly re: RegExp;
  readonly props: readonly ComponentProperty[];
  /** When set, the cue only counts if its sentence also matches this. */
  readonly requires?: RegExp;
  /** Kinds a `weak` cue may refer to, in preference order. */
  readonly refers: readonly ComponentKind[];
  /** Whether a `weak` cue may create a component when it has nothing to refer to. */
  readonly create: boolean;
}

/** One place in a text where a cue matched. */
export interface CueMatch {
  readonly cue: KindCue;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** True when the match was extended with a head noun ("Pinecone" + " index"). */
  readonly extended: boolean;
}

/** Every lexicon cue, compiled once at module load. */
export const KIND_CUES: readonly KindCue[] = KIND_CUE_ROWS.map(([kind, strength, key, source, opts]) => ({
  kind,
  strength,
  key,
  // Not inside hyphenated words either: "per-user" is not a user, "repository-aware" not a repository.
  re: new RegExp(String.raw`(?<![\w-])(?:${spaced(source)})(?![\w]|-[a-z])`, opts?.cs ? 'g' : 'gi'),
  props: opts?.props ?? [],
  ...(opts?.requires ? { requires: new RegExp(spaced(opts.requires), 'i') } : {}),
  refers: opts?.refers ?? [kind],
  create: opts?.create ?? false,
}));

/** Matches wherever any cue might (a superset, case-insensitive): lets short texts with no cue skip the lexicon. */
const SHORT_TEXT = 120;
const MEMO_LIMIT = 4000;
const memo = new Map<string, CueMatch[]>();

/** Head nouns that may follow a brand and belong to its name ("Pinecone index", "OpenAI API"). */
const HEAD_EXTENSION = /^\s+(?:index(?:es)?|cluster|database|db|instance|tables?|buckets?|collection|namespace|apis?|service|endpoints?|models?|topics?|queues?|stream|server|workspace|sites?|spaces?|wiki|pages|mailbox|inbox|account|project|registry|store|bot|app|plugin|extension|pipelines?|jobs?|runner|sandbox|deployment|dashboard|hub|repos?|repositor(?:y|ies)|portal|library|vault|catalog(?:ue)?|warehouse|lake|tenant|org|agent)(?![\w])/i;

/** Head nouns of component names and the kind they suggest when no cue says more. */
export const HEAD_KINDS: Readonly<Record<string, ComponentKind>> = Object.fromEntries([
  ...['service', 'services', 'api', 'apis', 'gateway', 'worker', 'workers', 'server', 'backend', 'job', 'jobs', 'poller', 'crawler', 'scraper', 'scheduler', 'runner', 'indexer', 'connector', 'orchestrator', 'router', 'proxy', 'engine', 'function', 'lambda', 'pipeline', 'daemon', 'microservice', 'handler', 'processor', 'ingester', 'ingestor', 'loader', 'bridge', 'middleware', 'controller', 'resolver', 'ingestion', 'updater', 'aggregator', 'collector', 'exporter', 'importer', 'dispatcher', 'notifier', 'extractor', 'enricher', 'validator', 'scanner', 'parser', 'unit', 'device', 'appliance', 'camera', 'cameras', 'sensor', 'sensors'].map((w) => [w, 'service']),
  ...['app', 'application', 'ui', 'portal', 'dashboard', 'console', 'widget', 'extension', 'plugin', 'website', 'frontend'].map((w) => [w, 'frontend']),
  ...['database', 'db', 'cache', 'table'].map((w) => [w, 'database']),
  ...['store', 'bucket', 'lake', 'drive', 'share', 'folder', 'repository', 'repo', 'archive', 'corpus', 'wiki'].map((w) => [w, 'storage']),
  ...['topic', 'queue', 'stream', 'bus'].map((w) => [w, 'queue']),
  ...['inbox', 'mailbox'].map((w) => [w, 'email']),
  ...['tool', 'tools'].map((w) => [w, 'tool']),
  ['index', 'vector-store'], ['log', 'monitoring'], ['logs', 'monitoring'], ['classifier', 'ml-model'], ['agent', 'agent'],
  ['model', 'llm'], ['assistant', 'llm'], ['copilot', 'llm'], ['bot', 'llm'], ['chatbot', 'llm'], ['sandbox', 'code-interpreter'],
] as [string, ComponentKind][]);

const STRENGTH_RANK: Readonly<Record<CueStrength, number>> = { brand: 6, provider: 5, named: 4, strong: 4, user: 3, agent: 2, weak: 1 };
/** Rank of candidates without a cue (capitalised phrases): they lose ties to lexicon matches. */
const NO_CUE_RANK = 0;

/**
 * Finds lexicon cues in `text` (optionally only in [from, to)). Overlapping matches are resolved
 * longest first, so "Azure OpenAI" beats "OpenAI" and "Llama Guard" beats "Llama". Brand matches
 * are extended with a following head noun. Returns matches sorted by position.
 */
export function findKindCues(text: string, from = 0, to = text.length): CueMatch[] {
  // Names and description heads are looked up again and again: remember them (the result is pure).
  const short = from === 0 && to === text.length && text.length <= SHORT_TEXT;
  if (short) {
    const known = memo.get(text);
    if (known) return known;
    if (!anyCueMayMatch(text)) return remember(text, []);
  }
  const found = scanCues(text, from, to);
  return short ? remember(text, found) : found;
}

/** Literals each cue needs (see literalGate.ts): cues that cannot match are never compiled or run. */
export const KIND_LITERALS = KIND_CUE_ROWS.map((row) => requiredLiterals(row[3]));

/**
 * Quick "could any cue match?" for short texts (names, headings). Replaces one regex made of every
 * cue, whose compilation alone cost ~30 ms per start: literal checks, plus the few cues without a
 * derivable literal, which the full scan compiles anyway.
 */
function anyCueMayMatch(text: string): boolean {
  const gate = gateText(text);
  return KIND_CUES.some((cue, i) => {
    const lits = KIND_LITERALS[i]!;
    if (lits) return mayMatch(lits, gate);
    cue.re.lastIndex = 0;
    const hit = cue.re.test(text);
    cue.re.lastIndex = 0;
    return hit;
  });
}

function remember(text: string, found: CueMatch[]): CueMatch[] {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, found);
  return found;
}


function scanCues(text: string, from: number, to: number): CueMatch[] {
  const all: CueMatch[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(0, to);
  const gate = gateText(slice);
  for (const [i, cue] of KIND_CUES.entries()) {
    if (!mayMatch(KIND_LITERALS[i]!, gate)) continue;
    cue.re.lastIndex = from;
    for (let m = cue.re.exec(slice); m; m = cue.re.exec(slice)) {
      if (m[0].length === 0) {
        cue.re.lastIndex++;
        continue;
      }
      let end = m.index + m[0].length;
      let extended = false;
      if (cue.strength === 'brand' || cue.strength === 'provider') {
        const ext = HEAD_EXTENSION.exec(slice.slice(end, end + 24));
        if (ext) {
          end += ext[0].length;
          extended = true;
        }
      }
      all.push({ cue, start: m.index, end, text: slice.slice(m.index, end), extended });
    }
  }
  return resolveOverlaps(all);
}

/** Keeps the best of overlapping matches: longest, then native over extended, then strongest. */
export function resolveOverlaps<T extends { start: number; end: number; extended?: boolean; cue?: KindCue }>(items: T[]): T[] {
  const rank = (x: T): number => (x.cue ? STRENGTH_RANK[x.cue.strength] : NO_CUE_RANK);
  const sorted = [...items].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || Number(a.extended ?? false) - Number(b.extended ?? false) || rank(b) - rank(a) || a.start - b.start,
  );
  const kept: T[] = [];
  for (const it of sorted) {
    if (kept.every((k) => it.end <= k.start || it.start >= k.end)) kept.push(it);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** A guessed kind with a confidence score (higher is surer) and the cue that gave it, if any. */
export interface KindGuess {
  readonly kind: ComponentKind;
  readonly score: number;
  readonly cue?: KindCue;
  readonly match?: CueMatch;
  /** True when the name decided (not the description). */
  readonly fromName?: boolean;
}

const CLEAN_NAME = /\([^)]*\)|[*`"'“”‘’_]+(?![a-z0-9])|[:.,;!?]+$/gi;

/** Best kind guess inside a short text (a name or the head of a description). */
function bestIn(raw: string): KindGuess | undefined {
  const text = raw.replace(CLEAN_NAME, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  let best: KindGuess | undefined;
  const consider = (g: KindGuess): void => {
    if (!best || g.score > best.score) best = g;
  };
  for (const m of findKindCues(text)) {
    if (m.cue.requires && !m.cue.requires.test(text)) continue;
    const atHead = m.end >= text.length;
    const s = m.cue.strength;
    let score = 0;
    // A provider names where a model runs, not what it is: "Cohere Embed via Bedrock" is an embedding model.
    if (s === 'provider') score = atHead ? 2.6 : 2.4;
    else if (s === 'brand') score = atHead ? 4.5 : 3;
    else if (s === 'strong' || s === 'named') score = atHead ? 3.5 : 2;
    else if (s === 'user') score = atHead ? 3 : 0;
    else if (s === 'agent') score = atHead ? 2.5 : 0;
    else score = atHead ? 1.5 : 0;
    if (score > 0) consider({ kind: m.cue.kind, score, cue: m.cue, match: m });
  }
  const head = /([A-Za-z]+)$/.exec(text)?.[1]?.toLowerCase();
  const headKind = head ? HEAD_KINDS[head] : undefined;
  if (headKind) consider({ kind: headKind, score: 1 });
  return best;
}

const DESC_CUT = /[.,;:!?](?=\s|$)|\s(?:that|which|who|whose|where|when|for|to|from|used|using|running|holding|storing|loaded|built|deployed|hosted|containing|owned|managed|responsible|on|in|at|via|through|behind|inside|within|under|over|across|per|by|as|is|are|was|were|has|have|does|runs|builds|collects|reads|calls|sends|handles|stores|processes|receives|makes|takes|lets|allows|provides|and then)\s/i;
const DESC_START = /^(?:(?:a|an|the|one|our|their|its|single|two|three|several)\b|[A-Z0-9])/;

/**
 * Length of the noun phrase that opens a description ("a Node.js service" of "a Node.js service on ECS
 * that …"), or 0 when the description opens with something else (a verb, a preposition, a list).
 */
export function descriptionHeadLength(desc: string): number {
  if (!DESC_START.test(desc) || /^(?:It|We|This|They|There|For|When|If|In|On|With|By|To|Given|Each|Every|All)\b/.test(desc)) return 0;
  const cut = DESC_CUT.exec(desc);
  const head = cut ? desc.slice(0, cut.index) : desc;
  const words = head.split(' ');
  return words.length > 8 ? words.slice(0, 8).join(' ').length : head.length;
}

/** The noun phrase that opens a description, without parentheticals. */
export function descriptionHead(desc: string): string {
  const text = desc.replace(/\s+/g, ' ').trim();
  return text.slice(0, descriptionHeadLength(text)).replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Guesses the kind of a named component from its name and, when the name says little, from the head
 * of its description. Brands and category nouns at the end of the name count most ("Pinecone index",
 * "Triage agent"); a bare head noun ("Chat API") counts least. Undefined when nothing suggests a kind.
 */
export function inferKind(name: string, description = ''): KindGuess | undefined {
  const named = bestIn(name);
  const fromName = named && { ...named, fromName: true };
  if (fromName && fromName.score >= 2.5) return fromName;
  const head = descriptionHead(description);
  const fromDesc = head ? bestIn(head) : undefined;
  const pick = fromDesc && (!fromName || fromDesc.score > fromName.score) ? fromDesc : fromName;
  return pick && pick.score >= 1 ? pick : undefined;
}

/**
 * Merge keys of the brands and categories named inside a name that agree with `kind`
 * ("Weaviate vector DB" → Weaviate and the vector-store category). Providers are left out: one
 * provider serves many models.
 */
export function aliasKeys(name: string, kind: ComponentKind): string[] {
  return findKindCues(name)
    .filter((m) => m.cue.kind === kind && (m.cue.strength === 'brand' || m.cue.strength === 'strong' || m.cue.strength === 'user'))
    .map(cueKey);
}

/**
 * Keys that identify the one thing a name names: a brand or role that is the whole name ("Postgres",
 * "Pinecone index", "Lawyer"), not one part of it ("Orders DB (Postgres)" is not every Postgres).
 */
export function identityKeys(name: string, kind: ComponentKind): string[] {
  const text = name.replace(/\s+/g, ' ').trim();
  return findKindCues(text)
    .filter((m) => m.cue.kind === kind && (m.cue.strength === 'brand' || m.cue.strength === 'user') && m.start === 0 && m.end >= text.replace(/s$/, '').length)
    .map(cueKey);
}

/**
 * The merge key of a match: the cue's key, except that qualified categories key by their wording
 * ("fraud model" ≠ "churn model"), storage by what it holds ("support tickets" = "resolved tickets")
 * and professions by the role ("lawyers" = "Lawyer", ≠ "auditors").
 */
export function cueKey(m: CueMatch): string {
  if (m.cue.strength === 'named') return m.cue.kind === 'storage' ? `x:storage:${normName(m.text).split(' ').pop()}` : `x:${normName(m.text)}`;
  if (m.cue.key === 'u:professional') return `u:${normName(m.text)}`;
  return m.cue.key;
}

/** True when a name is only a category word ("Vector store", "LLM", "Database"), not a specific thing. */
export function isGenericName(name: string): boolean {
  const text = name.trim();
  const m = findKindCues(text);
  return m.length === 1 && m[0]!.start === 0 && m[0]!.end === text.length && (m[0]!.cue.strength === 'strong' || m[0]!.cue.strength === 'weak');
}

/** True for cues that name one specific thing rather than a category of things. */
export function isSpecific(strength: CueStrength): boolean {
  return strength === 'brand' || strength === 'provider' || strength === 'named';
}
