import { describe, expect, it } from 'vitest';
import type { ThreatModel } from '../../../src/core/domain/index.js';
import { buildOfflineThreatModel } from '../../../src/core/pipeline/offlineModel.js';
import { carryReview, caseCounts, chatReducer, safeSplitPoint, worseVerdict, type ChatAction, type ChatState } from '../../../src/core/chat/state.js';
import { helpDeskSystem, testKb, testState } from './fixtures.js';

function model(max = 5): ThreatModel {
  return buildOfflineThreatModel(helpDeskSystem(), { kb: testKb(), toolVersion: 'test', maxCases: max });
}

const reduce = (s: ChatState, ...actions: ChatAction[]) => actions.reduce(chatReducer, s);

describe('chatReducer', () => {
  it('numbers appended items and bumps the save revision', () => {
    const s = reduce(testState(), { type: 'append', item: { kind: 'user', text: 'hi' } }, { type: 'append', item: { kind: 'info', text: 'ok' } });
    expect(s.items.map((i) => [i.id, i.kind])).toEqual([[0, 'user'], [1, 'info']]);
    expect(s.nextId).toBe(2);
    expect(s.rev).toBe(2);
  });

  it('withdraws the streamed cases of a retracted part from the draft and says why', () => {
    const m = model(3);
    let s = reduce(testState(), { type: 'begin', pending: { task: 'generate', stage: null, count: 0 } });
    for (const c of m.misuseCases) s = reduce(s, { type: 'pipeline', event: { type: 'case', case: c, part: c.targets[0]! } });
    const gone = m.misuseCases[0]!.targets[0]!;
    s = reduce(s, { type: 'pipeline', event: { type: 'retract', part: `${gone}+other`, reason: 'the output obeyed the input' } });
    expect(s.draft.some((c) => c.targets.includes(gone))).toBe(false);
    expect(s.draft.length).toBeLessThan(3);
    expect(s.items.at(-1)).toMatchObject({ kind: 'warning', text: expect.stringMatching(/withdrew the model's cases for .*: the output obeyed the input/) });
  });

  it('streams a generation: stage, cases into history and the live area, then the final model', () => {
    const m = model(3);
    let s = reduce(testState(), { type: 'begin', pending: { task: 'generate', stage: null, count: 0 } });
    s = reduce(s, { type: 'pipeline', event: { type: 'stage', stage: 'generate', status: 'start', detail: 'offline engine' } });
    expect(s.pending).toMatchObject({ task: 'generate', stage: 'generate', detail: 'offline engine' });
    s = reduce(s, { type: 'pipeline', event: { type: 'case', case: m.misuseCases[0]!, part: 'x' } });
    expect(s.pending).toMatchObject({ count: 1, latest: { id: 'MC-001' } });
    expect(s.draft).toHaveLength(1);
    expect(s.items.at(-1)).toMatchObject({ kind: 'case', case: { id: 'MC-001' } });
    expect(s.model).toBeNull(); // not before done
    for (const c of m.misuseCases.slice(1)) s = reduce(s, { type: 'pipeline', event: { type: 'case', case: c, part: 'x' } });
    s = reduce(s, { type: 'pipeline', event: { type: 'done', model: m } }, { type: 'end' });
    expect(s.model?.misuseCases).toHaveLength(3);
    expect(s.pending).toBeNull();
    expect(s.draft).toEqual([]);
    // ids matched the streamed ones, so no renumbering report
    expect(s.items.filter((i) => i.kind === 'report')).toHaveLength(0);
  });

  it('lists the final ids when the pipeline renumbered streamed cases', () => {
    const m = model(2);
    const [a, b] = m.misuseCases;
    let s = reduce(testState(), { type: 'begin', pending: { task: 'generate', stage: null, count: 0 } });
    s = reduce(s, { type: 'pipeline', event: { type: 'case', case: { ...b!, id: 'MC-001' }, part: 'x' } }, { type: 'pipeline', event: { type: 'case', case: { ...a!, id: 'MC-002' }, part: 'x' } });
    s = reduce(s, { type: 'pipeline', event: { type: 'done', model: m } });
    const report = s.items.at(-1);
    expect(report?.kind).toBe('report');
    expect(report?.kind === 'report' && report.sections[0]!.lines.map((l) => l.ref)).toEqual(['MC-001', 'MC-002']);
  });

  it('keeps the previous model and drops the draft when cancelled', () => {
    const m = model(2);
    let s = reduce(testState(), { type: 'set-model', model: m }, { type: 'begin', pending: { task: 'generate', stage: null, count: 0 } });
    s = reduce(s, { type: 'pipeline', event: { type: 'case', case: m.misuseCases[0]!, part: 'x' } }, { type: 'cancelled' });
    expect(s.model).toBe(m);
    expect(s.draft).toEqual([]);
    expect(s.pending).toBeNull();
  });

  it('folds cumulative pipeline usage into the session total once, at the end', () => {
    let s = reduce(testState(), { type: 'usage', usage: { calls: 1, promptTokens: 10, completionTokens: 5 } });
    s = reduce(s, { type: 'begin', pending: { task: 'generate', stage: null, count: 0 } });
    s = reduce(s, { type: 'pipeline', event: { type: 'usage', calls: 1, promptTokens: 100, completionTokens: 20 } });
    s = reduce(s, { type: 'pipeline', event: { type: 'usage', calls: 2, promptTokens: 300, completionTokens: 50 } });
    expect(s.usage.promptTokens).toBe(10);
    s = reduce(s, { type: 'end' });
    expect(s.usage).toEqual({ calls: 3, promptTokens: 310, completionTokens: 55 });
  });

  it('updates one case and keeps the guard verdict at its worst', () => {
    const m = model(2);
    let s = reduce(testState(), { type: 'set-model', model: m });
    s = reduce(s, { type: 'set-case', case: { ...m.misuseCases[1]!, status: 'accepted' } });
    expect(s.model!.misuseCases.map((c) => c.status)).toEqual(['open', 'accepted']);
    s = reduce(s, { type: 'guard', verdict: 'injection', findings: [] }, { type: 'guard', verdict: 'suspicious', findings: [] });
    expect(s.guard.verdict).toBe('injection');
    expect(worseVerdict('clean', 'suspicious')).toBe('suspicious');
  });

  it('records input history without blanks or repeats', () => {
    const s = reduce(testState(), { type: 'input', line: '/help' }, { type: 'input', line: '/help' }, { type: 'input', line: '  ' }, { type: 'input', line: '/cases' });
    expect(s.inputHistory).toEqual(['/help', '/cases']);
  });

  it('starts over when a different document is loaded, and keeps the model for the same one', () => {
    const m = model(2);
    const doc = { source: 'a.md', text: 'x', sha256: 'aaa', bytes: 1, format: 'markdown', warnings: [] };
    let s = reduce(testState(), { type: 'loaded', doc, system: m.system }, { type: 'set-model', model: m }, { type: 'set-focus', focus: 'llm' });
    s = reduce(s, { type: 'loaded', doc, system: m.system });
    expect(s.model).toBe(m);
    s = reduce(s, { type: 'loaded', doc: { ...doc, sha256: 'bbb' }, system: m.system });
    expect(s.model).toBeNull();
    expect(s.focus).toBeNull();
  });

  it('moves finished paragraphs of a streamed answer into the history', () => {
    let s = reduce(testState(), { type: 'begin', pending: { task: 'answer', label: 'llama', text: '', flushed: false } });
    s = reduce(s, { type: 'token', text: 'First para' }, { type: 'token', text: 'graph.\n\nSecond' });
    expect(s.items.at(-1)).toMatchObject({ kind: 'assistant', text: 'First paragraph.', model: 'llama' });
    expect(s.pending).toMatchObject({ text: 'Second', flushed: true });
    s = reduce(s, { type: 'token', text: ' part.' }, { type: 'end' });
    expect(s.items.at(-1)).toEqual({ id: 1, kind: 'assistant', text: 'Second part.' });
  });

  it('marks a cancelled answer', () => {
    let s = reduce(testState(), { type: 'begin', pending: { task: 'answer', label: 'llama', text: '', flushed: false } });
    s = reduce(s, { type: 'token', text: 'Half an' }, { type: 'cancelled' });
    expect(s.items.at(-1)).toMatchObject({ kind: 'assistant', text: 'Half an [cancelled]' });
  });
});

describe('safeSplitPoint', () => {
  it('splits after the last blank line outside code fences', () => {
    expect(safeSplitPoint('a\n\nb')).toBe(3);
    expect(safeSplitPoint('no break')).toBe(0);
    expect(safeSplitPoint('```\ncode\n\nmore\n')).toBe(0);
    expect(safeSplitPoint('```\ncode\n```\n\nafter')).toBe(14);
  });
});

describe('carryReview and caseCounts', () => {
  it('keeps status and notes of the same threat on regeneration', () => {
    const old = model(3);
    const reviewed = { ...old, misuseCases: old.misuseCases.map((c, i) => (i === 1 ? { ...c, status: 'rejected' as const, notes: ['n/a'] } : c)) };
    const next = carryReview(reviewed, model(3));
    expect(next.misuseCases[1]).toMatchObject({ status: 'rejected', notes: ['n/a'] });
    expect(next.misuseCases[0]!.status).toBe('open');
  });

  it('counts by status and by level (rejected cases excluded from levels)', () => {
    const m = model(3);
    const withStatus = { ...m, misuseCases: m.misuseCases.map((c, i) => ({ ...c, status: (['open', 'accepted', 'rejected'] as const)[i]! })) };
    const counts = caseCounts(withStatus);
    expect(counts).toMatchObject({ total: 3, open: 1, accepted: 1, rejected: 1 });
    const levelSum = Object.values(counts.byLevel).reduce((a, b) => a + b, 0);
    expect(levelSum).toBe(2);
    expect(caseCounts(null).total).toBe(0);
  });
});
