import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ThreatModel } from '../../../src/core/domain/index.js';
import { MisuseCaseSchema, ThreatModelSchema } from '../../../src/core/domain/index.js';
import { sanitizeText } from '../../../src/core/export/escape.js';
import { FORMAT_NAMES, renderFormat } from '../../../src/core/export/index.js';
import { toCsv } from '../../../src/core/export/csv.js';
import { toJson } from '../../../src/core/export/json.js';
import { toMarkdown } from '../../../src/core/export/markdown.js';
import { toPromptfoo } from '../../../src/core/export/promptfoo.js';
import { toSystemCard } from '../../../src/core/export/systemCard.js';
import { HOSTILE, fixtureThreatModel } from '../../fixtures/threatModel.js';
import { mermaidBlocks, mermaidProblems, parseCsv, tableCells, tableRows } from './support.js';

const VALUES = Object.values(HOSTILE);

/** The fixture with one extra case per hostile string, hostile text in every field it can reach. */
function hostileModel(): ThreatModel {
  const m = fixtureThreatModel();
  const base = m.misuseCases[0]!;
  const extra = VALUES.map((v, i) => MisuseCaseSchema.parse({
    ...base,
    id: `MC-${String(100 + i)}`,
    title: `${v} title`.slice(0, 200),
    summary: v, actor: `${v} actor`, impact: `${v} impact`,
    targets: ['agent', 'vectors'],
    steps: [v, `${v} second`],
    preconditions: [v],
    mitigations: [{ type: 'prevent', text: `${v} mitigation` }],
    redTeamTests: [v],
    references: { ...base.references, patterns: [`p-${i}`] },
  }));
  return ThreatModelSchema.parse({
    ...m,
    system: {
      ...m.system,
      components: [...m.system.components, ...VALUES.map((v, i) => ({ id: `h${i}`, name: v, kind: 'tool' }))],
      dataFlows: [...m.system.dataFlows, ...VALUES.map((v, i) => ({ id: `hf${i}`, from: 'agent', to: `h${i}`, label: v }))],
      trustBoundaries: [...m.system.trustBoundaries, ...VALUES.map((v, i) => ({ id: `hb${i}`, name: v, components: [`h${i}`] }))],
    },
    misuseCases: [...m.misuseCases, ...extra],
  });
}

describe('hostile strings cannot break out', () => {
  const model = hostileModel();

  it('of Markdown tables and inline text', () => {
    for (const md of [toMarkdown(model), toSystemCard(model)]) {
      const prose = md.replace(/^```mermaid\n[\s\S]*?\n```$/gm, '').replace(/^<a id="case-mc-\d+"><\/a>$/gm, '')
        .replace(/^> ?/gm, ''); // our own blockquote markers
      expect(prose).not.toMatch(/(?<!\\)[<>`]/); // no raw HTML, comments or code spans from input
      const started = prose.split('\n').filter((l) => /^\s*(?:---|===|second line|third line)/.test(l));
      expect(started).toEqual([]); // no line started by input
    }
    const rows = tableRows(toMarkdown(model), '| ID | Title | Targets | STRIDE | Risk | ATLAS / OWASP |');
    expect(rows).toHaveLength(model.misuseCases.length);
    for (const row of rows) expect(tableCells(row)).toHaveLength(6);
  });

  it('of Mermaid labels', () => {
    const blocks = mermaidBlocks(toMarkdown(model));
    expect(blocks).toHaveLength(1 + model.misuseCases.length);
    for (const block of blocks) expect(mermaidProblems(block)).toEqual([]);
    const flow = (blocks[0] as string[]).join('\n');
    expect(flow.match(/^\s*subgraph /gm)).toHaveLength(model.system.trustBoundaries.length);
    expect(flow.match(/^\s*end$/gm)).toHaveLength(model.system.trustBoundaries.length);
  });

  it('of CSV cells, including formula injection', () => {
    const records = parseCsv(toCsv(model));
    expect(records).toHaveLength(model.misuseCases.length + 1);
    for (const r of records) expect(r).toHaveLength(records[0]!.length);
    for (const [i, mc] of model.misuseCases.entries()) {
      const title = sanitizeText(mc.title).replace(/\r/g, '');
      const cell = records[i + 1]![1]!;
      expect(cell === title || cell === `'${title}`).toBe(true);
      expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const formula = records.find((r) => r[0] === 'MC-102')!;
    expect(formula[1]).toBe(`'${HOSTILE.formula} title`);
  });

  it('of YAML (promptfoo)', () => {
    const text = toPromptfoo(model);
    const config = parse(text) as { redteam: { plugins: { id: string; config?: { intent: string[]; metadata: { caseId: string } } }[] } };
    expect(Object.keys(config)).toEqual(['description', 'targets', 'redteam']);
    const byCase = new Map(config.redteam.plugins.filter((p) => p.config).map((p) => [p.config!.metadata.caseId, p.config!.intent]));
    expect(byCase.get('MC-106')).toEqual([sanitizeText(HOSTILE.yaml)]); // YAML specials survive as one plain string
    expect(byCase.get('MC-101')).toEqual([sanitizeText(HOSTILE.quotesNewline)]);
    expect(byCase.get('MC-108')).toEqual(['{ { env.OPENAI_API_KEY } } { % raw % }']);
    expect(byCase.get('MC-109')).toEqual(['Input: file:///etc/passwd']);
    // YAML 1.1 readers see the same strings
    expect(parse(text, { version: '1.1' })).toEqual(config);
  });

  it('of JSON, losslessly', () => {
    const text = toJson(model);
    expect(ThreatModelSchema.parse(JSON.parse(text))).toEqual(model);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it.each(FORMAT_NAMES)('of the terminal in %s output', (name) => {
    const out = renderFormat(name, model);
    expect(out.replace(/\r\n/g, '\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});
