import type { MisuseCase } from '../domain/index.js';
import { rankCases } from '../engine/offline.js';

const words = (s: string) => new Set(s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 3));

/** Jaccard similarity of the words of two titles. */
export function titleSimilarity(a: string, b: string): number {
  const A = words(a);
  const B = words(b);
  if (!A.size || !B.size) return 0;
  let inter = 0;
  for (const w of A) if (B.has(w)) inter++;
  return inter / (A.size + B.size - inter);
}

/**
 * Merges model cases with the offline cases: a model case that covers the same pattern on the same
 * target replaces the offline one (it is the richer, tailored version); near-duplicate model cases
 * (same class and targets, similar titles) are kept once; the rest are ranked together.
 */
export function mergeCases(offline: readonly MisuseCase[], model: readonly MisuseCase[], maxCases?: number): MisuseCase[] {
  const kept: MisuseCase[] = [];
  for (const c of model) {
    const dup = kept.find((k) => k.threatClass === c.threatClass && sameTargets(k, c) && titleSimilarity(k.title, c.title) >= 0.5);
    if (!dup) kept.push(c);
  }
  const covered = new Set(kept.flatMap((c) => c.references.patterns.flatMap((p) => c.targets.map((t) => `${p}@${t}`))));
  const rest = offline.filter((c) => !c.targets.every((t) => c.references.patterns.some((p) => covered.has(`${p}@${t}`))));
  return rankCases([...kept, ...rest], maxCases);
}

function sameTargets(a: MisuseCase, b: MisuseCase): boolean {
  return a.targets.length === b.targets.length && a.targets.every((t) => b.targets.includes(t));
}
