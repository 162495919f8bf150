import { describe, expect, it } from 'vitest';
import { formatDuration, formatItemLine, initialProgress, reduceProgress, type BatchEvent } from '../../../src/core/batch/progress.js';
import { zeroCounts, type SummaryLine } from '../../../src/core/batch/manifest.js';

function line(input: string, over: Partial<SummaryLine> = {}): SummaryLine {
  return { input, name: input, sha256: 'h', status: 'ok', caseCount: 0, counts: zeroCounts(), outputs: [], provider: 'offline', model: null, settingsHash: 's', components: [], cases: [], ...over };
}

describe('formatItemLine', () => {
  it('matches the documented plain format', () => {
    expect(formatItemLine(line('docs/x.md', { caseCount: 14, counts: { critical: 0, high: 3, medium: 8, low: 3 } }), 12, 200)).toBe('[12/200] ok docs/x.md 14 cases (3 high)');
    expect(formatItemLine(line('a.md', { caseCount: 1, counts: { critical: 1, high: 0, medium: 0, low: 0 } }), 1, 2)).toBe('[1/2] ok a.md 1 case (1 critical)');
    expect(formatItemLine(line('a.md', { upToDate: true, caseCount: 2, counts: { critical: 0, high: 0, medium: 2, low: 0 } }), 1, 2)).toBe('[1/2] up to date a.md 2 cases');
    expect(formatItemLine(line('b.yaml', { status: 'failed', error: 'b.yaml: bad YAML at line 3' }), 2, 2)).toBe('[2/2] failed b.yaml: b.yaml: bad YAML at line 3');
    expect(formatItemLine(line('c.md', { status: 'skipped', error: 'not started: the run was interrupted' }), 2, 3)).toBe('[2/3] skipped c.md (not started: the run was interrupted)');
  });
  it('strips terminal escape sequences from file names and errors', () => {
    const text = formatItemLine(line('evil\u001b[2J\u001b]0;pwned\u0007.md', { status: 'failed', error: 'x\u001b[31my' }), 1, 1);
    expect(text).not.toMatch(/\u001b/);
    expect(text).toBe('[1/1] failed evil.md: xy');
  });
});

describe('reduceProgress', () => {
  it('counts outcomes, tracks in-flight inputs and computes rate and ETA from worked inputs', () => {
    const evs: [BatchEvent, number][] = [
      [{ type: 'plan', total: 4, toRun: 3, upToDate: 1, failed: 0, outDir: '/o' }, 0],
      [{ type: 'item-done', line: line('u.md', { upToDate: true }), done: 1, total: 4 }, 0],
      [{ type: 'item-start', input: 'a.md', endpoint: 'local' }, 1000],
      [{ type: 'item-start', input: 'b.md', endpoint: 'local' }, 1000],
      [{ type: 'item-done', line: line('a.md'), done: 2, total: 4 }, 2000],
      [{ type: 'item-done', line: line('b.md', { status: 'failed', error: 'boom' }), done: 3, total: 4 }, 3000],
      [{ type: 'endpoint-down', endpoint: 'http://h2', reason: 'down' }, 3000],
      [{ type: 'stopping', abandon: false, inFlight: 0 }, 3000],
    ];
    const s = evs.reduce((st, [ev, now]) => reduceProgress(st, ev, now), initialProgress());
    expect(s).toMatchObject({ total: 4, done: 3, ok: 1, upToDate: 1, failed: 1, skipped: 0, running: [], worked: 2, stopping: 'stop', endpointsDown: ['http://h2'] });
    expect(s.rate).toBeCloseTo(1, 5); // 2 inputs in 2 s
    expect(s.etaSeconds).toBeCloseTo(1, 5);
    expect(s.failures).toEqual([{ input: 'b.md', error: 'boom' }]);
  });
});

describe('formatDuration', () => {
  it('formats seconds, minutes, hours and unknown', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(42.4)).toBe('42s');
    expect(formatDuration(65)).toBe('1m 05s');
    expect(formatDuration(3 * 3600 + 120)).toBe('3h 02m');
  });
});
