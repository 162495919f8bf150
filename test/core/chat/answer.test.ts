import { describe, expect, it } from 'vitest';
import { answerOffline, buildAnswerPrompt, contentWords, modelSummary, searchCases } from '../../../src/core/chat/answer.js';
import { buildOfflineThreatModel } from '../../../src/core/pipeline/offlineModel.js';
import { PatternIndex } from '../../../src/core/retrieval/search.js';
import { helpDeskSystem, testKb } from './fixtures.js';

const kb = testKb();
const index = new PatternIndex(kb.patterns);
const model = buildOfflineThreatModel(helpDeskSystem(), { kb, toolVersion: 'test', maxCases: 12 });

describe('offline answers', () => {
  it('drops stop words from the query', () => {
    expect(contentWords('How do I stop prompt injection into the vectors?')).toBe('stop prompt injection vectors');
  });

  it('puts a case named in the question first', () => {
    const id = model.misuseCases[5]!.id;
    expect(searchCases(`what about ${id.toLowerCase()}?`, model, null)[0]!.id).toBe(id);
  });

  it('finds cases on a component named in the question', () => {
    const hits = searchCases('what can go wrong with Pinecone index', model, null);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.targets).toContain('vectors');
  });

  it('answers with matching cases, what to do, and patterns with mitigations', () => {
    const r = answerOffline('how could someone poison the vector store?', { model, system: model.system, index, focus: null });
    const headings = r.sections.map((s) => s.heading);
    expect(headings[0]).toBe('Matching cases');
    expect(headings.some((h) => h.startsWith('What to do about MC-'))).toBe(true);
    expect(headings.some((h) => h.startsWith('Pattern '))).toBe(true);
    expect(r.lead).toMatch(/^\d+ cases? and \d+ knowledge-base patterns? relate to this\. Highest risk: MC-\d{3} \(\w+\)\.$/);
    const patternLines = r.sections.filter((s) => s.heading.startsWith('Pattern ')).flatMap((s) => s.lines.map((l) => l.text));
    expect(patternLines.some((l) => l.startsWith('prevent: '))).toBe(true);
    expect(patternLines.join(' ')).not.toContain('{target}');
  });

  it('still helps from the KB before anything is loaded', () => {
    const r = answerOffline('system prompt leakage', { model: null, system: null, index, focus: null });
    expect(r.lead).toMatch(/^No threat model yet/);
    expect(r.sections.length).toBeGreaterThan(0);
  });

  it('says so when nothing matches', () => {
    const r = answerOffline('zzqx wobble', { model, system: model.system, index, focus: null });
    expect(r.sections).toEqual([]);
    expect(r.lead).toMatch(/^Nothing in the threat model or the knowledge base matches/);
  });
});

describe('model answer prompt', () => {
  it('fills prompts/answer.md with spotlighted data and the canary', () => {
    const spot = { notice: 'NOTICE-X', wrap: (t: string, label: string) => `<<${label}>>${t}<</${label}>>` };
    const p = buildAnswerPrompt('how do I stop RAG poisoning?', { model, system: model.system, index, focus: null }, spot, 'Never write cnry-123.');
    expect(p.user).toBe('how do I stop RAG poisoning?');
    expect(p.system).toContain('NOTICE-X');
    expect(p.system).toContain('Never write cnry-123.');
    expect(p.system).toContain('<<threat model>>System: Help desk');
    expect(p.system).toMatch(/<<knowledge base>>\[[a-z0-9-]+\]/);
    expect(p.system).not.toMatch(/\{[a-z_]+\}/);
  });

  it('summarises the model compactly', () => {
    const s = modelSummary(model, null, 3);
    expect(s.split('\n').filter((l) => /^- MC-/.test(l))).toHaveLength(3);
    expect(modelSummary(null, null)).toBe('(no architecture loaded yet)');
  });
});
