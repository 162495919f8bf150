import { describe, expect, it } from 'vitest';
import { parseAcceptFile } from '../../../src/core/batch/accept.js';
import { atOrAbove, evaluateGate } from '../../../src/core/batch/gate.js';
import type { CaseFact, SummaryLine } from '../../../src/core/batch/manifest.js';

function fact(over: Partial<CaseFact> & { id: string }): CaseFact {
  return { title: `Case ${over.id}`, level: 'high', score: 70, threatClass: 'prompt-injection', stride: ['Tampering'], owasp: [], atlas: [], patterns: ['direct-prompt-injection'], targets: ['chat-api'], handled: false, ...over };
}

function line(input: string, cases: CaseFact[], status: SummaryLine['status'] = 'ok'): SummaryLine {
  return {
    input, name: input, sha256: 'h', status, caseCount: cases.length, counts: { critical: 0, high: 0, medium: 0, low: 0 }, outputs: [], provider: 'offline', model: null,
    settingsHash: 's', components: [{ id: 'chat-api', name: 'Chat API', kind: 'service' }, { id: 'widget', name: 'Support widget', kind: 'frontend' }], cases,
  };
}

const lines = [
  line('docs/bot.md', [
    fact({ id: 'MC-001', level: 'critical', score: 92, patterns: ['markdown-image-exfiltration'], threatClass: 'improper-output-handling', targets: ['widget'] }),
    fact({ id: 'MC-002', level: 'high', score: 75 }),
    fact({ id: 'MC-003', level: 'medium', score: 40 }),
    fact({ id: 'MC-004', level: 'high', score: 71, handled: true }),
  ]),
  line('docs/other.md', [fact({ id: 'MC-001', level: 'high', score: 72, patterns: ['markdown-image-exfiltration'], threatClass: 'improper-output-handling' })]),
  line('docs/broken.md', [fact({ id: 'MC-001', level: 'critical', score: 99 })], 'failed'),
];
const accept = (yaml: string) => parseAcceptFile(yaml, '/repo/threatstorm.accept.yaml');
const cwd = '/repo';

describe('evaluateGate', () => {
  it('trips on every unhandled case at or above the level, highest first, ignoring failed inputs', () => {
    const g = evaluateGate(lines, 'high', undefined, { cwd, today: '2026-01-01' });
    expect(g.passed).toBe(false);
    expect(g.tripped.map((t) => `${t.input}#${t.caseId}`)).toEqual(['docs/bot.md#MC-001', 'docs/bot.md#MC-002', 'docs/other.md#MC-001']);
    expect(g.tripped[0]).toEqual({ input: 'docs/bot.md', caseId: 'MC-001', title: 'Case MC-001', level: 'critical', score: 92 });
  });

  it('respects the threshold', () => {
    expect(evaluateGate(lines, 'critical', undefined, { cwd }).tripped.map((t) => t.caseId)).toEqual(['MC-001']);
    expect(evaluateGate(lines, 'low', undefined, { cwd }).tripped).toHaveLength(4);
  });

  it('an accepted pattern scoped to one input covers only that input', () => {
    const list = accept('accept:\n  - input: docs/bot.md\n    pattern: markdown-image-exfiltration\n    reason: plain text only\n');
    const g = evaluateGate(lines, 'high', list, { cwd, today: '2026-01-01' });
    expect(g.tripped.map((t) => `${t.input}#${t.caseId}`)).toEqual(['docs/bot.md#MC-002', 'docs/other.md#MC-001']);
    expect(g.accepted).toEqual([{ input: 'docs/bot.md', caseId: 'MC-001', title: 'Case MC-001', level: 'critical', score: 92, rule: 0, reason: 'plain text only' }]);
  });

  it('passes when everything at the level is accepted (glob input, target by name, threat class)', () => {
    const list = accept([
      'accept:',
      '  - input: "docs/*.md"',
      '    threatClass: improper-output-handling',
      '    reason: output is escaped everywhere',
      '  - target: chat api',
      '    pattern: direct-prompt-injection',
      '    reason: model has no tools',
      '  - pattern: never-matches',
      '    reason: stale rule',
    ].join('\n'));
    const g = evaluateGate(lines, 'high', list, { cwd, today: '2026-01-01' });
    expect(g.passed).toBe(true);
    expect(g.accepted).toHaveLength(3);
    expect(g.unused).toEqual([2]);
  });

  it('an expired acceptance no longer counts, and is reported', () => {
    const list = accept('accept:\n  - pattern: markdown-image-exfiltration\n    reason: until the redesign\n    until: 2025-12-31\n');
    const g = evaluateGate(lines, 'critical', list, { cwd, today: '2026-01-01' });
    expect(g.passed).toBe(false);
    expect(g.tripped.map((t) => t.caseId)).toEqual(['MC-001']);
    expect(g.expired).toEqual([{ rule: 0, until: '2025-12-31', reason: 'until the redesign', cases: 1 }]);
    expect(evaluateGate(lines, 'critical', list, { cwd, today: '2025-12-31' }).passed).toBe(true);
  });

  it('a case rule needs the right input and id', () => {
    const list = accept('accept:\n  - input: docs/bot.md\n    case: MC-002\n    reason: reviewed\n');
    const g = evaluateGate(lines, 'high', list, { cwd });
    expect(g.tripped.map((t) => `${t.input}#${t.caseId}`)).toEqual(['docs/bot.md#MC-001', 'docs/other.md#MC-001']);
  });

  it('atOrAbove orders levels', () => {
    expect(atOrAbove('critical', 'high')).toBe(true);
    expect(atOrAbove('medium', 'high')).toBe(false);
    expect(atOrAbove('low', 'low')).toBe(true);
  });
});
