import { describe, expect, it } from 'vitest';
import { deterministicUuid, tcText, toThreatComposer } from '../../../src/core/export/threatComposer.js';
import { emptyThreatModel, fixtureThreatModel } from '../../fixtures/threatModel.js';

interface TcThreat {
  id: string; numericId: number; threatSource: string; prerequisites: string; threatAction: string;
  threatImpact: string; impactedGoal: string[]; impactedAssets: string[]; statement: string; status: string;
  tags: string[]; metadata: { key: string; value: string | string[] }[];
}
interface TcWorkspace {
  schema: number; applicationInfo: { name: string; description: string }; architecture: { description: string };
  dataflow: { description: string }; assumptions: { id: string; numericId: number; content: string }[];
  mitigations: { id: string; numericId: number; content: string; status: string; tags: string[] }[];
  mitigationLinks: { mitigationId: string; linkedId: string }[]; assumptionLinks: unknown[]; threats: TcThreat[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('toThreatComposer', () => {
  const model = fixtureThreatModel();
  const out = toThreatComposer(model);
  const ws = JSON.parse(out) as TcWorkspace;

  it('writes a schema-1 workspace with application, architecture, data flow and assumptions', () => {
    expect(ws.schema).toBe(1);
    expect(ws.applicationInfo.name).toContain('Acme');
    expect(ws.architecture.description).toContain('### Components');
    expect(ws.dataflow.description).toContain('### Data flows');
    expect(ws.assumptions.map((a) => a.content)[0]).toBe('Only employees can edit the wiki.');
    expect(ws.assumptionLinks).toEqual([]);
  });

  it('has deterministic UUID ids: same model, same output; different system, different ids', () => {
    expect(toThreatComposer(fixtureThreatModel())).toBe(out);
    const ids = [...ws.threats, ...ws.mitigations, ...ws.assumptions].map((e) => e.id);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
    const other = fixtureThreatModel();
    other.system.name = 'Another system';
    expect((JSON.parse(toThreatComposer(other)) as TcWorkspace).threats[0]!.id).not.toBe(ws.threats[0]!.id);
    expect(deterministicUuid('a', 'b')).toBe(deterministicUuid('a', 'b'));
    expect(deterministicUuid('a', 'b')).not.toBe(deterministicUuid('ab', ''));
  });

  it('writes each case in Threat Composer grammar with STRIDE and priority metadata', () => {
    expect(ws.threats).toHaveLength(model.misuseCases.length);
    const t = ws.threats[0]!;
    expect(t.numericId).toBe(1);
    expect(t.threatSource).toBe('outsider who can edit a wiki page');
    expect(t.prerequisites.startsWith('given that the agent reads retrieved passages')).toBe(true);
    expect(t.threatImpact.startsWith('the attacker controls answers')).toBe(true);
    expect(t.impactedGoal).toEqual(['confidentiality', 'integrity']);
    expect(t.impactedAssets).toHaveLength(2);
    expect(t.statement).toMatch(/^An outsider who can edit a wiki page given that .* can perform the attack .*, which leads to the attacker controls .*, resulting in reduced confidentiality and integrity of /);
    expect(t.metadata).toEqual(expect.arrayContaining([{ key: 'STRIDE', value: ['T', 'E'] }, { key: 'Priority', value: 'High' }]));
    expect(t.tags).toEqual(expect.arrayContaining(['MC-001', 'AML.T0051.001', 'LLM01:2025']));
    const priorities = ws.threats.map((x) => x.metadata.find((m) => m.key === 'Priority')?.value);
    expect(priorities).toEqual(['High', 'High', 'Medium', 'Medium', 'Low']);
    expect(ws.threats[4]!.status).toBe('threatResolvedNotUseful');
    expect(ws.threats[2]!.statement.startsWith('A chat user can')).toBe(true);
  });

  it('maps availability from Denial of Service', () => {
    expect(ws.threats[4]!.impactedGoal).toEqual(['availability']);
  });

  it('links mitigations to their threats and shares identical mitigations', () => {
    const threatIds = new Set(ws.threats.map((t) => t.id));
    const mitigationIds = new Set(ws.mitigations.map((m) => m.id));
    for (const l of ws.mitigationLinks) {
      expect(threatIds.has(l.linkedId)).toBe(true);
      expect(mitigationIds.has(l.mitigationId)).toBe(true);
    }
    const total = model.misuseCases.reduce((n, mc) => n + mc.mitigations.length, 0);
    expect(ws.mitigationLinks).toHaveLength(total);
    expect(ws.mitigations.length).toBe(total - 1); // "Keep secrets out of the system prompt" is shared
    const shared = ws.mitigations.find((m) => m.content === 'Prevent: Keep secrets out of the system prompt')!;
    expect(ws.mitigationLinks.filter((l) => l.mitigationId === shared.id)).toHaveLength(2);
    expect(ws.mitigations.map((m) => m.status)).toContain('mitigationResolved');
  });

  it('respects the schema string limits and avoids HTML-tag-like text', () => {
    for (const t of ws.threats) {
      for (const f of [t.threatSource, t.prerequisites, t.threatAction, t.threatImpact, ...t.impactedAssets]) {
        expect(f.length).toBeLessThanOrEqual(200); // UTF-16 units: Threat Composer's own zod limits count those
      }
      expect(t.statement.length).toBeLessThanOrEqual(1400);
      for (const tag of t.tags) expect(tag.length).toBeGreaterThan(0);
      for (const tag of t.tags) expect(tag.length).toBeLessThanOrEqual(30);
      for (const m of t.metadata) if (m.key.startsWith('custom:')) expect(m.key.length).toBeLessThanOrEqual(50);
    }
    for (const m of ws.mitigations) expect(m.content.length).toBeLessThanOrEqual(1000);
    expect(out).not.toMatch(/<.*?>/);
    expect(tcText('x'.repeat(500), 200)).toHaveLength(200);
  });

  it('cuts long emoji-heavy text to the limits in UTF-16 units without splitting characters', () => {
    const m = fixtureThreatModel();
    const long = '🦜 Zażółć gęślą jaźń '.repeat(30);
    m.misuseCases[0]!.actor = long.slice(0, 300);
    m.misuseCases[0]!.references.atlas = [];
    m.misuseCases[0]!.references.patterns = [long];
    m.system.components[2]!.name = long.slice(0, 200);
    const t = (JSON.parse(toThreatComposer(m)) as TcWorkspace).threats[0]!;
    for (const f of [t.threatSource, t.threatAction, ...t.impactedAssets]) {
      expect(f.length).toBeLessThanOrEqual(200);
      expect(f).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
  });

  it('handles a model without cases', () => {
    const empty = JSON.parse(toThreatComposer(emptyThreatModel())) as TcWorkspace;
    expect(empty.threats).toEqual([]);
    expect(empty.mitigations).toEqual([]);
  });
});
