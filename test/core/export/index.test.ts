import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors.js';
import { FORMATS, FORMAT_NAMES, renderFormat, safeOutputPath } from '../../../src/core/export/index.js';
import { emptyThreatModel, fixtureThreatModel, nonAiThreatModel } from '../../fixtures/threatModel.js';

describe('FORMATS', () => {
  it('registers every format with its extension', () => {
    const exts = Object.fromEntries(Object.entries(FORMATS).map(([name, f]) => [name, f.ext]));
    expect(exts).toEqual({
      markdown: 'md', json: 'json', csv: 'csv', sarif: 'sarif', 'threat-composer': 'tc.json',
      promptfoo: 'promptfoo.yaml', 'system-card': 'card.md',
    });
    expect(FORMAT_NAMES).toEqual(Object.keys(FORMATS));
  });

  it.each(FORMAT_NAMES)('%s renders the fixture, an empty model and a non-AI model', (name) => {
    for (const model of [fixtureThreatModel(), emptyThreatModel(), nonAiThreatModel()]) {
      const out = renderFormat(name, model, { sourceUri: 'arch.md' });
      expect(out.length).toBeGreaterThan(0);
      expect(out.endsWith('\n')).toBe(true);
    }
  });

  it('is deterministic', () => {
    for (const name of FORMAT_NAMES) {
      expect(renderFormat(name, fixtureThreatModel())).toBe(renderFormat(name, fixtureThreatModel()));
    }
  });

  it('rejects an unknown format with a usage error that lists the formats', () => {
    expect(() => renderFormat('pdf', fixtureThreatModel())).toThrow(AppError);
    expect(() => renderFormat('pdf', fixtureThreatModel())).toThrow(/Use one of: markdown, json, csv/);
    expect(() => renderFormat('toString', fixtureThreatModel())).toThrow(AppError);
  });
});

describe('safeOutputPath', () => {
  const out = resolve(tmpdir(), 'threatstorm-out');

  it('derives <input-name>.<ext> inside outDir', () => {
    expect(safeOutputPath(out, 'docs/arch.md', 'md')).toBe(join(out, 'arch.md'));
    expect(safeOutputPath(out, 'docs/arch.yaml', 'tc.json')).toBe(join(out, 'arch.tc.json'));
    expect(safeOutputPath(out, '-', 'json')).toBe(join(out, 'stdin.json'));
  });

  it.each([
    ['../../etc/passwd', 'passwd.md'],
    ['/etc/passwd', 'passwd.md'],
    ['..', 'input.md'],
    ['../', 'input.md'],
    ['...', 'input.md'],
    ['.bashrc', 'bashrc.md'],
    ['C:\\Windows\\System32\\evil.md', 'evil.md'],
    ['..\\..\\evil.md', 'evil.md'],
    ['a\u0000b.md', 'ab.md'],
    ['na\u001b[31mme\n.md', 'na[31mme.md'],
    ['CON.md', '_CON.md'],
    ['lpt1', '_lpt1.md'],
    ['what?<>|*".md', 'what______.md'],
  ])('keeps %j inside outDir as %s', (input, name) => {
    const path = safeOutputPath(out, input, 'md');
    expect(dirname(path)).toBe(out);
    expect(path).toBe(join(out, name));
  });

  it('sanitises the extension too', () => {
    expect(safeOutputPath(out, 'arch.md', '../../x')).toBe(join(out, 'arch.x'));
    expect(() => safeOutputPath(out, 'arch.md', '../')).toThrow(AppError);
  });

  it('refuses an outDir containing NUL', () => {
    expect(() => safeOutputPath('out\u0000dir', 'arch.md', 'md')).toThrow(AppError);
  });

  it('never overwrites the input itself', () => {
    expect(safeOutputPath(out, join(out, 'arch.md'), 'md')).toBe(join(out, 'arch.threatstorm.md'));
  });
});
