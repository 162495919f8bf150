import { describe, expect, it } from 'vitest';
import type { MisuseCase, ThreatModel } from '../../../src/core/domain/index.js';
import { asksAboutControl, readAnswer } from '../../../src/core/chat/answerRules.js';
import {
  advance, applyAnswer, buildQuestions, currentQuestion, questionSimilarity, rescore, startInterview, stepLikelihood, type InterviewQuestion,
} from '../../../src/core/chat/interview.js';
import { buildOfflineThreatModel } from '../../../src/core/pipeline/offlineModel.js';
import { helpDeskSystem, testKb } from './fixtures.js';

function model(): ThreatModel {
  return buildOfflineThreatModel(helpDeskSystem(), { kb: testKb(), toolVersion: 'test', maxCases: 10 });
}

describe('readAnswer: the rule set', () => {
  const q = 'Who can write to Pinecone index?';
  it.each([
    ['yes, anyone on the internet can', 'exposure', 'internet-facing', 'anyone can reach it'],
    ['contractors label the data', 'exposure', 'external-labellers', 'outsiders handle the data'],
    ['its outputs trigger automation', 'exposure', 'autonomous', 'outputs act without a person'],
    ['there is no human approval', 'exposure', 'autonomous', 'no human approval'],
  ])('%j reveals exposure', (answer, stance, prop, because) => {
    const r = readAnswer(q, answer);
    expect(r.stance).toBe(stance);
    expect(r.add).toContain(prop);
    expect(r.because).toBe(because);
  });

  it.each([
    ['we validate every document', 'validation', []],
    ['a human approves each refund', 'approval', ['autonomous']],
    ['it runs sandboxed', 'sandbox', []],
    ["no, it's internal only", 'access', ['internet-facing']],
  ])('%j shows a control', (answer, control, remove) => {
    const r = readAnswer(q, answer);
    expect(r.stance).toBe('control');
    expect(r.control).toBe(control);
    expect(r.remove).toEqual(remove);
  });

  it('reads a bare yes/no against the question', () => {
    expect(readAnswer('Is the output validated before it is rendered?', 'no').stance).toBe('exposure');
    expect(readAnswer('Is the output validated before it is rendered?', 'yes').stance).toBe('control');
    expect(readAnswer('Can customers upload documents to the index?', 'no').stance).toBe('control');
    const yes = readAnswer('Can customers upload documents to the index?', 'yes');
    expect(yes.stance).toBe('exposure');
    expect(yes.add).toContain('accepts-user-input');
    expect(readAnswer('Can the agent send emails without approval?', 'yes').stance).toBe('exposure');
  });

  it('changes nothing for uncertain or unreadable answers', () => {
    expect(readAnswer(q, "I'm not sure, need to check").stance).toBe('unknown');
    expect(readAnswer(q, 'the blue team owns it').stance).toBe('unknown');
    expect(readAnswer(q, '').stance).toBe('unknown');
  });

  it('tells control questions from exposure questions', () => {
    expect(asksAboutControl('Is there a rate limit per user?')).toBe(true);
    expect(asksAboutControl('Can the agent act without human review?')).toBe(false);
    expect(asksAboutControl('Who can edit the wiki?')).toBe(false);
  });
});

describe('buildQuestions', () => {
  it('asks the highest-risk cases first and merges near-identical questions', () => {
    const m = model();
    const base = m.misuseCases[0]!;
    const twin: MisuseCase = { ...m.misuseCases[1]!, reviewQuestions: [`${base.reviewQuestions[0]!.replace(/\?$/, '')} ?`] };
    const qs = buildQuestions({ ...m, misuseCases: [base, twin, ...m.misuseCases.slice(2)] });
    expect(qs[0]!.text).toBe(base.reviewQuestions[0]);
    expect(qs[0]!.caseIds).toEqual([base.id, twin.id]);
    expect(qs.filter((q) => questionSimilarity(q.text, base.reviewQuestions[0]!) >= 0.6)).toHaveLength(1);
    expect(qs.length).toBeLessThanOrEqual(12);
  });

  it('puts the focused component first and skips rejected cases', () => {
    const m = model();
    const low = m.misuseCases.at(-1)!;
    const qs = buildQuestions(m, { focus: low.targets[0] });
    expect(m.misuseCases.find((c) => c.id === qs[0]!.caseIds[0])!.targets).toContain(low.targets[0]);
    const rejected = { ...m, misuseCases: m.misuseCases.map((c) => ({ ...c, status: 'rejected' as const })) };
    expect(buildQuestions(rejected)).toEqual([]);
    expect(startInterview(rejected)).toBeNull();
  });

  it('scores question similarity on content words', () => {
    expect(questionSimilarity('Who can write to the index?', 'Who is able to write to the index?')).toBeGreaterThan(0.6);
    expect(questionSimilarity('Who can write to the index?', 'Is output rendered as HTML?')).toBeLessThan(0.2);
  });
});

describe('applyAnswer: re-scoring', () => {
  const onVectors = (m: ThreatModel) => m.misuseCases.find((c) => c.targets.includes('vectors'))!;
  const question = (c: MisuseCase): InterviewQuestion => ({ text: 'Who can write to Pinecone index?', caseIds: [c.id], components: ['vectors'] });

  it('raises likelihood, adds properties and re-scores on exposure, and says why', () => {
    const base = model();
    const c0 = onVectors(base);
    const m = { ...base, misuseCases: base.misuseCases.map((x) => (x.id === c0.id ? rescore({ ...x, likelihood: 'medium' as const }, base.system) : x)) };
    const c = onVectors(m);
    const before = { likelihood: c.likelihood, score: c.risk.score };
    const eff = applyAnswer(m, question(c), 'yes, anyone on the internet can', testKb().patterns);
    const after = eff.model.misuseCases.find((x) => x.id === c.id)!;
    expect(after.likelihood).toBe(stepLikelihood(before.likelihood, 1));
    expect(eff.model.system.components.find((x) => x.id === 'vectors')!.properties).toContain('internet-facing');
    expect(after.risk.score).toBeGreaterThan(before.score);
    expect(after.risk.factors.some((f) => f.includes('internet-facing'))).toBe(true);
    expect(after.notes.at(-1)).toMatch(/^Interview: Who can write to Pinecone index\? Answer: yes, anyone on the internet can/);
    expect(eff.model.system.assumptions.at(-1)).toMatch(/Answer: yes, anyone/);
    const text = eff.changes.map((l) => l.text).join('\n');
    expect(text).toContain('vectors: added internet-facing');
    expect(after.likelihood).toBe('high');
    expect(text).toContain(`${c.id} likelihood ${before.likelihood} → ${after.likelihood} because you said "yes, anyone on the internet can" (anyone can reach it)`);
    expect(text).toContain(`${c.id} risk ${before.score} (${c.risk.level}) → ${after.risk.score} (${after.risk.level})`);
    expect(eff.changedCases).toContain(c.id);
  });

  it('re-scores other cases on a changed component even if the question was not theirs', () => {
    const m = model();
    const onVec = m.misuseCases.filter((c) => c.targets.includes('vectors'));
    expect(onVec.length).toBeGreaterThan(1);
    const eff = applyAnswer(m, question(onVec[0]!), 'anyone on the internet', testKb().patterns);
    const other = eff.model.misuseCases.find((x) => x.id === onVec[1]!.id)!;
    expect(other.likelihood).toBe(onVec[1]!.likelihood);
    expect(other.risk.score).toBeGreaterThan(onVec[1]!.risk.score);
    expect(eff.changedCases).toContain(onVec[1]!.id);
  });

  it('lowers likelihood and marks a matching mitigation implemented when a control exists', () => {
    const m = model();
    const c = onVectors(m);
    const withLikely = { ...m, misuseCases: m.misuseCases.map((x) => (x.id === c.id ? { ...x, likelihood: 'high' as const, mitigations: [{ type: 'prevent' as const, text: 'Validate and sanitise documents before indexing', status: 'proposed' as const }, ...x.mitigations] } : x)) };
    const eff = applyAnswer(withLikely, question(c), 'we validate every document before it is indexed');
    const after = eff.model.misuseCases.find((x) => x.id === c.id)!;
    expect(after.likelihood).toBe('medium');
    expect(after.mitigations[0]!.status).toBe('implemented');
    expect(eff.changes.map((l) => l.text)).toContain(`${c.id} mitigation marked implemented: Validate and sanitise documents before indexing`);
    expect(eff.reading.stance).toBe('control');
  });

  it('removes internet-facing when the answer says internal only, lowering risk', () => {
    const m = model();
    const c = m.misuseCases.find((x) => x.targets.includes('chat-ui'))!;
    const eff = applyAnswer(m, { text: 'Who can reach Chat widget?', caseIds: [c.id], components: ['chat-ui'] }, 'It is internal only, behind the VPN');
    expect(eff.model.system.components.find((x) => x.id === 'chat-ui')!.properties).not.toContain('internet-facing');
    expect(eff.model.misuseCases.find((x) => x.id === c.id)!.risk.score).toBeLessThan(c.risk.score);
  });

  it('changes nothing but the notes when the answer is uncertain', () => {
    const m = model();
    const c = onVectors(m);
    const eff = applyAnswer(m, question(c), "don't know");
    const after = eff.model.misuseCases.find((x) => x.id === c.id)!;
    expect(after.likelihood).toBe(c.likelihood);
    expect(after.risk).toEqual(c.risk);
    expect(eff.changes[0]!.text).toMatch(/^no change: the answer is uncertain/);
    expect(eff.changedCases).toEqual([]);
  });

  it('reports patterns that apply after the change', () => {
    const m = model();
    const c = m.misuseCases.find((x) => x.targets.includes('agent'))!;
    const eff = applyAnswer(m, { text: 'Does Support agent act on its own?', caseIds: [c.id], components: ['agent'] }, 'yes, its outputs trigger automation with no human approval', testKb().patterns);
    expect(eff.model.system.components.find((x) => x.id === 'agent')!.properties).toContain('autonomous');
    expect(eff.newlyApplicable.length).toBeGreaterThan(0);
    expect(eff.newlyApplicable.every((n) => n.component === 'agent')).toBe(true);
  });
});

describe('interview flow helpers', () => {
  it('advances and counts answers, skips and changed cases', () => {
    const iv = startInterview(model())!;
    expect(currentQuestion(iv)).toBe(iv.questions[0]);
    const a = advance(iv, 'answered', ['MC-001']);
    const b = advance(a, 'skipped');
    expect(b).toMatchObject({ index: 2, answered: 1, skipped: 1, changed: ['MC-001'] });
  });

  it('rescores on the most exposed target, like the engine', () => {
    const m = model();
    const c = { ...m.misuseCases.find((x) => x.targets.includes('chat-api'))!, targets: ['chat-api', 'chat-ui'] };
    const alone = rescore({ ...c, targets: ['chat-api'] }, m.system).risk.score;
    const both = rescore(c, m.system).risk.score;
    expect(both).toBeGreaterThan(alone); // not just the first target
    expect(both).toBe(rescore({ ...c, targets: ['chat-ui'] }, m.system).risk.score); // chat-ui is internet-facing
  });

  it('steps likelihood within bounds and rescoring ignores unknown targets', () => {
    expect(stepLikelihood('high', 1)).toBe('high');
    expect(stepLikelihood('low', -1)).toBe('low');
    const m = model();
    const c = { ...m.misuseCases[0]!, targets: ['ghost'] };
    expect(rescore(c, m.system)).toBe(c);
  });
});
