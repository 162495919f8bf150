import { createHash } from 'node:crypto';

/** Output base names that belong to the batch itself (`summary.jsonl`, `summary.md`, `summary.csv`). */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['summary']);

// Device names Windows refuses as file names, whatever the extension.
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_NAME = 120;

/**
 * Turns untrusted text into a safe file-name stem: NFKC, only `A-Z a-z 0-9 _ -` kept (anything
 * else, dots and separators included, becomes `_`), no leading dash (nothing that looks like an
 * option), at most 120 characters, never empty, never a Windows device name. Having no dot, the
 * stem survives `safeOutputPath`, which drops an input's own extension.
 */
export function sanitizeName(text: string): string {
  let name = text.normalize('NFKC').replace(/[^A-Za-z0-9_-]/g, '_');
  name = name.replace(/^-+/, '');
  if (name.length > MAX_NAME) name = name.slice(0, MAX_NAME);
  if (!name) name = 'input';
  if (WINDOWS_DEVICES.test(name)) name = `_${name}`;
  return name;
}

interface Candidate {
  readonly path: string;
  readonly dirs: readonly string[];
  stem: string;
  /** The file name without extension, before any `_ext` suffix. */
  readonly baseStem: string;
  readonly ext: string;
  depth: number;
  name: string;
}

function split(path: string): Candidate {
  const parts = path.split('/').filter((p) => p && p !== '.' && p !== '..');
  const file = parts.pop() ?? 'input';
  const dot = file.lastIndexOf('.');
  const stem = dot > 0 ? file.slice(0, dot) : file;
  const ext = dot > 0 ? file.slice(dot + 1) : '';
  const c: Candidate = { path, dirs: parts, stem, baseStem: stem, ext, depth: 0, name: '' };
  c.name = nameAt(c);
  return c;
}

function nameAt(c: Candidate): string {
  const dirs = c.depth ? c.dirs.slice(-c.depth) : [];
  return sanitizeName([...dirs, c.stem].join('__'));
}

const key = (name: string) => name.toLowerCase(); // case-insensitive file systems (macOS, Windows)

function collisions(cands: readonly Candidate[], taken: ReadonlySet<string>): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of cands) {
    const k = key(c.name);
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  const out: Candidate[] = [];
  for (const [k, group] of groups) if (group.length > 1 || taken.has(k)) out.push(...group);
  return out;
}

/**
 * Output base names for input paths (`/`-separated), unique case-insensitively and stable for the
 * same set of inputs: the file name without extension (`docs/x.md` → `x`); the extension too when
 * the same folder holds `x.md` and `x.yaml` (`x_md`, `x_yaml`); where two inputs still share a
 * name, parent folders are prefixed until they differ (`docs/a/x.md` → `a__x`, `docs/b/x.md` →
 * `b__x`); as a last resort a short hash of the path.
 * Names never equal a {@link RESERVED_NAMES} entry.
 */
export function outputNames(paths: readonly string[]): Map<string, string> {
  const cands = [...new Set(paths)].sort().map(split);
  const reserved = new Set([...RESERVED_NAMES].map(key));
  // 1. the same file name in the same folder (x.md, x.yaml): only the extension tells them apart
  const sameStem = new Map<string, number>();
  for (const c of cands) sameStem.set(key([...c.dirs, c.stem].join('/')), (sameStem.get(key([...c.dirs, c.stem].join('/'))) ?? 0) + 1);
  for (const c of cands) if (c.ext && sameStem.get(key([...c.dirs, c.stem].join('/')))! > 1) c.stem = `${c.stem}_${c.ext}`;
  for (const c of cands) c.name = nameAt(c);
  // 2. add parent folders, one at a time, where files of the same name sit in different folders
  //    (comparing names without the extension suffix, so a/x.yaml, b/x.md and b/x.yaml all move)
  for (;;) {
    const groups = new Map<string, Candidate[]>();
    for (const c of cands) {
      const k = key(nameAt({ ...c, stem: c.baseStem }));
      groups.set(k, [...(groups.get(k) ?? []), c]);
    }
    const clash = [...groups]
      .filter(([k, g]) => reserved.has(k) || new Set(g.map((c) => key(c.dirs.join('/')))).size > 1)
      .flatMap(([, g]) => g)
      .filter((c) => c.depth < c.dirs.length);
    if (!clash.length) break;
    for (const c of clash) {
      c.depth++;
      c.name = nameAt(c);
    }
  }
  // 3. then the extension
  for (const c of collisions(cands, reserved)) if (c.ext && !c.stem.endsWith(`_${c.ext}`)) c.name = sanitizeName(`${c.name}_${c.ext}`);
  // 4. then a hash of the path, which always differs
  for (const c of collisions(cands, reserved)) {
    const h = createHash('sha256').update(c.path).digest('hex').slice(0, 8);
    c.name = `${c.name.slice(0, MAX_NAME - 9)}-${h}`;
  }
  // Distinct paths give distinct hashes, so nothing collides any more.
  return new Map(cands.map((c) => [c.path, c.name]));
}
