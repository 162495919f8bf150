import { describe, expect, it } from 'vitest';
import { offlineGenerate } from '../../../src/core/batch/offline.js';
import { localEndpoint, LOCAL_ENDPOINT_ID } from '../../../src/core/batch/pool.js';
import { ThreatModelSchema } from '../../../src/core/domain/index.js';
import { decodeInput } from '../../../src/core/input/readInput.js';
import { loadKnowledgeBase } from '../../../src/core/kb/knowledgeBase.js';
import { architectureYaml, parseSystemYaml } from '../../fixtures/batch/architectures.js';

const kb = loadKnowledgeBase();

describe('offlineGenerate', () => {
  const doc = decodeInput('docs/a.yaml', Buffer.from(architectureYaml(0)));
  const parsed = parseSystemYaml(doc.text, { source: doc.source });

  it('runs the offline pipeline: a valid, deterministic model that records its input', async () => {
    const generate = offlineGenerate({ kb, toolVersion: '9.9.9', maxCases: 4 });
    const ctx = { signal: new AbortController().signal, endpoint: localEndpoint(1) };
    const a = await generate(doc, parsed, ctx);
    const b = await generate(doc, parsed, ctx);
    expect(() => ThreatModelSchema.parse(a)).not.toThrow();
    expect(a.misuseCases).toHaveLength(4);
    expect(a.run).toMatchObject({ provider: 'offline', model: null, tool: 'threatstorm 9.9.9', input: { source: 'docs/a.yaml', sha256: doc.sha256 } });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('stops when the signal has fired', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(offlineGenerate({ kb, toolVersion: 'x' })(doc, parsed, { signal: ctl.signal })).rejects.toThrow(/cancelled/);
  });
});

describe('localEndpoint', () => {
  it('is always healthy and has at least one slot', async () => {
    const ep = localEndpoint(0);
    expect(ep).toMatchObject({ id: LOCAL_ENDPOINT_ID, limit: 1 });
    await expect(ep.healthy()).resolves.toBe(true);
  });
});
