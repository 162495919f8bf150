import { mkdtempSync, readFileSync, readdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/core/kb/knowledgeBase.js';
import { startMockModelServer, type MockServer } from '../../src/testing/mockModelServer.js';
import { focusOf, sampleCases } from '../helpers/modelFixtures.js';
import { cliAsync } from '../helpers/cli.js';

const run = (args: string[], env: Record<string, string> = {}) => cliAsync(args, { env });

describe('batch with model endpoints (real ChatOllama against a protocol server)', () => {
  let server: MockServer;
  const inputs = mkdtempSync(join(tmpdir(), 'ts-bm-in-'));
  beforeAll(async () => {
    // Hand-written sample replies, shaped from the prompt: not model output.
    server = await startMockModelServer({
      protocol: 'ollama',
      models: ['qwen2.5:7b'],
      reply: (r) => {
        const focus = focusOf(r.prompt);
        if (!focus) return '{"components": [], "flows": []}';
        const kind = new RegExp(`^${focus} \\| ([a-z-]+) \\|`, 'm').exec(r.prompt)?.[1];
        return kind === 'llm' || kind === 'agent'
          ? sampleCases(focus)
          : sampleCases(focus, { threatClass: 'evasion', atlas: ['AML.T0015'], owaspLlm: [], owaspMl: ['ML01:2023'] });
      },
    });
    for (const f of ['07-credit-scoring.yaml', '12-model-serving-platform.yaml', '10-fraud-detection.json']) copyFileSync(join(PROJECT_ROOT, 'evals', 'architectures', f), join(inputs, f));
  });
  afterAll(async () => server.close());

  it('spreads inputs over the endpoints that are up; one endpoint down does not fail the batch', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ts-bm-out-'));
    const r = await run(['batch', inputs, '--out', out, '--provider', 'ollama', '--ollama-host', 'http://127.0.0.1:9', '--ollama-host', server.url, '-f', 'json']);
    expect(r.stderr).toMatch(/127\.0\.0\.1:9.*not reachable/);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(out, 'summary.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.status === 'ok' && l.provider === 'ollama')).toBe(true);
    const models = readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'summary.json').map((f) => JSON.parse(readFileSync(join(out, f), 'utf8')));
    expect(models).toHaveLength(3);
    for (const m of models) {
      expect(m.run.provider).toBe('ollama');
      expect(m.run.calls).toBeGreaterThan(0);
      expect(m.misuseCases.some((c: { provenance: { source: string } }) => c.provenance.source === 'model')).toBe(true);
    }
    expect(server.requests.length).toBeGreaterThan(0);
  }, 60_000);

  it('fails with exit 3 and names the endpoints when none can serve an explicit provider', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ts-bm-out-'));
    const r = await run(['batch', inputs, '--out', out, '--provider', 'ollama', '--ollama-host', 'http://127.0.0.1:9']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no Ollama endpoint can serve the batch/);
  }, 60_000);

  it('auto falls back to the offline engine when no Ollama is reachable', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ts-bm-out-'));
    const r = await run(['batch', inputs, '--out', out, '-f', 'json'], { OLLAMA_HOST: '127.0.0.1:9' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/provider: offline/);
  }, 60_000);
});
