import { describe, expect, it } from 'vitest';
import { ComponentTable, cleanName, normName, orderedProps } from '../../../src/core/input/componentTable.js';

describe('names', () => {
  it('normName ignores articles, case, punctuation and plurals', () => {
    expect(normName('The Chat APIs')).toBe(normName('chat API'));
    expect(normName('repositories')).toBe('repository');
    expect(normName('Lawyers')).toBe('lawyer');
  });
  it('cleanName trims, capitalises and keeps identifiers as written', () => {
    expect(cleanName('the vector database,')).toBe('Vector database');
    expect(cleanName('lookup_customer')).toBe('lookup_customer');
    expect(cleanName('vLLM')).toBe('vLLM');
  });
  it('orders properties as the schema does', () => {
    expect(orderedProps(['retrieval', 'internet-facing'])).toEqual(['internet-facing', 'retrieval']);
  });
});

describe('ComponentTable', () => {
  it('merges by key and name, orders by first mention and assigns unique ids', () => {
    const t = new ComponentTable();
    const a = t.create('Chat API', 'service', 50, 'x:chat');
    const b = t.create('Chat API ', 'service', 10);
    t.mention(a, 5, 2);
    expect(t.find('x:chat')).toBe(a);
    expect(t.findByName('chat apis')).toBe(a);
    const built = t.build();
    expect(built.components.map((c) => c.id)).toEqual(['chat-api', 'chat-api-2']);
    expect(built.ids[b]).toBe('chat-api-2');
    expect(built.components[0]!.lines).toEqual([2]);
  });
  it('finds a component whose name contains a phrase, or is contained in it', () => {
    const t = new ComponentTable();
    const i = t.create('Atlas web app', 'frontend', 0);
    expect(t.findContaining('frontend', 'web app')).toBe(i);
    expect(t.findContaining('frontend', 'the Atlas web app page')).toBe(i);
    expect(t.findContaining('service', 'web app')).toBeUndefined();
  });
});
