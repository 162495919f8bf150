import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import { fakeModel } from '@langchain/core/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/core/kb/knowledgeBase.js';
import { ThreatModelSchema, type ThreatModel } from '../../../src/core/domain/index.js';
import { langChainPort, noSchema } from '../../../src/core/llm/langchainPort.js';
import { loadKnowledgeBase } from '../../../src/core/kb/knowledgeBase.js';
import { finalModel, type PipelineEvent } from '../../../src/core/pipeline/events.js';
import { runModelPipeline, wantsExtraction, planParts, PART_SIZE } from '../../../src/core/pipeline/modelPipeline.js';
import { decodeInput } from '../../../src/core/input/readInput.js';
import { parseArchitecture } from '../../../src/core/input/parseArchitecture.js';
import { PatternIndex } from '../../../src/core/retrieval/search.js';
import { makePromptKit } from '../../../src/core/pipeline/structured.js';
import { focusOf, sampleCases, supportInput } from '../../helpers/modelFixtures.js';

const kb = loadKnowledgeBase();
const textOf = (ms: BaseMessage[]) => ms.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');

function portFor(respond: (prompt: string, messages: BaseMessage[]) => string) {
  const model = fakeModel();
  for (let i = 0; i < 40; i++) model.respond((ms: BaseMessage[]) => new AIMessage(respond(textOf(ms), ms)));
  return { model, port: langChainPort(model, { provider: 'ollama', model: 'fake', endpoint: 'fake', bindSchema: noSchema, parallelism: 2 }) };
}

async function run(respond: (prompt: string, messages: BaseMessage[]) => string, opts: { fallback?: boolean } = {}) {
  const { doc, parsed } = supportInput();
  const { model, port } = portFor(respond);
  const events: PipelineEvent[] = [];
  const gen = runModelPipeline(doc, parsed, { kb, toolVersion: 'test', port, fallback: opts.fallback, kit: makePromptKit('0123456789ab') });
  async function* tap() {
    for await (const e of gen) {
      events.push(e);
      yield e;
    }
  }
  const result = await finalModel(tap());
  return { result, events, fake: model };
}

function expectGrounded(m: ThreatModel) {
  expect(ThreatModelSchema.safeParse(m).success).toBe(true);
  const ids = new Set(m.system.components.map((c) => c.id));
  for (const c of m.misuseCases) for (const t of c.targets) expect(ids.has(t)).toBe(true);
}

describe('model pipeline (fake model)', () => {
  it('merges valid model cases with offline ones, grounded and ranked', async () => {
    const { result, events } = await run((p) => (focusOf(p) ? sampleCases(focusOf(p)!) : '{"cases":[]}'));
    expectGrounded(result);
    const fromModel = result.misuseCases.filter((c) => c.provenance.source === 'model');
    expect(fromModel.length).toBeGreaterThan(0);
    expect(fromModel[0]!.references.patterns.length).toBeGreaterThan(0); // grounded to a KB pattern
    expect(result.run.provider).toBe('ollama');
    expect(result.run.calls).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'case').length).toBeGreaterThan(0);
    const scores = result.misuseCases.map((c) => c.risk.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('repairs invalid JSON once, then uses the repaired answer', async () => {
    const seen = new Map<string, number>();
    const { result } = await run((p, ms) => {
      const f = focusOf(p);
      if (!f) return '{"cases":[]}';
      const n = (seen.get(f) ?? 0) + 1;
      seen.set(f, n);
      return ms.length > 2 ? sampleCases(f) : '{"cases": [ {"title": "broken"';
    });
    expect(result.run.fallbacks.filter((f) => /JSON|schema/.test(f.reason))).toEqual([]);
    expect(result.misuseCases.some((c) => c.provenance.source === 'model')).toBe(true);
    expect(result.run.calls).toBeGreaterThanOrEqual(2 * [...seen.keys()].length);
  });

  it('falls back to offline cases for a part whose output breaks the schema twice', async () => {
    const { result } = await run((p) => (focusOf(p) ? JSON.stringify({ cases: [{ title: 'x', severity: 'apocalyptic' }] }) : '{"cases":[]}'));
    expectGrounded(result);
    expect(result.run.fallbacks.length).toBeGreaterThan(0);
    expect(result.run.fallbacks[0]!.reason).toMatch(/schema/);
    expect(result.misuseCases.length).toBeGreaterThan(0);
    expect(result.misuseCases.every((c) => c.provenance.source === 'knowledge-base')).toBe(true);
    expect(result.misuseCases.some((c) => c.provenance.fallback)).toBe(true);
  });

  it('drops hallucinated components and ATLAS ids, never passing them through', async () => {
    const { result } = await run((p) => {
      const f = focusOf(p);
      if (!f) return '{"cases":[]}';
      return JSON.stringify({
        cases: [
          JSON.parse(sampleCases('quantum-ledger')).cases[0],
          JSON.parse(sampleCases(f, { atlas: ['AML.T0051.000', 'AML.T9999.999'], owaspLlm: ['LLM01', 'LLM42:2025'] })).cases[0],
        ],
      });
    });
    expectGrounded(result);
    const model = result.misuseCases.filter((c) => c.provenance.source === 'model');
    expect(model.some((c) => c.targets.includes('quantum-ledger'))).toBe(false);
    for (const c of model) {
      expect(c.references.atlas).not.toContain('AML.T9999.999');
      expect(c.references.owaspLlm).not.toContain('LLM42:2025');
    }
    expect(model.some((c) => c.references.owaspLlm.includes('LLM01:2025'))).toBe(true); // qualified edition
    expect(result.run.warnings.join('\n')).toMatch(/quantum-ledger/);
  });

  it('treats an empty list for an exposed component as suspicious and keeps the offline cases', async () => {
    const { result } = await run(() => '{"cases":[]}');
    expectGrounded(result);
    expect(result.misuseCases.length).toBeGreaterThan(0);
    expect(result.misuseCases.filter((c) => c.targets.includes('bot')).length).toBeGreaterThan(0);
  });

  it('fails with a clear error under --no-fallback when output is unusable', async () => {
    await expect(run(() => 'not json at all', { fallback: false })).rejects.toThrow(/the model failed on .*invalid JSON/);
  });

  it('spotlights untrusted text and puts a canary in the system prompt', async () => {
    const { fake } = await run((p) => (focusOf(p) ? sampleCases(focusOf(p)!) : '{"cases":[]}'));
    const first = fake.calls[0]!.messages;
    const system = String(first[0]!.content);
    expect(system).toContain(makePromptKit('0123456789ab').canary);
    expect(makePromptKit('0123456789ab').canary).toMatch(/^cnry-/);
    const user = String(first[1]!.content);
    expect(user).toMatch(/DATA/);
  });
});

describe('model extraction and parts', () => {
  const prose = '# Notes bot\n\nStaff ask the Notes bot questions. It runs on Llama 3 via Ollama and reads the Wiki export.\n';

  it('auto extraction runs only when the offline extraction looks weak', () => {
    const weak = parseArchitecture(prose, { source: 'notes.md' });
    const strong = parseArchitecture(readFileSync(join(PROJECT_ROOT, 'evals/architectures/01-support-chatbot-rag.md'), 'utf8'), { source: '01.md' });
    expect(wantsExtraction('auto', strong)).toBe(false);
    expect(wantsExtraction('always', strong)).toBe(true);
    expect(wantsExtraction('never', weak)).toBe(false);
    expect(weak.system.components.length < 4 || wantsExtraction('auto', weak)).toBe(true);
  });

  it('merges supported components from the model and drops ones the text never mentions', async () => {
    const doc = decodeInput('notes.md', Buffer.from(prose));
    const parsed = parseArchitecture(prose, { source: 'notes.md' });
    // hand-written sample extraction: one component the text mentions, one it does not
    const { port } = portFor((p) =>
      p.includes('List the components and data flows')
        ? JSON.stringify({ components: [{ name: 'Wiki export', kind: 'storage', properties: ['untrusted-content'], evidence: 'reads the Wiki export' }, { name: 'Quantum vault', kind: 'database', properties: [], evidence: 'stores everything in the quantum vault' }], flows: [{ from: 'Wiki export', to: 'Notes bot', label: 'pages' }] })
        : '{"cases": []}');
    const m = await finalModel(runModelPipeline(doc, parsed, { kb, toolVersion: 'test', port, extract: 'always', kit: makePromptKit('0123456789ab') }));
    const names = m.system.components.map((c) => c.name.toLowerCase());
    expect(names.some((n) => n.includes('wiki'))).toBe(true);
    expect(names.some((n) => n.includes('quantum'))).toBe(false);
    expect(m.run.warnings.join('\n')).toMatch(/dropped component "Quantum vault"/);
  });

  it('groups related AI components into parts of at most PART_SIZE', () => {
    const text = readFileSync(join(PROJECT_ROOT, 'evals/architectures/13-multi-agent-customer-ops.md'), 'utf8');
    const parsed = parseArchitecture(text, { source: '13.md' });
    const parts = planParts(parsed.system, kb.patterns, new PatternIndex(kb.patterns));
    const ids = parts.flatMap((p) => p.components.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length); // each component in one part
    expect(parts.every((p) => p.components.length >= 1 && p.components.length <= PART_SIZE)).toBe(true);
    expect(parts.length).toBeLessThan(ids.length); // grouping saves calls
  });
});
