import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManifestWriter, SummaryLineSchema, manifestText, modelFacts, readManifest, settingsHash, zeroCounts, type BatchSettings, type SummaryLine } from '../../../src/core/batch/manifest.js';
import { fixtureThreatModel } from '../../fixtures/threatModel.js';

const settings: BatchSettings = { formats: ['markdown', 'json'], maxCases: undefined, provider: 'offline', model: null, kbDigest: 'abc', toolVersion: '0.1.0' };

function line(input: string, over: Partial<SummaryLine> = {}): SummaryLine {
  return { input, name: input, sha256: 'h', status: 'ok', caseCount: 0, counts: zeroCounts(), outputs: [], provider: 'offline', model: null, settingsHash: 's', components: [], cases: [], ...over };
}

describe('settingsHash', () => {
  it('ignores the order of formats but changes with every setting that changes outputs', () => {
    const h = settingsHash(settings);
    expect(settingsHash({ ...settings, formats: ['json', 'markdown', 'json'] })).toBe(h);
    const variants: Partial<BatchSettings>[] = [
      { formats: ['markdown'] }, { maxCases: 5 }, { provider: 'ollama' }, { model: 'qwen2.5' }, { kbDigest: 'def' }, { toolVersion: '0.2.0' },
    ];
    const hashes = variants.map((v) => settingsHash({ ...settings, ...v }));
    expect(new Set([h, ...hashes]).size).toBe(variants.length + 1);
  });
});

describe('modelFacts', () => {
  it('counts by risk level and records what the gate and roll-up need per case', () => {
    const model = fixtureThreatModel();
    const facts = modelFacts(model);
    expect(facts.caseCount).toBe(5);
    expect(facts.counts).toEqual({ critical: 1, high: 1, medium: 2, low: 1 });
    expect(facts.components).toHaveLength(model.system.components.length);
    const first = facts.cases[0]!;
    expect(first).toMatchObject({ id: model.misuseCases[0]!.id, level: 'critical', score: 92, handled: true });
    expect(first.owasp).toEqual([...model.misuseCases[0]!.references.owaspLlm, ...model.misuseCases[0]!.references.owaspMl]);
    // a case whose mitigations are all proposed and whose status is open is not handled
    const open = model.misuseCases.findIndex((mc) => mc.status === 'open' && mc.mitigations.every((m) => m.status === 'proposed'));
    expect(facts.cases[open]!.handled).toBe(false);
    expect(() => SummaryLineSchema.parse(line('x', facts))).not.toThrow();
  });
});

describe('manifest file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ts-manifest-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips, one sorted JSON line per input', () => {
    const text = manifestText([line('b.md'), line('a.md', { status: 'failed', error: 'bad yaml' })]);
    expect(text.split('\n').filter(Boolean).map((l) => JSON.parse(l).input)).toEqual(['a.md', 'b.md']);
    writeFileSync(join(dir, 'summary.jsonl'), text);
    const { lines, problems } = readManifest(join(dir, 'summary.jsonl'));
    expect(problems).toEqual([]);
    expect(lines.get('a.md')).toEqual(line('a.md', { status: 'failed', error: 'bad yaml' }));
  });

  it('skips and reports lines that are not valid (they are redone), and treats a missing file as empty', () => {
    writeFileSync(join(dir, 'summary.jsonl'), `${JSON.stringify(line('a.md'))}\n{"input":"b.md","status":"ok"\nnot json\n`);
    const { lines, problems } = readManifest(join(dir, 'summary.jsonl'));
    expect([...lines.keys()]).toEqual(['a.md']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/summary\.jsonl:2 is not a valid summary line/);
    expect(readManifest(join(dir, 'nope.jsonl')).lines.size).toBe(0);
  });

  it('ManifestWriter keeps the file valid after every set and keeps lines of other inputs', () => {
    const path = join(dir, 'summary.jsonl');
    const w = new ManifestWriter(path, new Map([['old.md', line('old.md')]]));
    for (let i = 0; i < 20; i++) {
      w.set(line(`in-${String(i).padStart(2, '0')}.md`));
      // whatever was flushed so far parses completely
      const text = readFileSync(path, 'utf8');
      for (const l of text.split('\n').filter(Boolean)) expect(() => SummaryLineSchema.parse(JSON.parse(l))).not.toThrow();
    }
    w.flush();
    const { lines } = readManifest(path);
    expect(lines.size).toBe(21);
    expect(lines.has('old.md')).toBe(true);
    expect(w.get('in-03.md')?.input).toBe('in-03.md');
  });
});
