import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, EXIT } from '../errors.js';

/** Temp files this process is writing right now; removed synchronously if it exits half-way. */
const TEMP_FILES = new Set<string>();

/** Matches temp files written by threatstorm (`<file>.tmp-<pid>-<random>`), capturing the pid. */
export const TEMP_FILE_RE = /\.tmp-(\d+)-[0-9a-z]+$/;

/** A fresh temp path next to `path`, registered for cleanup. */
function tempPath(path: string): string {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  TEMP_FILES.add(tmp);
  return tmp;
}

/** Removes every temp file this process still has open (synchronous: safe in an `exit` handler). */
export function removeOwnTempFiles(): void {
  for (const tmp of TEMP_FILES) rmSync(tmp, { force: true });
  TEMP_FILES.clear();
}

/** Number of temp files in progress (for tests). */
export function tempFilesInProgress(): number {
  return TEMP_FILES.size;
}

/** A file written to its temp path, waiting to be renamed into place. */
export interface StagedFile {
  readonly path: string;
  /** Renames the temp file into place (synchronous). */
  commit(): void;
  /** Removes the temp file. */
  discard(): void;
}

/**
 * Writes `data` to a temp file next to `path` and returns a handle to rename it into place later.
 * Staging every output of an input first and committing them together (synchronous renames, no
 * await in between) makes an input's outputs all-or-nothing when the run is abandoned.
 */
export async function stageFile(path: string, data: string, signal?: AbortSignal): Promise<StagedFile> {
  const tmp = tempPath(path);
  try {
    await writeFile(tmp, data, { signal });
  } catch (err) {
    await rm(tmp, { force: true });
    TEMP_FILES.delete(tmp);
    throw err;
  }
  return {
    path,
    commit: () => {
      renameSync(tmp, path);
      TEMP_FILES.delete(tmp);
    },
    discard: () => {
      rmSync(tmp, { force: true });
      TEMP_FILES.delete(tmp);
    },
  };
}

/**
 * Stages every file, then commits them all at once; on any failure or abort nothing is renamed
 * and every temp file is removed.
 */
export async function writeFilesAtomic(files: readonly { path: string; data: () => string }[], signal?: AbortSignal): Promise<void> {
  const staged: StagedFile[] = [];
  try {
    for (const f of files) {
      signal?.throwIfAborted();
      staged.push(await stageFile(f.path, f.data(), signal));
    }
    signal?.throwIfAborted();
  } catch (err) {
    staged.forEach((s) => s.discard());
    throw err;
  }
  for (let i = 0; i < staged.length; i++) {
    try {
      staged[i]!.commit();
    } catch (err) {
      staged.slice(i).forEach((s) => s.discard());
      throw err;
    }
  }
}

/** Writes a file atomically and synchronously (temp file + rename); a failure leaves no temp file. */
export function writeFileAtomicSync(path: string, data: string): void {
  const tmp = tempPath(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new AppError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}. Check the folder is writable and the disk is not full.`, EXIT.usage);
  } finally {
    TEMP_FILES.delete(tmp);
  }
}

/** True when a process with this pid exists (EPERM means it exists but is not ours). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files left in `dir` by a threatstorm process that no longer runs (killed with
 * SIGKILL or by a power cut). Returns the names removed.
 */
export function sweepStaleTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_FILE_RE.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && pidAlive(pid)) continue;
    if (pid === process.pid && TEMP_FILES.has(join(dir, name))) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed.sort();
}

/** Name of the lock file a batch run holds in its output folder. */
export const LOCK_FILE = '.threatstorm-batch.lock';

/**
 * Takes the output folder's lock so two runs never write the same summary.jsonl. A lock left by
 * a process that is gone is taken over. Returns the release function.
 */
export function acquireOutputLock(outDir: string): () => void {
  mkdirSync(outDir, { recursive: true });
  const lock = join(outDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new AppError(`cannot write to ${outDir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}. Check the folder is writable.`, EXIT.usage);
      }
      const pid = Number(readFileOr(lock).trim());
      if (pid !== process.pid && pidAlive(pid)) {
        throw new AppError(
          `another threatstorm batch (pid ${pid}) is writing to ${outDir}. Wait for it to finish, or delete ${lock} if that process is not threatstorm.`,
          EXIT.usage,
        );
      }
      rmSync(lock, { force: true }); // stale: its process is gone
    }
  }
  throw new AppError(`cannot lock ${outDir}: ${lock} keeps reappearing. Is another batch starting in the same folder?`, EXIT.usage);
}

function readFileOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
