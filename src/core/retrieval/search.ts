import MiniSearch from 'minisearch';
import type { ComponentKind, LoadedPattern } from '../domain/index.js';
import { COMPONENT_KINDS } from '../domain/constants.js';

/** One search hit. */
export interface SearchHit {
  readonly pattern: LoadedPattern;
  readonly score: number;
}

/** BM25 (BM25+) search over the knowledge base with minisearch. */
export class PatternIndex {
  private readonly index: MiniSearch<LoadedPattern>;
  private readonly byId: Map<string, LoadedPattern>;

  constructor(patterns: readonly LoadedPattern[]) {
    this.byId = new Map(patterns.map((p) => [p.id, p]));
    this.index = new MiniSearch<LoadedPattern>({
      fields: ['title', 'summary', 'keywords', 'threatClass', 'kinds', 'body', 'idWords'],
      storeFields: [],
      extractField: (doc, field) => {
        if (field === 'keywords') return doc.keywords.join(' ');
        if (field === 'kinds') return doc.appliesTo.kinds.join(' ');
        if (field === 'idWords') return doc.id.replace(/-/g, ' ');
        if (field === 'threatClass') return doc.threatClass.replace(/-/g, ' ');
        return (doc as unknown as Record<string, string>)[field] ?? '';
      },
      searchOptions: {
        boost: { title: 3, keywords: 2.5, summary: 2, threatClass: 2, idWords: 2, kinds: 1, body: 1 },
        prefix: (term) => term.length > 3,
        fuzzy: (term) => (term.length > 5 ? 0.15 : false),
        combineWith: 'OR',
      },
    });
    this.index.addAll(patterns as LoadedPattern[]);
  }

  /** The `limit` best patterns for a free-text query, best first. */
  search(query: string, limit = 10): SearchHit[] {
    if (!query.trim()) return [];
    return this.index
      .search(query)
      .slice(0, limit)
      .map((r) => ({ pattern: this.byId.get(r.id as string)!, score: r.score }));
  }

  /** Patterns relevant to one component: BM25 over its name, kind description and properties. */
  forComponent(name: string, kind: ComponentKind, properties: readonly string[], limit = 8): SearchHit[] {
    const q = [name, kind.replace(/-/g, ' '), COMPONENT_KINDS[kind], properties.join(' ').replace(/-/g, ' ')].join(' ');
    return this.search(q, limit);
  }
}
