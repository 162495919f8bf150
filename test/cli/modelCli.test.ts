import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ThreatModelSchema } from '../../src/core/domain/index.js';
import { startMockModelServer, type MockServer } from '../../src/testing/mockModelServer.js';
import { cli, cliAsync } from '../helpers/cli.js';
import { focusOf, sampleCases } from '../helpers/modelFixtures.js';

// Hand-written sample replies shaped from the prompt (not model output).
const reply = (r: { prompt: string }) => {
  if (r.prompt.includes('What is 2 + 2?')) return '{"answer": 4, "colour": "green"}';
  const f = focusOf(r.prompt);
  return f ? sampleCases(f) : '{"components": [], "flows": []}';
};

describe('generate and doctor with a model, through the real clients', () => {
  let ollama: MockServer;
  let openai: MockServer;
  beforeAll(async () => {
    ollama = await startMockModelServer({ protocol: 'ollama', models: ['qwen2.5:7b'], reply });
    openai = await startMockModelServer({ protocol: 'openai', models: ['local-model'], reply });
  });
  afterAll(async () => {
    await ollama.close();
    await openai.close();
  });

  it('auto picks Ollama when reachable, streams cases, and records the run', async () => {
    const r = await cliAsync(['generate', 'evals/architectures/01-support-chatbot-rag.md', '-f', 'json', '--timings'], { env: { OLLAMA_HOST: ollama.url } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/provider: ollama \(qwen2\.5:7b\)/);
    const m = ThreatModelSchema.parse(JSON.parse(r.stdout));
    expect(m.run.provider).toBe('ollama');
    expect(m.run.model).toBe('qwen2.5:7b');
    expect(m.run.calls).toBeGreaterThan(1);
    expect(m.run.promptTokens).toBeGreaterThan(0);
    expect(Object.keys(m.run.stageMs ?? {})).toEqual(expect.arrayContaining(['scan', 'retrieve', 'generate', 'merge']));
    expect(m.misuseCases.some((c) => c.provenance.source === 'model')).toBe(true);
  }, 60_000);

  it('--provider openai uses OPENAI_BASE_URL', async () => {
    const r = await cliAsync(['generate', 'evals/architectures/03-email-triage-agent.md', '-f', 'json', '--provider', 'openai', '--model', 'local-model'], { env: { OPENAI_BASE_URL: `${openai.url}/v1` } });
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m.run.provider).toBe('openai');
    expect(openai.requests.some((q) => (q.body.response_format as { type?: string } | undefined)?.type === 'json_schema')).toBe(true);
  }, 60_000);

  it('doctor passes against a working endpoint and says what to fix otherwise', async () => {
    const ok = await cliAsync(['doctor', '--json'], { env: { OLLAMA_HOST: ollama.url } });
    const res = JSON.parse(ok.stdout);
    expect(ok.code).toBe(0);
    expect(res.checks.map((c: { name: string }) => c.name)).toEqual(['node', 'knowledge base', 'ollama', 'model', 'structured output']);
    const missing = await cliAsync(['doctor', '--model', 'llama3.1:8b'], { env: { OLLAMA_HOST: ollama.url } });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/ollama pull llama3\.1:8b/);
    const down = await cliAsync(['doctor']);
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/ollama serve/);
    expect((await cliAsync(['doctor', '--provider', 'offline'])).code).toBe(0);
  }, 60_000);
});

describe('diff', () => {
  it('reports added and removed cases and exits 1 when new high-risk cases appear', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ts-diff-'));
    const small = cli(['generate', 'evals/architectures/01-support-chatbot-rag.md', '-f', 'json', '--max-cases', '3']).stdout;
    const big = cli(['generate', 'evals/architectures/01-support-chatbot-rag.md', '-f', 'json', '--max-cases', '8']).stdout;
    writeFileSync(join(dir, 'old.json'), small);
    writeFileSync(join(dir, 'new.json'), big);
    const grew = cli(['diff', join(dir, 'old.json'), join(dir, 'new.json'), '-f', 'json']);
    expect(grew.code).toBe(1);
    const d = JSON.parse(grew.stdout);
    expect(d.added.length).toBe(5);
    const same = cli(['diff', join(dir, 'new.json'), join(dir, 'new.json')]);
    expect(same.code).toBe(0);
    writeFileSync(join(dir, 'bad.json'), '{"schemaVersion": "1"}');
    const bad = cli(['diff', join(dir, 'bad.json'), join(dir, 'new.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a threatstorm threat model/);
  });
});
