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
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Common function words; encoded English has almost none of them, decoded English has many. */
const COMMON = new Set(
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

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Runs of 16+ base64 or base64url characters (plus padding), found in one linear pass. */
function base64Runs(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const b64 = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 45 || c === 95;
    if (b64) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      let end = i;
      while (end < text.length && text[end] === '=' && end - i < 2) end++;
      // A run may not start with base64url's '-' or '_' (those are word joiners in prose).
      while (start < i && (text[start] === '-' || text[start] === '_')) start++;
      if (i - start >= 16) out.push([start, end]);
      start = -1;
    }
  }
  return out;
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

function commonRatio(words: readonly string[]): number {
  let n = 0;
  for (const w of words) if (COMMON.has(w.toLowerCase())) n++;
  return n / words.length;
}

/** Finds base64, hex and ROT13 spans in `text` that decode to readable text. */
export function findEncoded(text: string): DecodedSpan[] {
  const out: DecodedSpan[] = [];
  const taken: [number, number][] = [];
  HEX.lastIndex = 0;
  for (let m = HEX.exec(text); m; m = HEX.exec(text)) {
    const raw = m[0].trimEnd();
    if (raw.length > MAX_SPAN) continue;
    const decoded = decodeHex(raw);
    if (decoded !== undefined && isReadable(decoded)) {
      out.push({ start: m.index, end: m.index + raw.length, text: decoded, hiding: 'hex' });
      taken.push([m.index, m.index + raw.length]);
    }
  }
  for (const [start, end] of base64Runs(text)) {
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
function isBreak(text: string, i: number): boolean {
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
