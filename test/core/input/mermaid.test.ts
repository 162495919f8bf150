import { describe, expect, it } from 'vitest';
import { cleanLabel, parseMermaid, type MermaidGraph } from '../../../src/core/input/mermaid.js';
import { parseArchitecture } from '../../../src/core/input/parseArchitecture.js';

const graph = (body: string): MermaidGraph => {
  const g = parseMermaid(`flowchart LR\n${body}`);
  expect(g).toBeDefined();
  return g!;
};
const node = (g: MermaidGraph, id: string) => g.nodes.find((n) => n.id === id);
const edges = (g: MermaidGraph): string[] => g.edges.map((e) => `${e.from}>${e.to}${e.label ? `:${e.label}` : ''}${e.bidirectional ? ':both' : ''}`);

describe('parseMermaid: headers', () => {
  it.each(['flowchart TD', 'flowchart LR', 'graph TB', 'graph RL', 'graph BT', 'flowchart'])('reads "%s"', (header) => {
    expect(parseMermaid(`${header}\n  A --> B`)?.edges).toHaveLength(1);
  });
  it('returns undefined for other diagram types', () => {
    expect(parseMermaid('sequenceDiagram\n  A->>B: hi')).toBeUndefined();
  });
  it('skips front matter and init directives', () => {
    expect(parseMermaid('---\ntitle: x\n---\n%%{init: {"theme": "dark"}}%%\nflowchart LR\n  A --> B')?.edges).toHaveLength(1);
  });
});

describe('parseMermaid: node shapes', () => {
  const g = graph([
    'A',
    'B[Rectangle]',
    'C(Rounded)',
    'D([Stadium])',
    'E[(Cylinder)]',
    'F{{Hexagon}}',
    'G>Asymmetric]',
    'H((Circle))',
    'I{Diamond}',
    'J[[Subroutine]]',
    'K["Quoted [with] brackets"]',
    'L@{ shape: cyl, label: "New syntax" }',
    'M[Styled]:::hot',
  ].join('\n'));
  it.each([
    ['A', 'plain', ''], ['B', 'rect', 'Rectangle'], ['C', 'round', 'Rounded'], ['D', 'stadium', 'Stadium'],
    ['E', 'cylinder', 'Cylinder'], ['F', 'hexagon', 'Hexagon'], ['G', 'asymmetric', 'Asymmetric'], ['H', 'circle', 'Circle'],
    ['I', 'diamond', 'Diamond'], ['J', 'subroutine', 'Subroutine'], ['K', 'rect', 'Quoted [with] brackets'],
    ['L', 'cylinder', 'New syntax'], ['M', 'rect', 'Styled'],
  ])('%s is a %s labelled "%s"', (id, shape, label) => {
    expect(node(g, id)).toMatchObject({ shape, label });
  });
  it('cleans labels: <br>, entities, quotes and Markdown strings', () => {
    expect(cleanLabel('"`**Chat** API`"')).toBe('Chat API');
    expect(cleanLabel('Vector<br/>store &amp; index')).toBe('Vector store & index');
  });
});

describe('parseMermaid: edges', () => {
  it.each([
    ['A --> B', 'A>B'],
    ['A --- B', 'A>B'],
    ['A -.-> B', 'A>B'],
    ['A ==> B', 'A>B'],
    ['A -- sends prompt --> B', 'A>B:sends prompt'],
    ['A -->|sends prompt| B', 'A>B:sends prompt'],
    ['A -. retries .-> B', 'A>B:retries'],
    ['A == hot path ==> B', 'A>B:hot path'],
    ['A <--> B', 'A>B:both'],
    ['A-->B', 'A>B'],
    ['vector-db --> llm', 'vector-db>llm'],
  ])('%s', (src, expected) => {
    expect(edges(graph(src))).toEqual([expected]);
  });
  it('ignores invisible links', () => {
    expect(graph('A ~~~ B').edges).toEqual([]);
  });
  it('reads chains', () => {
    expect(edges(graph('A --> B --> C -->|x| D'))).toEqual(['A>B', 'B>C', 'C>D:x']);
  });
  it('reads & groups as every pair', () => {
    expect(edges(graph('A & B --> C & D'))).toEqual(['A>C', 'A>D', 'B>C', 'B>D']);
  });
  it('reads statements separated by semicolons', () => {
    expect(edges(graph('A --> B; B --> C'))).toEqual(['A>B', 'B>C']);
  });
  it('warns about lines it cannot read instead of failing', () => {
    const g = graph('A --> B\nA -->');
    expect(g.edges).toHaveLength(1);
    expect(g.warnings[0]).toMatch(/line 3 was not understood/);
  });
});

describe('parseMermaid: comments and styling', () => {
  const g = graph([
    '%% A --> Z is a comment',
    'A --> B %% trailing comment',
    'classDef hot fill:#f00',
    'class A hot',
    'style B fill:#0f0',
    'click A "https://example.com"',
    'linkStyle 0 stroke:red',
  ].join('\n'));
  it('ignores %% comments, including trailing ones', () => {
    expect(g.nodes.map((n) => n.id)).toEqual(['A', 'B']);
  });
  it('ignores classDef, class, style, click and linkStyle', () => {
    expect(edges(g)).toEqual(['A>B']);
    expect(g.warnings).toEqual([]);
  });
});

describe('parseMermaid: subgraphs', () => {
  const g = graph([
    'U[User] --> W',
    'subgraph cloud [Production VPC]',
    '  W[Web app] --> API',
    '  subgraph data ["Data zone"]',
    '    DB[(Postgres)]',
    '  end',
    'end',
    'subgraph Vendor APIs',
    '  LLM[OpenAI API]',
    'end',
    'API --> DB',
    'API --> LLM',
  ].join('\n'));
  it('records subgraphs with ids and titles', () => {
    expect(g.subgraphs.map((s) => [s.id, s.title])).toEqual([['cloud', 'Production VPC'], ['data', 'Data zone'], ['Vendor APIs', 'Vendor APIs']]);
  });
  it('puts a node in the subgraph it is first mentioned in, nested ones in both', () => {
    expect(node(g, 'W')?.subgraphs).toEqual(['cloud']);
    expect(node(g, 'DB')?.subgraphs).toEqual(['cloud', 'data']);
    expect(node(g, 'LLM')?.subgraphs).toEqual(['Vendor APIs']);
    expect(node(g, 'U')?.subgraphs).toEqual([]);
  });
  it('records document line numbers', () => {
    expect(parseMermaid('flowchart LR\n  A --> B', 10)?.nodes[0]?.line).toBe(11);
  });
});

describe('Mermaid files (.mmd) as system models', () => {
  const mmd = [
    'flowchart LR',
    '  user((Customer)) -->|question| ui[Chat widget]',
    '  subgraph vpc [Our VPC]',
    '    ui --> api[Chat API]',
    '    api -->|similarity search| vdb[(Embeddings index)]',
    '    api --> db[(Orders)]',
    '  end',
    '  api -->|prompt| llm[GPT-4o]',
    '  llm -.->|answer| api',
  ].join('\n');
  const { system, format } = parseArchitecture(mmd, { source: 'arch.mmd' });
  const byName = (n: string) => system.components.find((c) => c.name === n)!;

  it('is read as the markdown format', () => expect(format).toBe('markdown'));
  it('names the system after the file', () => expect(system.name).toBe('arch'));
  it('infers kinds from labels', () => {
    expect(byName('Customer').kind).toBe('user');
    expect(byName('Chat widget').kind).toBe('frontend');
    expect(byName('Chat API').kind).toBe('service');
    expect(byName('GPT-4o').kind).toBe('llm');
  });
  it('treats a cylinder as a database, or a vector store when the label says so', () => {
    expect(byName('Orders').kind).toBe('database');
    expect(byName('Embeddings index').kind).toBe('vector-store');
  });
  it('turns edges into labelled flows', () => {
    const f = system.dataFlows.find((x) => x.from === 'chat-api' && x.to === 'gpt-4o');
    expect(f?.label).toBe('prompt');
  });
  it('turns subgraphs into trust boundaries and marks crossings', () => {
    expect(system.trustBoundaries).toEqual([{ id: 'our-vpc', name: 'Our VPC', components: ['chat-widget', 'chat-api', 'embeddings-index', 'orders'] }]);
    expect(system.dataFlows.find((x) => x.from === 'chat-api' && x.to === 'gpt-4o')?.crossesBoundary).toBe(true);
    expect(system.dataFlows.find((x) => x.from === 'chat-widget' && x.to === 'chat-api')?.crossesBoundary).toBe(false);
  });
  it('derives properties from the diagram: the model gets user input and retrieval', () => {
    expect(byName('GPT-4o').properties).toEqual(expect.arrayContaining(['accepts-user-input']));
  });
  it('applies what brands in a label say about hosting', () => {
    const r = parseArchitecture('flowchart LR\n  A[Llama 3 on Bedrock] --> B[Mistral 7B on Ollama]', { source: 'x.mmd' });
    expect(r.system.components[0]!.properties).toEqual(expect.arrayContaining(['third-party-hosted', 'pay-per-use']));
    expect(r.system.components[1]!.properties).toContain('self-hosted');
  });
  it('reads a pasted flowchart without the .mmd extension', () => {
    const r = parseArchitecture('graph TD\n  A[Web app] --> B[Claude]', { source: '-' });
    expect(r.system.components.map((c) => c.kind)).toEqual(['frontend', 'llm']);
  });
});
