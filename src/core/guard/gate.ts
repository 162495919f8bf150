/**
 * Keyword gating for large documents. Each cue names groups of words; every match of the cue
 * contains a word of each group. The document is cut into paragraph chunks, one linear pass
 * records which groups each chunk satisfies, and a cue's regex then runs only over the chunks
 * that satisfy all its groups. Small texts skip gating: the saving only matters on big documents.
 */

/** Texts shorter than this are scanned by every cue without gating. */
export const GATE_MIN_LENGTH = 16 * 1024;
const CHUNK_MAX = 4096;
/** Characters past a chunk's end a match may run into (cues are sentence-sized). */
const OVERLAP = 300;
/** Scanning a short gap is cheaper than starting the regex again on another slice. */
const MERGE_GAP = 2048;
/**
 * Pseudo-words that stand for a script being present in a chunk: Cyrillic, CJK, Hangul,
 * Devanagari, Bengali, Arabic, Thai, Vietnamese (Latin Extended Additional) and the letters only
 * Turkish uses (ı İ ş Ş ğ Ğ).
 */
const SCRIPT_WORDS = ['#cyr', '#cjk', '#hangul', '#deva', '#beng', '#arab', '#thai', '#viet', '#turk'] as const;

/** A cue's gate: one list of words (any of them) or several lists (a word of each). */
export type GateSpec = readonly string[] | readonly (readonly string[])[];

/** A range of the text a cue's regex should run over. */
export interface Range {
  readonly start: number;
  /** Matches must start before this offset. */
  readonly end: number;
  /** The regex may read up to here. */
  readonly readTo: number;
}

/** Word lookup shared by all documents: FNV-1a hash of a word to the group bits it sets. */
interface Compiled {
  readonly groupsOf: readonly (readonly number[] | undefined)[];
  readonly byHash: Map<number, { word: string; bits: number[] }[]>;
  /** 1 at (hash & 0xffff) for every gate word: most words miss it and skip the map lookup. */
  readonly filter: Uint8Array;
  readonly lanes: number;
}

const compiledCache = new WeakMap<readonly (GateSpec | undefined)[], Compiled>();

function compile(gates: readonly (GateSpec | undefined)[]): Compiled {
  const cached = compiledCache.get(gates);
  if (cached) return cached;
  const byHash = new Map<number, { word: string; bits: number[] }[]>();
  let next = 0;
  const groupsOf = gates.map((spec) => {
    if (!spec) return undefined;
    const groups = (typeof spec[0] === 'string' ? [spec] : spec) as readonly (readonly string[])[];
    return groups.map((words) => {
      const bit = next++;
      for (const w of words) {
        const h = hashWord(w, 0, w.length);
        const list = byHash.get(h) ?? [];
        const entry = list.find((e) => e.word === w);
        if (entry) entry.bits.push(bit);
        else list.push({ word: w, bits: [bit] });
        byHash.set(h, list);
      }
      return bit;
    });
  });
  const filter = new Uint8Array(0x10000);
  for (const h of byHash.keys()) filter[h & 0xffff] = 1;
  const out: Compiled = { groupsOf, byHash, filter, lanes: Math.ceil(next / 32) };
  compiledCache.set(gates, out);
  return out;
}

/**
 * FNV-1a over lower-cased characters [from, to) of s. Gate words are letters of ASCII, Latin-1
 * and Latin Extended-A (accented European words); other characters end a word.
 */
function hashWord(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ lower(s.charCodeAt(i)), 0x01000193);
  return h >>> 0;
}

function lower(c: number): number {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 32 : c === 0x152 ? 0x153 : c;
}

/** Lower-cased code of each gate-word letter below U+0250, 0 for characters that end a word. */
const LOWER = (() => {
  const table = new Uint16Array(0x250);
  for (let c = 0; c < table.length; c++) {
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
    table[c] = letter ? lower(c) : 0;
  }
  return table;
})();

/** True when t[from, to) lower-cases to `word`. */
function sameWord(t: string, from: number, to: number, word: string): boolean {
  if (to - from !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (lower(t.charCodeAt(from + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** Per-chunk bit sets of the gate groups that a chunk satisfies. */
export class Gate {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly masks: Uint32Array;
  private readonly compiled: Compiled;

  /**
   * @param text the normalised document
   * @param gates for each cue (by index), its gate, or undefined for "always run"
   */
  constructor(
    private readonly text: string,
    gates: readonly (GateSpec | undefined)[],
    /** One chunk for the whole text: small documents only need to know which cues can match at all. */
    whole = false,
  ) {
    this.compiled = compile(gates);
    if (whole) {
      this.starts.push(0);
      this.ends.push(text.length);
    } else chunk(text, this.starts, this.ends);
    this.masks = new Uint32Array(this.starts.length * Math.max(1, this.compiled.lanes));
    this.fill();
  }

  /** True when some chunk satisfies the gate of the cue at `index` (always true for ungated cues). */
  opens(index: number): boolean {
    const groups = this.compiled.groupsOf[index];
    if (!groups) return true;
    const lanes = this.compiled.lanes;
    for (let c = 0; c < this.starts.length; c++) {
      if (groups.every((bit) => (this.masks[c * lanes + (bit >> 5)]! & (1 << (bit & 31))) !== 0)) return true;
    }
    return false;
  }

  /** Ranges of the text the cue at `index` must be run over. */
  rangesFor(index: number): Range[] {
    const groups = this.compiled.groupsOf[index];
    if (!groups) return [{ start: 0, end: this.text.length, readTo: this.text.length }];
    const lanes = this.compiled.lanes;
    const out: { start: number; end: number }[] = [];
    for (let c = 0; c < this.starts.length; c++) {
      if (!groups.every((bit) => (this.masks[c * lanes + (bit >> 5)]! & (1 << (bit & 31))) !== 0)) continue;
      const last = out[out.length - 1];
      if (last && this.starts[c]! - last.end < MERGE_GAP) last.end = this.ends[c]!;
      else out.push({ start: this.starts[c]!, end: this.ends[c]! });
    }
    return out.map((r) => ({ ...r, readTo: Math.min(this.text.length, r.end + OVERLAP) }));
  }

  /** One pass over the text: hash each word, set the bits of the groups it belongs to. */
  private fill(): void {
    const { byHash, filter, lanes } = this.compiled;
    const t = this.text;
    const scripts = SCRIPT_WORDS.map((w) => byHash.get(hashWord(w, 0, w.length))?.find((e) => e.word === w)?.bits ?? []);
    const set = (c: number, bits: readonly number[]): void => {
      for (const bit of bits) this.masks[c * lanes + (bit >> 5)]! |= 1 << (bit & 31);
    };
    for (let c = 0; c < this.starts.length; c++) {
      const end = this.ends[c]!;
      let wordStart = -1;
      let h = 0;
      let seen = 0; // scripts already recorded for this chunk, one bit per SCRIPT_WORDS entry
      const mark = (k: number): void => {
        if (!(seen & (1 << k))) set(c, scripts[k]!);
        seen |= 1 << k;
      };
      for (let i = this.starts[c]!; i <= end; i++) {
        const code = i < end ? t.charCodeAt(i) : 32;
        // A table lookup: this loop touches every character of the document.
        const lc = code < LOWER.length ? LOWER[code]! : 0;
        if (lc !== 0) {
          if (wordStart < 0) {
            wordStart = i;
            h = 0x811c9dc5;
          }
          h = Math.imul(h ^ lc, 0x01000193);
          if (code >= 0x11e && (code === 0x131 || code === 0x130 || code === 0x15f || code === 0x15e || code === 0x11f || code === 0x11e)) mark(8);
          continue;
        }
        if (wordStart >= 0) {
          if (filter[h & 0xffff] === 1) {
            const list = byHash.get(h >>> 0);
            if (list) for (const e of list) if (sameWord(t, wordStart, i, e.word)) set(c, e.bits);
          }
          wordStart = -1;
        }
        if (code < 0x0400) continue;
        if (code <= 0x04ff) mark(0);
        else if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xff00 && code <= 0xffef)) mark(1);
        else if ((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f)) mark(2);
        else if (code >= 0x0900 && code <= 0x097f) mark(3);
        else if (code >= 0x0980 && code <= 0x09ff) mark(4);
        else if (code >= 0x0600 && code <= 0x06ff) mark(5);
        else if (code >= 0x0e00 && code <= 0x0e7f) mark(6);
        else if (code >= 0x1ea0 && code <= 0x1ef9) mark(7);
      }
    }
  }
}

/** Paragraph chunks of at most CHUNK_MAX characters, cut at line breaks where possible. */
function chunk(text: string, starts: number[], ends: number[]): void {
  let pos = 0;
  while (pos < text.length) {
    const window = text.slice(pos, pos + CHUNK_MAX);
    const para = window.indexOf('\n\n');
    let end: number;
    if (para >= 0) end = pos + para + 2;
    else if (pos + CHUNK_MAX >= text.length) end = text.length;
    else {
      const nl = window.lastIndexOf('\n');
      end = nl > 0 ? pos + nl + 1 : pos + CHUNK_MAX;
    }
    starts.push(pos);
    ends.push(end);
    pos = end;
  }
  if (starts.length === 0) {
    starts.push(0);
    ends.push(0);
  }
}
