import { describe, expect, it } from 'vitest';
import { compileGlob, expandBraces, globBase, hasGlobMagic, matchGlob, segmentRegExp } from '../../../src/core/batch/glob.js';

describe('expandBraces', () => {
  it('expands alternatives in order, nested and several groups', () => {
    expect(expandBraces('a/{x,y}.md')).toEqual(['a/x.md', 'a/y.md']);
    expect(expandBraces('{a,b{1,2}}-{x,y}')).toEqual(['a-x', 'a-y', 'b1-x', 'b1-y', 'b2-x', 'b2-y']);
  });
  it('keeps a group without a comma, an unclosed brace and escaped braces literal', () => {
    expect(expandBraces('a{b}c')).toEqual(['a{b}c']);
    expect(expandBraces('a{b,c')).toEqual(['a{b,c']);
    expect(expandBraces('a\\{b,c}')).toEqual(['a\\{b,c}']);
  });
  it('refuses a pattern that explodes', () => {
    expect(() => expandBraces('{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}')).toThrow(/more than 1000/);
  });
});

describe('matchGlob', () => {
  const cases: [string, string, boolean][] = [
    ['*.md', 'x.md', true],
    ['*.md', 'dir/x.md', false],
    ['**/*.md', 'x.md', true],
    ['**/*.md', 'a/b/c/x.md', true],
    ['docs/**', 'docs/a/b.md', true],
    ['docs/**/x.md', 'docs/x.md', true],
    ['docs/**/x.md', 'other/x.md', false],
    ['?.yaml', 'a.yaml', true],
    ['?.yaml', 'ab.yaml', false],
    ['*.{md,yaml}', 'x.yaml', true],
    ['*.{md,yaml}', 'x.json', false],
    ['[ab]*.md', 'b1.md', true],
    ['[!ab]*.md', 'b1.md', false],
    ['[a-c].md', 'c.md', true],
    ['*.md', '.hidden.md', false],
    ['.*.md', '.hidden.md', true],
    ['**/*.md', '.git/x.md', false],
    ['a.md', 'a.md', true],
    ['a.md', 'aXmd', false], // the dot is literal, not "any character"
    ['a+(b).md', 'a+(b).md', true],
    ['\\*.md', '*.md', true],
    ['\\*.md', 'x.md', false],
  ];
  it.each(cases)('%s against %s is %s', (pattern, path, expected) => {
    expect(matchGlob(pattern, path)).toBe(expected);
  });
  it('matches absolute patterns against absolute paths', () => {
    expect(compileGlob('/srv/docs/*.md').test('/srv/docs/a.md')).toBe(true);
    expect(compileGlob('/srv/docs/*.md').test('/srv/other/a.md')).toBe(false);
  });
});

describe('helpers', () => {
  it('hasGlobMagic spots wildcard syntax only', () => {
    expect(hasGlobMagic('docs/*.md')).toBe(true);
    expect(hasGlobMagic('docs/{a,b}')).toBe(true);
    expect(hasGlobMagic('docs/a.md')).toBe(false);
  });
  it('globBase splits at the first segment with magic', () => {
    expect(globBase('docs/arch/**/*.md')).toEqual({ base: 'docs/arch', rest: '**/*.md' });
    expect(globBase('*.md')).toEqual({ base: '.', rest: '*.md' });
    expect(globBase('/abs/x/*.yaml')).toEqual({ base: '/abs/x', rest: '*.yaml' });
  });
  it('segmentRegExp escapes regex specials', () => {
    expect(segmentRegExp('a.b').test('a.b')).toBe(true);
    expect(segmentRegExp('a.b').test('axb')).toBe(false);
    expect(segmentRegExp('(x)|y').test('(x)|y')).toBe(true);
  });
});
