import { describe, expect, it } from 'vitest';
import { modelFacts, zeroCounts, type SummaryLine } from '../../../src/core/batch/manifest.js';
import { SUMMARY_CSV_COLUMNS, rollUp, rollupCsv, rollupMarkdown } from '../../../src/core/batch/rollup.js';
import { fixtureThreatModel, HOSTILE } from '../../fixtures/threatModel.js';

function okLine(input: string): SummaryLine {
  return { input, name: input, sha256: 'h', status: 'ok', outputs: [`${input}.md`], provider: 'offline', model: null, settingsHash: 's', ...modelFacts(fixtureThreatModel()) };
}
const failed: SummaryLine = {
  input: 'docs/broken.yaml', name: 'broken', sha256: null, status: 'failed', error: `bad YAML ${HOSTILE.pipeBacktick}`, caseCount: 0, counts: zeroCounts(),
  outputs: [], provider: 'offline', model: null, settingsHash: 's', components: [], cases: [],
};
const lines = [okLine('docs/a.md'), okLine('docs/b.md'), failed];

describe('rollUp', () => {
  const r = rollUp(lines);
  it('adds up statuses and risk levels over ok inputs only', () => {
    expect(r).toMatchObject({ inputs: 3, ok: 2, failed: 1, skipped: 0, cases: 10, counts: { critical: 2, high: 2, medium: 4, low: 2 } });
    expect(r.failures).toEqual([{ input: 'docs/broken.yaml', error: failed.error }]);
  });
  it('counts STRIDE (every category present), OWASP and ATLAS ids', () => {
    expect(Object.keys(r.stride)).toHaveLength(6);
    const model = fixtureThreatModel();
    const llm01 = model.misuseCases.filter((mc) => mc.references.owaspLlm.includes('LLM01:2025')).length;
    expect(r.owasp['LLM01:2025']).toBe(llm01 * 2);
    expect(Object.values(r.stride).reduce((a, b) => a + b, 0)).toBe(model.misuseCases.reduce((n, mc) => n + mc.stride.length, 0) * 2);
  });
  it('ranks top risks across inputs, highest score first', () => {
    expect(r.topRisks.slice(0, 2).map((t) => `${t.input}#${t.caseId}`)).toEqual(['docs/a.md#MC-001', 'docs/b.md#MC-001']);
    expect(r.topRisks.map((t) => t.score)).toEqual([...r.topRisks.map((t) => t.score)].sort((a, b) => b - a));
  });
  it('finds threat classes and components that recur across inputs, not within one', () => {
    expect(r.threatClasses.length).toBeGreaterThan(0);
    expect(r.threatClasses.every((c) => c.inputs === 2)).toBe(true);
    expect(r.components.every((c) => c.inputs === 2)).toBe(true);
    const single = rollUp([okLine('docs/a.md')]);
    expect(single.threatClasses).toEqual([]);
    expect(single.components).toEqual([]);
  });
});

describe('summary files', () => {
  it('summary.md has the sections and escapes hostile text from inputs', () => {
    const md = rollupMarkdown(rollUp(lines), { provider: 'offline', model: null, settingsHash: 'abc123' });
    for (const h of ['# threatstorm batch summary', '## Top risks across the portfolio', '## By STRIDE', '## Threat classes that recur across inputs', '## Inputs not modelled']) expect(md).toContain(h);
    expect(md).toContain('critical 2, high 2, medium 4, low 2');
    expect(md).not.toContain('`rm -rf /`');
    expect(md).not.toMatch(/\u001b/);
    // every table row has the same number of unescaped pipes as its header
    for (const row of md.split('\n').filter((l) => l.startsWith('| ') && l.includes('broken'))) {
      expect(row.replace(/\\\|/g, '').split('|').length).toBe(4);
    }
  });
  it('summary.md is the same for the same lines (no timestamps)', () => {
    const meta = { provider: 'offline', model: null, settingsHash: 'abc' };
    expect(rollupMarkdown(rollUp(lines), meta)).toBe(rollupMarkdown(rollUp([...lines].reverse()), meta));
  });
  it('summary.csv has one row per input, CRLF, and neutralised formulas', () => {
    const evil: SummaryLine = { ...failed, input: '=HYPERLINK("http://x")', error: '+1+2' };
    const csv = rollupCsv([...lines, evil]);
    const rows = csv.split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toBe(SUMMARY_CSV_COLUMNS.join(','));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain("'+1+2");
    expect(rows[1]!.startsWith('"\'=HYPERLINK')).toBe(true); // sorted: "=" sorts before "d"
  });
});
