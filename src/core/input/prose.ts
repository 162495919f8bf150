import type { ComponentKind, ComponentProperty, DataFlow, SystemModel, TrustBoundary } from '../domain/system.js';
import { ComponentTable } from './componentTable.js';
import { isAiActor } from './agentPromotion.js';
import { MAX_COMPONENTS, discoverComponents, isMlDocument, type Mention } from './discover.js';
import { aliasKeys, findKindCues, identityKeys, inferKind } from './lexicon.js';
import { lineOf, scanMarkdown, sentenceAt, type ScannedDoc } from './markdown.js';
import { parseMermaid, type MermaidGraph, type NodeShape } from './mermaid.js';
import { findPropertyCues, type PropertyCue, type PropertyHit } from './propertyCues.js';
import { extractFlows, sentenceContexts, type FlowDraft, type SentenceContext } from './proseFlows.js';
import { applyScenarios, inferFlows, type ScenarioEvent } from './scenarios.js';
import { slugify, uniqueId } from './slug.js';

/** A system model extracted from prose or a diagram, before derivation, with what to tell the user. */
export interface Extracted {
  readonly system: SystemModel;
  readonly warnings: string[];
}

const MODEL_KINDS: readonly ComponentKind[] = ['llm', 'ml-model', 'embedding-model'];
const STORE_SHAPES: ReadonlySet<NodeShape> = new Set(['cylinder']);
const STORE_KINDS: readonly ComponentKind[] = ['database', 'storage', 'vector-store', 'feature-store', 'model-registry', 'agent-memory', 'training-data', 'monitoring', 'queue'];
const TOOL_WORDS: readonly (readonly [RegExp, ComponentProperty])[] = [
  [/send|e?mail|smtp|notify|message|reply|forward/i, 'sends-email'],
  [/exec|shell|terminal|bash|python|run_?code|run_?command|command|script/i, 'executes-code'],
  [/refund|pay|charge|transfer|purchase|place_?order|checkout|invoice|price|discount|credit_/i, 'financial-actions'],
  [/create|update|delete|write|edit|insert|post|apply|set_|add_|remove|modify|assign|close|ticket|block|cancel|freeze|lock|reset|change/i, 'writes-data'],
  [/brows|fetch_?url|web|scrape|crawl|url|search_?web|http/i, 'browses-web'],
];

/** Where the property cues of a sentence (or a diagram label) may land. */
interface CueSite {
  readonly comps: readonly number[];
  readonly def?: number;
  /** Mentions with offsets, for finding who acts and whether the cue is about a model's own API. */
  readonly mentions: readonly Mention[];
  readonly subject: readonly number[];
}

/** Components that should receive a property cue found at `hit` in `site`. */
function targetsFor(table: ComponentTable, cue: PropertyCue, site: CueSite, hit: PropertyHit): number[] {
  const kindOf = (i: number): ComponentKind => table.items[i]!.kind;
  const eligible = (i: number): boolean => cue.kinds.includes(kindOf(i));
  const fallback = (): number[] => {
    if (cue.fallback === 'none') return [];
    if (cue.fallback === 'all') return table.allOf(cue.fallbackKinds);
    for (const k of cue.fallbackKinds) {
      const found = table.allOf([k]);
      if (found.length) return cue.fallback === 'group' ? found : [table.firstOf([k])!];
    }
    return [];
  };
  // A cue inside a component's own name applies to it: `send_email` sends email.
  const overlapping = site.mentions.filter((m) => m.start < hit.end && m.end > hit.start).map((m) => m.comp);
  if (cue.actor && overlapping.some((c) => MODEL_KINDS.includes(kindOf(c)))) return [];
  const own = overlapping.filter(eligible);
  if (own.length) return own;
  if (cue.actor) {
    const actor = site.mentions.filter((m) => m.end <= hit.start).pop()?.comp ?? site.subject[0] ?? site.def;
    if (site.def !== undefined && eligible(site.def)) return [site.def];
    if (actor !== undefined && eligible(actor)) return [actor];
    if (actor !== undefined && !isAiActor(kindOf(actor))) return [];
    const inside = site.comps.filter(eligible);
    return inside.length ? inside : fallback();
  }
  const inside = site.def !== undefined && eligible(site.def) ? [site.def] : site.comps.filter(eligible);
  if (inside.length && !cue.also) return inside;
  return [...new Set([...inside, ...fallback()])];
}

/** Adds the nodes, edges and subgraphs of a Mermaid diagram; returns flows, boundaries and label sites. */
function addGraph(table: ComponentTable, g: MermaidGraph, offsetOf: (line: number) => number, mlDoc: boolean): { flows: FlowDraft[]; boundaries: { name: string; comps: number[] }[]; labels: { text: string; site: CueSite; line: number }[] } {
  const byId = new Map<string, number>();
  const labels: { text: string; site: CueSite; line: number }[] = [];
  for (const n of g.nodes) {
    const name = n.label || n.id;
    const guess = inferKind(name) ?? inferKind(n.id);
    let kind: ComponentKind = guess?.cue?.key === 'w:model' && mlDoc ? 'ml-model' : (guess?.kind ?? 'service');
    // A cylinder is a store: keep a store kind the label names ("Pinecone", "S3"), else a database.
    if (STORE_SHAPES.has(n.shape) && !STORE_KINDS.includes(kind)) kind = 'database';
    const keys = aliasKeys(name, kind);
    let comp = table.findByName(name) ?? identityKeys(name, kind).map((k) => table.find(k)).find((c) => c !== undefined && table.items[c]!.kind === kind);
    if (comp === undefined) {
      if (table.items.length >= MAX_COMPONENTS) continue;
      comp = table.create(name, kind, offsetOf(n.line));
    }
    // Brands and providers in the label say how it is hosted: "Llama 3 on Bedrock".
    for (const m of findKindCues(name)) {
      if (m.cue.kind === kind || (m.cue.strength === 'provider' && MODEL_KINDS.includes(kind))) for (const p of m.cue.props) table.items[comp]!.props.add(p);
    }
    for (const k of keys) table.addKey(comp, k);
    table.mention(comp, offsetOf(n.line), n.line);
    byId.set(n.id, comp);
    labels.push({ text: name, line: n.line, site: { comps: [comp], mentions: [], subject: [comp] } });
  }
  const flows: FlowDraft[] = [];
  for (const e of g.edges) {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (from === undefined || to === undefined) continue;
    const at = offsetOf(e.line);
    flows.push({ from, to, at, ...(e.label ? { label: e.label } : {}) });
    if (e.bidirectional) flows.push({ from: to, to: from, at, ...(e.label ? { label: e.label } : {}) });
    if (e.label) labels.push({ text: e.label, line: e.line, site: { comps: [from, to], mentions: [], subject: [from] } });
  }
  const boundaries = g.subgraphs.map((s) => ({
    name: s.title,
    comps: [...new Set(g.nodes.filter((n) => n.subgraphs.includes(s.id)).map((n) => byId.get(n.id)).filter((x): x is number => x !== undefined))],
  }));
  return { flows, boundaries, labels };
}

/**
 * Extracts a system model from Markdown or plain prose (with any ```mermaid flowcharts merged in):
 * components from explicit definitions, brands and category words; properties from cue phrases;
 * flows from sentences, diagrams and what cues imply, inferring a plausible chain when the text
 * gives none. `mermaidOnly` treats the whole text as one Mermaid flowchart (`.mmd` files).
 */
export function extractProse(text: string, fallbackName: string, opts: { mermaidOnly?: boolean } = {}): Extracted {
  const warnings: string[] = [];
  const doc: ScannedDoc = opts.mermaidOnly ? scanMarkdown('') : scanMarkdown(text);
  const table = new ComponentTable();
  const lineStarts = opts.mermaidOnly ? [0] : doc.lineStarts;
  const offsetOf = (line: number): number => lineStarts[line - 1] ?? line;
  const blocks = opts.mermaidOnly ? [{ code: text, line: 1 }] : doc.mermaid;
  const diagramFlows: FlowDraft[] = [];
  const boundaries: { name: string; comps: number[] }[] = [];
  const labelSites: { text: string; site: CueSite; line: number }[] = [];
  let ml: boolean | undefined;
  const mlDoc = (): boolean => (ml ??= isMlDocument(opts.mermaidOnly ? text : doc.masked));
  for (const b of blocks) {
    const g = parseMermaid(b.code, b.line);
    if (!g) {
      if (opts.mermaidOnly) warnings.push('the diagram is not a Mermaid flowchart ("flowchart" or "graph"); only flowcharts are read');
      continue;
    }
    warnings.push(...g.warnings);
    const added = addGraph(table, g, offsetOf, mlDoc());
    diagramFlows.push(...added.flows);
    boundaries.push(...added.boundaries);
    labelSites.push(...added.labels);
  }
  const name = doc.title?.trim() || fallbackName;
  const hits = findPropertyCues(doc.masked);
  const disc = discoverComponents(doc, table, name, hits);
  if (table.items.length >= MAX_COMPONENTS) warnings.push(`the document names more than ${MAX_COMPONENTS} components; only the first ${MAX_COMPONENTS} were kept. Split it into one document per system.`);
  const contexts = sentenceContexts(doc, disc.mentions, disc.defComps);
  const events = applyPropertyHits(doc, table, contexts, disc.defComps, hits);
  for (const l of labelSites) {
    for (const hit of findPropertyCues(l.text)) {
      const targets = targetsFor(table, hit.cue, l.site, hit);
      for (const t of targets) for (const p of hit.cue.props) table.items[t]!.props.add(p);
      if (hit.cue.scenario) events.push({ scenario: hit.cue.scenario, targets, at: offsetOf(l.line), line: l.line, text: l.text.slice(hit.start, hit.end) });
    }
  }
  applyDefaults(table);
  const implied = applyScenarios(table, events);
  const textFlows = [...diagramFlows, ...extractFlows(doc, table, contexts, disc.defComps)];
  const inferred = inferFlows(table, [...textFlows, ...implied]);
  warnings.push(...inferred.warnings);
  const flows = [...textFlows, ...implied, ...inferred.flows];
  markPublicEntryPoints(table, flows);
  if (!table.items.some((c) => MODEL_KINDS.includes(c.kind) || c.kind === 'agent')) {
    warnings.push('no AI model was recognised (LLM, ML model, embedding model or agent); AI-specific threats will not apply. Name the model, e.g. "GPT-4o via the OpenAI API" or "a fraud-scoring model".');
  }
  return { system: assemble(table, name, doc.description, flows, boundaries), warnings };
}

function applyPropertyHits(doc: ScannedDoc, table: ComponentTable, contexts: readonly SentenceContext[], defComps: ReadonlyMap<number, number>, hits: readonly PropertyHit[]): ScenarioEvent[] {
  const events: ScenarioEvent[] = [];
  for (const hit of hits) {
    const si = sentenceAt(doc.sentences, hit.start);
    if (si < 0) continue;
    const s = doc.sentences[si]!;
    if (hit.cue.requires && !hit.cue.requires.test(doc.masked.slice(s.start, s.end))) continue;
    const ctx = contexts[si]!;
    const def = s.def !== undefined ? defComps.get(s.def) : undefined;
    const site: CueSite = { comps: [...new Set([...ctx.subject, ...ctx.mentions.map((m) => m.comp)])], mentions: ctx.mentions, subject: ctx.subject, ...(def !== undefined ? { def } : {}) };
    const targets = targetsFor(table, hit.cue, site, hit);
    for (const t of targets) for (const p of hit.cue.props) table.items[t]!.props.add(p);
    if (hit.cue.scenario) events.push({ scenario: hit.cue.scenario, targets, at: hit.start, line: lineOf(doc.lineStarts, hit.start), text: doc.masked.slice(hit.start, hit.end) });
  }
  return events;
}

const EXTERNAL_USER = /customer|visitor|shopper|consumer|public|citizen|patient|subscriber|anonymous|guest|player|caller|applicant|counterpart|merchant|seller|buyer|end[- ]?user|travell?er|student|learner|lender/i;
const ENTRY_KINDS: readonly ComponentKind[] = ['frontend', 'service', 'agent', 'llm', 'email', 'ml-model'];

/** What outsiders (customers, visitors, callers…) reach directly is internet-facing. */
function markPublicEntryPoints(table: ComponentTable, flows: readonly FlowDraft[]): void {
  for (const [i, c] of table.items.entries()) {
    if (c.kind !== 'user' || !EXTERNAL_USER.test(c.name)) continue;
    const reached = flows.filter((f) => f.from === i && ENTRY_KINDS.includes(table.items[f.to]!.kind)).map((f) => f.to);
    const targets = reached.length ? reached : [table.firstOf(['frontend'])].filter((x): x is number => x !== undefined);
    for (const t of targets) table.items[t]!.props.add('internet-facing');
  }
}

/** Properties every component of a kind has: LLMs have a system prompt, tools act as their names say. */
function applyDefaults(table: ComponentTable): void {
  for (const c of table.items) {
    if (c.kind === 'llm') c.props.add('has-system-prompt');
    if (c.kind === 'ml-model' && !c.props.has('third-party-hosted')) c.props.add('self-hosted');
    if (c.kind === 'code-interpreter') c.props.add('executes-code');
    if (c.kind === 'agent-memory') c.props.add('persistent-memory');
    if (c.kind === 'tool') for (const [re, p] of TOOL_WORDS) if (re.test(c.name.replace(/[ -]/g, '_'))) c.props.add(p);
  }
}

function assemble(table: ComponentTable, name: string, description: string | undefined, drafts: readonly FlowDraft[], boundaries: readonly { name: string; comps: number[] }[]): SystemModel {
  const { components, ids } = table.build();
  const seen = new Set<string>();
  const dataFlows: DataFlow[] = [];
  for (const f of [...drafts].sort((a, b) => a.at - b.at)) {
    const key = `${f.from}>${f.to}`;
    if (f.from === f.to || seen.has(key)) continue;
    seen.add(key);
    dataFlows.push({ id: `f${dataFlows.length + 1}`, from: ids[f.from]!, to: ids[f.to]!, ...(f.label ? { label: f.label } : {}), crossesBoundary: false });
  }
  const taken = new Set<string>();
  const trustBoundaries: TrustBoundary[] = boundaries.map((b) => ({
    id: uniqueId(slugify(b.name, 'boundary'), taken),
    name: b.name.slice(0, 200),
    components: b.comps.map((c) => ids[c]!),
  }));
  return {
    name: name.slice(0, 200),
    ...(description ? { description } : {}),
    components,
    dataFlows,
    trustBoundaries,
    aiAssets: [],
    assumptions: [],
  };
}
