/**
 * A small glob matcher for `threatstorm batch` (Node 20 has no fs.glob and we add no dependency).
 *
 * Supported: `*` (any characters within one path segment), `**` (a whole segment: zero or more
 * folders), `?` (one character), `[abc]` / `[a-z]` / `[!abc]` (character classes), `{a,b}`
 * (alternatives, nestable) and `\` to escape the next character. Paths and patterns use `/`.
 * Wildcards never match a leading `.` of a segment (hidden files need an explicit `.`).
 */

/** Characters that make a string a glob pattern rather than a literal path. */
const MAGIC = /[*?[{]/;

/** True when the string holds glob syntax (`*`, `?`, `[`, `{`). */
export function hasGlobMagic(text: string): boolean {
  return MAGIC.test(text);
}

/** Index of the `}` that closes the `{` at `open`, or -1 (escaped characters are skipped). */
function closingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Splits the body of a brace group at its top-level commas. */
function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/**
 * Expands `{a,b}` alternatives (nested too) into plain patterns, in order:
 * `a/{x,y{1,2}}.md` → `a/x.md`, `a/y1.md`, `a/y2.md`. A brace group without a comma is literal.
 */
export function expandBraces(pattern: string, limit = 1000): string[] {
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch !== '{') continue;
    const close = closingBrace(pattern, i);
    if (close < 0) return [pattern];
    const alternatives = splitAlternatives(pattern.slice(i + 1, close));
    if (alternatives.length < 2) continue;
    const head = pattern.slice(0, i);
    const tails = expandBraces(pattern.slice(close + 1), limit);
    const out: string[] = [];
    for (const alt of alternatives) {
      for (const middle of expandBraces(alt, limit)) {
        for (const tail of tails) {
          out.push(head + middle + tail);
          if (out.length > limit) throw new Error(`the pattern "${pattern}" expands to more than ${limit} alternatives`);
        }
      }
    }
    return out;
  }
  return [pattern];
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** Compiles one path segment (no `/`, braces already expanded) to an anchored regular expression. */
export function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '\\' && i + 1 < segment.length) {
      re += segment[++i]!.replace(REGEX_SPECIAL, '\\$&');
    } else if (ch === '*') {
      re += '[^/]*';
    } else if (ch === '?') {
      re += '[^/]';
    } else if (ch === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else {
      re += ch.replace(REGEX_SPECIAL, '\\$&');
    }
  }
  // Hidden files and folders only match a pattern segment that itself starts with a literal dot.
  const guard = /^[*?[]/.test(segment) ? '(?!\\.)' : '';
  return new RegExp(`^${guard}${re}$`);
}

/** A compiled glob: call `test(path)` with a `/`-separated path. */
export interface GlobMatcher {
  readonly pattern: string;
  test(path: string): boolean;
}

type Seg = '**' | RegExp;

function compileOne(pattern: string): (parts: readonly string[]) => boolean {
  const segs: Seg[] = pattern.split('/').filter((s, i) => s !== '' || i === 0).map((s) => (s === '**' ? '**' : segmentRegExp(s)));
  return (parts) => {
    const memo = new Map<number, boolean>();
    const match = (pi: number, si: number): boolean => {
      const key = pi * 10_000 + si;
      const hit = memo.get(key);
      if (hit !== undefined) return hit;
      let ok: boolean;
      const seg = segs[pi];
      if (seg === undefined) ok = si === parts.length;
      else if (seg === '**') ok = match(pi + 1, si) || (si < parts.length && !parts[si]!.startsWith('.') && match(pi, si + 1));
      else ok = si < parts.length && seg.test(parts[si]!) && match(pi + 1, si + 1);
      memo.set(key, ok);
      return ok;
    };
    return match(0, 0);
  };
}

/** Compiles a glob (braces included) into a matcher over `/`-separated paths. */
export function compileGlob(pattern: string): GlobMatcher {
  const alternatives = expandBraces(toPosix(pattern)).map(compileOne);
  return {
    pattern,
    test(path: string): boolean {
      const parts = toPosix(path).split('/').filter((s, i) => s !== '' || i === 0);
      return alternatives.some((m) => m(parts));
    },
  };
}

/** True when `path` matches `pattern` (both `/`-separated). */
export function matchGlob(pattern: string, path: string): boolean {
  return compileGlob(pattern).test(path);
}

/** Backslashes to forward slashes on Windows only (elsewhere `\` is a glob escape). */
export function toPosix(path: string): string {
  return process.platform === 'win32' ? path.replace(/\\/g, '/') : path;
}

/**
 * Splits a glob into the literal folder to start walking from and the pattern relative to it:
 * `docs/**\/*.md` → `{ base: 'docs', rest: '**\/*.md' }`; `/abs/x/*.md` → `{ base: '/abs/x', rest: '*.md' }`.
 */
export function globBase(pattern: string): { base: string; rest: string } {
  const segs = toPosix(pattern).split('/');
  let i = 0;
  while (i < segs.length - 1 && !hasGlobMagic(segs[i]!)) i++;
  const baseSegs = segs.slice(0, i);
  const base = baseSegs.length === 1 && baseSegs[0] === '' ? '/' : baseSegs.join('/');
  return { base: base || '.', rest: segs.slice(i).join('/') };
}
