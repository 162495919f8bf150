/** Shapes of Mermaid flowchart nodes; the shape is a hint to the node's kind (cylinder = a store). */
export type NodeShape = 'plain' | 'rect' | 'round' | 'stadium' | 'cylinder' | 'subroutine' | 'circle' | 'hexagon' | 'asymmetric' | 'diamond' | 'parallelogram';

/** A node of a Mermaid flowchart. */
export interface MermaidNode {
  readonly id: string;
  label: string;
  shape: NodeShape;
  /** 1-based line (in the whole document) where the node first appears. */
  readonly line: number;
  /** Ids of the subgraphs containing it, outermost first. */
  subgraphs: string[];
}

/** An edge (link) of a Mermaid flowchart. */
export interface MermaidEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly line: number;
  /** `<-->`: data moves both ways. */
  readonly bidirectional: boolean;
}

/** A subgraph: becomes a trust boundary. */
export interface MermaidSubgraph {
  readonly id: string;
  readonly title: string;
  readonly line: number;
}

/** A parsed flowchart. */
export interface MermaidGraph {
  readonly nodes: MermaidNode[];
  readonly edges: MermaidEdge[];
  readonly subgraphs: MermaidSubgraph[];
  readonly warnings: string[];
}

const HEADER = /^(?:flowchart|graph)(?:\s+(?:TB|TD|BT|RL|LR))?\s*$/i;
const IGNORED = /^(?:classDef|class|style|click|linkStyle|direction|accTitle|accDescr|%%)\b/;
const NODE_ID = /[A-Za-z0-9_\u00C0-\uFFFF][\w\u00C0-\uFFFF]*(?:-[\w\u00C0-\uFFFF]+)*/y;
const SHAPES: readonly (readonly [string, string, NodeShape])[] = [
  ['(((', ')))', 'circle'], ['([', '])', 'stadium'], ['[(', ')]', 'cylinder'], ['[[', ']]', 'subroutine'],
  ['((', '))', 'circle'], ['{{', '}}', 'hexagon'], ['[/', '/]', 'parallelogram'], ['[/', '\\]', 'parallelogram'],
  ['[\\', '\\]', 'parallelogram'], ['[\\', '/]', 'parallelogram'], ['>', ']', 'asymmetric'], ['[', ']', 'rect'],
  ['(', ')', 'round'], ['{', '}', 'diamond'],
];
const NEW_SHAPES: Readonly<Record<string, NodeShape>> = { cyl: 'cylinder', 'lin-cyl': 'cylinder', das: 'cylinder', db: 'cylinder', database: 'cylinder', circle: 'circle', stadium: 'stadium', hex: 'hexagon', diam: 'diamond', rounded: 'round', rect: 'rect' };
const LINK_TEXT = /(<)?(--|==|-\.)(?![->.=])\s*(.*?)\s*(-{2,}>|={2,}>|\.-+>|-{3,}|={3,}|\.-+(?!>)|-{2,}[ox](?![\w]))/y;
const LINK = /(<)?(-{2,}>|={2,}>|-\.+->|-{3,}|={3,}|-\.+-|-{2,}[ox](?![\w])|~~~)/y;
const PIPE = /\s*\|([^|]*)\|/y;

/** Cleans a label: `<br>` and tags out, entities decoded, Markdown-string quotes and icons removed. */
export function cleanLabel(raw: string): string {
  return raw
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;|#quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/fa[bsr]?:fa-[\w-]+/g, '')
    .replace(/^["'`]+|["'`]+$/g, '')
    .replace(/[`*_]{1,2}(?=\S)([^`*]*?\S)[`*_]{1,2}/g, '$1')
    .replace(/\\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a line into statements at `;` outside quotes and brackets. */
function statements(line: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') quote = !quote;
    else if (!quote && '[({'.includes(c)) depth++;
    else if (!quote && '])}'.includes(c)) depth = Math.max(0, depth - 1);
    else if (!quote && depth === 0 && c === ';') {
      out.push(line.slice(from, i));
      from = i + 1;
    }
  }
  out.push(line.slice(from));
  return out.map((s) => s.trim()).filter(Boolean);
}

/** Removes a `%%` comment that is not inside quotes. */
function stripComment(line: string): string {
  let quote = false;
  for (let i = 0; i < line.length - 1; i++) {
    if (line[i] === '"') quote = !quote;
    else if (!quote && line[i] === '%' && line[i + 1] === '%') return line.slice(0, i);
  }
  return line;
}

/**
 * Parses a Mermaid `flowchart`/`graph` (any direction): nodes in every shape, quoted labels, edges
 * (`-->`, `---`, `-.->`, `==>`, `--text-->`, `-->|text|`, `<-->`), chains, `&` groups, nested
 * `subgraph … end`. Comments and styling statements are ignored. Returns undefined when the code is
 * not a flowchart. `firstLine` is the document line of the code's first line.
 */
export function parseMermaid(code: string, firstLine = 1): MermaidGraph | undefined {
  const nodes = new Map<string, MermaidNode>();
  const edges: MermaidEdge[] = [];
  const subgraphs: MermaidSubgraph[] = [];
  const warnings: string[] = [];
  const stack: string[] = [];
  const inSubgraph = new Set<string>();
  let seenHeader = false;
  let frontMatter = false;
  const lines = code.split('\n');
  for (let li = 0; li < lines.length; li++) {
    const lineNo = firstLine + li;
    if (!seenHeader && lines[li]!.trim() === '---') {
      frontMatter = !frontMatter;
      continue;
    }
    if (frontMatter) continue;
    for (const st of statements(stripComment(lines[li]!))) {
      if (!seenHeader) {
        if (!HEADER.test(st)) return undefined;
        seenHeader = true;
        continue;
      }
      if (IGNORED.test(st)) continue;
      const sub = /^subgraph\b\s*(.*)$/.exec(st);
      if (sub) {
        const { id, title } = subgraphHeader(sub[1]!, subgraphs.length);
        subgraphs.push({ id, title, line: lineNo });
        stack.push(id);
        continue;
      }
      if (st === 'end') {
        stack.pop();
        continue;
      }
      const ok = parseStatement(st, lineNo, (id, label, shape) => {
        let n = nodes.get(id);
        if (!n) {
          n = { id, label: '', shape: 'plain', line: lineNo, subgraphs: [] };
          nodes.set(id, n);
        }
        if (label && !n.label) n.label = label;
        if (shape !== 'plain' && n.shape === 'plain') n.shape = shape;
        if (stack.length && !inSubgraph.has(id)) {
          n.subgraphs = [...stack];
          inSubgraph.add(id);
        }
      }, (e) => edges.push(e));
      if (!ok) warnings.push(`Mermaid line ${lineNo} was not understood and was skipped: "${st.slice(0, 60)}"`);
    }
  }
  if (!seenHeader) return undefined;
  // Edges that point at a subgraph (not a node) are dropped: they say nothing about one component.
  const subIds = new Set(subgraphs.map((s) => s.id));
  for (const id of subIds) {
    const n = nodes.get(id);
    if (n && !n.label) nodes.delete(id);
  }
  const kept = edges.filter((e) => nodes.has(e.from) && nodes.has(e.to));
  return { nodes: [...nodes.values()], edges: kept, subgraphs, warnings };
}

function subgraphHeader(rest: string, n: number): { id: string; title: string } {
  const withTitle = /^([^\s["]+)\s*\[\s*(.*?)\s*\]\s*$/.exec(rest);
  if (withTitle) return { id: withTitle[1]!, title: cleanLabel(withTitle[2]!) || withTitle[1]! };
  const quoted = /^"(.*)"$/.exec(rest.trim());
  const title = cleanLabel(quoted ? quoted[1]! : rest) || `Subgraph ${n + 1}`;
  return { id: quoted || /\s/.test(rest.trim()) ? title : rest.trim(), title };
}

type NodeSink = (id: string, label: string, shape: NodeShape) => void;

/** Parses `A[x] & B --> C -.->|y| D`; returns false when the statement is not understood. */
function parseStatement(st: string, line: number, node: NodeSink, edge: (e: MermaidEdge) => void): boolean {
  let pos = 0;
  const skip = (): void => {
    while (pos < st.length && /\s/.test(st[pos]!)) pos++;
  };
  const group = (): string[] | undefined => {
    const ids: string[] = [];
    for (;;) {
      skip();
      const n = parseNode(st, pos);
      if (!n) return ids.length ? ids : undefined;
      pos = n.end;
      node(n.id, n.label, n.shape);
      ids.push(n.id);
      skip();
      if (st[pos] !== '&') return ids;
      pos++;
    }
  };
  let left = group();
  if (!left) return false;
  for (;;) {
    skip();
    if (pos >= st.length) return true;
    const link = parseLink(st, pos);
    if (!link) return false;
    pos = link.end;
    const right = group();
    if (!right) return false;
    if (!link.invisible) {
      for (const from of left) for (const to of right) edge({ from, to, ...(link.label ? { label: link.label } : {}), line, bidirectional: link.both });
    }
    left = right;
  }
}

function parseNode(st: string, at: number): { id: string; label: string; shape: NodeShape; end: number } | undefined {
  NODE_ID.lastIndex = at;
  const m = NODE_ID.exec(st);
  if (!m) return undefined;
  let pos = at + m[0].length;
  let label = '';
  let shape: NodeShape = 'plain';
  const rest = st.slice(pos);
  const modern = /^@\{([^}]*)\}/.exec(rest);
  if (modern) {
    const shapeName = /shape\s*:\s*([\w-]+)/.exec(modern[1]!)?.[1];
    const labelText = /label\s*:\s*"([^"]*)"/.exec(modern[1]!)?.[1];
    shape = (shapeName && NEW_SHAPES[shapeName]) || 'rect';
    label = cleanLabel(labelText ?? '');
    pos += modern[0].length;
  } else {
    for (const [open, close, kind] of SHAPES) {
      if (!rest.startsWith(open)) continue;
      let body = pos + open.length;
      let text: string;
      if (st[body] === '"') {
        const q = st.indexOf('"', body + 1);
        if (q < 0) continue;
        text = st.slice(body + 1, q);
        body = q + 1;
        const c = st.indexOf(close, body);
        if (c < 0) continue;
        pos = c + close.length;
      } else {
        const c = st.indexOf(close, body);
        if (c < 0) continue;
        text = st.slice(body, c);
        pos = c + close.length;
      }
      label = cleanLabel(text);
      shape = kind;
      break;
    }
  }
  const cls = /^:::[\w-]+/.exec(st.slice(pos));
  if (cls) pos += cls[0].length;
  return { id: m[0], label, shape, end: pos };
}

function parseLink(st: string, at: number): { end: number; label?: string; both: boolean; invisible: boolean } | undefined {
  LINK_TEXT.lastIndex = at;
  const t = LINK_TEXT.exec(st);
  if (t && t[3]) {
    const label = cleanLabel(t[3]);
    return { end: at + t[0].length, ...(label ? { label } : {}), both: Boolean(t[1]), invisible: false };
  }
  LINK.lastIndex = at;
  const m = LINK.exec(st);
  if (!m) return undefined;
  let end = at + m[0].length;
  PIPE.lastIndex = end;
  const p = PIPE.exec(st);
  let label: string | undefined;
  if (p) {
    label = cleanLabel(p[1]!) || undefined;
    end = PIPE.lastIndex;
  }
  return { end, ...(label ? { label } : {}), both: Boolean(m[1]), invisible: m[2] === '~~~' };
}
