import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedPattern } from '../domain/index.js';
import { loadKbDir, type KbError } from './loadKb.js';

/** The project root (works from `src/` under tsx/vitest and from `dist/` when built). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

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

const runningFromSource = !fileURLToPath(import.meta.url).includes(`${join('dist', 'core')}`);

/**
 * Loads the built-in patterns: from the precompiled `dist/kb.json` when running the built CLI
 * (fast start-up: one JSON.parse, validated at build time), from `knowledge/*.md` when running
 * from source (tests), so edits are never hidden by a stale build.
 */
export function loadBuiltinPatterns(): { patterns: LoadedPattern[]; digest: string } {
  if (!runningFromSource && existsSync(PRECOMPILED_KB)) {
    const kb = JSON.parse(readFileSync(PRECOMPILED_KB, 'utf8')) as PrecompiledKb;
    return { patterns: kb.patterns, digest: kb.digest };
  }
  const { patterns, errors } = loadKbDir(BUILTIN_KB_DIR);
  if (errors.length) {
    const first = errors[0]!;
    throw new Error(`the built-in knowledge base has ${errors.length} error(s), first: ${first.file}: ${first.field}: ${first.message}`);
  }
  return { patterns, digest: kbDigest(patterns) };
}

/**
 * Loads the knowledge base: built-in patterns plus user folders. A user pattern with the id of a
 * built-in one replaces it (so teams can tune patterns); bad user files are reported, not fatal.
 */
export function loadKnowledgeBase(userDirs: readonly string[] = []): KnowledgeBase {
  const builtin = loadBuiltinPatterns();
  if (!userDirs.length) return { patterns: builtin.patterns, digest: builtin.digest, errors: [] };
  const byId = new Map(builtin.patterns.map((p) => [p.id, p]));
  const errors: KbError[] = [];
  for (const dir of userDirs) {
    const res = loadKbDir(dir);
    errors.push(...res.errors);
    for (const p of res.patterns) byId.set(p.id, p);
  }
  const patterns = [...byId.values()];
  return { patterns, digest: kbDigest(patterns), errors };
}
