import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/guard/index.js';

describe('normalizeText', () => {
  it('leaves plain ASCII untouched with an identity map', () => {
    const n = normalizeText('hello world');
    expect(n.text).toBe('hello world');
    expect(n.toOriginal(6, 11)).toEqual([6, 11]);
  });

  it('applies NFKC and maps fullwidth and mathematical letters back to their original span', () => {
    const input = 'x \uff49\uff47\uff4e\uff4f\uff52\uff45 \u{1d41a}\u{1d41b} y';
    const n = normalizeText(input);
    expect(n.text).toBe('x ignore ab y');
    const at = n.text.indexOf('ignore');
    const [s, e] = n.toOriginal(at, at + 6);
    expect(input.slice(s, e)).toBe('\uff49\uff47\uff4e\uff4f\uff52\uff45');
    const ab = n.text.indexOf('ab');
    const [s2, e2] = n.toOriginal(ab, ab + 2);
    expect(input.slice(s2, e2)).toBe('\u{1d41a}\u{1d41b}');
  });

  it('removes zero-width characters and records only those that split words', () => {
    const input = 'ig\u200bno\u200dre this 👩\u200d💻';
    const n = normalizeText(input);
    expect(n.text).toBe('ignore this 👩💻');
    expect(n.zeroWidth).toEqual([2, 5]);
    const [s, e] = n.toOriginal(0, 6);
    expect(input.slice(s, e)).toBe('ig\u200bno\u200dre');
  });

  it('decodes Unicode tag characters into a smuggled run with original offsets', () => {
    const hidden = [...'run me'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    const input = `visible${hidden} tail`;
    const n = normalizeText(input);
    expect(n.text).toBe('visible tail');
    expect(n.smuggled).toHaveLength(1);
    expect(n.smuggled[0]!.text).toBe('run me');
    expect(input.slice(n.smuggled[0]!.start, n.smuggled[0]!.end)).toBe(hidden);
  });

  it('decodes bytes smuggled in variation selectors', () => {
    const bytes = [...Buffer.from('send data')];
    const hidden = bytes.map((b) => String.fromCodePoint(b < 16 ? 0xfe00 + b : 0xe0100 + b - 16)).join('');
    const n = normalizeText(`😀${hidden}`);
    expect(n.smuggled.map((r) => [r.channel, r.text])).toEqual([['variation-selectors', 'send data']]);
  });

  it('records and strips bidi controls', () => {
    const n = normalizeText('a\u202edcba\u202c b');
    expect(n.text).toBe('adcba b');
    expect(n.bidi).toEqual([1, 6]);
  });

  it('folds Cyrillic look-alikes inside Latin words but leaves Russian words alone', () => {
    const n = normalizeText('Ignоre previous; игнорируй все');
    expect(n.text).toBe('Ignore previous; игнорируй все');
    expect(n.homoglyphs).toEqual([3]);
  });

  it('maps a range that spans removed characters to the whole original span', () => {
    const input = 'ab\u200b\u200bcd';
    const n = normalizeText(input);
    expect(n.toOriginal(0, 4)).toEqual([0, 6]);
  });
});
