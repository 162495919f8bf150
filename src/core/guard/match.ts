/**
 * Runs the cues over a text: gated by keywords on large documents, with each cue's extra
 * conditions (word start, needs, unless, sentence condition) applied to every match.
 */
import { sentenceAround } from './context.js';
import { GATE_MIN_LENGTH, Gate, type Range } from './gate.js';
import { CUES, type Cue } from './patterns.js';

/** Matches per cue worth weighing; past this the document is flooded and the verdict is clear. */
const MAX_MATCHES_PER_CUE = 400;
const LETTER_BEFORE = /[\p{L}\p{N}]/u;
const CUE_GATES = CUES.map((c) => c.gate);

/**
 * Calls `visit` for every kept match of every cue, with the match's start and end in `t`.
 * Large documents run each cue only over the chunks its gate opens; small ones skip the cues whose
 * gate words are absent from the whole text, so most regexes are never compiled in a short scan.
 */
export function forEachCue(t: string, visit: (cue: Cue, start: number, end: number) => void): void {
  const large = t.length >= GATE_MIN_LENGTH;
  const gate = new Gate(t, CUE_GATES, !large);
  CUES.forEach((cue, index) => {
    if (!large && !gate.opens(index)) return;
    let seen = 0;
    for (const range of rangesOf(large ? gate : undefined, index, t.length)) {
      const slice = range.start === 0 && range.readTo === t.length ? t : t.slice(range.start, range.readTo);
      cue.re.lastIndex = 0;
      for (let m = cue.re.exec(slice); m && seen < MAX_MATCHES_PER_CUE; m = cue.re.exec(slice)) {
        if (m[0].length === 0) {
          cue.re.lastIndex++;
          continue;
        }
        if (range.start + m.index >= range.end) break;
        if (matchAt(t, cue, range.start + m.index, m[0], visit)) seen++;
      }
    }
  });
}

/** The ranges to scan for one cue: everything when ungated or when the gate opens most chunks. */
function rangesOf(gate: Gate | undefined, index: number, length: number): Range[] {
  const all = [{ start: 0, end: length, readTo: length }];
  if (!gate) return all;
  const ranges = gate.rangesFor(index);
  const covered = ranges.reduce((n, r) => n + r.readTo - r.start, 0);
  // Many small slices cost more than one pass over the whole text.
  return covered > length * 0.6 ? all : ranges;
}

/** Applies a cue's extra conditions to one match and visits it; false when it was dropped. */
function matchAt(t: string, cue: Cue, at: number, matched: string, visit: (cue: Cue, start: number, end: number) => void): boolean {
  if (cue.wordStart && at > 0 && LETTER_BEFORE.test(t[at - 1]!)) return false;
  if (cue.needs && !cue.needs.test(matched)) return false;
  if (cue.unless && cue.unless.test(matched)) return false;
  // Leading separators some cues match (line starts, punctuation) are not part of the finding.
  const start = at + matched.length - matched.replace(/^[\s.!?:>*-]+/, '').length;
  const end = at + matched.length;
  if (cue.sentenceNeeds || cue.beforeUnless) {
    const [s, e] = sentenceAround(t, start, end);
    if (cue.sentenceNeeds && !cue.sentenceNeeds.test(t.slice(s, e))) return false;
    if (cue.beforeUnless && cue.beforeUnless.test(t.slice(s, start))) return false;
  }
  visit(cue, start, end);
  return true;
}

/** A cue's base score for one match: its weight, plus 0.1 when the match has its strong form. */
export function cueWeight(cue: Cue, matched: string): number {
  return cue.weight + (cue.strong && cue.strong.test(matched) ? 0.1 : 0);
}
