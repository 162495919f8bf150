import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import type matterType from 'gray-matter';
import { PATTERN_PLACEHOLDERS, ThreatPatternSchema, type LoadedPattern } from '../domain/index.js';
import { formatZodIssues } from '../errors.js';

/** One problem with one knowledge file. */
export interface KbError {
  readonly file: string;
  /** Dotted path of the front-matter field at fault, or "" for the whole file. */
  readonly field: string;
  readonly message: string;
}

/** Result of loading a knowledge folder: the valid patterns and every error (one bad file never hides others). */
export interface KbLoadResult {
  readonly patterns: LoadedPattern[];
  readonly errors: KbError[];
}

// gray-matter (and js-yaml with it) loads only when a knowledge file is actually parsed.
const requireCjs = createRequire(import.meta.url);
let matterFn: typeof matterType | undefined;
const matter = (text: string, opts: object) => (matterFn ??= requireCjs('gray-matter') as typeof matterType)(text, opts);

const PLACEHOLDER_RE = /\{([a-zA-Z_]+)\}/g;
const MIN_BODY_CHARS = 120;

/** Lists the `*.md` pattern files of a folder (not recursive; README.md is skipped), sorted. */
export function listKbFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile());
}

/** Parses and validates one knowledge file's text. */
export function parsePatternFile(file: string, text: string): { pattern?: LoadedPattern; errors: KbError[] } {
  const errors: KbError[] = [];
  if (!text.trimStart().startsWith('---')) {
    return { errors: [{ file, field: '', message: 'missing YAML front matter: the file must start with a line "---"' }] };
  }
  let parsed: matterType.GrayMatterFile<string>;
  try {
    // A fresh options object disables gray-matter's cache, which would otherwise keep stale results.
    parsed = matter(text, {});
  } catch (err) {
    return { errors: [{ file, field: '', message: `front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}` }] };
  }
  const result = ThreatPatternSchema.safeParse(parsed.data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      errors.push({ file, field: issue.path.map(String).join('.'), message: formatZodIssues([issue]).replace(/^\s*- [^:]*: /, '') });
    }
    return { errors };
  }
  const p = result.data;
  const expectedId = basename(file, '.md');
  if (!file.startsWith('builtin:') && p.id !== expectedId) {
    errors.push({ file, field: 'id', message: `id "${p.id}" must equal the file name "${expectedId}"` });
  }
  for (const [field, value] of Object.entries(p)) {
    for (const name of placeholders(value)) {
      if (!(PATTERN_PLACEHOLDERS as readonly string[]).includes(name)) {
        errors.push({ file, field, message: `unknown placeholder {${name}}; use ${PATTERN_PLACEHOLDERS.map((x) => `{${x}}`).join(', ')}` });
      }
    }
  }
  const body = parsed.content.trim();
  if (body.length < MIN_BODY_CHARS) {
    errors.push({ file, field: 'body', message: `the Markdown body after the front matter is ${body.length} characters; write at least ${MIN_BODY_CHARS}` });
  }
  if (errors.length) return { errors };
  return { pattern: { ...p, body, file }, errors };
}

function placeholders(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(PLACEHOLDER_RE)].map((m) => m[1]!);
  if (Array.isArray(value)) return value.flatMap(placeholders);
  if (value && typeof value === 'object') return Object.values(value).flatMap(placeholders);
  return [];
}

/** Loads every pattern file in `dir`, collecting per-file errors and duplicate ids. */
export function loadKbDir(dir: string): KbLoadResult {
  let files: string[];
  try {
    files = listKbFiles(dir);
  } catch (err) {
    return { patterns: [], errors: [{ file: dir, field: '', message: `cannot read knowledge folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` }] };
  }
  const patterns: LoadedPattern[] = [];
  const errors: KbError[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const { pattern, errors: fileErrors } = parsePatternFile(file, readFileSync(file, 'utf8'));
    errors.push(...fileErrors);
    if (!pattern) continue;
    const dup = seen.get(pattern.id);
    if (dup) {
      errors.push({ file, field: 'id', message: `duplicate id "${pattern.id}" (also in ${dup})` });
      continue;
    }
    seen.set(pattern.id, file);
    patterns.push(pattern);
  }
  return { patterns, errors };
}
