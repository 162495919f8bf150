import { describe, expect, it } from 'vitest';
import { COMMANDS, commonPrefix, complete, normaliseCaseId, parseInput, splitArgs, suggestCommand, unknownCommandMessage, type CompletionContext } from '../../../src/core/chat/commands.js';

const ctx: CompletionContext = {
  caseIds: ['MC-001', 'MC-002', 'MC-010', 'MC-011'],
  componentIds: ['chat-api', 'chat-ui', 'llm'],
  formats: ['markdown', 'json', 'csv', 'sarif', 'threat-composer'],
  providers: ['offline', 'ollama', 'openai'],
  files: (prefix) => ['arch.md', 'architecture/', 'notes.txt'].filter((f) => f.startsWith(prefix)),
};

describe('parseInput', () => {
  it('reads empty lines, free text and "//" escapes', () => {
    expect(parseInput('   ')).toEqual({ kind: 'empty' });
    expect(parseInput(' who can write to the index? ')).toEqual({ kind: 'text', text: 'who can write to the index?' });
    expect(parseInput('//etc is a path')).toEqual({ kind: 'text', text: '/etc is a path' });
  });

  it('parses a command with arguments and keeps the raw rest for free text', () => {
    const p = parseInput('/reject MC-003  not applicable: no tools');
    expect(p.kind).toBe('command');
    if (p.kind !== 'command') return;
    expect(p.spec.name).toBe('reject');
    expect(p.args).toEqual(['MC-003', 'not', 'applicable:', 'no', 'tools']);
    expect(p.rest).toBe('MC-003  not applicable: no tools');
  });

  it('resolves aliases and is case-insensitive', () => {
    const q = parseInput('/Q');
    expect(q.kind === 'command' && q.spec.name).toBe('quit');
    const e = parseInput('/exit');
    expect(e.kind === 'command' && e.spec.name).toBe('quit');
  });

  it('reports an unknown command with the closest match', () => {
    expect(parseInput('/exprot json')).toEqual({ kind: 'unknown', name: 'exprot', suggestion: 'export' });
    expect(parseInput('/gen')).toEqual({ kind: 'unknown', name: 'gen', suggestion: 'generate' });
    expect(parseInput('/zzzzzz')).toEqual({ kind: 'unknown', name: 'zzzzzz', suggestion: undefined });
    expect(unknownCommandMessage('exprot', 'export')).toBe('unknown command /exprot. Did you mean /export? Type /help for the list.');
  });

  it('keeps quoted file names whole', () => {
    expect(splitArgs('json "my model.json"')).toEqual(['json', 'my model.json']);
    expect(splitArgs("'a b' c")).toEqual(['a b', 'c']);
  });
});

describe('suggestCommand', () => {
  it('prefers prefixes, then small edit distances', () => {
    expect(suggestCommand('inter')).toBe('interview');
    expect(suggestCommand('acept')).toBe('accept');
    expect(suggestCommand('')).toBeUndefined();
  });
});

describe('complete', () => {
  it('completes a unique command name with a trailing space', () => {
    expect(complete('/exp', ctx)).toEqual({ line: '/export ', candidates: [] });
  });

  it('lists several command candidates and extends to their common prefix', () => {
    const c = complete('/s', ctx);
    expect(c.candidates).toEqual(['system', 'scan', 'show', 'skip', 'stop', 'save']);
    expect(c.line).toBe('/s');
    expect(complete('/sh', ctx).line).toBe('/show ');
  });

  it('completes case ids from digits or partial ids', () => {
    expect(complete('/accept 2', ctx).line).toBe('/accept MC-002 ');
    const c = complete('/show 1', ctx);
    expect(c.candidates).toEqual(['MC-001', 'MC-010', 'MC-011']);
    expect(complete('/show mc-01', ctx).line).toBe('/show MC-01');
    expect(complete('/show mc-01', ctx).candidates).toEqual(['MC-010', 'MC-011']);
    expect(complete('/reject mc-2', ctx).line).toBe('/reject MC-002 ');
  });

  it('completes by argument position: format then file', () => {
    expect(complete('/export thr', ctx).line).toBe('/export threat-composer ');
    expect(complete('/export json ar', ctx).candidates).toEqual(['arch.md', 'architecture/']);
    expect(complete('/load arc', ctx).line).toBe('/load arch');
    expect(complete('/load architecture', ctx).line).toBe('/load architecture/');
  });

  it('completes components, providers and levels', () => {
    expect(complete('/focus l', ctx).line).toBe('/focus llm ');
    expect(complete('/provider ol', ctx).line).toBe('/provider ollama');
    expect(complete('/risk MC-001 cr', ctx).line).toBe('/risk MC-001 critical');
  });

  it('leaves free text and unknown commands alone', () => {
    expect(complete('hello', ctx)).toEqual({ line: 'hello', candidates: [] });
    expect(complete('/nope x', ctx)).toEqual({ line: '/nope x', candidates: [] });
  });
});

describe('helpers', () => {
  it('normalises case ids as typed', () => {
    const ids = ['MC-001', 'MC-012'];
    expect(normaliseCaseId('12', ids)).toBe('MC-012');
    expect(normaliseCaseId('mc-1', ids)).toBe('MC-001');
    expect(normaliseCaseId('MC-001', ids)).toBe('MC-001');
    expect(normaliseCaseId('MC-7', ids)).toBeUndefined();
    expect(normaliseCaseId('one', ids)).toBeUndefined();
  });

  it('computes common prefixes', () => {
    expect(commonPrefix(['chat-api', 'chat-ui'])).toBe('chat-');
    expect(commonPrefix([])).toBe('');
  });

  it('documents every command with a summary, and names are unique', () => {
    const names = COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COMMANDS) expect(c.summary.length).toBeGreaterThan(10);
  });
});
