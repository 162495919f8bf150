import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';

/** Largest input threatstorm reads, in bytes. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** An input document read and checked: text, where it came from and its content hash. */
export interface InputDoc {
  /** File path as given, or "-" for standard input. */
  readonly source: string;
  readonly text: string;
  readonly bytes: number;
  /** sha256 of the raw bytes, hex. */
  readonly sha256: string;
}

/**
 * Checks raw bytes and decodes them as UTF-8: rejects empty, binary (NUL bytes), oversized and
 * invalid UTF-8 input with a message that says what is wrong and how to fix it.
 */
export function decodeInput(source: string, buf: Buffer): InputDoc {
  const where = source === '-' ? 'standard input' : source;
  if (buf.length > MAX_INPUT_BYTES) {
    throw new InputError(source, `${where} is ${(buf.length / 1024 / 1024).toFixed(1)} MB; threatstorm reads at most 5 MB. Split the architecture into several documents (one per system) and use \`threatstorm batch\`.`);
  }
  if (buf.subarray(0, 8192).includes(0)) {
    throw new InputError(source, `${where} looks binary (it contains NUL bytes). Give a text file: Markdown, plain prose, YAML or JSON.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    const at = firstInvalidUtf8(buf);
    throw new InputError(source, `${where} is not valid UTF-8 (first bad byte at offset ${at}). Convert it, e.g. \`iconv -f latin1 -t utf-8 ${source === '-' ? 'FILE' : source} > fixed.md\`.`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) {
    throw new InputError(source, `${where} is empty. Describe the system: its components, what data flows between them and which AI models it uses.`);
  }
  return { source, text, bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
}

/** Reads a file (or all of standard input for "-") and checks it with {@link decodeInput}. */
export function readInput(source: string, stdin: () => Buffer = () => readFileSync(0)): InputDoc {
  if (source === '-') return decodeInput(source, stdin());
  let size: number;
  try {
    const st = statSync(source);
    if (st.isDirectory()) throw new InputError(source, `${source} is a folder. Give one file to \`generate\`, or use \`threatstorm batch ${source}\` for every file in it.`);
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(source, `${source} does not exist. Check the path (it is relative to ${process.cwd()}).`);
    if (code === 'EACCES') throw new InputError(source, `${source} cannot be read: permission denied.`);
    throw new InputError(source, `${source} cannot be read (${code ?? 'unknown error'}).`);
  }
  if (size > MAX_INPUT_BYTES) return decodeInput(source, Buffer.alloc(size)); // reports the size without reading it all
  return decodeInput(source, readFileSync(source));
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (linear scan). */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!len || i + len > buf.length) return i;
    for (let k = 1; k < len; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return buf.length;
}
