import type { ComponentKind, ComponentProperty } from '../domain/system.js';
import { ComponentTable, cleanName, normName } from './componentTable.js';
import { HEAD_KINDS, aliasKeys, descriptionHeadLength, findKindCues, inferKind, isGenericName, isSpecific, resolveOverlaps, type CueMatch } from './lexicon.js';
import { lineOf, sentenceAt, type DefCandidate, type ScannedDoc } from './markdown.js';
import type { PropertyHit } from './propertyCues.js';

/** A place in the text that refers to a component. */
export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly comp: number;
}

/** What discovery found: mentions (sorted, non-overlapping) and the component each definition item defines. */
export interface Discovery {
  readonly mentions: Mention[];
  /** Def index → component, for list items and table rows that define a component. */
  readonly defComps: ReadonlyMap<number, number>;
}

/** Most components a prose document yields; the rest are dropped with a warning. */
export const MAX_COMPONENTS = 40;

const NON_COMPONENT_HEADS = /\b(?:policy|policies|notes?|overview|status|owner|purpose|summary|background|features?|gaps?|sensitivity|rules?|requirements?|goals?|flows?|path|architecture|components?|introduction|context|scope|assumptions?|risks?|questions?|decisions?|glossary|appendix|users?|who uses it|data|credentials|secrets|keys|permissions|access|concerns|monitoring|export)$/i;
const STOP_CAPS = new Set('The A An Our Each Every All This That These Those Its Their Then If When Both Any Some No Only Also In On For From To With Via And Or But So We It Nightly Daily Weekly Monthly Finally First Next Later Logged Anonymous Depending'.split(' '));
const TECH_WORDS = new Set('REST HTTP HTTPS JSON GraphQL gRPC SQL API APIs SDK AI ML LLM URL UI CLI Node.js Node Python Go Java TypeScript JavaScript Rust C# .NET FastAPI Fastify Express Django Flask Spring Rails React Vue Angular Next.js LangChain LlamaIndex Lambda ECS EKS AKS GKE Kubernetes K8s Docker AWS GCP Azure Cloud Run Functions Serverless Firecracker Go-based Python-based'.split(' '));
const TOOL_PARENT = /\b(?:tools?|plugins?|functions?|actions?|capabilities|skills)\b/i;

const headAlternation = Object.keys(HEAD_KINDS)
  .flatMap((w) => [`[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`, ...(w.length <= 4 ? [w.toUpperCase()] : [])])
  .join('|');
/** A capitalised name ending in a component head noun: "Query service", "Atlas web app", "Mail poller". */
const PHRASE = new RegExp(String.raw`(?<![\w-])((?:[A-Z][\w&+/-]*(?:\.[\w]+)*[ ]){1,3}(?:[a-z][\w-]*[ ])?)(?:${headAlternation})(?![\w-]| (?:account|accounts|principal|principals|level|key|keys|token|tokens|credentials|role|roles|mesh|in|into|on|out|off|up)\b)`, 'g');
const IDENTIFIER = /^[A-Za-z_][\w.]*(?:\(\))?$/;
const TOOLISH = /\b(?:tools?|functions?|calls?|invokes?|plugins?)\b/i;
const ML_CONTEXT = /\b(?:predict\w*|classif\w*|regression|features?|fraud|churn|forecast\w*|recommend\w*|anomal\w*)\b/i;
const LLM_CONTEXT = /\b(?:LLMs?|prompts?|chat\w*|GPT|generat\w+|language models?|assistant|copilot|agent)\b/i;
const MODEL_KINDS: readonly ComponentKind[] = ['llm', 'embedding-model', 'ml-model'];

interface Phrase {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly phrase: true;
  readonly extended: true;
}
type Candidate = CueMatch | Phrase;

const isPhrase = (c: Candidate): c is Phrase => 'phrase' in c;

/** Capitalised-name candidates with sentence starters and pure technology words stripped off the front. */
function phraseCandidates(doc: ScannedDoc): Phrase[] {
  const out: Phrase[] = [];
  const { masked } = doc;
  PHRASE.lastIndex = 0;
  for (let m = PHRASE.exec(masked); m; m = PHRASE.exec(masked)) {
    if (doc.headingLines.has(lineOf(doc.lineStarts, m.index))) continue;
    const words = m[1]!.trim().split(' ');
    let skip = 0;
    while (skip < words.length && STOP_CAPS.has(words[skip]!)) skip++;
    const caps = words.slice(skip).filter((w) => /^[A-Z]/.test(w));
    if (!caps.length || caps.every((w) => TECH_WORDS.has(w))) continue;
    const start = m.index + words.slice(0, skip).reduce((n, w) => n + w.length + 1, 0);
    out.push({ start, end: m.index + m[0].length, text: masked.slice(start, m.index + m[0].length), phrase: true, extended: true });
  }
  return out;
}

/** Offsets of the noun phrase opening a definition's description ("— Postgres (RDS) table holding …"). */
function descHeadSpan(masked: string, d: DefCandidate): [number, number] {
  const rest = masked.slice(d.end, d.itemEnd);
  const lead = /^[\s:*`_—–-]*/.exec(rest)![0].length;
  const body = rest.slice(lead).replace(/\s+/g, ' ');
  const len = descriptionHeadLength(body);
  return [d.end + lead, d.end + lead + len];
}

/** "TMS (Postgres)": a brand in parentheses after a capitalised name names that thing. */
function parentheticalName(masked: string, m: CueMatch): string | undefined {
  const before = /([A-Z][\w-]*(?: [A-Z][\w-]*){0,2}) \($/.exec(masked.slice(Math.max(0, m.start - 40), m.start));
  if (!before || !/^\s*[),]/.test(masked.slice(m.end, m.end + 2))) return undefined;
  const name = before[1]!;
  return STOP_CAPS.has(name.split(' ')[0]!) || TECH_WORDS.has(name) || findKindCues(name).length ? undefined : name;
}

/**
 * Finds the components of a prose document: explicit definitions first (`**Name** — …` items, table
 * rows, headings, bold terms), then brands and category phrases, then names repeated later, then
 * generic words ("the model", "the index") that refer back to what was found.
 */
export function discoverComponents(doc: ScannedDoc, table: ComponentTable, systemName: string, hits: readonly PropertyHit[]): Discovery {
  const { masked, lineStarts, sentences } = doc;
  const mentions: Mention[] = [];
  const defComps = new Map<number, number>();
  const title = (doc.title ?? systemName).toLowerCase();
  const inTitle = (s: number): boolean => doc.titleLine !== undefined && lineOf(lineStarts, s) === doc.titleLine;
  const mention = (comp: number, start: number, end: number): void => {
    mentions.push({ start, end, comp });
    table.mention(comp, start, lineOf(lineStarts, start));
  };
  const room = (): boolean => table.items.length < MAX_COMPONENTS;

  // 1. Definitions. Providers ("**vLLM** serves the model") wait until the models they serve are known.
  const heads: [number, number, number][] = [];
  const providerDefs: [DefCandidate, number][] = [];
  const reserved: [number, number][] = [];
  const defined = new Set<number>();
  doc.defs.forEach((d: DefCandidate, di) => {
    const words = d.name.split(/\s+/).length;
    if (!d.name || d.label || words > 4 || d.name.length > 60 || NON_COMPONENT_HEADS.test(d.name.replace(/[:.\s]+$/, ''))) return;
    if (inTitle(d.start) || (d.form !== 'code' && d.form !== 'item' && title.includes(d.name.toLowerCase()))) return;
    let kind: ComponentKind | undefined;
    let key: string | undefined;
    const g = d.form === 'code' ? undefined : inferKind(d.name, d.desc);
    if (d.form === 'code') {
      if (IDENTIFIER.test(d.name) && /_|\(\)|[a-z][A-Z]/.test(d.name)) kind = 'tool';
    } else if (((d.parent && TOOL_PARENT.test(d.parent)) || (d.section && TOOL_PARENT.test(d.section) && d.form !== 'heading')) && (!g || g.score < 3.5 || !g.fromName)) {
      kind = 'tool';
    } else if (g && g.score >= (d.form === 'heading' ? 2.5 : 1)) {
      kind = g.kind;
      if (g.fromName && g.cue && (g.cue.strength === 'brand' || g.cue.strength === 'user' || g.cue.strength === 'strong')) key = g.cue.key;
      if (g.fromName && g.cue?.strength === 'provider') {
        providerDefs.push([d, di]);
        reserved.push([d.start, d.end]);
        return;
      }
    }
    if (!kind) return;
    const comp = defineComponent(d, kind, [...(key ? [key] : []), ...aliasKeys(d.name, kind)]);
    if (comp === undefined) return;
    if (d.form === 'item' || d.form === 'table' || d.form === 'code') {
      defComps.set(di, comp);
      const [hs, he] = descHeadSpan(masked, d);
      if (he > hs) heads.push([hs, he, comp]);
    }
  });
  function defineComponent(d: DefCandidate, kind: ComponentKind, keys: readonly string[], fallback?: number): number | undefined {
    // Only a brand or a role identifies one thing; two definitions of the same category stay two.
    const identifying = keys.filter((k) => k.startsWith('b:') || k.startsWith('u:'));
    let comp = table.findByName(d.name) ?? identifying.map((k) => table.find(k)).find((c) => c !== undefined && table.items[c]!.kind === kind) ?? fallback;
    if (comp === undefined && !isGenericName(d.name)) {
      const generic = table.items.findIndex((c, i) => c.kind === kind && !defined.has(i) && isGenericName(c.name));
      if (generic >= 0) comp = generic;
    }
    if (comp === undefined) {
      if (!room()) return undefined;
      comp = table.create(d.name, kind, d.start);
    } else {
      // A definition names the thing: a model first seen inside this item, or something only known by
      // its category ("Labelling"), takes the defined name ("Label Studio").
      const c = table.items[comp]!;
      const inside = c.first >= d.itemStart && c.first < d.itemEnd;
      if (!defined.has(comp) && (inside || (isGenericName(c.name) && !isGenericName(d.name)))) c.name = cleanName(d.name);
      table.addKey(comp, `n:${normName(d.name)}`);
    }
    for (const k of keys) table.addKey(comp, k);
    defined.add(comp);
    mention(comp, d.start, d.end);
    return comp;
  }

  const covered = (s: number, e: number): boolean => mentions.some((m) => s < m.end && e > m.start);
  const defOf = (offset: number): number | undefined => {
    const si = sentenceAt(sentences, offset);
    const d = si >= 0 ? sentences[si]!.def : undefined;
    return d === undefined ? undefined : defComps.get(d);
  };
  const headOf = (s: number, e: number): number | undefined => heads.find(([hs, he]) => s >= hs && e <= he)?.[2];
  const headBrands = new Map<number, [number, number]>();
  const noteHeadBrand = (comp: number, s: number, e: number): void => {
    const [ps, pe] = headBrands.get(comp) ?? [s, e];
    headBrands.set(comp, [Math.min(ps, s), Math.max(pe, e)]);
  };
  const sentenceText = (offset: number): string => {
    const si = sentenceAt(sentences, offset);
    return si >= 0 ? masked.slice(sentences[si]!.start, sentences[si]!.end) : '';
  };

  const mlDoc = ML_CONTEXT.test(masked) && !LLM_CONTEXT.test(masked);
  // 2. Cue and phrase matches, longest first; weak ones wait until names are known.
  const cues: Candidate[] = resolveOverlaps<Candidate>([...findKindCues(masked), ...phraseCandidates(doc)]).filter(
    (c) => !inTitle(c.start) && !reserved.some(([s, e]) => c.start < e && c.end > s),
  );
  const weak: CueMatch[] = [];
  const providers: { start: number; end: number; key: string; props: readonly ComponentProperty[]; text: string }[] = [];
  for (const c of cues) {
    if (covered(c.start, c.end)) {
      // A cue inside a definition's name is an alias of it ("Pinecone" in "Pinecone index").
      const host = mentions.find((m) => c.start >= m.start && c.end <= m.end);
      if (host && !isPhrase(c) && c.cue.kind === table.items[host.comp]!.kind) table.addKey(host.comp, c.cue.key);
      continue;
    }
    const guess = isPhrase(c) ? inferKind(c.text) : undefined;
    const cue = isPhrase(c) ? guess?.cue : c.cue;
    if (isPhrase(c) && (!guess || title.includes(c.text.toLowerCase()))) continue;
    if (cue?.requires && !cue.requires.test(sentenceText(c.start))) continue;
    if (!isPhrase(c) && (c.cue.strength === 'weak' || c.cue.strength === 'agent')) {
      weak.push(c);
      continue;
    }
    if (cue?.strength === 'provider') {
      providers.push({ start: c.start, end: c.end, key: cue.key, props: cue.props, text: c.text });
      continue;
    }
    const kind = isPhrase(c) && guess!.kind === 'llm' && guess!.cue?.key === 'w:model' && mlDoc ? 'ml-model' : isPhrase(c) ? guess!.kind : c.cue.kind;
    // The noun phrase opening a definition says what it is: "Action log — BigQuery table …".
    const head = kind === 'user' ? undefined : headOf(c.start, c.end);
    const named = isPhrase(c) || c.cue.strength === 'named';
    // Storage is keyed by what it holds ("support tickets" and "resolved tickets" are one corpus).
    const storageKey = kind === 'storage' ? `x:storage:${normName(c.text).split(' ').pop()}` : undefined;
    const key = isPhrase(c) ? (cue && cue.strength !== 'named' && cue.strength !== 'user' && cue.strength !== 'weak' ? cue.key : undefined) : named ? (storageKey ?? `x:${normName(c.text)}`) : c.cue.key;
    const def = defOf(c.start);
    let comp = head ?? (isPhrase(c) ? table.findByName(c.text) : undefined) ?? (key ? table.find(key) : undefined);
    if (comp === undefined && named && !isPhrase(c)) comp = table.findContaining(kind, c.text);
    if (comp === undefined && def !== undefined && kind !== 'user' && table.items[def]!.kind === kind) comp = def;
    if (comp === undefined && !isPhrase(c) && c.cue.strength === 'strong') comp = table.firstOf([kind]);
    if (comp === undefined) {
      if (!room()) continue;
      const name = !isPhrase(c) && c.cue.strength === 'brand' ? (parentheticalName(masked, c) ?? c.text) : c.text;
      comp = table.create(name, kind, c.start);
    }
    if (key) table.addKey(comp, key);
    if (!isPhrase(c) || guess?.fromName) for (const p of cue?.props ?? []) table.items[comp]!.props.add(p);
    if (head !== undefined && comp === head && (isPhrase(c) || isSpecific(c.cue.strength))) noteHeadBrand(comp, c.start, c.end);
    mention(comp, c.start, c.end);
  }

  // 3. Providers attach to the nearest model named in the same sentence ("Claude through the Anthropic API").
  for (const c of providers) {
    const si = sentenceAt(sentences, c.start);
    const s = si >= 0 ? sentences[si]! : { start: c.start, end: c.end };
    const near = mentions
      .filter((m) => m.start >= s.start && m.end <= s.end && MODEL_KINDS.includes(table.items[m.comp]!.kind))
      .sort((a, b) => Math.abs(a.start - c.start) - Math.abs(b.start - c.start))[0];
    const def = headOf(c.start, c.end) ?? defOf(c.start);
    let comp = near?.comp ?? table.find(c.key);
    if (comp === undefined && def !== undefined && MODEL_KINDS.includes(table.items[def]!.kind)) comp = def;
    if (comp !== undefined && comp === headOf(c.start, c.end)) noteHeadBrand(comp, c.start, c.end);
    if (comp === undefined) {
      if (!room()) continue;
      comp = table.create(c.text, 'llm', c.start);
    }
    table.addKey(comp, c.key);
    for (const p of c.props) table.items[comp]!.props.add(p);
    mention(comp, c.start, c.end);
  }
  // A provider defined on its own ("**vLLM** serves the model") is its own component, unless the item
  // itself names the model it stands for ("**OpenAI API** — we call the OpenAI API (gpt-4o-mini …)").
  for (const [d, di] of providerDefs) {
    const g = inferKind(d.name, d.desc)!;
    const inside = table.items.findIndex((c) => MODEL_KINDS.includes(c.kind) && c.first >= d.itemStart && c.first < d.itemEnd);
    const comp = defineComponent(d, 'llm', [g.cue!.key], inside >= 0 ? inside : undefined);
    if (comp === undefined) continue;
    for (const p of g.cue!.props) table.items[comp]!.props.add(p);
    if (d.form === 'item' || d.form === 'table') defComps.set(di, comp);
  }

  // A definition that only names a category says which product in its description: "Vector store (Qdrant cluster)".
  for (const [comp, [s, e]] of headBrands) {
    const c = table.items[comp]!;
    const brand = cleanName(masked.slice(s, e).replace(/\s+/g, ' '));
    if (isGenericName(c.name) && !c.name.toLowerCase().includes(brand.toLowerCase())) c.name = `${c.name} (${brand})`;
  }

  // 4. Names mentioned again later, and unique head nouns ("the gateway" for "CodePilot gateway").
  addNameMentions(doc, table, mentions, mention, (s, e) => covered(s, e) || inTitle(s));

  // 5. Text that gives a model the power to act ("the bot can issue refunds") implies an agent.
  promoteAgent(doc, table, mentions, weak, hits, room());

  // 6. Generic words refer back to what exists.
  for (const c of weak) {
    if (covered(c.start, c.end) || title.includes(c.text.toLowerCase())) continue;
    let comp: number | undefined;
    if (c.cue.strength === 'agent') {
      comp = table.firstOf(['agent']) ?? table.find('u:support-agent');
      if (comp === undefined && table.firstOf(['llm', 'ml-model']) !== undefined && room()) comp = table.create('Agent', 'agent', c.start, 'k:agent');
    } else {
      comp = table.firstOf(c.cue.refers);
      if (comp === undefined && c.cue.create && room()) {
        const kind = c.cue.key === 'w:model' && mlDoc ? 'ml-model' : c.cue.kind;
        comp = table.create(c.text, kind, c.start);
      }
    }
    if (comp !== undefined) mention(comp, c.start, c.end);
  }

  // 7. Code identifiers named as tools ("calls `lookup_customer`").
  for (const span of doc.codeSpans) {
    if (covered(span.start, span.end) || !IDENTIFIER.test(span.text) || !/_|\(\)|[a-z][A-Z]/.test(span.text)) continue;
    if (!TOOLISH.test(sentenceText(span.start))) continue;
    const comp = table.findByName(span.text) ?? (room() ? table.create(span.text, 'tool', span.start) : undefined);
    if (comp !== undefined) mention(comp, span.start, span.end);
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, defComps };
}

const ASSISTANT_KEY = 'w:assistant';

/**
 * Creates an agent when no agent exists but the text gives an AI component capabilities (sending
 * email, running code, refunds…). A capability whose actor is a plain component ("the Chat API creates
 * a ticket") or that is about calling the model itself ("we call the OpenAI API") does not count.
 */
function promoteAgent(doc: ScannedDoc, table: ComponentTable, mentions: readonly Mention[], weak: readonly CueMatch[], hits: readonly PropertyHit[], room: boolean): void {
  if (!room || table.firstOf(['agent']) !== undefined) return;
  const assistants = weak.filter((w) => w.cue.key === ASSISTANT_KEY);
  for (const h of hits) {
    if (!h.cue.actor || h.cue.scenario !== 'agent') continue;
    const si = sentenceAt(doc.sentences, h.start);
    if (si < 0) continue;
    const s = doc.sentences[si]!;
    const inside = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    if (inside.some((m) => m.start < h.end && m.end > h.start && ['llm', 'embedding-model', 'ml-model'].includes(table.items[m.comp]!.kind))) continue;
    const prev = inside.filter((m) => m.end <= h.start).pop();
    const bot = assistants.filter((a) => a.start >= s.start && a.end <= h.start).pop();
    if (prev && !isAiActor(table.items[prev.comp]!.kind) && !(bot && bot.start > prev.start)) continue;
    if (!prev && !bot && !/\b(?:it|assistant|chat ?bot|bot|copilot|model|LLM|AI)\b/i.test(doc.masked.slice(s.start, h.start))) continue;
    const named = bot ?? assistants[0];
    table.create(named ? named.text : 'Agent', 'agent', named?.start ?? h.start, 'k:agent');
    return;
  }
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function addNameMentions(
  doc: ScannedDoc,
  table: ComponentTable,
  mentions: Mention[],
  mention: (comp: number, start: number, end: number) => void,
  covered: (s: number, e: number) => boolean,
): void {
  const heads = new Map<string, number[]>();
  table.items.forEach((c, i) => {
    const words = c.name.split(' ');
    const head = words[words.length - 1]!.toLowerCase();
    if (words.length >= 2 && HEAD_KINDS[head]) heads.set(head, [...(heads.get(head) ?? []), i]);
  });
  const found: Mention[] = [];
  table.items.forEach((c, i) => {
    const name = c.name.replace(/\s+/g, ' ').trim();
    if (name.length < 2) return;
    const re = new RegExp(`(?<![\\w-])${escapeRe(name).replace(/ /g, '\\s+')}s?(?![\\w-])`, 'gi');
    for (let m = re.exec(doc.masked); m; m = re.exec(doc.masked)) found.push({ start: m.index, end: m.index + m[0].length, comp: i });
  });
  for (const [head, comps] of heads) {
    if (comps.length !== 1) continue;
    const re = new RegExp(`(?<![\\w-])(?:the|a|an|our|this|that|its) (${escapeRe(head)})(?![\\w-])`, 'gi');
    for (let m = re.exec(doc.masked); m; m = re.exec(doc.masked)) {
      const s = m.index + m[0].length - m[1]!.length;
      found.push({ start: s, end: s + m[1]!.length, comp: comps[0]! });
    }
  }
  for (const f of resolveOverlaps(found)) {
    if (!covered(f.start, f.end) && !mentions.some((m) => m.start === f.start)) mention(f.comp, f.start, f.end);
  }
}

/** True when the kind is one whose component can itself take AI actions. */
export function isAiActor(kind: ComponentKind): boolean {
  return kind === 'agent' || kind === 'llm' || kind === 'tool' || kind === 'code-interpreter';
}

export { isSpecific };
