import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockModelServer, type MockServer } from '../../src/testing/mockModelServer.js';
import { cliAsync } from '../helpers/cli.js';
import { focusOf, sampleCases } from '../helpers/modelFixtures.js';

describe('eval --suite coverage with a model (protocol server, hand-written sample replies)', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockModelServer({
      protocol: 'ollama',
      models: ['qwen2.5:7b'],
      // every other call names a component that does not exist, so groundedness has work to do
      reply: (r) => (focusOf(r.prompt) ? sampleCases(focusOf(r.prompt)!, server.requests.length % 2 ? {} : { targets: ['ghost-component'] }) : '{"components": [], "flows": []}'),
    });
  });
  afterAll(async () => server.close());

  it('runs the same suite through the model pipeline and adds groundedness and stability', async () => {
    const r = await cliAsync(['eval', '--suite', 'coverage', '--provider', 'ollama', '--model', 'qwen2.5:7b', '--repeat', '2', '--json'], { env: { OLLAMA_HOST: server.url } });
    expect(r.stderr).toMatch(/coverage with ollama model qwen2\.5:7b, 2 runs per architecture/);
    const res = JSON.parse(r.stdout);
    expect(res.suite).toBe('coverage');
    expect(res.tag).toBe('USUALLY_PASSES');
    expect(res.metrics.groundedness).toBe(1); // hallucinated targets were dropped, never passed through
    expect(res.metrics.stability).toBeGreaterThan(0);
    expect(res.table[0]).toContain('stable');
    expect(server.requests.length).toBeGreaterThan(18);
  }, 120_000);

  it('fails with exit 3 when the requested provider is down', async () => {
    const r = await cliAsync(['eval', '--suite', 'coverage', '--provider', 'ollama']);
    expect(r.code).toBe(3);
  });
});
