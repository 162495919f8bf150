import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput, readInput, MAX_INPUT_BYTES } from '../../../src/core/input/readInput.js';
import { InputError } from '../../../src/core/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'ts-in-'));
const file = (name: string, data: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('readInput', () => {
  it('reads a text file, strips a BOM and hashes the raw bytes', () => {
    const doc = readInput(file('a.md', '\ufeff# System\nA chatbot.'));
    expect(doc.text).toBe('# System\nA chatbot.');
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names a missing file and says where it looked', () => {
    const e = errorOf(() => readInput(join(dir, 'nope.md')));
    expect(e.message).toMatch(/nope\.md does not exist/);
    expect(e.exitCode).toBe(2);
  });

  it('rejects a folder and points to batch', () => {
    const d = join(dir, 'sub');
    mkdirSync(d);
    expect(errorOf(() => readInput(d)).message).toMatch(/is a folder.*threatstorm batch/);
  });

  it('rejects empty and whitespace-only input', () => {
    expect(errorOf(() => readInput(file('e.md', ''))).message).toMatch(/is empty/);
    expect(errorOf(() => readInput(file('w.md', ' \n\t\n'))).message).toMatch(/is empty/);
  });

  it('rejects binary input', () => {
    expect(errorOf(() => readInput(file('b.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])))).message).toMatch(/looks binary/);
  });

  it('rejects invalid UTF-8 with the offset and a fix', () => {
    const e = errorOf(() => readInput(file('l1.md', Buffer.from([0x61, 0x62, 0xe9, 0x63]))));
    expect(e.message).toMatch(/not valid UTF-8 \(first bad byte at offset 2\)/);
    expect(e.message).toMatch(/iconv/);
  });

  it('rejects input over 5 MB without reading it', () => {
    expect(errorOf(() => decodeInput('big.md', Buffer.alloc(MAX_INPUT_BYTES + 1, 0x61))).message).toMatch(/at most 5 MB/);
  });

  it('reads standard input through the injected reader', () => {
    const doc = readInput('-', () => Buffer.from('flowchart LR\nA-->B'));
    expect(doc.source).toBe('-');
    expect(doc.text).toContain('A-->B');
    expect(errorOf(() => readInput('-', () => Buffer.alloc(0))).message).toMatch(/standard input is empty/);
  });
});
