import { describe, expect, it } from 'vitest';
import { INPUT_WARNING, toMarkdown } from '../../../src/core/export/markdown.js';
import { emptyThreatModel, fixtureThreatModel, nonAiThreatModel } from '../../fixtures/threatModel.js';
import { mermaidBlocks, mermaidProblems, tableCells, tableRows, TERMINAL_CONTROL } from './support.js';

const RISK_HEADER = '| ID | Title | Targets | STRIDE | Risk | ATLAS / OWASP |';

describe('toMarkdown', () => {
  const model = fixtureThreatModel();
  const md = toMarkdown(model);

  it('has the title and every section in order', () => {
    expect(md.startsWith('# Threat model: ')).toBe(true);
    const order = ['## Summary', '> [!WARNING]', '## Data-flow diagram', '## Risk overview', '## Misuse cases', '## Run'];
    const positions = order.map((h) => md.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('summarises provider, counts by level and the top 3 risks', () => {
    expect(md).toContain('ollama / llama3.1:8b');
    expect(md).toContain('critical 1, high 1, medium 2, low 1');
    const top = md.slice(md.indexOf('**Top risks**'), md.indexOf('> [!WARNING]'));
    expect(top.match(/^\d\. /gm)).toHaveLength(3);
    expect(top.indexOf('MC-001')).toBeLessThan(top.indexOf('MC-002'));
    expect(top).not.toContain('MC-004');
  });

  it('warns when the input held instruction-like text, listing each finding', () => {
    expect(md).toContain(INPUT_WARNING);
    expect(md).toContain('examples/acme-helpdesk.md line 7');
    expect(toMarkdown(emptyThreatModel())).not.toContain(INPUT_WARNING);
  });

  it('has a risk table with one row per case and six cells per row', () => {
    const rows = tableRows(md, RISK_HEADER);
    expect(rows).toHaveLength(model.misuseCases.length);
    for (const row of rows) expect(tableCells(row)).toHaveLength(6);
    expect(tableCells(rows[0] as string)[0]).toBe('[MC-001](#case-mc-001)');
  });

  it('renders each case with its parts, mitigations grouped and references named', () => {
    for (const mc of model.misuseCases) expect(md).toContain(`### ${mc.id} — `);
    for (const h of ['#### Preconditions', '#### Attack tree', '#### Impact', '#### Mitigations', '#### Monitoring signals',
      '#### Red-team tests', '#### Review questions', '#### References']) {
      expect(md.split(h).length - 1).toBe(model.misuseCases.length);
    }
    expect(md).toMatch(/\*\*Prevent\*\*[\s\S]*\*\*Detect\*\*[\s\S]*\*\*Respond\*\*/);
    expect(md).toContain('AML.T0051.001 LLM Prompt Injection: Indirect');
    expect(md).toContain('LLM06:2025 Excessive Agency');
    expect(md).toContain('**Knowledge-base patterns:** indirect-injection-retrieved-documents');
    expect(md).toContain('_Provenance: model (llama3.1:8b) \\[fallback\\]');
  });

  it('draws a data-flow diagram and one attack tree per case, all syntactically plausible', () => {
    const blocks = mermaidBlocks(md);
    expect(blocks).toHaveLength(1 + model.misuseCases.length);
    for (const block of blocks) expect(mermaidProblems(block)).toEqual([]);
    const flow = blocks[0] as string[];
    expect(flow[0]).toBe('flowchart LR');
    expect(flow.filter((l) => l.trim().startsWith('subgraph '))).toHaveLength(2);
    expect(flow.some((l) => /^ {2}class c\d+(,c\d+)* aiModel$/.test(l))).toBe(true);
    expect(flow.some((l) => l.includes('-->|"prompt"|'))).toBe(true);
    // the flow to an unknown component is skipped rather than given a node derived from its id
    expect(flow.join('\n')).not.toContain('ghost');
  });

  it('builds the attack tree as goal -> AND -> ordered steps', () => {
    const tree = mermaidBlocks(md)[1] as string[];
    expect(tree[0]).toBe('flowchart TD');
    expect(tree.some((l) => l.includes('goal["Goal: Planted wiki instructions'))).toBe(true);
    expect(tree).toContain('  goal --> and1');
    expect(tree.filter((l) => /^ {2}and1 -->\|"\d+"\| s\d+$/.test(l))).toHaveLength(4);
    expect(tree).toContain('  s3 -.->|"then"| s4');
  });

  it('says so when there are no cases, and names the missing AI components for a non-AI system', () => {
    const empty = toMarkdown(emptyThreatModel());
    expect(empty).toContain('No misuse cases were found');
    expect(empty).not.toContain(RISK_HEADER);
    const plain = toMarkdown(nonAiThreatModel());
    expect(plain).toContain('threatstorm found no AI components');
    expect(mermaidProblems(mermaidBlocks(plain)[0] as string[])).toEqual([]);
  });

  it('contains no terminal control characters', () => {
    expect(TERMINAL_CONTROL.test(md)).toBe(false);
    expect(md).not.toContain('\u202e');
  });
});
