import { describe, expect, it } from 'vitest';
import { ArrayItemStream } from '../../../src/core/llm/streamParser.js';

function feed(text: string, size: number): string[][] {
  const p = new ArrayItemStream();
  const batches: string[][] = [];
  for (let i = 0; i < text.length; i += size) batches.push(p.push(text.slice(i, i + size)));
  return batches;
}

describe('ArrayItemStream', () => {
  const reply = '```json\n{"cases": [ {"title": "a {not a brace}", "n": [1, {"x": 2}]}, {"title": "quote \\" and }"} ]}\n```';

  it('yields each item as soon as it closes, in order, whatever the chunking', () => {
    for (const size of [1, 3, 7, 1000]) {
      const items = feed(reply, size).flat();
      expect(items.map((s) => JSON.parse(s).title)).toEqual(['a {not a brace}', 'quote " and }']);
    }
  });

  it('emits the first item before the reply is complete', () => {
    const p = new ArrayItemStream();
    const cut = reply.indexOf('{"title": "quote');
    expect(p.push(reply.slice(0, cut))).toHaveLength(1);
    expect(p.push(reply.slice(cut))).toHaveLength(1);
  });

  it('yields nothing for an empty list or text that is not JSON', () => {
    expect(feed('{"cases": []}', 2).flat()).toEqual([]);
    expect(feed('I cannot help with that.', 4).flat()).toEqual([]);
  });

  it('ignores nested objects outside the item array', () => {
    expect(feed('{"meta": {"a": 1}, "cases": [{"t": 1}]}', 5).flat()).toEqual(['{"t": 1}']);
  });
});
