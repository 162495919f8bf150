/**
 * The injection guard's scanner: normalise, find hiding places, match instruction-like cues by
 * family, weigh use against mention, and return a verdict with findings that point into the
 * original text. Pure and synchronous.
 */
import { compound, finish, hidden, lowerBound, raw, type Raw, type ScanResult } from './assemble.js';
import { grammarAdjust, mentionAdjust, sentenceAround } from './context.js';
import { findEncoded } from './decoders.js';
import { cueWeight, forEachCue } from './match.js';
import { normalizeText, type Normalized } from './normalize.js';
import { findObfuscated } from './obfuscation.js';
import { findTaskLines } from './tasks.js';
import { layoutOf, regionAt, type DocFormat, type Hiding, type Layout } from './regions.js';

export { INJECTION_THRESHOLD, SUSPICIOUS_THRESHOLD, summarize, type ScanResult } from './assemble.js';

/** Options for {@link scanText}. */
export interface ScanOptions {
  /** Where the text came from: a path, "-", "kb:<id>" or "chat". */
  readonly source: string;
  /** Document format; inferred from the source's extension when omitted (default markdown). */
  readonly format?: DocFormat;
}

/** How much each hiding place raises a cue's score: benign text has no reason to hide. */
const HIDING_BONUS: Record<Hiding, number> = {
  plain: 0, 'html-comment': 0.2, 'markdown-link-title': 0.2, 'markdown-image-alt': 0.2, 'code-comment': 0.1,
  'code-block': 0, 'yaml-value': 0, 'front-matter': 0, 'mermaid-comment': 0.2, 'zero-width': 0.35,
  'unicode-tags': 0.45, bidi: 0.3, homoglyph: 0.35, base64: 0.3, hex: 0.3, rot13: 0.3, 'model-output': 0,
};

/** Where decoded text came from, for context and offsets. */
interface Outer {
  readonly hiding: Hiding;
  readonly origStart: number;
  readonly origEnd: number;
  /** Location of the encoded span in the normalised document, for use-vs-mention. */
  readonly normStart: number;
  readonly normEnd: number;
  /** What was undone to read the text, when the hiding place does not say it (leetspeak, pig latin). */
  readonly label?: string;
  /** Score added to cues found inside, instead of the hiding place's bonus. */
  readonly bonus?: number;
  /** Sorted offsets of the decoded text that differ from the original; matches must cover one. */
  readonly changed?: readonly number[];
}

/** Scans untrusted text for prompt injection. */
export function scanText(text: string, opts: ScanOptions): ScanResult {
  const format = opts.format ?? inferFormat(opts.source, text);
  const norm = normalizeText(text);
  const layout = layoutOf(norm.text, format);
  const raws: Raw[] = [];
  scanPlain(norm, layout, raws);
  scanTasks(norm, layout, raws);
  for (const run of norm.smuggled) {
    // Tag and selector runs are invisible, so there is no visible context to weigh as a mention.
    const outer: Outer = { hiding: 'unicode-tags', origStart: run.start, origEnd: run.end, normStart: 0, normEnd: 0 };
    raws.push(hidden('hidden-text', outer, run.text, run.channel === 'unicode-tags' ? 'text smuggled in Unicode tag characters' : 'text smuggled in variation selectors', 0.6));
    scanDecoded(run.text, outer, norm, layout, raws, 1);
  }
  for (const span of findEncoded(norm.text)) {
    const [os, oe] = norm.toOriginal(span.start, span.end);
    const outer: Outer = { hiding: span.hiding, origStart: os, origEnd: oe, normStart: span.start, normEnd: span.end };
    raws.push(hidden('encoded-payload', outer, span.text, `${span.hiding} text that decodes to readable text`, 0.25));
    scanDecoded(span.text, outer, norm, layout, raws, 1);
  }
  for (const span of findObfuscated(norm.text)) {
    const [os, oe] = norm.toOriginal(span.start, span.end);
    const outer: Outer = { hiding: span.hiding, origStart: os, origEnd: oe, normStart: span.start, normEnd: span.end, label: span.label, bonus: span.bonus, changed: span.changed };
    if (span.structural !== undefined) {
      const m = mentionAdjust(norm.text, span.start, span.end, layout);
      raws.push({ ...hidden('encoded-payload', outer, span.text, `payload split across quoted ${span.label}; ${m.notes.join('; ')}`, Math.max(0, span.structural + m.delta)), mentioned: m.delta < 0 });
    }
    scanDecoded(span.text, outer, norm, layout, raws, 2);
  }
  for (const seg of reversedBidi(text)) {
    const outer: Outer = { hiding: 'bidi', origStart: seg.start, origEnd: seg.end, normStart: 0, normEnd: 0 };
    raws.push(hidden('hidden-text', outer, seg.text, 'right-to-left override reverses the displayed text', 0.35));
    scanDecoded(seg.text, outer, norm, undefined, raws, 1);
  }
  if (norm.zeroWidth.length >= 3) {
    const first = norm.zeroWidth[0]!;
    const outer: Outer = { hiding: 'zero-width', origStart: first, origEnd: norm.zeroWidth[norm.zeroWidth.length - 1]! + 1, normStart: 0, normEnd: 0 };
    raws.push(hidden('hidden-text', outer, '', `${norm.zeroWidth.length} zero-width characters inside words`, 0.3));
  }
  compound(raws);
  return finish(raws, text, opts.source);
}

function inferFormat(source: string, text: string): DocFormat {
  if (/\.ya?ml$/i.test(source)) return 'yaml';
  if (/\.json$/i.test(source)) return 'json';
  if (/\.txt$/i.test(source)) return 'text';
  return /^\s*[{[]/.test(text) ? 'json' : 'markdown';
}

/** Matches every cue over the normalised document and classifies each match by its hiding place. */
function scanPlain(norm: Normalized, layout: Layout, raws: Raw[]): void {
  const t = norm.text;
  const paragraphs = paragraphStarts(t);
  forEachCue(t, (cue, start, end) => {
    const [os, oe] = norm.toOriginal(start, end);
    const spot = regionAt(layout.spots, start);
    const hiding = charLevelHiding(norm, os, oe) ?? spot?.hiding ?? regionAt(layout.containers, start)?.hiding ?? 'plain';
    const g = grammarAdjust(t, start, end, cue.verbal === true);
    const m = mentionAdjust(t, start, end, layout);
    const concealed = spot?.concealed ? 0.2 : 0;
    const score = cueWeight(cue, t.slice(start, end)) + g.delta + m.delta + HIDING_BONUS[hiding] + concealed;
    const unit = spot ? `spot:${spot.start}` : `para:${paragraphIndex(paragraphs, start)}`;
    const notes = [hiding === 'plain' ? (concealed ? 'CSS-hidden element' : 'plain text') : `hidden in ${hiding}`, ...g.notes, ...m.notes];
    raws.push({ ...raw(cue, hiding, os, oe, excerptOf(t, start, end), notes, score, unit), mentioned: m.delta < 0 });
  });
}

/** How much a task line inside e-mail or table data scores before use-vs-mention. */
const TASK_SCORE = 0.4;

/** Requests to an assistant slipped into e-mails and tables (see tasks.ts). */
function scanTasks(norm: Normalized, layout: Layout, raws: Raw[]): void {
  const t = norm.text;
  for (const line of findTaskLines(t)) {
    const [os, oe] = norm.toOriginal(line.start, line.end);
    const m = mentionAdjust(t, line.start, line.end, layout);
    const reason = ['addressed-to-ai cue (task-in-data); a request to the reader inside e-mail or table data', ...m.notes].join('; ');
    const excerpt = t.slice(line.start, line.end).replace(/\s+/g, ' ').trim().slice(0, 120);
    raws.push({ family: 'addressed-to-ai', hiding: 'plain', origStart: os, origEnd: oe, excerpt, reason, score: Math.max(0, TASK_SCORE + m.delta), unit: `task:${line.start}`, cue: 'task-in-data', mentioned: m.delta < 0 });
  }
}

/** Scans decoded text (tags, base64, hex, ROT13, reversed bidi runs); offsets are the encoded span's. */
function scanDecoded(decoded: string, outer: Outer, doc: Normalized, layout: Layout | undefined, raws: Raw[], depth: number): void {
  const inner = normalizeText(decoded);
  const t = inner.text;
  // Quoting or describing the encoded blob in the surrounding document still counts as a mention.
  const m = outer.normEnd > outer.normStart ? mentionAdjust(doc.text, outer.normStart, outer.normEnd, layout) : { delta: 0, notes: [] };
  forEachCue(t, (cue, start, end) => {
    if (outer.changed && !covers(outer.changed, start, end)) return;
    const g = grammarAdjust(t, start, end, cue.verbal === true);
    const score = cueWeight(cue, t.slice(start, end)) + g.delta + m.delta + (outer.bonus ?? HIDING_BONUS[outer.hiding]);
    const notes = [outer.label ? `read as ${outer.label}` : `decoded from ${outer.hiding}`, ...g.notes, ...m.notes];
    raws.push({ ...raw(cue, outer.hiding, outer.origStart, outer.origEnd, excerptOf(t, start, end), notes, score, `dec:${outer.origStart}`), mentioned: m.delta < 0 });
  });
  if (depth < 2) {
    for (const span of findEncoded(t)) scanDecoded(span.text, outer, doc, layout, raws, depth + 1);
  }
}

/** Zero-width, homoglyph or bidi characters inside the original span of a match. */
function charLevelHiding(norm: Normalized, os: number, oe: number): Hiding | undefined {
  if (countIn(norm.zeroWidth, os, oe) > 0) return 'zero-width';
  if (countIn(norm.homoglyphs, os, oe) > 0) return 'homoglyph';
  if (countIn(norm.bidi, os - 40, oe) > 0) return 'bidi';
  return undefined;
}

/** True when a sorted offset list has an entry in [from, to). */
function covers(sorted: readonly number[], from: number, to: number): boolean {
  return countIn(sorted, from, to) > 0;
}

function countIn(sorted: readonly number[], from: number, to: number): number {
  if (sorted.length === 0) return 0;
  return lowerBound(sorted, to) - lowerBound(sorted, from);
}

function paragraphStarts(t: string): number[] {
  const out = [0];
  for (let i = t.indexOf('\n\n'); i >= 0; i = t.indexOf('\n\n', i + 2)) out.push(i + 2);
  return out;
}

function paragraphIndex(starts: readonly number[], pos: number): number {
  return Math.max(0, lowerBound(starts, pos + 1) - 1);
}

/** Text between a right-to-left override and its pop, reversed back to reading order. */
function reversedBidi(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (let i = text.indexOf('\u202e'); i >= 0; i = text.indexOf('\u202e', i + 1)) {
    const stops = ['\u202c', '\u2069', '\n'].map((c) => text.indexOf(c, i + 1)).filter((x) => x >= 0);
    const end = stops.length ? Math.min(...stops) : text.length;
    const inner = [...text.slice(i + 1, end).replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')].reverse().join('');
    if (/\p{L}{3}/u.test(inner)) out.push({ start: i, end, text: inner });
  }
  return out;
}

function excerptOf(t: string, start: number, end: number): string {
  let e = Math.min(t.length, Math.max(end, start + 120));
  const [, se] = sentenceAround(t, start, end);
  if (se >= end && se < e) e = se;
  return t.slice(start, e).replace(/\s+/g, ' ').trim().slice(0, 120);
}

