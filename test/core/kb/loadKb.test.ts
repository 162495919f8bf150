import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKbDir, parsePatternFile } from '../../../src/core/kb/loadKb.js';
import { BUILTIN_KB_DIR, loadKnowledgeBase } from '../../../src/core/kb/knowledgeBase.js';

const exemplar = readFileSync(join(BUILTIN_KB_DIR, 'indirect-injection-retrieved-documents.md'), 'utf8');
const withId = (id: string, text = exemplar) => text.replace(/^id: .*$/m, `id: ${id}`);

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ts-kb-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('parsePatternFile', () => {
  it('accepts the exemplar pattern', () => {
    const r = parsePatternFile('x/indirect-injection-retrieved-documents.md', exemplar);
    expect(r.errors).toEqual([]);
    expect(r.pattern?.atlas).toContain('AML.T0051.001');
    expect(r.pattern?.body).toContain('## What goes wrong');
  });

  it('reports missing front matter', () => {
    const r = parsePatternFile('a.md', '# just a heading\n');
    expect(r.errors[0]!.message).toMatch(/must start with a line "---"/);
  });

  it('reports malformed YAML with the file', () => {
    const r = parsePatternFile('a.md', '---\nid: [unclosed\n---\nbody');
    expect(r.errors[0]!.file).toBe('a.md');
    expect(r.errors[0]!.message).toMatch(/not valid YAML/);
  });

  it('names the field at fault: invalid ATLAS id, bad OWASP id, unknown kind', () => {
    const bad = exemplar
      .replace('AML.T0070', 'AML.T9999')
      .replace('"LLM08:2025"', '"LLM08"')
      .replace('kinds: [llm, agent]', 'kinds: [llm, robot]');
    const r = parsePatternFile('indirect-injection-retrieved-documents.md', bad);
    const fields = r.errors.map((e) => e.field);
    expect(fields).toContain('atlas.1');
    expect(fields).toContain('owaspLlm.1');
    expect(fields).toContain('appliesTo.kinds.1');
    expect(r.errors.find((e) => e.field === 'atlas.1')!.message).toMatch(/ATLAS/);
  });

  it('rejects unknown fields, unknown placeholders, short bodies and id/file mismatch', () => {
    const r1 = parsePatternFile('indirect-injection-retrieved-documents.md', exemplar.replace('likelihood: high', 'likelihood: high\nlikelyhood: high'));
    expect(r1.errors[0]!.message).toMatch(/unknown field "likelyhood"/);
    const r2 = parsePatternFile('indirect-injection-retrieved-documents.md', exemplar.replace('{target} treats', '{victim} treats'));
    expect(r2.errors.map((e) => e.message).join()).toMatch(/unknown placeholder \{victim\}/);
    const r3 = parsePatternFile('indirect-injection-retrieved-documents.md', exemplar.slice(0, exemplar.indexOf('## What goes wrong')) + 'short');
    expect(r3.errors[0]!.field).toBe('body');
    const r4 = parsePatternFile('other-name.md', exemplar);
    expect(r4.errors[0]).toMatchObject({ field: 'id' });
  });
});

describe('loadKbDir', () => {
  it('reports every bad file; one bad file never hides the others', () => {
    const dir = dirWith({
      'good-one.md': withId('good-one'),
      'bad-a.md': withId('bad-a').replace('severity: high', 'severity: extreme'),
      'bad-b.md': 'no front matter',
      'README.md': '# ignored',
    });
    const { patterns, errors } = loadKbDir(dir);
    expect(patterns.map((p) => p.id)).toEqual(['good-one']);
    expect(errors.map((e) => e.file.split('/').pop()).sort()).toEqual(['bad-a.md', 'bad-b.md']);
    expect(errors.find((e) => e.file.endsWith('bad-a.md'))!.field).toBe('severity');
  });

  it('reports a missing folder instead of throwing', () => {
    const { patterns, errors } = loadKbDir('/nonexistent/kb');
    expect(patterns).toEqual([]);
    expect(errors[0]!.message).toMatch(/cannot read knowledge folder/);
  });
});

describe('loadKnowledgeBase', () => {
  it('adds user patterns and lets a user pattern replace a built-in one with the same id', () => {
    const builtin = loadKnowledgeBase();
    const dir = dirWith({
      'team-extra.md': withId('team-extra'),
      'indirect-injection-retrieved-documents.md': exemplar.replace('likelihood: high', 'likelihood: low'),
    });
    const kb = loadKnowledgeBase([dir]);
    expect(kb.patterns.length).toBe(builtin.patterns.length + 1);
    expect(kb.patterns.find((p) => p.id === 'indirect-injection-retrieved-documents')!.likelihood).toBe('low');
    expect(kb.digest).not.toBe(builtin.digest);
  });
});
