/** Damerau–Levenshtein (optimal string alignment) distance between two strings. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

const norm = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The known word closest to `word`, or undefined when none is close enough to be a likely typo.
 * Close means a small edit distance (about one edit per three letters) or one containing the other
 * ("flows" → "dataFlows"). Comparison ignores case, "-", "_" and spaces.
 */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  const w = norm(word);
  if (!w) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const k of known) {
    const kn = norm(k);
    if (kn === w) return k;
    const dist = editDistance(w, kn);
    const limit = Math.max(1, Math.floor(Math.max(w.length, kn.length) / 3));
    const contains = w.length >= 4 && (kn.includes(w) || w.includes(kn));
    const score = dist <= limit ? dist : contains ? limit + 0.5 : Infinity;
    if (score < bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return best;
}

/** `' Did you mean "x"?'` when a close match exists, else the empty string. */
export function suggestion(word: string, known: readonly string[]): string {
  const s = didYouMean(word, known);
  return s ? ` Did you mean "${s}"?` : '';
}
