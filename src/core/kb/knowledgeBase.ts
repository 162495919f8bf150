import type { LoadedPattern } from '../domain/index.js';
import { loadKbDir, type KbError } from './loadKb.js';
import { BUILTIN_KB_DIR, kbDigest, readPrecompiled, type KnowledgeBase } from './builtin.js';

export { BUILTIN_KB_DIR, PRECOMPILED_KB, PROJECT_ROOT, kbDigest, loadKnowledgeBaseAsync, type KnowledgeBase } from './builtin.js';
export type { KbError };

/**
 * Loads the built-in patterns: from the precompiled `dist/kb.json` when running the built CLI
 * (fast start-up: one JSON.parse, validated at build time), from `knowledge/*.md` when running
 * from source (tests), so edits are never hidden by a stale build.
 */
export function loadBuiltinPatterns(): { patterns: LoadedPattern[]; digest: string } {
  const pre = readPrecompiled();
  if (pre) return pre;
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
