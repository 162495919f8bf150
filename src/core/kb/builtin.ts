import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedPattern } from '../domain/index.js';
import type { KbError } from './loadKb.js';

/**
 * The package root: the nearest folder above this module with threatstorm's package.json. Works
 * from `src/` (tests), from `dist/` (tsc output) and from the bundled CLI in `dist/bin/`.
 */
export const PROJECT_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"threatstorm"/.test(readFileSync(pkg, 'utf8'))) return dir;
    if (dirname(dir) === dir) return resolve(start, '../../..');
  }
}

/** The built-in knowledge folder. */
export const BUILTIN_KB_DIR = join(PROJECT_ROOT, 'knowledge');

/** The precompiled knowledge base written by `npm run build`. */
export const PRECOMPILED_KB = join(PROJECT_ROOT, 'dist', 'kb.json');

/** The knowledge base in use: patterns from the built-in folder plus any `--kb` folders. */
export interface KnowledgeBase {
  readonly patterns: readonly LoadedPattern[];
  /** sha256 over the patterns, so outputs can say which knowledge produced them. */
  readonly digest: string;
  /** Problems in user folders (built-in problems are build errors). */
  readonly errors: readonly KbError[];
}

/** Shape of dist/kb.json. */
interface PrecompiledKb {
  readonly digest: string;
  readonly patterns: LoadedPattern[];
}

/** Hash of a set of patterns, stable across machines. */
export function kbDigest(patterns: readonly LoadedPattern[]): string {
  const h = createHash('sha256');
  for (const p of patterns) h.update(JSON.stringify({ ...p, file: p.file.split(/[\\/]/).pop() }));
  return h.digest('hex').slice(0, 16);
}

const runningFromSource = fileURLToPath(import.meta.url).includes(`${sep}src${sep}`);

/** Reads the precompiled knowledge base, or undefined when running from source or it is missing. */
export function readPrecompiled(): { patterns: LoadedPattern[]; digest: string } | undefined {
  if (runningFromSource || !existsSync(PRECOMPILED_KB)) return undefined;
  const kb = JSON.parse(readFileSync(PRECOMPILED_KB, 'utf8')) as PrecompiledKb;
  return { patterns: kb.patterns, digest: kb.digest };
}

/**
 * Loads the knowledge base without loading the front-matter parser and zod when they are not
 * needed: the precompiled built-in patterns alone need one JSON.parse. User folders (or a run from
 * source) load the full loader on demand.
 */
export async function loadKnowledgeBaseAsync(userDirs: readonly string[] = []): Promise<KnowledgeBase> {
  const pre = readPrecompiled();
  if (pre && !userDirs.length) return { patterns: pre.patterns, digest: pre.digest, errors: [] };
  const { loadKnowledgeBase } = await import('./knowledgeBase.js');
  return loadKnowledgeBase(userDirs);
}
