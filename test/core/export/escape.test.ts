import { describe, expect, it } from 'vitest';
import {
  MermaidIds, csvCell, mdCell, mdInline, mermaidLabel, sanitizeText, singleLine, stripAnsi, truncate,
} from '../../../src/core/export/escape.js';
import { HOSTILE } from '../../fixtures/threatModel.js';
import { TERMINAL_CONTROL } from './support.js';

describe('stripAnsi and sanitizeText', () => {
  it('removes CSI colours, OSC hyperlinks and 8-bit CSI', () => {
    expect(stripAnsi('\u001b[31mRED\u001b[0m')).toBe('RED');
    expect(stripAnsi('\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007')).toBe('link');
    expect(stripAnsi('a\u001b]0;title\u001b\\b')).toBe('ab');
    expect(stripAnsi('\u009b2Jx')).toBe('x');
  });

  it('keeps tab and newline, normalises CR and drops other controls, bidi overrides and tag characters', () => {
    expect(sanitizeText('a\r\nb\rc\u2028d')).toBe('a\nb\nc\nd');
    expect(sanitizeText('a\tb\u0000\u0007\u007f\u0085c')).toBe('a\tbc');
    expect(sanitizeText(HOSTILE.bidi)).toBe('admintxt.exe');
    expect(sanitizeText('hi\u{E0041}\u{E0042}')).toBe('hi');
    expect(TERMINAL_CONTROL.test(sanitizeText(HOSTILE.ansi))).toBe(false);
  });

  it('singleLine collapses line breaks and tabs', () => {
    expect(singleLine(' a\n\n b\tc ')).toBe('a b c');
  });

  it('truncate cuts at a word boundary with an ellipsis and leaves short text alone', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('one two three four five six', 15);
    expect(cut.length).toBeLessThanOrEqual(15);
    expect(cut.endsWith('…')).toBe(true);
    const emoji = truncate('🦜'.repeat(20), 10);
    expect(emoji.length).toBeLessThanOrEqual(10);
    expect(emoji).toBe(`${'🦜'.repeat(4)}…`); // no half surrogate pair
  });
});

describe('mdInline and mdCell', () => {
  it('escapes pipes, backticks, brackets and HTML so nothing becomes markup', () => {
    const out = mdInline(HOSTILE.pipeBacktick + HOSTILE.html);
    expect(out).not.toMatch(/(?<!\\)[|`[\]<>]/);
    expect(out).not.toContain('\n');
  });

  it('neutralises block markers at the start', () => {
    expect(mdInline('# heading')).toBe('\\# heading');
    expect(mdInline('- item')).toBe('\\- item');
    expect(mdInline('1. item')).toBe('1\\. item');
    expect(mdInline('0.1.0')).toBe('0.1.0'); // not a list marker: no space after the dot
  });

  it('gives an em dash for empty cells', () => {
    expect(mdCell('')).toBe('—');
  });
});

describe('mermaidLabel', () => {
  it('is always quoted, one line, without raw quotes, %%, brackets or markup', () => {
    for (const text of Object.values(HOSTILE)) {
      const label = mermaidLabel(text);
      expect(label).toMatch(/^"[^"\n]*"$/);
      expect(label).not.toMatch(/%%|[<>`[\]{}|]/);
    }
    expect(mermaidLabel('say "hi"')).toBe('"say #quot;hi#quot;"');
    expect(mermaidLabel('')).toBe('" "');
  });

  it('encodes # first so input cannot forge entity codes', () => {
    expect(mermaidLabel('#quot;')).toBe('"#35;quot;"');
  });
});

describe('MermaidIds', () => {
  it('generates ids from a prefix and never from the key', () => {
    const ids = new MermaidIds('c');
    expect(ids.id('x"]; click')).toBe('c1');
    expect(ids.id('other')).toBe('c2');
    expect(ids.id('x"]; click')).toBe('c1');
    expect(ids.get('missing')).toBeUndefined();
    expect(() => new MermaidIds('1bad')).toThrow();
  });
});

describe('csvCell', () => {
  it('quotes commas, quotes and newlines and doubles quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(undefined)).toBe('');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', ' =1', '\r=1'])('neutralises formula cell %j', (value) => {
    const cell = csvCell(value);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    expect(unquoted.startsWith("'")).toBe(true);
  });
});
