import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs, ignoreMatcher, isArchitectureFile } from '../../../src/core/batch/inputs.js';

let root: string;
const touch = (rel: string, text = 'x') => {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ts-batch-inputs-'));
  touch('docs/a/x.md');
  touch('docs/b/x.md');
  touch('docs/b/notes.txt');
  touch('docs/b/diagram.png');
  touch('docs/c/sys.yaml');
  touch('docs/c/sys.json');
  touch('docs/.hidden/secret.md');
  touch('docs/node_modules/pkg/readme.md');
  touch('docs/threatstorm.accept.yaml', 'accept: []');
  touch('docs/archive/old.md');
  touch('docs/draft.wip.md');
  touch('out/summary.md');
  touch('plain.arch');
  symlinkSync(join(root, 'docs/a/x.md'), join(root, 'docs/link-to-x.md'));
  symlinkSync(join(root, 'docs/nowhere.md'), join(root, 'dangling.md'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const paths = (r: ReturnType<typeof expandInputs>) => r.inputs.map((i) => i.path);

describe('expandInputs', () => {
  it('walks folders recursively, keeps only architecture files, skips hidden, node_modules and the accept file', () => {
    const r = expandInputs(['docs'], { cwd: root });
    expect(paths(r)).toEqual([
      'docs/a/x.md', 'docs/archive/old.md', 'docs/b/notes.txt', 'docs/b/x.md', 'docs/c/sys.json', 'docs/c/sys.yaml', 'docs/draft.wip.md',
    ]);
    expect(r.problems).toEqual([]);
  });

  it('lists a file once when it is matched twice (folder, glob, explicit path and a symlink to it)', () => {
    const r = expandInputs(['docs/a/x.md', 'docs', 'docs/**/x.md', './docs/a/x.md', 'docs/link-to-x.md'], { cwd: root });
    expect(paths(r).filter((p) => p.endsWith('x.md'))).toEqual(['docs/a/x.md', 'docs/b/x.md']);
    expect(new Set(r.inputs.map((i) => i.realPath)).size).toBe(r.inputs.length);
  });

  it('expands globs with **, ?, braces and classes', () => {
    expect(paths(expandInputs(['docs/**/*.{yaml,json}'], { cwd: root }))).toEqual(['docs/c/sys.json', 'docs/c/sys.yaml']);
    expect(paths(expandInputs(['docs/?/x.md'], { cwd: root }))).toEqual(['docs/a/x.md', 'docs/b/x.md']);
    expect(paths(expandInputs(['docs/[a]/*'], { cwd: root }))).toEqual(['docs/a/x.md']);
  });

  it('filters a glob without an extension to architecture files, but honours an explicit extension', () => {
    expect(paths(expandInputs(['docs/b/*'], { cwd: root }))).toEqual(['docs/b/notes.txt', 'docs/b/x.md']);
    expect(paths(expandInputs(['docs/b/*.png'], { cwd: root }))).toEqual(['docs/b/diagram.png']);
  });

  it('takes an explicitly named file whatever its extension', () => {
    expect(paths(expandInputs(['plain.arch'], { cwd: root }))).toEqual(['plain.arch']);
  });

  it('applies --ignore to paths, folders and bare names', () => {
    const r = expandInputs(['docs'], { cwd: root, ignore: ['docs/archive', '*.wip.md', 'docs/c/*.json'] });
    expect(paths(r)).toEqual(['docs/a/x.md', 'docs/b/notes.txt', 'docs/b/x.md', 'docs/c/sys.yaml']);
  });

  it('never reads the excluded output folder', () => {
    const r = expandInputs(['.'], { cwd: root, exclude: ['out'] });
    expect(paths(r).some((p) => p.startsWith('out/'))).toBe(false);
    expect(paths(r)).toContain('docs/a/x.md');
  });

  it('reports missing files and dangling links as problems, and a glob matching nothing as a warning', () => {
    const r = expandInputs(['missing.md', 'dangling.md', 'nothing/*.md', 'docs/a/x.md'], { cwd: root });
    expect(paths(r)).toEqual(['docs/a/x.md']);
    expect(r.problems.map((p) => p.input)).toEqual(['dangling.md', 'missing.md']);
    expect(r.problems[0]!.error).toMatch(/does not exist/);
    expect(r.warnings).toEqual(['the pattern "nothing/*.md" matched no architecture files']);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable folder as a problem and keeps going', () => {
    touch('locked/in.md');
    chmodSync(join(root, 'locked'), 0o000);
    try {
      const r = expandInputs(['locked', 'docs/a/x.md'], { cwd: root });
      expect(paths(r)).toEqual(['docs/a/x.md']);
      expect(r.problems[0]).toMatchObject({ input: 'locked' });
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
    }
  });

  it('sorts deterministically whatever the argument order', () => {
    const a = paths(expandInputs(['docs/c', 'docs/a', 'docs/b'], { cwd: root }));
    const b = paths(expandInputs(['docs/b', 'docs/c', 'docs/a'], { cwd: root }));
    expect(a).toEqual(b);
    expect(a).toEqual([...a].sort());
  });
});

describe('helpers', () => {
  it('isArchitectureFile knows the extensions, case-insensitively', () => {
    expect(['a.md', 'a.MARKDOWN', 'a.txt', 'a.yml', 'a.yaml', 'a.json', 'a.mmd'].every(isArchitectureFile)).toBe(true);
    expect(['a.png', 'a.pdf', 'threatstorm.accept.yaml'].some(isArchitectureFile)).toBe(false);
  });
  it('ignoreMatcher: a bare name matches at any depth, a path matches itself and everything under it', () => {
    const ig = ignoreMatcher(['drafts', 'docs/old/**', 'x/y']);
    expect(ig('a/drafts/z.md')).toBe(true);
    expect(ig('docs/old/q/r.md')).toBe(true);
    expect(ig('x/y/z.md')).toBe(true);
    expect(ig('docs/new/r.md')).toBe(false);
  });
});
