import type { ComponentKind, ComponentProperty } from '../domain/system.js';
import { ComponentTable, cleanName, normName } from './componentTable.js';
import { aliasKeys, cueKey, findKindCues, identityKeys, inferKind, isGenericName, isSpecific, resolveOverlaps, type CueMatch } from './lexicon.js';
import { isPhrase, descHeadSpan, parentheticalName, phraseCandidates, type Candidate } from './phrases.js';
import { promoteAgent } from './agentPromotion.js';
import { addNameMentions, nearestModel } from './nameMentions.js';
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
const TOOL_PARENT = /\b(?:tools?|plugins?|functions?|actions?|capabilities|skills)\b/i;

const IDENTIFIER = /^[A-Za-z_][\w.]*(?:\(\))?$/;
const TOOLISH = /\b(?:tools?|functions?|calls?|invokes?|plugins?)\b/i;
const ML_CONTEXT = /\b(?:predict\w*|classif\w*|regression|features?|fraud|churn|forecast\w*|recommend\w*|anomal\w*)\b/i;
const NEGATED = /\b(?:no|without|not|never|lacks?|lacking)\s+(?:[\w-]+\s+){0,2}$/i;
const MODEL_KINDS: readonly ComponentKind[] = ['llm', 'embedding-model', 'ml-model'];
const HUMAN_AGENT = /\b(?:human|support|service|sales|live|call[- ]cent(?:er|re)|help[- ]?desk)\s+agents?\b|\bagents?\s+(?:reply|replies|console|desk|team|queue)\b/i;

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
  // owner[i] = component index + 1 of the mention covering offset i (0: none); keeps look-ups linear.
  const owner = new Int32Array(masked.length + 1);
  const mention = (comp: number, start: number, end: number): void => {
    mentions.push({ start, end, comp });
    owner.fill(comp + 1, start, end);
    table.mention(comp, start, lineOf(lineStarts, start));
  };
  const room = (): boolean => table.items.length < MAX_COMPONENTS;

  const kindCues = findKindCues(masked);
  const mlDoc = isMlDocument(masked, kindCues);
  // 1. Definitions. Providers ("**vLLM** serves the model") wait until the models they serve are known.
  const heads: [number, number, number][] = [];
  const providerDefs: [DefCandidate, number][] = [];
  const reserved: [number, number][] = [];
  const defined = new Set<number>();
  doc.defs.forEach((d: DefCandidate, di) => {
    const words = d.name.split(/\s+/).length;
    if (!d.name || d.label || words > 4 || d.name.length > 60 || NON_COMPONENT_HEADS.test(d.name.replace(/[:.\s]+$/, ''))) return;
    // Section titles that join things ("Source control and CI/CD") are not one component.
    if (d.form === 'heading' && (words > 3 || /\s(?:and|&|or)\s|,/.test(d.name))) return;
    if (inTitle(d.start) || (d.form !== 'code' && d.form !== 'item' && title.includes(d.name.toLowerCase()))) return;
    let kind: ComponentKind | undefined;
    let key: string | undefined;
    const g = d.form === 'code' ? undefined : inferKind(d.name, d.desc);
    if (d.form === 'code') {
      if (IDENTIFIER.test(d.name) && /_|\(\)|[a-z][A-Z]/.test(d.name)) kind = 'tool';
    } else if (((d.parent && TOOL_PARENT.test(d.parent)) || (d.section && TOOL_PARENT.test(d.section) && d.form !== 'heading')) && (!g || g.score < 3.5 || !g.fromName)) {
      kind = 'tool';
    } else if (g && g.score >= (d.form === 'heading' ? 2.5 : 1)) {
      kind = g.cue?.key === 'w:model' && mlDoc ? 'ml-model' : g.kind;
      if (g.fromName && g.match && (g.cue!.strength === 'brand' || g.cue!.strength === 'user' || g.cue!.strength === 'strong')) key = cueKey(g.match);
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
    const identifying = identityKeys(d.name, kind);
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
    if (d.form !== 'heading') defined.add(comp);
    mention(comp, d.start, d.end);
    return comp;
  }

  const covered = (s: number, e: number): boolean => {
    for (let i = s; i < e; i++) if (owner[i]) return true;
    return false;
  };
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

  // 2. Cue and phrase matches, longest first; weak ones wait until names are known.
  const cues: Candidate[] = resolveOverlaps<Candidate>([...kindCues, ...phraseCandidates(doc)]).filter(
    (c) => !inTitle(c.start) && !reserved.some(([s, e]) => c.start < e && c.end > s),
  );

  const weak: CueMatch[] = [];
  const providers: { start: number; end: number; key: string; props: readonly ComponentProperty[]; text: string }[] = [];
  for (const c of cues) {
    if (covered(c.start, c.end)) {
      // A cue inside a definition's name is an alias of it ("Pinecone" in "Pinecone index").
      const host = owner[c.start]! - 1;
      if (host >= 0 && owner[c.end - 1] === host + 1 && !isPhrase(c)) {
        const hostKind = table.items[host]!.kind;
        if (c.cue.kind === hostKind) table.addKey(host, c.cue.key);
        // "**Claude via Bedrock**": the brands inside a name say how it is hosted.
        if (c.cue.kind === hostKind || (c.cue.strength === 'provider' && MODEL_KINDS.includes(hostKind))) for (const p of c.cue.props) table.items[host]!.props.add(p);
      }
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
    // "RAG chatbot", "Pip model": named only by a generic head, so it refers back like "the model" does.
    if (isPhrase(c) && guess!.cue?.strength === 'weak') {
      weak.push({ ...guess!.match!, start: c.start, end: c.end, text: c.text });
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
    const key = isPhrase(c) ? (cue && cue.strength !== 'named' && cue.strength !== 'user' && cue.strength !== 'weak' ? cue.key : undefined) : cueKey(c);
    const def = defOf(c.start);
    let comp = head ?? (isPhrase(c) ? table.findByName(c.text) : undefined) ?? (key ? table.find(key) : undefined);
    if (comp === undefined && named && !isPhrase(c)) comp = table.findContaining(kind, c.text);
    if (comp === undefined && def !== undefined && kind !== 'user' && table.items[def]!.kind === kind) comp = def;
    if (comp === undefined && !isPhrase(c) && c.cue.strength === 'strong') comp = table.firstOf([kind]);
    if (comp === undefined) {
      // "We have no dashboard for …" names something that does not exist.
      if (!room() || NEGATED.test(masked.slice(Math.max(0, c.start - 40), c.start))) continue;
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
    const near = nearestModel(owner, s.start, s.end, c.start, (comp) => MODEL_KINDS.includes(table.items[comp]!.kind));
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
  addNameMentions(doc, table, mention, (s, e) => covered(s, e) || inTitle(s));

  // 5. Text that gives a model the power to act ("the bot can issue refunds") implies an agent.
  mentions.sort((a, b) => a.start - b.start);
  promoteAgent(doc, table, mentions, weak, hits, room(), defComps);

  // 6. Generic words refer back to what exists.
  for (const c of weak) {
    if (covered(c.start, c.end) || title.includes(c.text.toLowerCase())) continue;
    let comp: number | undefined;
    if (c.cue.strength === 'agent') {
      // "agent" is a person in a support desk and an AI agent elsewhere.
      comp = table.firstOf(['agent']) ?? table.find('u:support-agent');
      if (comp === undefined && !HUMAN_AGENT.test(masked) && room()) comp = table.create('Agent', 'agent', c.start, 'k:agent');
    } else {
      comp = table.firstOf(c.cue.refers);
      if (comp === undefined && c.cue.create && room() && !NEGATED.test(masked.slice(Math.max(0, c.start - 40), c.start))) {
        const kind = c.cue.key === 'w:model' && mlDoc ? 'ml-model' : c.cue.kind;
        comp = table.create(c.text, kind, c.start);
      }
    }
    if (comp !== undefined) mention(comp, c.start, c.end);
  }

  // 7. Code identifiers named as tools ("calls `lookup_customer`").
  for (const span of doc.codeSpans) {
    if (covered(span.start, span.end) || !IDENTIFIER.test(span.text) || !/_|\(\)|[a-z][A-Z]/.test(span.text)) continue;
    const host = defOf(span.start);
    if (!TOOLISH.test(sentenceText(span.start)) && !(host !== undefined && table.items[host]!.kind === 'tool')) continue;
    const comp = table.findByName(span.text) ?? (room() ? table.create(span.text, 'tool', span.start) : undefined);
    if (comp !== undefined) mention(comp, span.start, span.end);
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, defComps };
}

/**
 * True for a document about predictive models (fraud, churn, recommendations…) that names no LLM: there
 * a bare "model" ("Ranking model") is an ML model, not an LLM.
 */
export function isMlDocument(text: string, cues: readonly CueMatch[] = findKindCues(text)): boolean {
  return ML_CONTEXT.test(text) && !cues.some((m) => (m.cue.kind === 'llm' || m.cue.kind === 'agent') && m.cue.strength !== 'weak' && m.cue.strength !== 'agent');
}

