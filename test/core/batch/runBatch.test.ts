import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBatch, type BatchOptions, type GenerateFn } from '../../../src/core/batch/runBatch.js';
import { SummaryLineSchema, type SummaryLine } from '../../../src/core/batch/manifest.js';
import type { Endpoint } from '../../../src/core/batch/pool.js';
import { parseAcceptFile } from '../../../src/core/batch/accept.js';
import { AppError } from '../../../src/core/errors.js';
import { ThreatModelSchema } from '../../../src/core/domain/index.js';
import { loadKnowledgeBase } from '../../../src/core/kb/knowledgeBase.js';
import { buildOfflineThreatModel } from '../../../src/core/pipeline/offlineModel.js';
import { parseSystemYaml, put, writeArchitectures } from '../../fixtures/batch/architectures.js';

const kb = loadKnowledgeBase();
let root: string;
let out: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ts-runbatch-'));
  out = join(root, 'out');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A generator around the offline engine that records calls and can be slowed or gated. */
function fakeGenerator(opts: { delayMs?: number; onCall?: (source: string, n: number) => void } = {}) {
  const calls: string[] = [];
  const generate: GenerateFn = async (doc, parsed, ctx) => {
    calls.push(doc.source);
    opts.onCall?.(doc.source, calls.length);
    if (opts.delayMs) {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, opts.delayMs);
        ctx.signal.addEventListener('abort', () => { clearTimeout(t); reject(ctx.signal.reason); }, { once: true });
      });
    }
    return buildOfflineThreatModel(parsed.system, { kb, toolVersion: '0.0.0-test', input: { source: doc.source, format: 'yaml', sha256: doc.sha256 } });
  };
  return { generate, calls };
}

const options = (over: Partial<BatchOptions> = {}): BatchOptions => ({
  inputs: [join(root, 'docs')], outDir: out, cwd: root, formats: ['markdown', 'json'], concurrency: 2,
  provider: 'offline', model: null, kbDigest: kb.digest, toolVersion: '0.0.0-test', ...over,
});
const manifest = (): SummaryLine[] => readFileSync(join(out, 'summary.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => SummaryLineSchema.parse(JSON.parse(l)));
const outFiles = () => readdirSync(out).sort();
const noTemps = () => expect(readdirSync(out).filter((f) => /\.tmp-/.test(f))).toEqual([]);
const snapshot = () => Object.fromEntries(outFiles().filter((f) => f !== 'summary.jsonl').map((f) => [f, readFileSync(join(out, f), 'utf8')]));

describe('runBatch', () => {
  it('models every good input, and a bad one fails without stopping the others', async () => {
    writeArchitectures(join(root, 'docs'), 4);
    put(join(root, 'docs/broken.yaml'), 'name: [unclosed\ncomponents: {');
    put(join(root, 'docs/binary.json'), Buffer.from([0x7b, 0, 1, 2, 0x7d]));
    const g = fakeGenerator();
    const s = await runBatch(options({ inputs: [join(root, 'docs'), join(root, 'missing.md')] }), { generate: g.generate, parse: parseSystemYaml });
    expect(s).toMatchObject({ total: 7, ok: 4, failed: 3, skipped: 0, upToDate: 0, interrupted: false });
    const lines = manifest();
    expect(lines.map((l) => [l.input, l.status])).toEqual([
      ['docs/arch-00.yaml', 'ok'], ['docs/arch-01.yaml', 'ok'], ['docs/arch-02.yaml', 'ok'], ['docs/arch-03.yaml', 'ok'],
      ['docs/binary.json', 'failed'], ['docs/broken.yaml', 'failed'], ['missing.md', 'failed'],
    ]);
    expect(lines.find((l) => l.input === 'docs/broken.yaml')!.error).toMatch(/not valid YAML/);
    expect(lines.find((l) => l.input === 'docs/binary.json')!.error).toMatch(/looks binary/);
    expect(lines.find((l) => l.input === 'missing.md')!.error).toMatch(/does not exist/);
    for (const l of lines.filter((x) => x.status === 'ok')) {
      expect(l.outputs).toEqual([`${l.name}.md`, `${l.name}.json`]);
      expect(l.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(l.caseCount).toBe(l.cases.length);
      const model = ThreatModelSchema.parse(JSON.parse(readFileSync(join(out, `${l.name}.json`), 'utf8')));
      expect(model.misuseCases).toHaveLength(l.caseCount);
      expect(model.run.input?.source).toBe(l.input);
    }
    expect(outFiles()).toEqual(['arch-00.json', 'arch-00.md', 'arch-01.json', 'arch-01.md', 'arch-02.json', 'arch-02.md', 'arch-03.json', 'arch-03.md', 'summary.csv', 'summary.jsonl', 'summary.md']);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('## Inputs not modelled');
    expect(readFileSync(join(out, 'summary.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(8);
  });

  it('a rerun skips everything (up to date) and leaves outputs byte-identical; --force redoes them', async () => {
    writeArchitectures(join(root, 'docs'), 5);
    const first = fakeGenerator();
    await runBatch(options(), { generate: first.generate, parse: parseSystemYaml });
    const before = snapshot();
    const mtimes = outFiles().map((f) => statSync(join(out, f)).mtimeMs);

    const second = fakeGenerator();
    const s2 = await runBatch(options(), { generate: second.generate, parse: parseSystemYaml });
    expect(second.calls).toEqual([]);
    expect(s2).toMatchObject({ ok: 5, upToDate: 5, failed: 0 });
    expect(manifest().every((l) => l.status === 'ok' && l.upToDate)).toBe(true);
    expect(snapshot()).toEqual(before);
    expect(outFiles().filter((f) => f.startsWith('arch-')).map((f) => statSync(join(out, f)).mtimeMs)).toEqual(mtimes.slice(0, 10));

    const forced = fakeGenerator();
    const s3 = await runBatch(options({ force: true }), { generate: forced.generate, parse: parseSystemYaml });
    expect(forced.calls).toHaveLength(5);
    expect(s3.upToDate).toBe(0);
    expect(snapshot()).toEqual(before);
  });

  it('redoes only what changed: edited content, or every input when a setting changes', async () => {
    const files = writeArchitectures(join(root, 'docs'), 4);
    await runBatch(options(), { generate: fakeGenerator().generate, parse: parseSystemYaml });
    writeFileSync(files[2]!, readFileSync(files[2]!, 'utf8').replace('System 2', 'System two'));
    const g = fakeGenerator();
    await runBatch(options(), { generate: g.generate, parse: parseSystemYaml });
    expect(g.calls).toEqual(['docs/arch-02.yaml']);
    const g2 = fakeGenerator();
    await runBatch(options({ maxCases: 3 }), { generate: g2.generate, parse: parseSystemYaml });
    expect(g2.calls).toHaveLength(4);
    rmSync(join(out, 'arch-01.md'));
    const g3 = fakeGenerator();
    await runBatch(options({ maxCases: 3 }), { generate: g3.generate, parse: parseSystemYaml });
    expect(g3.calls).toEqual(['docs/arch-01.yaml']); // a missing output means not done
  });

  it('resumes after an interruption: stop lets in-flight work finish, the rerun does only the rest', async () => {
    writeArchitectures(join(root, 'docs'), 12);
    const stop = new AbortController();
    const g = fakeGenerator({ delayMs: 5, onCall: (_s, n) => n === 4 && stop.abort() });
    const s = await runBatch(options({ concurrency: 1 }), { generate: g.generate, parse: parseSystemYaml, stop: stop.signal });
    expect(s.interrupted).toBe(true);
    expect(s.ok).toBe(4); // the 4th was in flight when stop fired and still finished
    expect(s.skipped).toBe(8);
    noTemps();
    const lines = manifest();
    expect(lines.filter((l) => l.status === 'skipped').every((l) => l.error === 'not started: the run was interrupted')).toBe(true);

    const rest = fakeGenerator();
    const s2 = await runBatch(options({ concurrency: 1 }), { generate: rest.generate, parse: parseSystemYaml });
    expect(rest.calls).toHaveLength(8);
    expect(new Set([...g.calls, ...rest.calls]).size).toBe(12); // nothing modelled twice
    expect(s2).toMatchObject({ ok: 12, upToDate: 4, skipped: 0, interrupted: false });
    expect(manifest().filter((l) => l.status === 'ok')).toHaveLength(12);
    expect(outFiles().filter((f) => f.endsWith('.json') && f.startsWith('arch-'))).toHaveLength(12);
  });

  it('abort abandons in-flight inputs: no output, no temp file, summary.jsonl still valid', async () => {
    writeArchitectures(join(root, 'docs'), 6);
    const abort = new AbortController();
    const stop = new AbortController();
    const g = fakeGenerator({ delayMs: 10_000, onCall: (_s, n) => n === 2 && setTimeout(() => { stop.abort(); abort.abort(); }, 10) });
    const s = await runBatch(options({ concurrency: 2 }), { generate: g.generate, parse: parseSystemYaml, stop: stop.signal, abort: abort.signal });
    expect(s).toMatchObject({ ok: 0, skipped: 6, interrupted: true });
    expect(manifest().filter((l) => l.error?.startsWith('abandoned'))).toHaveLength(2);
    expect(outFiles()).toEqual(['summary.csv', 'summary.jsonl', 'summary.md']);
  });

  it('finishes every input on the healthy endpoint when another is down', async () => {
    writeArchitectures(join(root, 'docs'), 6);
    const used: string[] = [];
    const healthy: Endpoint = { id: 'http://good:11434', limit: 2, healthy: async () => true };
    const down: Endpoint = { id: 'http://down:11434', limit: 4, healthy: async () => false };
    const base = fakeGenerator();
    const generate: GenerateFn = (doc, parsed, ctx) => {
      used.push(ctx.endpoint!.id);
      return base.generate(doc, parsed, ctx);
    };
    const events: string[] = [];
    const s = await runBatch(options({ concurrency: undefined }), {
      generate, parse: parseSystemYaml, endpoints: [down, healthy], onEvent: (e) => e.type === 'endpoint-down' && events.push(e.endpoint),
    });
    expect(s).toMatchObject({ ok: 6, failed: 0, endpointsDown: ['http://down:11434'] });
    expect(new Set(used)).toEqual(new Set(['http://good:11434']));
    expect(events).toEqual(['http://down:11434']);
  });

  it('fails the inputs with a clear error when every endpoint is down', async () => {
    writeArchitectures(join(root, 'docs'), 3);
    const s = await runBatch(options(), {
      generate: fakeGenerator().generate, parse: parseSystemYaml,
      endpoints: [{ id: 'a', limit: 1, healthy: async () => false }, { id: 'b', limit: 1, healthy: async () => { throw new Error('ECONNREFUSED'); } }],
    });
    expect(s.failed).toBe(3);
    expect(manifest()[0]!.error).toMatch(/no endpoint is available: a \(health check failed\), b \(health check failed: ECONNREFUSED\)/);
  });

  it('gives inputs with the same file name distinct outputs, stable across runs', async () => {
    put(join(root, 'docs/a/x.yaml'), writeArchitecturesText(0));
    put(join(root, 'docs/b/x.yaml'), writeArchitecturesText(1));
    put(join(root, 'docs/b/x.md'), writeArchitecturesText(3));
    await runBatch(options({ formats: ['json'] }), { generate: fakeGenerator().generate, parse: parseSystemYaml });
    const names = manifest().map((l) => [l.input, l.outputs[0]]);
    expect(names).toEqual([['docs/a/x.yaml', 'a__x.json'], ['docs/b/x.md', 'b__x_md.json'], ['docs/b/x.yaml', 'b__x_yaml.json']]);
    const again = fakeGenerator();
    await runBatch(options({ formats: ['json'] }), { generate: again.generate, parse: parseSystemYaml });
    expect(again.calls).toEqual([]);
  });

  it('keeps weird input names inside OUT', async () => {
    const weird = ['-rf.yaml', 'a b;$(touch pwned).yaml', '..yaml', 'a..b.yaml', 'ünï.yaml', 'CON.yaml', 'x\u001b[31m.yaml'];
    weird.forEach((n, i) => put(join(root, 'docs', n), writeArchitecturesText(i)));
    // '..yaml' is hidden, so only an explicit argument picks it up
    await runBatch(options({ inputs: [join(root, 'docs'), join(root, 'docs', '..yaml')], formats: ['json', 'sarif'] }), { generate: fakeGenerator().generate, parse: parseSystemYaml });
    expect(readdirSync(root).sort()).toEqual(['docs', 'out']);
    const outputs = manifest().flatMap((l) => l.outputs);
    expect(outputs).toHaveLength(weird.length * 2);
    for (const o of outputs) {
      expect(o).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]*\.(json|sarif)$/);
      expect(existsSync(join(out, o))).toBe(true);
    }
  });

  it('never re-reads its own output folder, removes stale temp files and leaves none', async () => {
    writeArchitectures(join(root, 'docs'), 2);
    out = join(root, 'docs', 'out');
    await runBatch(options(), { generate: fakeGenerator().generate, parse: parseSystemYaml });
    writeFileSync(join(out, 'arch-00.md.tmp-99999999-dead01'), 'half a file');
    const s = await runBatch(options(), { generate: fakeGenerator().generate, parse: parseSystemYaml });
    expect(s.total).toBe(2);
    expect(s.warnings).toContain('removed 1 temp file(s) left by an interrupted run');
    noTemps();
  });

  it('evaluates --fail-on with the accept file and writes the gate into summary.md', async () => {
    writeArchitectures(join(root, 'docs'), 2);
    const first = await runBatch(options({ failOn: 'high' }), { generate: fakeGenerator().generate, parse: parseSystemYaml });
    expect(first.gate?.passed).toBe(false);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('**Failed:**');
    const classes = [...new Set(first.gate!.tripped.map((t) => first.lines.find((l) => l.input === t.input)!.cases.find((c) => c.id === t.caseId)!.threatClass))];
    const yaml = `accept:\n${classes.map((c) => `  - threatClass: ${c}\n    reason: accepted for the test\n`).join('')}`;
    const accept = parseAcceptFile(yaml, join(root, 'threatstorm.accept.yaml'));
    const second = await runBatch(options({ failOn: 'high', accept }), { generate: fakeGenerator().generate, parse: parseSystemYaml });
    expect(second.gate?.passed).toBe(true);
    expect(second.upToDate).toBe(2); // the gate works from summary.jsonl: nothing regenerated
  });

  it('is a usage error when nothing matches', async () => {
    await expect(runBatch(options({ inputs: [join(root, 'nothing/*.md')] }), { generate: fakeGenerator().generate, parse: parseSystemYaml })).rejects.toBeInstanceOf(AppError);
  });
});

function writeArchitecturesText(i: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ts-one-'));
  try {
    return readFileSync(writeArchitectures(dir, i + 1)[i]!, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
