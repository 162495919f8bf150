import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError, EXIT, errorMessage } from '../core/errors.js';

/** True when colour may be used on stderr (a TTY, and NO_COLOR / FORCE_COLOR=0 not set). */
export function useColor(stream: NodeJS.WriteStream = process.stderr): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR === '0') return false;
  return !!stream.isTTY;
}

const paint = (code: string) => (s: string) => (useColor() ? `\u001b[${code}m${s}\u001b[0m` : s);
/** Colour helpers for stderr diagnostics; plain text when colour is off. */
export const c = { red: paint('31'), yellow: paint('33'), green: paint('32'), dim: paint('2'), bold: paint('1'), cyan: paint('36') };

let quiet = false;
/** Silences info diagnostics (errors still print). */
export function setQuiet(q: boolean): void {
  quiet = q;
}

/** An informational line on stderr (suppressed by --quiet). */
export function info(msg: string): void {
  if (!quiet) process.stderr.write(`${msg}\n`);
}

/** A warning on stderr (suppressed by --quiet). */
export function warn(msg: string): void {
  if (!quiet) process.stderr.write(`${c.yellow('warning:')} ${msg}\n`);
}

/**
 * Writes a file atomically: a temp file in the same folder, then rename, so a reader (or a crash)
 * never sees half a file.
 */
export function writeFileAtomic(path: string, data: string): void {
  mkdirSync(dirname(path) || '.', { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Date.now().toString(36)}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new AppError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}. Check the folder exists and is writable.`, EXIT.usage);
  }
}

/** Writes the requested output to `--out` (atomically) or to stdout. */
export function emit(text: string, out?: string): void {
  if (out && out !== '-') {
    writeFileAtomic(out, text);
    info(c.dim(`wrote ${out}`));
  } else {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}

/** Runs a command action, turning errors into a one-paragraph message and an exit code (no stack traces). */
export async function runAction(fn: () => Promise<number | void> | number | void): Promise<void> {
  try {
    const code = await fn();
    process.exitCode = typeof code === 'number' ? code : EXIT.ok;
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`${c.red('threatstorm: error:')} ${err.message}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    process.stderr.write(`${c.red('threatstorm: internal error:')} ${errorMessage(err)}\n`);
    if (process.env.THREATSTORM_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    else process.stderr.write('Set THREATSTORM_DEBUG=1 for details, and please report it with the input that caused it.\n');
    process.exitCode = 70;
  }
}
