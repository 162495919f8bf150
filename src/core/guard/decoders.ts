/**
 * Encoded-text layer of the injection guard: finds base64, hex and ROT13 spans whose decoding is
 * readable text, so the scanner can look inside them.
 */

/** A span of the normalised text and what it decodes to. */
export interface DecodedSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly hiding: 'base64' | 'hex' | 'rot13';
}

const HEX = /(?:\\x|0x)?[0-9a-fA-F]{2}(?:[ :,]?(?:\\x|0x)?[0-9a-fA-F]{2}){11,}/g;
const MAX_SPAN = 64 * 1024;

/** Common function words; encoded English has almost none of them, decoded English has many. */
export const COMMON = new Set(
  ('the a an and or of to in on at for from with by is are was be been this that these those it its you your yours ' +
    'all any no not do does did will would should must can could may now then than as if so but ' +
    'me my we our us he she they them their i previous instructions ignore report output say tell ' +
    'threats threat system prompt please instead only every above below new rules list empty secure what were told ' +
    'before after word line everything answer when how have has had which who here there about into some more also just ' +
    'data send forward repeat include').split(' '),
);

/** True when decoded bytes read as text: valid UTF-8, mostly printable, with word breaks. */
export function isReadable(s: string): boolean {
  if (s.length < 8) return false;
  let printable = 0;
  let spaces = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x20) spaces++;
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x09 || (c > 0xa0 && /\p{L}|\p{N}|\p{P}/u.test(ch))) printable++;
  }
  const cjk = /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]/.test(s);
  return printable / [...s].length >= 0.9 && (spaces >= 2 || cjk) && /\p{L}{2}/u.test(s);
}

/** UTF-8 text of the bytes, or undefined when they are not valid UTF-8 (no exceptions: this is hot). */
function tryUtf8(bytes: Uint8Array): string | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.includes('\ufffd') ? undefined : text;
}

/** 1 for the characters of base64 and base64url (A-Z a-z 0-9 + / - _), 2 for hex digits. */
const B64_CHAR = (() => {
  const table = new Uint8Array(128);
  for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_') table[ch.charCodeAt(0)] = 1;
  for (const ch of '0123456789abcdefABCDEF') table[ch.charCodeAt(0)] = 2;
  return table;
})();

/** Candidate spans found in one linear pass: base64 runs and places where hex may start. */
interface Runs {
  readonly base64: [number, number][];
  readonly hex: [number, number][];
}

/**
 * Runs of 16+ base64 or base64url characters (plus padding), and candidate hex spans: long runs
 * of hex digits or a dozen two-digit groups split by spaces, colons or commas.
 */
function scanRuns(text: string): Runs {
  const base64: [number, number][] = [];
  const hex: [number, number][] = [];
  let start = -1;
  let allHex = true;
  let pairsFrom = -1;
  let pairs = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c < 128 && B64_CHAR[c] !== 0) {
      if (start < 0) {
        start = i;
        allHex = true;
      }
      if (B64_CHAR[c] !== 2) allHex = false;
      continue;
    }
    if (start < 0) continue;
    const len = i - start;
    if (allHex && len === 2 && (c === 32 || c === 58 || c === 44)) {
      if (pairs === 0) pairsFrom = start;
      pairs++;
    } else {
      if (allHex && len === 2) pairs++;
      if (pairs >= 12) hex.push([pairsFrom, i]);
      pairs = 0;
    }
    if (allHex && len >= 24) hex.push([start, i]);
    let end = i;
    while (end < text.length && text[end] === '=' && end - i < 2) end++;
    // A run may not start with base64url's '-' or '_' (those are word joiners in prose).
    let s = start;
    while (s < i && (text[s] === '-' || text[s] === '_')) s++;
    if (i - s >= 16) base64.push([s, end]);
    start = -1;
  }
  return { base64, hex };
}

/** Decodes base64 and base64url, tolerating missing padding. */
export function decodeBase64(s: string): string | undefined {
  const clean = s.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (clean.length % 4 === 1) return undefined;
  return tryUtf8(Buffer.from(clean, 'base64'));
}

/** Decodes hex with optional `\x`/`0x` prefixes and space, colon or comma separators. */
export function decodeHex(s: string): string | undefined {
  const digits = s.replace(/\\x|0x|[ :,]/gi, '');
  if (digits.length % 2 !== 0 || /[^0-9a-f]/i.test(digits)) return undefined;
  return tryUtf8(Buffer.from(digits, 'hex'));
}

/** ROT13 of ASCII letters. */
export function rot13(s: string): string {
  return s.replace(/[A-Za-z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/** Share of `words` that are frequent English function words (readable English scores 0.3+). */
export function commonRatio(words: readonly string[]): number {
  let n = 0;
  for (const w of words) if (COMMON.has(w.toLowerCase())) n++;
  return n / words.length;
}

/** Finds base64, hex and ROT13 spans in `text` that decode to readable text. */
export function findEncoded(text: string): DecodedSpan[] {
  const out: DecodedSpan[] = [];
  const taken: [number, number][] = [];
  const runs = scanRuns(text);
  // Escaped forms (\x41, 0x41) are rare: scan the whole text for them only when present.
  const windows = text.includes('\\x') || /0x[0-9a-f]{2}/i.test(text) ? [[0, text.length] as [number, number]] : runs.hex;
  let lastEnd = -1;
  for (const [ws, we] of windows) {
    if (we <= lastEnd) continue;
    HEX.lastIndex = 0;
    const slice = text.slice(ws, we);
    for (let m = HEX.exec(slice); m; m = HEX.exec(slice)) {
      const raw = m[0].trimEnd();
      const at = ws + m.index;
      if (raw.length > MAX_SPAN) continue;
      const decoded = decodeHex(raw);
      if (decoded !== undefined && isReadable(decoded)) {
        out.push({ start: at, end: at + raw.length, text: decoded, hiding: 'hex' });
        taken.push([at, at + raw.length]);
      }
    }
    lastEnd = we;
  }
  for (const [start, end] of runs.base64) {
    const raw = text.slice(start, end);
    if (end - start > MAX_SPAN || taken.some(([s, e]) => start >= s && start < e)) continue;
    // Words, paths and identifiers are long runs too; real base64 mixes cases or digits.
    if (!/[0-9+/]/.test(raw) && !(/[a-z]/.test(raw) && /[A-Z]/.test(raw))) continue;
    const decoded = decodeBase64(raw);
    if (decoded !== undefined && isReadable(decoded)) out.push({ start, end, text: decoded, hiding: 'base64' });
  }
  findRot13(text, out);
  return out;
}

/** ROT13 of frequent English words (the, you, your, and, all, of, is, to, ignore, previous). */
const ROT13_HINT = /\b(?:gur|lbh|lbhe|naq|nyy|bs|vf|gb|guvf|gung|jvgu|sbe|ner|jnf|abg|nobir|vtaber|cerivbhf|vafgehpgvbaf|ercbeg|guerngf)\b/gi;
const CLAUSE_BREAK = /[!?;()[\]{}"“”<>|\n]/;
const WORD = /[A-Za-z]{2,}/g;

/** Clause breaks; a full stop or colon only ends a clause before a space (not inside a domain). */
export function isBreak(text: string, i: number): boolean {
  const c = text[i]!;
  if (c === '.' || c === ':') return /\s/.test(text[i + 1] ?? ' ');
  return CLAUSE_BREAK.test(c);
}

/** Clauses of four or more words that read as English only after ROT13. */
function findRot13(text: string, out: DecodedSpan[]): void {
  ROT13_HINT.lastIndex = 0;
  let lastEnd = -1;
  for (let h = ROT13_HINT.exec(text); h; h = ROT13_HINT.exec(text)) {
    if (h.index < lastEnd) continue;
    let s = h.index;
    while (s > 0 && h.index - s < 2000 && !isBreak(text, s - 1)) s--;
    let e = h.index;
    while (e < text.length && e - h.index < 2000 && !isBreak(text, e)) e++;
    lastEnd = e;
    const clause = text.slice(s, e);
    const words = clause.match(WORD);
    if (!words || words.length < 4 || commonRatio(words) > 0.12) continue;
    const decodedWords = words.map(rot13);
    if (commonRatio(decodedWords) >= 0.3 && decodedWords.filter((w) => COMMON.has(w.toLowerCase())).length >= 2) {
      const lead = clause.length - clause.trimStart().length;
      out.push({ start: s + lead, end: s + clause.trimEnd().length, text: rot13(clause.trim()), hiding: 'rot13' });
    }
  }
}
