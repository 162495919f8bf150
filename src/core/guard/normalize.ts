/**
 * Normalisation layer of the injection guard: NFKC, removal of invisible characters (zero-width,
 * bidi controls, Unicode tags, variation selectors) and homoglyph folding, with a piecewise offset
 * map back to the original text so findings can point at what the user actually has on disk.
 */

/** A run of invisible characters that decodes to text (Unicode tags or variation selectors). */
export interface SmuggledRun {
  /** Offsets in the original text. */
  readonly start: number;
  readonly end: number;
  /** Decoded text. */
  readonly text: string;
  readonly channel: 'unicode-tags' | 'variation-selectors';
}

/** The normalised text, its map back to the original, and what was removed or folded. */
export interface Normalized {
  readonly text: string;
  /** Maps a normalised [start, end) range to the original text. */
  toOriginal(start: number, end: number): [number, number];
  /** Original offsets of zero-width characters that sat between two letters. */
  readonly zeroWidth: readonly number[];
  /** Original offsets of bidi control characters. */
  readonly bidi: readonly number[];
  /** Original offsets of letters folded from Cyrillic/Greek look-alikes inside Latin words. */
  readonly homoglyphs: readonly number[];
  readonly smuggled: readonly SmuggledRun[];
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0x180e, 0x00ad, 0x034f, 0x115f, 0x1160, 0x3164, 0xffa0]);
const BIDI = new Set([0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]);
/** Non-ASCII runs; most text has none or only a few. */
const NON_ASCII = /[^\x00-\x7f]+/g;
const NEEDS_WORK = /[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\u3164\ufe00-\ufe0f\ufeff\uffa0\udb40]/;
const COMBINING = /\p{M}/u;

/** Cyrillic and Greek letters that render like Latin ones. */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ү: 'y', ѵ: 'v',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S', Ү: 'Y', Ԁ: 'D',
  α: 'a', ο: 'o', ν: 'v', ρ: 'p', ι: 'i', κ: 'k', ϲ: 'c', ϳ: 'j', υ: 'u', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K',
  Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', ɡ: 'g', ɑ: 'a', ᴠ: 'v', ʏ: 'y',
};
const CYR_GREEK = /[\u0370-\u04ff\u0500-\u052f\u0250-\u02af\u1d00-\u1d7f]/;
const WORD_WITH_CYR_GREEK = /[\p{L}\p{M}]*[\u0370-\u052f\u0250-\u02af\u1d00-\u1d7f][\p{L}\p{M}]*/gu;
const LATIN_LETTER = /[A-Za-z]/;

const nfkcCache = new Map<string, string>();
function nfkc(s: string): string {
  let out = nfkcCache.get(s);
  if (out === undefined) {
    out = s.normalize('NFKC');
    if (nfkcCache.size < 4096) nfkcCache.set(s, out);
  }
  return out;
}

/** Builds the piecewise map while the normalised text is assembled. */
class MapBuilder {
  readonly parts: string[] = [];
  readonly normStart: number[] = [];
  readonly origStart: number[] = [];
  readonly normLen: number[] = [];
  readonly origLen: number[] = [];
  readonly identity: boolean[] = [];
  private normPos = 0;

  add(out: string, origAt: number, origLen: number, identity: boolean): void {
    const n = this.normStart.length - 1;
    if (identity && n >= 0 && this.identity[n] && this.origStart[n]! + this.origLen[n]! === origAt) {
      this.normLen[n]! += out.length;
      this.origLen[n]! += origLen;
    } else {
      this.normStart.push(this.normPos);
      this.origStart.push(origAt);
      this.normLen.push(out.length);
      this.origLen.push(origLen);
      this.identity.push(identity);
    }
    if (out) this.parts.push(out);
    this.normPos += out.length;
  }
}

/** Finds the last non-empty piece whose normalised start is <= pos. */
function pieceAt(b: MapBuilder, pos: number): number {
  let lo = 0;
  let hi = b.normStart.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (b.normStart[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  while (lo > 0 && b.normLen[lo] === 0) lo--;
  return lo;
}

/**
 * Normalises untrusted text for scanning. Output offsets map back to the input through
 * `toOriginal`; invisible characters are removed and recorded, smuggled text is decoded.
 */
export function normalizeText(input: string): Normalized {
  const b = new MapBuilder();
  const zeroWidth: number[] = [];
  const bidi: number[] = [];
  const smuggled: SmuggledRun[] = [];
  let cursor = 0;
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(input); m; m = NON_ASCII.exec(input)) {
    const run = m[0];
    const at = m.index;
    if (at > cursor) b.add(input.slice(cursor, at), cursor, at - cursor, true);
    cursor = at + run.length;
    if (!NEEDS_WORK.test(run) && nfkc(run) === run) {
      b.add(run, at, run.length, true);
      continue;
    }
    normalizeRun(input, at, cursor, b, zeroWidth, bidi, smuggled);
  }
  if (cursor < input.length || b.normStart.length === 0) b.add(input.slice(cursor), cursor, input.length - cursor, true);
  let text = b.parts.length === 1 ? b.parts[0]! : b.parts.join('');
  const toOriginal = (start: number, end: number): [number, number] => {
    if (text.length === 0) return [0, input.length];
    const s = Math.max(0, Math.min(start, text.length - 1));
    const e = Math.max(s + 1, Math.min(end, text.length));
    const i = pieceAt(b, s);
    const j = pieceAt(b, e - 1);
    const os = b.identity[i] ? b.origStart[i]! + (s - b.normStart[i]!) : b.origStart[i]!;
    const oe = b.identity[j] ? b.origStart[j]! + (e - 1 - b.normStart[j]!) + 1 : b.origStart[j]! + b.origLen[j]!;
    return [os, Math.max(oe, os)];
  };
  const homoglyphs: number[] = [];
  if (CYR_GREEK.test(text)) text = foldHomoglyphs(text, toOriginal, homoglyphs);
  return { text, toOriginal, zeroWidth: markIntraWord(input, zeroWidth), bidi, homoglyphs, smuggled };
}

function normalizeRun(input: string, from: number, to: number, b: MapBuilder, zeroWidth: number[], bidi: number[], smuggled: SmuggledRun[]): void {
  let i = from;
  let tagStart = -1;
  let tagText = '';
  let vsStart = -1;
  const vsBytes: number[] = [];
  const flushTags = (end: number): void => {
    // Subdivision flags (black flag + tag letters) are the one legitimate use of tag characters.
    const isFlag = tagStart >= 2 && input.codePointAt(tagStart - 2) === 0x1f3f4 && tagText.length <= 7;
    if (tagStart >= 0 && !isFlag && tagText.trim().length > 0) smuggled.push({ start: tagStart, end, text: tagText, channel: 'unicode-tags' });
    tagStart = -1;
    tagText = '';
  };
  const flushVs = (end: number): void => {
    if (vsStart >= 0 && vsBytes.length >= 4) {
      const text = new TextDecoder('utf-8').decode(Uint8Array.from(vsBytes));
      smuggled.push({ start: vsStart, end, text, channel: 'variation-selectors' });
    }
    vsStart = -1;
    vsBytes.length = 0;
  };
  while (i < to) {
    const cp = input.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    if (cp >= 0xe0000 && cp <= 0xe007f) {
      if (tagStart < 0) tagStart = i;
      if (cp >= 0xe0020 && cp <= 0xe007e) tagText += String.fromCharCode(cp - 0xe0000);
      b.add('', i, len, false);
      i += len;
      continue;
    }
    flushTags(i);
    const vs = cp >= 0xfe00 && cp <= 0xfe0f ? cp - 0xfe00 : cp >= 0xe0100 && cp <= 0xe01ef ? cp - 0xe0100 + 16 : -1;
    if (vs >= 0) {
      if (vsStart < 0) vsStart = i;
      vsBytes.push(vs);
      b.add('', i, len, false);
      i += len;
      continue;
    }
    flushVs(i);
    if (ZERO_WIDTH.has(cp) || BIDI.has(cp)) {
      (ZERO_WIDTH.has(cp) ? zeroWidth : bidi).push(i);
      b.add('', i, len, false);
      i += len;
      continue;
    }
    // A base character plus its combining marks is normalised as one cluster.
    let j = i + len;
    while (j < to && COMBINING.test(input[j]!)) j++;
    const cluster = input.slice(i, j);
    const out = cp === 0x2028 || cp === 0x2029 ? '\n' : nfkc(cluster);
    b.add(out, i, j - i, out === cluster);
    i = j;
  }
  flushTags(to);
  flushVs(to);
}

/** Keeps only zero-width characters that split a word: those hide text, the rest are layout. */
function markIntraWord(input: string, positions: number[]): number[] {
  const isWordChar = (c: string | undefined): boolean => {
    if (c === undefined) return false;
    const code = c.charCodeAt(0);
    if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    return /[\p{L}\p{N}]/u.test(c);
  };
  return positions.filter((p) => {
    let before = p - 1;
    while (before >= 0 && ZERO_WIDTH.has(input.charCodeAt(before))) before--;
    let after = p + 1;
    while (after < input.length && ZERO_WIDTH.has(input.charCodeAt(after))) after++;
    const prev = input[before];
    const next = input[after];
    // ZWJ between emoji or joiners inside Indic/Arabic words are legitimate.
    return isWordChar(prev) && isWordChar(next) && /[A-Za-z]/.test(prev! + next!);
  });
}

/**
 * Folds look-alike letters in words that mix Latin with Cyrillic/Greek, and in words made only of
 * look-alikes (a fully spoofed Latin word). Pure Russian or Greek words are left alone.
 */
function foldHomoglyphs(text: string, toOriginal: (s: number, e: number) => [number, number], out: number[]): string {
  let result = '';
  let last = 0;
  WORD_WITH_CYR_GREEK.lastIndex = 0;
  for (let m = WORD_WITH_CYR_GREEK.exec(text); m; m = WORD_WITH_CYR_GREEK.exec(text)) {
    const word = m[0];
    const mixed = LATIN_LETTER.test(word);
    let allConfusable = word.length >= 3;
    for (const ch of word) {
      if (!LATIN_LETTER.test(ch) && HOMOGLYPHS[ch] === undefined) {
        allConfusable = false;
        break;
      }
    }
    if (!mixed && !allConfusable) continue;
    let folded = '';
    for (let k = 0; k < word.length; k++) {
      const rep = HOMOGLYPHS[word[k]!];
      if (rep !== undefined) {
        folded += rep;
        out.push(toOriginal(m.index + k, m.index + k + 1)[0]);
      } else folded += word[k];
    }
    result += text.slice(last, m.index) + folded;
    last = m.index + word.length;
  }
  return last === 0 ? text : result + text.slice(last);
}
