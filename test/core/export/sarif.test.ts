import { describe, expect, it } from 'vitest';
import type { ThreatModel } from '../../../src/core/domain/index.js';
import { securitySeverity, toArtifactUri, toSarif } from '../../../src/core/export/sarif.js';
import { fixtureThreatModel } from '../../fixtures/threatModel.js';

interface SarifResult {
  ruleId: string; ruleIndex: number; level: string; message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>; properties: Record<string, unknown>; suppressions?: unknown[];
}
interface SarifRule { id: string; shortDescription: { text: string }; fullDescription: { text: string };
  help: { text: string; markdown: string }; properties: { tags: string[]; 'security-severity': string } }
interface SarifLog { $schema: string; version: string; runs: { tool: { driver: { name: string; version: string;
  informationUri: string; rules: SarifRule[] } }; results: SarifResult[] }[] }

function sarif(model: ThreatModel, sourceUri = 'docs/arch.md'): SarifLog {
  return JSON.parse(toSarif(model, { sourceUri })) as SarifLog;
}

function caseResults(log: SarifLog): SarifResult[] {
  return log.runs[0]!.results.filter((r) => typeof r.properties.caseId === 'string');
}

describe('toSarif', () => {
  const model = fixtureThreatModel();
  const log = sarif(model);
  const run = log.runs[0]!;

  it('has the required SARIF 2.1.0 fields', () => {
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'threatstorm', version: '0.1.0' });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    for (const r of run.results) {
      expect(r.ruleId).toBeTruthy();
      expect(r.message.text).toBeTruthy();
      expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe('docs/arch.md');
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    }
  });

  it('has one rule per knowledge-base pattern used, and one per threat class for model-only cases', () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    const patterns = [...new Set(model.misuseCases.flatMap((mc) => mc.references.patterns))];
    for (const p of patterns) expect(ids.filter((id) => id === p)).toHaveLength(1);
    expect(ids).toContain('threat-class/system-prompt-leakage');
    expect(ids).toContain('input-guard/instruction-like-text');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes rules with help, tags and a numeric security-severity', () => {
    const rule = run.tool.driver.rules.find((r) => r.id === 'indirect-injection-retrieved-documents')!;
    expect(rule.shortDescription.text).toContain('Planted wiki instructions');
    expect(rule.fullDescription.text).toBeTruthy();
    expect(rule.help.markdown).toMatch(/\*\*Prevent\*\*[\s\S]*\*\*Detect\*\*[\s\S]*\*\*Respond\*\*/);
    expect(rule.properties.tags).toEqual(expect.arrayContaining(['Tampering', 'AML.T0051.001', 'LLM01:2025']));
    for (const r of run.tool.driver.rules) expect(r.properties['security-severity']).toMatch(/^\d+\.\d$/);
    expect(rule.properties['security-severity']).toBe('9.2');
  });

  it('maps risk levels to SARIF levels', () => {
    const levels = Object.fromEntries(caseResults(log).map((r) => [r.properties.caseId, r.level]));
    expect(levels).toEqual({ 'MC-001': 'error', 'MC-002': 'error', 'MC-003': 'warning', 'MC-004': 'warning', 'MC-005': 'note' });
  });

  it('locates each result at the first line of the first target component that has lines', () => {
    const lines = Object.fromEntries(caseResults(log).map((r) => [r.properties.caseId, r.locations[0]!.physicalLocation.region.startLine]));
    expect(lines['MC-001']).toBe(12); // agent: [12, 20]
    expect(lines['MC-002']).toBe(22); // refund-tool: [22]
    const m = fixtureThreatModel();
    m.misuseCases[0]!.targets = ['vectors', 'wiki']; // vectors has no lines, wiki has [17]
    m.misuseCases[1]!.targets = ['vectors'];
    const moved = caseResults(sarif(m));
    expect(moved[0]!.locations[0]!.physicalLocation.region.startLine).toBe(17);
    expect(moved[1]!.locations[0]!.physicalLocation.region.startLine).toBe(1);
  });

  it('keeps fingerprints stable across runs and renumbered ids, distinct between cases', () => {
    const fp = (l: SarifLog) => caseResults(l).map((r) => r.partialFingerprints['threatstormCase/v1']);
    const renumbered = fixtureThreatModel();
    renumbered.misuseCases.forEach((mc, i) => { mc.id = `MC-${String(i + 101)}`; });
    expect(fp(sarif(fixtureThreatModel()))).toEqual(fp(log));
    expect(fp(sarif(renumbered))).toEqual(fp(log));
    expect(new Set(fp(log)).size).toBe(model.misuseCases.length);
  });

  it('carries case id and risk score in result properties and suppresses rejected cases', () => {
    const results = caseResults(log);
    expect(results[0]!.properties).toMatchObject({ caseId: 'MC-001', riskScore: 92 });
    expect(results.find((r) => r.properties.caseId === 'MC-005')!.suppressions).toHaveLength(1);
    expect(results[0]!.suppressions).toBeUndefined();
  });

  it('reports input-guard findings at their line', () => {
    const finding = run.results.find((r) => r.ruleId === 'input-guard/instruction-like-text')!;
    expect(finding.locations[0]!.physicalLocation.region.startLine).toBe(7);
    expect(finding.level).toBe('error');
  });

  it('defaults the artifact to the run input and encodes paths as URIs', () => {
    const def = JSON.parse(toSarif(model)) as SarifLog;
    expect(def.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('examples/acme-helpdesk.md');
    expect(toArtifactUri('docs/my arch#1.md')).toBe('docs/my%20arch%231.md');
    expect(toArtifactUri('./a\\b.md')).toBe('a/b.md');
    expect(toArtifactUri('/tmp/x y.md')).toBe('file:///tmp/x%20y.md');
    expect(toArtifactUri('https://example.com/a b.md')).toBe('https://example.com/a%20b.md');
  });

  it('keeps security-severity inside the band of the risk level', () => {
    const mc = fixtureThreatModel().misuseCases[0]!;
    expect(securitySeverity({ ...mc, risk: { ...mc.risk, score: 99, level: 'high' } })).toBe('8.9');
    expect(securitySeverity({ ...mc, risk: { ...mc.risk, score: 0, level: 'low' } })).toBe('0.1');
  });
});
