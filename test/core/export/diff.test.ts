import { describe, expect, it } from 'vitest';
import type { ThreatModel } from '../../../src/core/domain/index.js';
import { MisuseCaseSchema } from '../../../src/core/domain/index.js';
import { diffModels, hasNewHighRisk, toDiffJson, toDiffMarkdown } from '../../../src/core/export/diff.js';
import { fixtureThreatModel } from '../../fixtures/threatModel.js';

/** The fixture re-run: ids shifted, MC-005 gone, a new case, MC-003 escalated, MC-002 gained a mitigation, MC-004 reviewed. */
function newerModel(): ThreatModel {
  const m = fixtureThreatModel();
  const [mc1, mc2, mc3, mc4] = m.misuseCases;
  const fresh = MisuseCaseSchema.parse({
    ...mc2, id: 'MC-001', title: 'Agent deletes tickets', targets: ['wiki'], threatClass: 'tool-misuse',
    references: { patterns: ['tool-misuse-delete'] }, risk: { score: 80, level: 'high' },
  });
  mc3!.risk = { ...mc3!.risk, score: 71, level: 'high' };
  mc2!.mitigations = [...mc2!.mitigations, { type: 'detect', text: 'Page on refunds above the limit', status: 'proposed' }];
  mc4!.status = 'rejected';
  m.misuseCases = [fresh, mc1!, mc2!, mc3!, mc4!].map((mc, i) => ({ ...mc, id: `MC-00${i + 1}` }));
  return m;
}

describe('diffModels', () => {
  const diff = diffModels(fixtureThreatModel(), newerModel());

  it('matches cases by pattern, class and targets, not by shifted ids', () => {
    expect(diff.added.map((c) => c.title)).toEqual(['Agent deletes tickets']);
    expect(diff.removed.map((c) => c.id)).toEqual(['MC-005']);
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 3, unchanged: 1, newHighRisk: 2 });
  });

  it('reports risk, mitigation and status changes with old and new ids', () => {
    const byOld = Object.fromEntries(diff.changed.map((c) => [c.oldId, c]));
    expect(byOld['MC-003']).toMatchObject({
      id: 'MC-004', riskLevel: { from: 'medium', to: 'high' }, riskScore: { from: 55, to: 71 }, fields: ['riskLevel', 'riskScore'],
    });
    expect(byOld['MC-002']).toMatchObject({ mitigationsAdded: ['detect: Page on refunds above the limit'], mitigationsRemoved: [] });
    expect(byOld['MC-004']).toMatchObject({ status: { from: 'accepted', to: 'rejected' }, fields: ['status'] });
  });

  it('flags new or escalated high risk', () => {
    expect(hasNewHighRisk(diff)).toBe(true);
    expect(hasNewHighRisk(diffModels(fixtureThreatModel(), fixtureThreatModel()))).toBe(false);
    const lower = fixtureThreatModel();
    lower.misuseCases[2]!.risk = { ...lower.misuseCases[2]!.risk, score: 30, level: 'low' };
    expect(hasNewHighRisk(diffModels(fixtureThreatModel(), lower))).toBe(false);
    expect(hasNewHighRisk(diffModels(lower, fixtureThreatModel()))).toBe(false); // low -> medium is not high
  });

  it('is empty for identical models', () => {
    const same = diffModels(fixtureThreatModel(), fixtureThreatModel());
    expect(same.added).toEqual([]);
    expect(same.removed).toEqual([]);
    expect(same.changed).toEqual([]);
    expect(same.summary.unchanged).toBe(5);
  });

  it('pairs cases that share a key in order instead of collapsing them', () => {
    const m = fixtureThreatModel();
    m.misuseCases.push({ ...m.misuseCases[0]!, id: 'MC-006' });
    const d = diffModels(fixtureThreatModel(), m);
    expect(d.added.map((c) => c.id)).toEqual(['MC-006']);
    expect(d.added[0]!.key.endsWith('#2')).toBe(true);
  });
});

describe('toDiffMarkdown and toDiffJson', () => {
  const diff = diffModels(fixtureThreatModel(), newerModel());

  it('renders the summary, a caution and each section', () => {
    const md = toDiffMarkdown(diff);
    expect(md).toContain('1 added, 1 removed, 3 changed, 1 unchanged.');
    expect(md).toContain('> [!CAUTION]');
    for (const h of ['## Added', '## Removed', '## Changed']) expect(md).toContain(h);
    expect(md).toContain('### MC-004 (was MC-003)');
    expect(md).toContain('- Risk level: medium → high ⚠');
  });

  it('renders JSON that parses back to the diff', () => {
    expect(JSON.parse(toDiffJson(diff))).toEqual(JSON.parse(JSON.stringify(diff)));
  });
});
