/**
 * A literal prefilter for lexicon regexes. Compiling and first running ~150 cue regexes costs tens
 * of milliseconds per CLI start, though a typical document can match only a few of them. For each
 * regex source we derive literals of which any match must contain one (lower-cased); a cue whose
 * literals are all absent from the text cannot match and is skipped, so it is never compiled. When
 * the derivation cannot prove a literal is mandatory, the cue always runs (`null`).
 */

const MIN_LITERAL = 3;

/**
 * Walks a regex source from `from`, skipping escapes and character classes, and calls `visit` with
 * each structural character and the group depth after it ("(" raises it, ")" lowers it). Stops
 * and returns the index when `visit` returns true; returns -1 at the end. (A callback, not a
 * generator: this runs for every cue at start-up.)
 */
function walk(src: string, from: number, visit: (ch: string, index: number, depth: number) => boolean): number {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (visit(ch, i, depth)) return i;
  }
  return -1;
}

/** Splits a source at top-level `|` (outside groups and character classes). */
function topLevelBranches(src: string): string[] {
  const out: string[] = [];
  let start = 0;
  walk(src, 0, (ch, i, depth) => {
    if (ch === '|' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
    return false;
  });
  out.push(src.slice(start));
  return out;
}

/** Index just past the group that opens at `i` (src[i] === '('). */
function skipGroup(src: string, i: number): number {
  const close = walk(src, i, (ch, _j, depth) => ch === ')' && depth === 0);
  return close < 0 ? src.length : close + 1;
}

/** Length of the quantifier at `i` (`?`, `*`, `+`, `{m}`, `{m,}`, `{m,n}`, each maybe lazy), or 0. */
function quantifierLength(src: string, i: number): number {
  const ch = src[i];
  let len = 0;
  if (ch === '?' || ch === '*' || ch === '+') len = 1;
  else if (ch === '{') {
    const m = /^\{\d+(?:,\d*)?\}/.exec(src.slice(i));
    if (m) len = m[0].length;
  }
  if (len && src[i + len] === '?') len++;
  return len;
}

/** True when the quantifier at `i` allows zero repetitions. */
function optionalQuantifier(src: string, i: number): boolean {
  const ch = src[i];
  return ch === '?' || ch === '*' || (ch === '{' && /^\{0(?:,\d*)?\}/.test(src.slice(i)));
}

/** The mandatory literal runs of one branch without top-level alternation (lower-cased). */
function branchRuns(branch: string): string[] {
  const runs: string[] = [];
  let cur = '';
  const flush = () => {
    if (cur) runs.push(cur);
    cur = '';
  };
  for (let i = 0; i < branch.length; ) {
    const ch = branch[i]!;
    if (ch === '(' || ch === '[') {
      // groups and classes end a run; their contents are not mined (conservative)
      flush();
      if (ch === '(') i = skipGroup(branch, i);
      else {
        const end = branch.indexOf(']', i + 2);
        i = end < 0 ? branch.length : end + 1;
      }
      i += quantifierLength(branch, i);
      continue;
    }
    let lit: string | undefined;
    let len = 1;
    if (ch === '\\') {
      const next = branch[i + 1] ?? '';
      len = 2;
      // escaped punctuation is a literal; \b \s \w \d and friends are not
      lit = /[a-zA-Z0-9]/.test(next) ? undefined : next;
    } else if (!'^$.+*?{}|)'.includes(ch)) {
      lit = ch;
    }
    const after = i + len;
    const q = quantifierLength(branch, after);
    if (lit !== undefined && q === 0) {
      cur += lit.toLowerCase();
    } else if (lit !== undefined && !optionalQuantifier(branch, after)) {
      // a literal repeated one or more times: it is there, but what follows need not be adjacent
      cur += lit.toLowerCase();
      flush();
    } else {
      flush();
    }
    i = after + q;
  }
  flush();
  return runs;
}

/**
 * Literals (lower-case) of which every match of `source` contains at least one, or null when no
 * such set could be derived. Conservative: each top-level branch contributes its longest
 * mandatory literal run, and a branch without one makes the whole answer null.
 */
export function requiredLiterals(source: string): string[] | null {
  const out: string[] = [];
  for (const branch of topLevelBranches(source)) {
    const best = branchRuns(branch).sort((a, b) => b.length - a.length)[0];
    if (!best || best.trim().length < MIN_LITERAL) return null;
    out.push(best);
  }
  return out;
}

/**
 * The text as the gate compares it: lower-cased with white-space runs folded to one space, so a
 * literal with a space also stands for the `\s+` that some cue sources use in its place.
 */
export function gateText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/** True when `lowerText` (see {@link gateText}) may match a regex with these required literals. */
export function mayMatch(literals: readonly string[] | null, lowerText: string): boolean {
  return literals === null || literals.some((l) => lowerText.includes(l));
}
