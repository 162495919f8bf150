import { afterEach, describe, expect, it } from 'vitest';
import { startMockModelServer, type MockServer } from '../../src/testing/mockModelServer.js';
import { chooseProvider, listOllamaModels, ollamaBaseUrl, ollamaPort, openAiPort, pickOllamaModel } from '../../src/cli/providers.js';
import { ProviderError } from '../../src/core/errors.js';

const servers: MockServer[] = [];
async function serve(opts: Parameters<typeof startMockModelServer>[0]) {
  const s = await startMockModelServer(opts);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const schema = { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] };
const req = { system: 'sys', user: 'hello', schemaName: 'probe', jsonSchema: schema };
/** A port on a closed local port: connection refused. */
const DOWN = 'http://127.0.0.1:9';

describe('OLLAMA_HOST and model choice', () => {
  it('normalises OLLAMA_HOST the way Ollama reads it', () => {
    expect(ollamaBaseUrl(undefined)).toBe('http://127.0.0.1:11434');
    expect(ollamaBaseUrl('0.0.0.0')).toBe('http://127.0.0.1:11434');
    expect(ollamaBaseUrl('gpu-box:8080')).toBe('http://gpu-box:8080');
    expect(ollamaBaseUrl('https://ollama.example.com')).toBe('https://ollama.example.com');
  });

  it('picks a preferred chat model and never an embedding model', () => {
    expect(pickOllamaModel(['nomic-embed-text:latest', 'llama3.2:3b', 'qwen2.5:7b'])).toBe('qwen2.5:7b');
    expect(pickOllamaModel(['nomic-embed-text:latest', 'mxbai-embed-large'])).toBeUndefined();
    expect(pickOllamaModel(['some-custom:1b'])).toBe('some-custom:1b');
  });
});

describe('Ollama through the real clients (ChatOllama, ollama)', () => {
  it('lists models via /api/tags with the ollama client', async () => {
    const s = await serve({ protocol: 'ollama', models: ['qwen2.5:7b', 'nomic-embed-text:latest'], reply: () => '{}' });
    expect(await listOllamaModels(s.url)).toEqual(['qwen2.5:7b', 'nomic-embed-text:latest']);
  });

  it('sends the JSON Schema as `format`, streams NDJSON and reports token counts', async () => {
    const s = await serve({ protocol: 'ollama', reply: () => '{"ok": true}' });
    const port = await ollamaPort(s.url, 'qwen2.5:7b', { provider: 'ollama' });
    const r = await port.complete(req);
    expect(JSON.parse(r.text)).toEqual({ ok: true });
    expect(r.promptTokens).toBeGreaterThan(0);
    expect(r.completionTokens).toBeGreaterThan(0);
    expect(s.requests[0]!.body.format).toEqual(schema);
    expect(s.requests[0]!.body.stream).toBe(true);
    expect((s.requests[0]!.body.options as { temperature: number }).temperature).toBe(0);
  });

  it('says how to pull a missing model', async () => {
    const s = await serve({ protocol: 'ollama', models: ['llama3.2:3b'], reply: () => '{}' });
    const port = await ollamaPort(s.url, 'qwen2.5:7b', { provider: 'ollama' });
    await expect(port.complete(req)).rejects.toThrow(/ollama pull qwen2\.5:7b/);
  });

  it('says Ollama is down after retrying', async () => {
    const port = await ollamaPort(DOWN, 'qwen2.5:7b', { provider: 'ollama' });
    const err = await port.complete(req).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as Error).message).toMatch(/cannot reach Ollama at http:\/\/127\.0\.0\.1:9.*ollama serve/);
  });

  it('times out a reply that stalls', async () => {
    const s = await serve({ protocol: 'ollama', reply: () => ({ stall: true }) });
    const port = await ollamaPort(s.url, 'qwen2.5:7b', { provider: 'ollama', timeoutMs: 300 });
    await expect(port.complete(req)).rejects.toThrow(/did not answer within/);
  });

  it('streams a chat answer token by token', async () => {
    const s = await serve({ protocol: 'ollama', reply: () => 'Threat models are never done.' });
    const port = await ollamaPort(s.url, 'qwen2.5:7b', { provider: 'ollama' });
    const tokens: string[] = [];
    const r = await port.chat!({ system: 's', user: 'u', onToken: (t) => tokens.push(t) });
    expect(r.text).toBe('Threat models are never done.');
    expect(tokens.length).toBeGreaterThan(3);
  });
});

describe('OpenAI-compatible endpoint through ChatOpenAI', () => {
  it('sends response_format json_schema and reads usage', async () => {
    const s = await serve({ protocol: 'openai', models: ['local-model'], reply: () => '{"ok": false}' });
    const port = await openAiPort(`${s.url}/v1`, 'local-model', 'not-needed', { provider: 'openai' });
    const r = await port.complete(req);
    expect(JSON.parse(r.text)).toEqual({ ok: false });
    expect(r.promptTokens).toBeGreaterThan(0);
    const rf = s.requests[0]!.body.response_format as { type: string; json_schema: { name: string; schema: unknown } };
    expect(rf.type).toBe('json_schema');
    expect(rf.json_schema.name).toBe('probe');
    expect(rf.json_schema.schema).toEqual(schema);
  });

  it('reports a model the server does not serve', async () => {
    const s = await serve({ protocol: 'openai', models: ['other'], reply: () => '{}' });
    const port = await openAiPort(`${s.url}/v1`, 'local-model', 'x', { provider: 'openai' });
    await expect(port.complete(req)).rejects.toThrow(/local-model/);
  });

  it('reports an endpoint that is down', async () => {
    const port = await openAiPort(`${DOWN}/v1`, 'm', 'x', { provider: 'openai' });
    await expect(port.complete(req)).rejects.toThrow(/cannot reach the OpenAI-compatible endpoint/);
  });
});

describe('chooseProvider', () => {
  it('auto: offline when Ollama is down, and says why', async () => {
    const c = await chooseProvider({ provider: 'auto', env: { OLLAMA_HOST: DOWN } });
    expect(c.kind).toBe('offline');
    expect(c.reason).toMatch(/not reachable.*ollama serve/);
  });

  it('auto: Ollama with a picked model when reachable', async () => {
    const s = await serve({ protocol: 'ollama', models: ['llama3.1:8b'], reply: () => '{}' });
    const c = await chooseProvider({ provider: 'auto', env: { OLLAMA_HOST: s.url } });
    expect(c.kind).toBe('ollama');
    if (c.kind === 'ollama') expect(c.model).toBe('llama3.1:8b');
  });

  it('auto: offline with a pull hint when the requested model is missing', async () => {
    const s = await serve({ protocol: 'ollama', models: ['llama3.1:8b'], reply: () => '{}' });
    const c = await chooseProvider({ provider: 'auto', model: 'qwen2.5:7b', env: { OLLAMA_HOST: s.url } });
    expect(c.kind).toBe('offline');
    expect(c.reason).toMatch(/ollama pull qwen2\.5:7b/);
  });

  it('explicit ollama with --no-fallback fails with exit 3 when down', async () => {
    const err = await chooseProvider({ provider: 'ollama', fallback: false, env: { OLLAMA_HOST: DOWN } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).exitCode).toBe(3);
  });

  it('openai needs a model and, for api.openai.com, a key', async () => {
    await expect(chooseProvider({ provider: 'openai', env: {} })).rejects.toThrow(/needs a model/);
    await expect(chooseProvider({ provider: 'openai', model: 'gpt-4o-mini', env: {} })).rejects.toThrow(/OPENAI_API_KEY/);
    const c = await chooseProvider({ provider: 'openai', model: 'm', env: { OPENAI_BASE_URL: 'http://localhost:1234/v1' } });
    expect(c.kind).toBe('openai');
  });
});
