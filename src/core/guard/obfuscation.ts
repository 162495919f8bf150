/**
 * Obfuscation layer of the injection guard: undoes the cheap disguises that keep an instruction
 * away from keyword cues while a model still reads it — leetspeak ("1gn0r3 4ll"), reversed text,
 * pig latin, and a payload split across quoted strings that the reader is told to join. Each
 * finding is a span of the normalised text and the plain text it stands for; the scanner runs the
 * cues over that text. Every pass starts from a cheap test, so ordinary documents pay one or two
 * linear regex scans.
 */
import { COMMON, commonRatio, isBreak } from './decoders.js';
import type { Hiding } from './regions.js';

/** A disguised span of the normalised text and what it reads as. */
export interface Unscrambled {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The hiding place reported for findings inside it. */
  readonly hiding: Hiding;
  /** What was undone, for the finding's reason. */
  readonly label: string;
  /** Score added to cues found inside (disguise is itself a signal). */
  readonly bonus: number;
  /** Sorted offsets in `text` that differ from the original; a cue match must cover one. */
  readonly changed?: readonly number[];
  /** Score of the disguise itself, when it is a technique on its own (strings the text asks to join). */
  readonly structural?: number;
}

/** Finds leetspeak, reversed, pig-latin and split-string payloads in normalised text. */
export function findObfuscated(t: string): Unscrambled[] {
  const out: Unscrambled[] = [];
  leetspeak(t, out);
  reversed(t, out);
  pigLatin(t, out);
  splitStrings(t, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Leetspeak: digits and symbols standing for letters inside words.

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
/** Leet characters; the scan checks for a neighbouring letter (a plain class scans fastest). */
const LEET_CHAR = /[013457@$]/g;
const LETTER = /[A-Za-z]/;
const TOKEN_CHAR = /[A-Za-z0-9@$]/;
const MAX_LINE = 4000;

/** One leet token: its span and how many characters it substitutes. */
interface LeetToken {
  readonly start: number;
  readonly end: number;
  readonly subs: number;
  readonly letters: number;
}

function leetspeak(t: string, out: Unscrambled[]): void {
  LEET_CHAR.lastIndex = 0;
  const tokens: LeetToken[] = [];
  let lastEnd = -1;
  for (let m = LEET_CHAR.exec(t); m; m = LEET_CHAR.exec(t)) {
    const at = m.index;
    if (at < lastEnd || !(LETTER.test(t[at - 1] ?? '') || LETTER.test(t[at + 1] ?? ''))) continue;
    let s = at;
    while (s > 0 && TOKEN_CHAR.test(t[s - 1]!)) s--;
    let e = at + 1;
    while (e < t.length && TOKEN_CHAR.test(t[e]!)) e++;
    lastEnd = e;
    LEET_CHAR.lastIndex = e;
    if (e - s > 40) continue;
    let subs = 0;
    let letters = 0;
    for (let i = s; i < e; i++) {
      const c = t[i]!;
      if (LEET[c] !== undefined) subs++;
      else if (LETTER.test(c)) letters++;
    }
    // Numbers with a unit ("10x", "5s") and versions ("v1") are not words in disguise.
    if (letters >= 1 && subs >= 1 && letters + subs >= 3 && subs < e - s) tokens.push({ start: s, end: e, subs, letters });
  }
  if (tokens.length < 2) return;
  // Group tokens by line; a line needs two leet words, one of them clearly disguised.
  let i = 0;
  while (i < tokens.length) {
    const lineStart = t.lastIndexOf('\n', tokens[i]!.start - 1) + 1;
    let lineEnd = t.indexOf('\n', tokens[i]!.start);
    if (lineEnd < 0) lineEnd = t.length;
    let j = i;
    while (j < tokens.length && tokens[j]!.start < lineEnd) j++;
    const group = tokens.slice(i, j);
    i = j;
    if (group.length < 2 || !group.some((k) => k.subs >= 2 || (k.subs >= 1 && k.letters >= 3))) continue;
    const s = Math.max(lineStart, group[0]!.start - MAX_LINE / 2);
    const e = Math.min(lineEnd, group[group.length - 1]!.end + MAX_LINE / 2);
    for (const one of ['i', 'l']) {
      if (one === 'l' && !group.some((k) => t.slice(k.start, k.end).includes('1'))) continue;
      const chars = t.slice(s, e).split('');
      const changed: number[] = [];
      for (const k of group) {
        for (let p = k.start; p < k.end; p++) {
          const c = t[p]!;
          const to = c === '1' ? one : LEET[c];
          if (to !== undefined) {
            chars[p - s] = to;
            changed.push(p - s);
          }
        }
      }
      out.push({ start: s, end: e, text: chars.join(''), hiding: 'homoglyph', label: 'leetspeak', bonus: 0.3, changed });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reversed text: a clause that reads as English only backwards.

/** Frequent English words spelled backwards. */
const REVERSED_HINT = /\b(?:eht|dna|uoy|ruoy|lla|siht|taht|erongi|tpmorp|drowssap)\b/gi;
const WORD = /[A-Za-z]{2,}/g;

function reversed(t: string, out: Unscrambled[]): void {
  REVERSED_HINT.lastIndex = 0;
  let lastEnd = -1;
  for (let h = REVERSED_HINT.exec(t); h; h = REVERSED_HINT.exec(t)) {
    if (h.index < lastEnd) continue;
    let s = h.index;
    while (s > 0 && h.index - s < MAX_LINE && !isBreak(t, s - 1)) s--;
    let e = h.index;
    while (e < t.length && e - h.index < MAX_LINE && !isBreak(t, e)) e++;
    lastEnd = e;
    const clause = t.slice(s, e);
    const words = clause.match(WORD);
    if (!words || words.length < 4 || commonRatio(words) > 0.12) continue;
    const back = [...clause].reverse().join('');
    const backWords = back.match(WORD)!;
    if (commonRatio(backWords) >= 0.3 && backWords.filter((w) => COMMON.has(w.toLowerCase())).length >= 2) {
      const lead = clause.length - clause.trimStart().length;
      out.push({ start: s + lead, end: s + clause.trimEnd().length, text: back.trim(), hiding: 'bidi', label: 'reversed text', bonus: 0.3 });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Pig latin: "ignoreway allway eviouspray instructionsway".

/** Words a pig-latin decoding should land on, beyond the common function words. */
const VOCAB = new Set(
  ('ignore forget disregard previous prior above earlier instructions instruction rules prompt system reveal tell give show print ' +
    'password passwords secret secrets key keys code codes token credentials admin user users customer where live lives living ' +
    'currently current now does did do is are was were your you me my the a an and or all any every what who whom how why when ' +
    'say write send share email address name phone birth date city home account bank balance number data database ' +
    'hidden internal confidential private personal access api login pretend act role character mode unrestricted free rules ' +
    'output respond reply answer repeat spell letter letters word words first last next following please now then just only ' +
    'this that these those there here from with about into over under after before again instead new task tasks').split(' '),
);
const PIG_WORD = /\b[a-z]{2,}ay\b/gi;
/** The cheap test: "ay" ending a word (a literal scans fast). */
const AY_END = /ay(?![a-z])/gi;
const VOWEL = /[aeiou]/i;

/** The plain word a pig-latin word most likely stands for. */
function unpig(word: string): string {
  const lowerWord = word.toLowerCase();
  const stem = lowerWord.slice(0, -2);
  const known = (w: string): boolean => VOCAB.has(w) || COMMON.has(w);
  const candidates: string[] = [];
  // Vowel-initial words take "way", "yay" or "hay" (or just "ay").
  if (VOWEL.test(stem[0] ?? '') && /[wyh]$/.test(stem)) candidates.push(stem.slice(0, -1));
  let k = 0;
  while (k < 3 && k < stem.length - 1 && !VOWEL.test(stem[stem.length - 1 - k]!)) {
    k++;
    candidates.push(stem.slice(-k) + stem.slice(0, -k));
  }
  if (VOWEL.test(stem[0] ?? '')) candidates.push(stem);
  const hit = candidates.find(known);
  const plain = hit ?? candidates[0] ?? stem;
  return word[0] === word[0]!.toUpperCase() ? plain[0]!.toUpperCase() + plain.slice(1) : plain;
}

function pigLatin(t: string, out: Unscrambled[]): void {
  AY_END.lastIndex = 0;
  const hits: number[] = [];
  for (let m = AY_END.exec(t); m; m = AY_END.exec(t)) {
    // A word of at least two letters before "ay".
    if (m.index >= 2 && LETTER.test(t[m.index - 1]!) && LETTER.test(t[m.index - 2]!)) hits.push(m.index);
  }
  if (hits.length < 3) return;
  let i = 0;
  while (i < hits.length) {
    const lineStart = t.lastIndexOf('\n', hits[i]! - 1) + 1;
    let lineEnd = t.indexOf('\n', hits[i]!);
    if (lineEnd < 0) lineEnd = t.length;
    let j = i;
    while (j < hits.length && hits[j]! < lineEnd) j++;
    const count = j - i;
    i = j;
    if (count < 3 || lineEnd - lineStart > MAX_LINE) continue;
    const line = t.slice(lineStart, lineEnd);
    const words = line.match(/[A-Za-z]{3,}/g) ?? [];
    if (count / Math.max(1, words.length) < 0.5) continue;
    const text = line.replace(PIG_WORD, unpig);
    const plainWords = text.match(WORD) ?? [];
    if (commonRatio(plainWords) < 0.2) continue;
    out.push({ start: lineStart, end: lineEnd, text, hiding: 'rot13', label: 'pig latin', bonus: 0.3 });
  }
}

// ---------------------------------------------------------------------------------------------
// Payload splitting: quoted fragments the reader is told to join ("z = a + b + c", "Part 1 ... Part 2").

/** A concatenation of short variable names, assigned ("z = a + b") or not ("do what a + b says"). */
const CONCAT = /\b(?:([a-z]\w{0,2})\s*=\s*)?([a-z]\w{0,2}(?:\s*\+\s*[a-z]\w{0,2})+)\b/gi;
const ASSIGN = /\b([a-z]\w{0,2})\s*=\s*["“”'‘]([^"“”\n]{1,400}?)(?:["“”’]|(?=\s+[a-z]\w{0,2}\s*=\s*["“”'‘])|$)/gim;
const PART = /\bpart\s*(?:\d|one|two|three|four|[a-d])\b\s*(?:is|=|:)?\s*["“'‘]([^"“”\n]{1,300}?)["”'’]/gi;
/** A fragment that is prose: words with spaces, or a run of CJK, kana, Hangul or Thai. */
const PROSE = /\S\s+\S|[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]{4}/;
const INTERLEAVE = /\b(?:interlace|interleave|alternate|alternating|zip|weave)\w*/i;
const JOIN = /\b(?:combine|concatenate|join|merge|put together|assemble|using the following parts)\b/i;

function splitStrings(t: string, out: Unscrambled[]): void {
  if (!/\b[a-z]\w{0,2}\s*\+\s*[a-z]\w{0,2}\b|\bpart\s*(?:\d|one|two|[a-d])\b/i.test(t)) return;
  // Variables assigned quoted text and a concatenation of them.
  const values = new Map<string, { text: string; start: number; end: number }>();
  ASSIGN.lastIndex = 0;
  for (let m = ASSIGN.exec(t); m; m = ASSIGN.exec(t)) values.set(m[1]!.toLowerCase(), { text: m[2]!, start: m.index, end: m.index + m[0].length });
  CONCAT.lastIndex = 0;
  for (let m = CONCAT.exec(t); m; m = CONCAT.exec(t)) {
    // A fragment may be missing (garbled or given elsewhere); two known ones still make a payload.
    const parts = m[2]!.split('+').map((p) => values.get(p.trim().toLowerCase())).filter((p) => p !== undefined);
    if (parts.length < 2 || parts.length < m[2]!.split('+').length - 1) continue;
    const text = parts.map((p) => p.text).join('');
    const start = Math.min(m.index, ...parts.map((p) => p.start));
    const end = Math.max(m.index + m[0].length, ...parts.map((p) => p.end));
    // Sentences in string variables joined by a formula: the payload-splitting technique itself.
    const prose = parts.filter((p) => PROSE.test(p.text.trim())).length >= 2;
    out.push({ start, end, text, hiding: 'plain', label: 'strings joined by the text', bonus: 0.15, structural: prose ? 0.4 : undefined });
  }
  // "Part 1: '...', Part 2: '...'" joined (or interleaved letter by letter) plus the rest of the sentence.
  PART.lastIndex = 0;
  const found: { text: string; start: number; end: number }[] = [];
  for (let m = PART.exec(t); m; m = PART.exec(t)) found.push({ text: m[1]!, start: m.index, end: m.index + m[0].length });
  if (found.length < 2) return;
  const first = found[0]!;
  const last = found[found.length - 1]!;
  let lineEnd = t.indexOf('\n', last.end);
  if (lineEnd < 0) lineEnd = t.length;
  const lineStart = t.lastIndexOf('\n', first.start - 1) + 1;
  const tail = t.slice(last.end, Math.min(lineEnd, last.end + 200)).replace(/^[\s,.;:]+/, '');
  let joined: string;
  const line = t.slice(lineStart, lineEnd);
  const asked = INTERLEAVE.test(line) || JOIN.test(line);
  if (INTERLEAVE.test(line)) {
    joined = '';
    const longest = Math.max(...found.map((f) => f.text.length));
    for (let k = 0; k < longest; k++) for (const f of found) joined += f.text[k] ?? '';
  } else joined = found.map((f) => f.text.trim()).join(' ');
  out.push({ start: first.start, end: Math.min(lineEnd, last.end + 200), text: `${joined} ${tail}`.replace(/\s+/g, ' ').trim(), hiding: 'plain', label: 'parts joined by the text', bonus: 0.15, structural: asked ? 0.4 : undefined });
}
