import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputNames, sanitizeName } from '../../../src/core/batch/naming.js';
import { safeOutputPath } from '../../../src/core/export/index.js';

describe('outputNames', () => {
  it('uses the bare file name when it is unique', () => {
    expect(Object.fromEntries(outputNames(['docs/bot.md', 'docs/payroll.yaml']))).toEqual({ 'docs/bot.md': 'bot', 'docs/payroll.yaml': 'payroll' });
  });

  it('prefixes parent folders only where names collide', () => {
    const names = outputNames(['docs/a/x.md', 'docs/b/x.md', 'docs/c/y.md']);
    expect(Object.fromEntries(names)).toEqual({ 'docs/a/x.md': 'a__x', 'docs/b/x.md': 'b__x', 'docs/c/y.md': 'y' });
  });

  it('goes as deep as needed', () => {
    const names = outputNames(['p/a/s/x.md', 'q/a/s/x.md']);
    expect([...names.values()]).toEqual(['p__a__s__x', 'q__a__s__x']);
  });

  it('adds the extension for same folder, same stem', () => {
    expect([...outputNames(['d/x.md', 'd/x.yaml']).values()]).toEqual(['x_md', 'x_yaml']);
  });

  it('moves a whole family of same-named files into their folders, extension only where the folder is shared', () => {
    const names = outputNames(['docs/a/x.yaml', 'docs/b/x.md', 'docs/b/x.yaml', 'docs/c/y.md']);
    expect([...names.values()]).toEqual(['a__x', 'b__x_md', 'b__x_yaml', 'y']);
  });

  it('treats names differing only in case as colliding (macOS, Windows)', () => {
    const names = [...outputNames(['a/X.md', 'b/x.md']).values()];
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(2);
  });

  it('falls back to a hash when sanitising makes names equal', () => {
    const names = [...outputNames(['a b.md', 'a_b.md', 'a?b.md']).values()];
    expect(new Set(names).size).toBe(3);
    for (const n of names) expect(n).toMatch(/^a_b(_md)?(-[0-9a-f]{8})?$/);
  });

  it('never yields "summary", which belongs to the roll-up files', () => {
    expect(outputNames(['summary.md']).get('summary.md')).not.toBe('summary');
    expect(outputNames(['docs/summary.md']).get('docs/summary.md')).toBe('docs__summary');
  });

  it('is stable: same inputs in any order give the same names', () => {
    const a = outputNames(['z/x.md', 'y/x.md', 'w.md']);
    const b = outputNames(['w.md', 'y/x.md', 'z/x.md']);
    expect(Object.fromEntries(a)).toEqual(Object.fromEntries(b));
  });
});

describe('path safety', () => {
  const weird = [
    '../../etc/passwd',
    '../../../x.md',
    '..',
    '/abs/path/evil.md',
    'a/../../b.md',
    'con.md',
    '-rf.md',
    '.bashrc',
    'x\u0000y.md',
    'x\u001b[31mred.md',
    'C:\\Windows\\win.ini',
    'dir/\u202etxt.exe.md',
    'ünïcödé ﬁle.md',
    'a'.repeat(400) + '.md',
  ];
  it('keeps every output a direct child of OUT, whatever the input name', () => {
    const out = mkdtempSync(join(tmpdir(), 'ts-batch-out-'));
    try {
      const names = outputNames(weird);
      expect(new Set(names.values()).size).toBe(weird.length);
      for (const [input, name] of names) {
        expect(name, input).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{0,128}$/);
        for (const ext of ['md', 'json', 'tc.json']) {
          const p = safeOutputPath(out, name, ext);
          expect(dirname(p)).toBe(resolve(out));
          expect(p.startsWith(resolve(out) + '/')).toBe(true);
          expect(p.endsWith(`${name}.${ext}`)).toBe(true); // the name survives unchanged
        }
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('sanitizeName removes separators, traversal, dots and leading dashes', () => {
    expect(sanitizeName('../../etc/passwd')).toBe('______etc_passwd');
    expect(sanitizeName('-rf')).toBe('rf');
    expect(sanitizeName('')).toBe('input');
    expect(sanitizeName('NUL')).toBe('_NUL');
  });
});
