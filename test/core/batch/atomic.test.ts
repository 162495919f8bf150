import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LOCK_FILE, acquireOutputLock, pidAlive, removeOwnTempFiles, sweepStaleTempFiles, tempFilesInProgress, writeFileAtomicSync, writeFilesAtomic,
} from '../../../src/core/batch/atomic.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ts-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// A pid that cannot be running: above the kernel's pid_max.
const DEAD_PID = 99_999_999;

describe('atomic writes', () => {
  it('writes the whole files and leaves no temp file', async () => {
    await writeFilesAtomic([{ path: join(dir, 'a.json'), data: () => '{"a":1}\n' }, { path: join(dir, 'a.md'), data: () => '# a\n' }]);
    writeFileAtomicSync(join(dir, 'b.json'), '{"b":2}\n');
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'a.md', 'b.json']);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"a":1}\n');
    expect(tempFilesInProgress()).toBe(0);
  });

  it('all or nothing: an abort while staging commits none of the files and removes every temp file', async () => {
    writeFileSync(join(dir, 'x.md'), 'old');
    const ctl = new AbortController();
    const files = [
      { path: join(dir, 'x.md'), data: () => 'new md' },
      { path: join(dir, 'x.json'), data: () => { ctl.abort(); return '{"half":'.repeat(100_000); } },
    ];
    await expect(writeFilesAtomic(files, ctl.signal)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['x.md']);
    expect(readFileSync(join(dir, 'x.md'), 'utf8')).toBe('old');
    expect(tempFilesInProgress()).toBe(0);
  });

  it('an already aborted signal writes nothing', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(writeFilesAtomic([{ path: join(dir, 'y.md'), data: () => 'y' }], ctl.signal)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failed sync write is a clear error and leaves no temp file', () => {
    expect(() => writeFileAtomicSync(join(dir, 'missing-folder', 'x.json'), '{}')).toThrow(/cannot write .*ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removeOwnTempFiles is safe to call at any time', () => {
    removeOwnTempFiles();
    expect(tempFilesInProgress()).toBe(0);
  });
});

describe('sweepStaleTempFiles', () => {
  it('removes temp files of dead processes only', () => {
    writeFileSync(join(dir, `x.md.tmp-${DEAD_PID}-abc123`), 'half');
    writeFileSync(join(dir, `y.json.tmp-${process.ppid}-abc123`), 'someone else, alive');
    writeFileSync(join(dir, 'notes.tmp'), 'not ours');
    expect(sweepStaleTempFiles(dir)).toEqual([`x.md.tmp-${DEAD_PID}-abc123`]);
    expect(readdirSync(dir).sort()).toEqual(['notes.tmp', `y.json.tmp-${process.ppid}-abc123`]);
  });
  it('pidAlive knows this process and not an impossible pid', () => {
    expect(pidAlive(process.pid)).toBe(true);
    expect(pidAlive(DEAD_PID)).toBe(false);
  });
});

describe('acquireOutputLock', () => {
  it('refuses a second run while the lock is held by a live process, and frees it on release', () => {
    writeFileSync(join(dir, LOCK_FILE), String(process.ppid));
    expect(() => acquireOutputLock(dir)).toThrow(new RegExp(`another threatstorm batch \\(pid ${process.ppid}\\)`));
    rmSync(join(dir, LOCK_FILE));
    const release = acquireOutputLock(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
  it('takes over a lock left by a dead process', () => {
    writeFileSync(join(dir, LOCK_FILE), String(DEAD_PID));
    const release = acquireOutputLock(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    release();
  });
});
