import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { compileGlob, expandBraces, globBase, hasGlobMagic, toPosix, type GlobMatcher } from './glob.js';

/** File extensions `batch` picks up from folders and from globs that do not name an extension. */
export const ARCHITECTURE_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt', '.yaml', '.yml', '.json', '.mmd'];

/** Folder names never descended into (besides hidden ones). */
const SKIPPED_DIRS = new Set(['node_modules']);

/** File names that configure threatstorm and are never architectures. */
const CONFIG_FILES = new Set(['threatstorm.accept.yaml', 'threatstorm.accept.yml']);

/** One input file of a batch. */
export interface BatchInput {
  /** The path shown to the user and written to summary.jsonl: relative to cwd when inside it, `/`-separated. */
  readonly path: string;
  readonly absPath: string;
  /** Real path (symlinks resolved); two inputs with the same real path are the same input. */
  readonly realPath: string;
}

/** An input argument that could not be used: a missing file, an unreadable folder. Counts as a failed input. */
export interface InputProblem {
  readonly input: string;
  readonly error: string;
}

/** Result of {@link expandInputs}. */
export interface ExpandedInputs {
  /** Unique inputs, sorted by path. */
  readonly inputs: BatchInput[];
  readonly problems: InputProblem[];
  /** Non-fatal notes, e.g. a pattern that matched nothing. */
  readonly warnings: string[];
}

/** Options of {@link expandInputs}. */
export interface ExpandOptions {
  readonly cwd?: string;
  /** Globs of inputs to skip; a pattern without `/` matches a file or folder name at any depth. */
  readonly ignore?: readonly string[];
  /** Folders never read (e.g. the output folder). */
  readonly exclude?: readonly string[];
}

/** The `/`-separated display path of an absolute path (relative to cwd when inside it). */
export function displayPath(absPath: string, cwd: string): string {
  const rel = relative(cwd, absPath);
  if (!rel) return '.';
  if (isAbsolute(rel) || rel.startsWith(`..${sep}`) || rel === '..') return absPath.split(sep).join('/');
  return rel.split(sep).join('/');
}

/** True when the file name has one of the {@link ARCHITECTURE_EXTENSIONS}. */
export function isArchitectureFile(name: string): boolean {
  const lower = name.toLowerCase();
  const base = lower.slice(Math.max(lower.lastIndexOf('/'), lower.lastIndexOf(sep)) + 1);
  return ARCHITECTURE_EXTENSIONS.some((ext) => lower.endsWith(ext)) && !CONFIG_FILES.has(base);
}

/** Builds the ignore test: each glob is tried on the display path, every parent folder of it, and (without `/`) each name. */
export function ignoreMatcher(patterns: readonly string[]): (displayPath: string) => boolean {
  const compiled = patterns.map((p) => {
    const posix = toPosix(p).replace(/^\.\//, '').replace(/\/+$/, '');
    return { byName: !posix.includes('/'), m: compileGlob(posix) };
  });
  if (!compiled.length) return () => false;
  return (path) => {
    const parts = path.split('/');
    return compiled.some(({ byName, m }) => {
      if (byName) return parts.some((part) => m.test(part));
      for (let i = parts.length; i > 0; i--) if (m.test(parts.slice(0, i).join('/'))) return true;
      return false;
    });
  };
}

interface Walker {
  readonly cwd: string;
  readonly excluded: ReadonlySet<string>;
  readonly problems: InputProblem[];
  readonly found: Map<string, BatchInput>;
  readonly isIgnored: (displayPath: string) => boolean;
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function addFile(w: Walker, absPath: string): void {
  const path = displayPath(absPath, w.cwd);
  if (w.isIgnored(path)) return;
  const realPath = realOrSelf(absPath);
  const prev = w.found.get(realPath);
  // The same file reached twice (two arguments, a symlink): keep the smallest display path.
  if (!prev || path < prev.path) w.found.set(realPath, { path, absPath, realPath });
}

/** Calls `visit(absPath, isDir)` for every non-hidden entry under `dir`, depth first, following symlinks once. */
function walk(w: Walker, dir: string, visit: (abs: string, isDir: boolean, rel: string) => void, relBase = '', seen = new Set<string>()): void {
  const real = realOrSelf(dir);
  if (seen.has(real) || w.excluded.has(real)) return;
  seen.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    w.problems.push({ input: displayPath(dir, w.cwd), error: `cannot read folder: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const abs = resolve(dir, e.name);
    const rel = relBase ? `${relBase}/${e.name}` : e.name;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = statSync(abs);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // dangling link
      }
    }
    if (isDir) {
      if (SKIPPED_DIRS.has(e.name) || w.isIgnored(displayPath(abs, w.cwd))) continue;
      visit(abs, true, rel);
      walk(w, abs, visit, rel, seen);
    } else if (isFile) {
      visit(abs, false, rel);
    }
  }
}

function expandDirectory(w: Walker, dir: string): void {
  walk(w, dir, (abs, isDir) => {
    if (!isDir && isArchitectureFile(abs)) addFile(w, abs);
  });
}

/** True when the last segment of a pattern names an extension literally (`*.md`), so no extension filter applies. */
function namesExtension(pattern: string): boolean {
  const last = pattern.split('/').pop() ?? '';
  return /\.[^.*?[\]{}\\]+$/.test(last);
}

function expandGlob(w: Walker, pattern: string, warnings: string[]): void {
  let matched = 0;
  for (const alt of expandBraces(toPosix(pattern))) {
    const { base, rest } = globBase(alt.replace(/^\.\//, ''));
    const absBase = resolve(w.cwd, base);
    const m: GlobMatcher = compileGlob(rest);
    const filter = !namesExtension(rest);
    try {
      if (!statSync(absBase).isDirectory()) continue;
    } catch {
      continue;
    }
    walk(w, absBase, (abs, isDir, rel) => {
      if (isDir || !m.test(rel)) return;
      if (filter && !isArchitectureFile(abs)) return;
      if (CONFIG_FILES.has(rel.split('/').pop()!.toLowerCase())) return;
      matched++;
      addFile(w, abs);
    });
  }
  if (!matched) warnings.push(`the pattern "${pattern}" matched no architecture files`);
}

/**
 * Expands `batch` arguments into input files: files as given (any extension), folders
 * recursively (architecture extensions only; hidden folders and node_modules skipped) and glob
 * patterns. Applies `--ignore`, drops the excluded folders, lists each file once (by real path)
 * and sorts by display path. A missing file or unreadable folder becomes a problem, not an error.
 */
export function expandInputs(args: readonly string[], opts: ExpandOptions = {}): ExpandedInputs {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const w: Walker = {
    cwd,
    excluded: new Set((opts.exclude ?? []).map((d) => realOrSelf(resolve(cwd, d)))),
    problems: [],
    found: new Map(),
    isIgnored: ignoreMatcher(opts.ignore ?? []),
  };
  const warnings: string[] = [];
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let stat: ReturnType<typeof statSync> | undefined;
    let code: string | undefined;
    try {
      stat = statSync(abs);
    } catch (err) {
      code = (err as NodeJS.ErrnoException).code;
    }
    if (stat?.isDirectory()) expandDirectory(w, abs);
    else if (stat) addFile(w, abs);
    else if (hasGlobMagic(arg)) expandGlob(w, arg, warnings);
    else if (!w.isIgnored(displayPath(abs, cwd))) {
      w.problems.push({
        input: displayPath(abs, cwd),
        error: code === 'ENOENT' || code === 'ENOTDIR' ? `does not exist (paths are relative to ${cwd})` : `cannot be read (${code ?? 'unknown error'})`,
      });
    }
  }
  const inputs = [...w.found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const problems = dedupeProblems(w.problems);
  return { inputs, problems, warnings };
}

function dedupeProblems(problems: readonly InputProblem[]): InputProblem[] {
  const seen = new Map<string, InputProblem>();
  for (const p of problems) if (!seen.has(p.input)) seen.set(p.input, p);
  return [...seen.values()].sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
}
