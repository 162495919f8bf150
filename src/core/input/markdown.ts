import { blank, firstParagraph, maskInline, splitSentences, type Block } from './markdownParts.js';

export { lineOf, sentenceAt } from './markdownParts.js';

/** A sentence (or clause) of the document: offsets into the text, its 1-based line and its block. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  /** Index of the paragraph, list item, heading or table row it belongs to. */
  readonly block: number;
  /** Index into `defs` of the list item / table row that defines a component and contains this sentence. */
  readonly def?: number;
}

/** A place where the document names something explicitly: `**Name** — description`, a table row, a heading. */
export interface DefCandidate {
  readonly name: string;
  /** Offsets of the name in the text. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  /** Text describing it (rest of the list item or row), empty for headings and inline bold. */
  readonly desc: string;
  /** The list item or row that belongs to the definition: sentences inside it are about this thing. */
  readonly itemStart: number;
  readonly itemEnd: number;
  readonly form: 'item' | 'table' | 'heading' | 'inline' | 'code';
  /** The name ended with a colon and nothing followed: a label for what comes next ("**Tools:**"). */
  readonly label?: boolean;
  /** For nested list items: the text of the parent item ("Tools available to the agent:"). */
  readonly parent?: string;
  /** The heading of the section it is in ("Tools", "Components"). */
  readonly section?: string;
}

/** A fenced ```mermaid block. */
export interface MermaidBlock {
  readonly code: string;
  /** 1-based line of the first line of code. */
  readonly line: number;
}

/** A code span (`like_this`) with its offsets. */
export interface CodeSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The scanned document: the text, a same-length copy with Markdown syntax blanked out, and its structure. */
export interface ScannedDoc {
  readonly text: string;
  /** Same length as `text`; markup (`**`, `#`, list markers, code fences, links' URLs) replaced by spaces. */
  readonly masked: string;
  readonly lineStarts: readonly number[];
  readonly title?: string;
  readonly titleLine?: number;
  readonly description?: string;
  readonly sentences: readonly Sentence[];
  readonly defs: readonly DefCandidate[];
  readonly mermaid: readonly MermaidBlock[];
  readonly codeSpans: readonly CodeSpan[];
  /** 1-based lines that are headings (including the title). */
  readonly headingLines: ReadonlySet<number>;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w-]*)/;
const HEADING = /^(\s{0,3}#{1,6})(\s+)(.*?)(\s+#+)?\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,3}[.)])(\s+)/;
const TABLE_SEP = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/;


/**
 * Scans Markdown (or plain prose) into sentences, definition candidates, Mermaid blocks, the title
 * and the first paragraph, keeping every offset valid in the original text.
 */
export function scanMarkdown(text: string): ScannedDoc {
  const source = text.replace(/<!--[\s\S]*?-->/g, blank);
  const lines = source.split('\n');
  const lineStarts: number[] = [];
  const masked: string[] = [];
  const blocks: Block[] = [];
  const bold: CodeSpan[] = [];
  const codeSpans: CodeSpan[] = [];
  const mermaid: MermaidBlock[] = [];
  const defs: DefCandidate[] = [];
  let title: string | undefined;
  let titleLine: number | undefined;
  let fence: { mark: string; lang: string; from: number; code: string[] } | undefined;
  let offset = 0;
  let cur: Block | undefined;
  const close = (): void => {
    if (cur) blocks.push(cur);
    cur = undefined;
  };
  let frontMatter = lines[0]?.trim() === '---';
  const headingLines = new Set<number>();
  /** Def index → index its block will have (blocks are pushed in order, so it is blocks.length now). */
  const defBlock = new Map<number, number>();
  const defStarts = new Set<number>();
  let section: string | undefined;
  let fmTitle: string | undefined;
  const parents: { indent: number; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const start = offset;
    lineStarts.push(start);
    offset += raw.length + 1;
    if (frontMatter) {
      masked.push(blank(raw));
      const kv = /^(?:title|name)\s*:\s*["']?(.+?)["']?\s*$/.exec(raw);
      if (kv && !fmTitle) fmTitle = kv[1];
      if (i > 0 && raw.trim() === '---') frontMatter = false;
      continue;
    }
    const f = FENCE.exec(raw);
    if (fence) {
      masked.push(blank(raw));
      if (f && f[1]![0] === fence.mark[0] && f[1]!.length >= fence.mark.length && !f[2]) {
        if (fence.lang === 'mermaid') mermaid.push({ code: fence.code.join('\n'), line: fence.from + 1 });
        fence = undefined;
      } else fence.code.push(raw);
      continue;
    }
    if (f) {
      close();
      fence = { mark: f[1]!, lang: f[2]!.toLowerCase(), from: i + 1, code: [] };
      masked.push(blank(raw));
      continue;
    }
    if (!raw.trim()) {
      close();
      masked.push(raw.replace(/\S/g, ' '));
      continue;
    }
    const setext = SETEXT.exec(raw);
    if (setext && cur?.type === 'para' && cur.start === lineStarts[i - 1]) {
      cur.type = 'heading';
      headingLines.add(i);
      if (setext[1]![0] === '=' && !title) {
        title = masked[i - 1]!.trim();
        titleLine = i;
      }
      masked.push(blank(raw));
      close();
      continue;
    }
    if (TABLE_SEP.test(raw) && raw.includes('-') && (raw.includes('|') || cur?.type === 'row')) {
      const header = blocks[blocks.length - 1];
      if (cur?.type === 'row') cur.header = true;
      else if (header?.type === 'row') header.header = true;
      // Column names are not components ("| Tool | Backend | Actions |").
      if (i > 0 && masked[i - 1]!.includes('|')) masked[i - 1] = blank(masked[i - 1]!);
      close();
      masked.push(blank(raw));
      continue;
    }
    let line = raw;
    const h = HEADING.exec(raw);
    const li = h ? null : LIST_ITEM.exec(raw);
    const row = !h && !li && raw.trim().startsWith('|');
    if (h) line = ' '.repeat(h[1]!.length) + raw.slice(h[1]!.length).replace(/\s+#+\s*$/, (m) => ' '.repeat(m.length));
    else if (li) line = li[1]! + ' '.repeat(li[2]!.length) + raw.slice(li[1]!.length + li[2]!.length);
    line = line.replace(/^(\s*)(>+)/, (m, sp: string, q: string) => sp + ' '.repeat(q.length));
    const boldBefore = bold.length;
    const codeBefore = codeSpans.length;
    const m = maskInline(line, start, bold, codeSpans).replace(/\r$/, ' ');
    masked.push(m);
    if (h) {
      close();
      parents.length = 0;
      headingLines.add(i + 1);
      cur = { start, end: start + raw.length, type: 'heading' };
      const textOf = m.trim().replace(/^(?:\d+(?:\.\d+)*[.)]?|[IVX]+\.)\s+/, '');
      section = textOf;
      if (h[1]!.trim() === '#' && !title) {
        title = textOf;
        titleLine = i + 1;
      } else if (textOf && h[1]!.trim() !== '#') {
        defs.push({ name: textOf, start: start + m.indexOf(textOf), end: start + m.indexOf(textOf) + textOf.length, line: i + 1, desc: '', itemStart: start, itemEnd: start + raw.length, form: 'heading' });
      }
      close();
      continue;
    }
    if (li || row || !cur || cur.type === 'heading' || cur.type === 'row') {
      close();
      cur = { start, end: start + raw.length, type: li ? 'item' : row ? 'row' : 'para' };
      const contentAt = li ? li[0].length : raw.length - raw.trimStart().length;
      let parent: string | undefined;
      if (li) {
        const indent = li[1]!.length;
        while (parents.length && parents[parents.length - 1]!.indent >= indent) parents.pop();
        parent = parents[parents.length - 1]?.text;
        parents.push({ indent, text: m.trim() });
      } else if (!row) parents.length = 0;
      const lead = [...bold.slice(boldBefore), ...codeSpans.slice(codeBefore)].find((s) => s.start - start <= contentAt + 2 && s.start - start >= contentAt);
      if (lead && !row) {
        const name = lead.text.replace(/[:\s]+$/, '');
        const after = m.slice(lead.end - start).replace(/^[\s*`_]+/, '');
        const label = /:\s*$/.test(lead.text) || after.startsWith(':') ? !after.replace(/^:/, '').trim() : false;
        defBlock.set(defs.length, blocks.length);
        defStarts.add(lead.start);
        defs.push({ name, start: lead.start, end: lead.start + name.length, line: i + 1, desc: '', itemStart: start, itemEnd: start + raw.length, form: codeSpans.includes(lead) ? 'code' : 'item', ...(label ? { label } : {}), ...(parent ? { parent } : {}), ...(section ? { section } : {}) });
      }
      if (row) {
        const cells = m.split('|');
        const first = cells[1]?.trim() ?? '';
        const at = m.indexOf(first, m.indexOf('|') + 1);
        if (first) defBlock.set(defs.length, blocks.length);
        if (first) defs.push({ name: first, start: start + at, end: start + at + first.length, line: i + 1, desc: cells.slice(2).join(' ; '), itemStart: start, itemEnd: start + raw.length, form: 'table', ...(section ? { section } : {}) });
      }
    } else {
      cur.end = start + raw.length;
    }
    for (const b of bold.slice(boldBefore)) {
      if (!defStarts.has(b.start)) defs.push({ name: b.text.replace(/[:\s]+$/, ''), start: b.start, end: b.end, line: i + 1, desc: '', itemStart: b.start, itemEnd: b.end, form: 'inline' });
    }
  }
  close();
  if (fence?.lang === 'mermaid') mermaid.push({ code: fence.code.join('\n'), line: fence.from + 1 });
  const maskedText = masked.join('\n');
  // Definitions from list items and rows cover the whole item; their description is the rest of it.
  const finalDefs = defs.map((d, di) => {
    if (d.form !== 'item' && d.form !== 'code') return d;
    const block = blocks[defBlock.get(di) ?? -1];
    if (!block) return d;
    const desc = maskedText.slice(d.end, block.end).replace(/^[\s:*`_—–-]+/, '').replace(/\s+/g, ' ').trim();
    return { ...d, desc, itemStart: block.start, itemEnd: block.end };
  }).filter((d, di) => !(d.form === 'table' && blocks[defBlock.get(di) ?? -1]?.header));
  const sentences = splitSentences(maskedText, blocks, lineStarts, finalDefs);
  const description = firstParagraph(maskedText, blocks);
  if (titleLine !== undefined) headingLines.add(titleLine);
  title ??= fmTitle;
  return { text, masked: maskedText, lineStarts, title, titleLine, description, sentences, defs: finalDefs, mermaid, codeSpans, headingLines };
}
