import { COMPONENT_PROPERTIES } from '../domain/constants.js';
import type { Component, ComponentKind, ComponentProperty } from '../domain/system.js';
import { slugify, uniqueId } from './slug.js';

/** A component being extracted: merged from every mention of it. */
export interface DraftComponent {
  name: string;
  kind: ComponentKind;
  readonly props: Set<ComponentProperty>;
  readonly lines: Set<number>;
  /** Merge keys: normalised name (`n:`), brand (`b:`), category (`k:`), role (`u:`) or wording. */
  readonly keys: Set<string>;
  /** Offset of the first mention, for ordering components as the document introduces them. */
  first: number;
  readonly seq: number;
}

const PROPERTY_ORDER = Object.keys(COMPONENT_PROPERTIES) as ComponentProperty[];

/** Normalises a name for comparison: lowercase, no articles, no punctuation, singular-ish. */
export function normName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[`*_"'“”‘’()[\]]/g, ' ')
    .replace(/^\s*(?:the|a|an|our|their|its|each|every|all)\s+/, '')
    .replace(/[^a-z0-9.+&/]+/g, ' ')
    .trim()
    .replace(/(?<=[a-z]{2})ies$/, 'y')
    .replace(/(?<=[a-z]{3}(?:ss|x|ch|sh))es$/, '')
    .replace(/(?<=[a-z]{2}[^s\W])s$/, '');
}

/** Properties in their canonical (schema) order, so output never depends on discovery order. */
export function orderedProps(props: Iterable<ComponentProperty>): ComponentProperty[] {
  const set = new Set(props);
  return PROPERTY_ORDER.filter((p) => set.has(p));
}

/** Components found so far, with lookups by key, name and kind. */
export class ComponentTable {
  readonly items: DraftComponent[] = [];
  private readonly byKey = new Map<string, number>();

  /** Index of the component with this merge key. */
  find(key: string): number | undefined {
    return this.byKey.get(key);
  }

  /** Index of the component whose normalised name equals `name`'s. */
  findByName(name: string): number | undefined {
    return this.byKey.get(`n:${normName(name)}`);
  }

  /** Index of the earliest-mentioned component of the first of `kinds` that has one. */
  firstOf(kinds: readonly ComponentKind[]): number | undefined {
    for (const kind of kinds) {
      let best: number | undefined;
      this.items.forEach((c, i) => {
        if (c.kind === kind && (best === undefined || c.first < this.items[best]!.first)) best = i;
      });
      if (best !== undefined) return best;
    }
    return undefined;
  }

  /** Indexes of every component of the given kinds, in document order. */
  allOf(kinds: readonly ComponentKind[]): number[] {
    return this.ordered().filter((i) => kinds.includes(this.items[i]!.kind));
  }

  /** Index of a component of `kind` whose name contains `words` (or is contained in them). */
  findContaining(kind: ComponentKind, words: string): number | undefined {
    const w = normName(words);
    if (w.length < 3) return undefined;
    const within = (outer: string, inner: string): boolean => ` ${outer} `.includes(` ${inner} `);
    const i = this.items.findIndex((c) => {
      const n = normName(c.name);
      return c.kind === kind && n.length >= 3 && (within(n, w) || within(w, n));
    });
    return i >= 0 ? i : undefined;
  }

  /** Creates a component; returns its index. */
  create(name: string, kind: ComponentKind, first: number, key?: string): number {
    const i = this.items.length;
    this.items.push({ name: cleanName(name), kind, props: new Set(), lines: new Set(), keys: new Set(), first, seq: i });
    this.addKey(i, `n:${normName(name)}`);
    if (key) this.addKey(i, key);
    return i;
  }

  /** Adds a merge key to a component (the first component to claim a key keeps it). */
  addKey(i: number, key: string): void {
    if (!this.byKey.has(key)) this.byKey.set(key, i);
    this.items[i]!.keys.add(key);
  }

  /** Records a mention of component `i` at `offset` on `line`. */
  mention(i: number, offset: number, line: number): void {
    const c = this.items[i]!;
    if (offset < c.first) c.first = offset;
    c.lines.add(line);
  }

  /** Component indexes in document order (first mention, then creation order). */
  ordered(): number[] {
    return this.items.map((_, i) => i).sort((a, b) => this.items[a]!.first - this.items[b]!.first || a - b);
  }

  /** Final components in document order, with unique slug ids; also returns index → id. */
  build(): { components: Component[]; ids: string[] } {
    const taken = new Set<string>();
    const ids: string[] = new Array<string>(this.items.length);
    const components: Component[] = this.ordered().map((i) => {
      const c = this.items[i]!;
      const id = uniqueId(slugify(c.name, c.kind), taken);
      ids[i] = id;
      return {
        id,
        name: c.name,
        kind: c.kind,
        properties: orderedProps(c.props),
        lines: [...c.lines].sort((a, b) => a - b),
      };
    });
    return { components, ids };
  }
}

/** Tidies a name taken from text: trims punctuation, collapses spaces, capitalises the first letter. */
export function cleanName(raw: string): string {
  let name = raw.replace(/\s+/g, ' ').replace(/^[\s"'“‘(:—–-]+|[\s"'”’):,.;—–-]+$/g, '').replace(/^(?:the|a|an|our|their|its)\s+/i, '');
  if (name.length > 120) name = `${name.slice(0, 119)}…`;
  if (/^[a-z]/.test(name) && !/[_()]/.test(name) && !/^[a-z]+[A-Z]/.test(name) && !/^(?:vllm|pgvector|wandb|watsonx|n8n|llama\.cpp|gpt|text-embedding|mturk)/i.test(name)) {
    name = name[0]!.toUpperCase() + name.slice(1);
  }
  return name || raw.trim() || 'Component';
}
