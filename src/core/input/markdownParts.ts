import type { CodeSpan, DefCandidate, Sentence } from './markdown.js';

const CODE_SPAN = /(`+)([^`]+?)\1/g;
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const LINK = /\[([^\]]+)\]\(([^)]*)\)/g;
const URL = /<?https?:\/\/[^\s)>]+>?/g;
const HTML_TAG = /<\/?[a-zA-Z][^>]*>/g;
const BOLD = /(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g;
const SENTENCE_END = /([.!?])(?=\s+["'(\[]?[A-Z0-9])|;|\|/g;
const ABBREV = /(?:^|\s)(?:e\.g|i\.e|etc|vs|approx|incl|Mr|Ms|Dr|No|Fig|cf|al|St)$/i;
const KEY_VALUE_LINE = /^\s*(?:[-*+]\s+)?\S[^:]{0,40}:\s/;

/** 1-based line number of an offset. */
export function lineOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Index of the sentence containing `offset`, or -1. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Replaces every character but line breaks with a space, keeping offsets. */
export const blank = (s: string): string => s.replace(/[^\n]/g, ' ');

/** A paragraph, list item, heading or table row of the document. */
export interface Block {
  start: number;
  end: number;
  type: 'para' | 'item' | 'heading' | 'row';
  header?: boolean;
}

/** Masks inline Markdown on one line and records bold and code spans (offsets relative to the document). */
export function maskInline(line: string, base: number, bold: CodeSpan[], code: CodeSpan[]): string {
  let out = line.replace(CODE_SPAN, (m, ticks: string, inner: string, at: number) => {
    code.push({ start: base + at + ticks.length, end: base + at + ticks.length + inner.length, text: inner.trim() });
    return ' '.repeat(ticks.length) + inner + ' '.repeat(ticks.length);
  });
  out = out.replace(IMAGE, blank).replace(URL, blank).replace(HTML_TAG, blank);
  out = out.replace(LINK, (m, label: string) => ` ${label}${' '.repeat(m.length - label.length - 1)}`);
  out = out.replace(BOLD, (m, mark: string, inner: string, at: number) => {
    bold.push({ start: base + at + mark.length, end: base + at + mark.length + inner.length, text: inner });
    return ' '.repeat(mark.length) + inner + ' '.repeat(mark.length);
  });
  return out.replace(/\\(?=[\\`*_{}[\]()#+\-.!|])|\*|~~/g, (m) => ' '.repeat(m.length));
}

/** Splits blocks into sentences (at . ! ? followed by a capital, at ; and at table cell borders). */
export function splitSentences(masked: string, blocks: readonly Block[], lineStarts: readonly number[], defs: readonly DefCandidate[]): Sentence[] {
  const out: Sentence[] = [];
  const defAt = new Map<number, number>();
  defs.forEach((d, di) => {
    if ((d.form === 'item' || d.form === 'code' || d.form === 'table') && !defAt.has(d.itemStart)) defAt.set(d.itemStart, di);
  });
  blocks.forEach((b, bi) => {
    const def = defAt.get(b.start) ?? -1;
    const push = (s: number, e: number): void => {
      const body = masked.slice(s, e);
      const lead = body.length - body.trimStart().length;
      if (!body.trim()) return;
      out.push({ start: s + lead, end: e, line: lineOf(lineStarts, s + lead), block: bi, ...(def >= 0 ? { def } : {}) });
    };
    const body = masked.slice(b.start, b.end);
    let from = 0;
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(body); m; m = SENTENCE_END.exec(body)) {
      if (m[1] === '.' && ABBREV.test(body.slice(Math.max(0, m.index - 8), m.index))) continue;
      push(b.start + from, b.start + m.index + m[0].length);
      from = m.index + m[0].length;
    }
    push(b.start + from, b.end);
  });
  return out;
}

/** The first real paragraph (not key: value metadata), at most 500 characters. */
export function firstParagraph(masked: string, blocks: readonly Block[]): string | undefined {
  for (const b of blocks) {
    if (b.type !== 'para') continue;
    const raw = masked.slice(b.start, b.end);
    const lines = raw.split('\n').filter((l) => l.trim());
    if (lines.every((l) => KEY_VALUE_LINE.test(l)) && lines.length <= 6 && raw.length < 400 && lines.every((l) => l.length < 120)) continue;
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text.length < 20) continue;
    if (text.length <= 500) return text;
    const cut = text.slice(0, 499);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 400))}…`;
  }
  return undefined;
}
