import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement } from 'react';
import { render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { PROJECT_ROOT } from '../../src/core/kb/knowledgeBase.js';
import { SummaryLineSchema, type SummaryLine } from '../../src/core/batch/manifest.js';
import { initialProgress, reduceProgress, type BatchEvent } from '../../src/core/batch/progress.js';
import { BatchProgress, progressBar } from '../../src/ui/BatchProgress.js';
import { architectureYaml, put, writeArchitectures } from '../fixtures/batch/architectures.js';

let root: string;
let out: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ts-cli-batch-'));
  out = join(root, 'out');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const batch = (args: string[], env: Record<string, string> = {}) => cli(['batch', ...args, '--provider', 'offline'], { cwd: root, env });
const manifest = (): SummaryLine[] => readFileSync(join(out, 'summary.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => SummaryLineSchema.parse(JSON.parse(l)));
const files = () => readdirSync(out).sort();
const temps = () => readdirSync(out).filter((f) => /\.tmp-/.test(f));

/** A large architecture (about 60 components), so that one input takes tens of milliseconds offline. */
function bigArchitecture(i: number): string {
  const kinds = ['llm', 'agent', 'vector-store', 'service', 'database', 'tool'];
  const comps = Array.from({ length: 60 }, (_, k) => `  - { id: c${k}, name: Component ${i}-${k}, kind: ${kinds[k % 6]}, properties: [accepts-user-input, internet-facing, autonomous, retrieval, renders-output] }`);
  const flows = Array.from({ length: 59 }, (_, k) => `  - { id: f${k}, from: c${k}, to: c${k + 1} }`);
  return `name: Big system ${i}\ncomponents:\n${comps.join('\n')}\ndataFlows:\n${flows.join('\n')}\n`;
}
function writeBig(n: number): void {
  for (let i = 0; i < n; i++) put(join(root, 'docs', `sys-${String(i).padStart(2, '0')}.yaml`), bigArchitecture(i));
}

/** Starts the CLI, sends `signal` (or each of several, 10 ms apart) once `when()` holds, and resolves on exit. */
function runUntil(args: string[], when: () => boolean, signal: NodeJS.Signals | NodeJS.Signals[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; sentAfter: boolean }> {
  const signals = Array.isArray(signal) ? signal : [signal];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'bin', 'cli.js'), 'batch', ...args, '--provider', 'offline'], {
      cwd: root, env: { PATH: process.env.PATH ?? '', HOME: root, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = setInterval(() => {
      if (!sent && when()) {
        sent = true;
        signals.forEach((sig, i) => setTimeout(() => child.exitCode === null && child.kill(sig), i * 10));
      }
    }, 2);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, stderr, sentAfter: sent });
    });
  });
}
const jsonOutputs = () => (existsSync(out) ? readdirSync(out).filter((f) => /^sys-\d+\.json$/.test(f)).length : 0);

describe('threatstorm batch (CLI)', () => {
  it('mixed good and bad inputs: the others finish, exit 1, the failure on stderr and in summary.jsonl', () => {
    writeArchitectures(join(root, 'docs'), 3);
    put(join(root, 'docs/broken.yaml'), 'name: [unclosed\ncomponents: {');
    const r = batch(['docs', '-o', 'out']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/\[\d\/4\] failed docs\/broken\.yaml: /);
    expect(r.stderr).toMatch(/1 input\(s\) failed/);
    expect(r.stderr).toMatch(/\[\d\/4\] ok docs\/arch-00\.yaml \d+ cases/);
    const lines = manifest();
    expect(lines.map((l) => l.status)).toEqual(['ok', 'ok', 'ok', 'failed']);
    expect(lines[3]!.error).toBeTruthy();
    expect(files()).toEqual(['arch-00.json', 'arch-00.md', 'arch-01.json', 'arch-01.md', 'arch-02.json', 'arch-02.md', 'summary.csv', 'summary.jsonl', 'summary.md']);
  });

  it('--json puts the run summary on stdout; --quiet leaves stderr empty when all is well', () => {
    writeArchitectures(join(root, 'docs'), 2);
    const r = batch(['docs/*.yaml', '-o', 'out', '--json', '-q', '--format', 'json', '--format', 'sarif']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ schemaVersion: '1', total: 2, ok: 2, failed: 0, interrupted: false });
    expect(s.inputs.map((i: { outputs: string[] }) => i.outputs)).toEqual([['arch-00.json', 'arch-00.sarif'], ['arch-01.json', 'arch-01.sarif']]);
  });

  it('a rerun is all up to date with byte-identical outputs; --force redoes them', () => {
    writeArchitectures(join(root, 'docs'), 3);
    expect(batch(['docs', '-o', 'out']).code).toBe(0);
    const snap = () => Object.fromEntries(files().filter((f) => f !== 'summary.jsonl').map((f) => [f, readFileSync(join(out, f))]));
    const before = snap();
    const r = batch(['docs', '-o', 'out']);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/\] up to date docs\//g)).toHaveLength(3);
    expect(r.stderr).toContain('3 up to date');
    expect(snap()).toEqual(before);
    const f = batch(['docs', '-o', 'out', '--force']);
    expect(f.stderr.match(/\] ok docs\//g)).toHaveLength(3);
    expect(snap()).toEqual(before);
  });

  it('resumes after SIGKILL: no temp or half-written files, then every input exactly once', async () => {
    writeBig(30);
    const args = ['docs', '-o', 'out', '--concurrency', '1'];
    const killed = await runUntil(args, () => jsonOutputs() >= 3, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const doneBefore = jsonOutputs();
    expect(doneBefore).toBeGreaterThanOrEqual(3);
    expect(doneBefore).toBeLessThan(30); // it really was killed mid-run
    // every file that exists under its final name is complete
    for (const f of readdirSync(out).filter((x) => !/\.tmp-/.test(x))) {
      const text = readFileSync(join(out, f), 'utf8');
      if (f.endsWith('.json')) expect(() => JSON.parse(text), f).not.toThrow();
      if (f === 'summary.jsonl') text.split('\n').filter(Boolean).forEach((l) => expect(() => SummaryLineSchema.parse(JSON.parse(l))).not.toThrow());
      if (f.endsWith('.md')) expect(text.endsWith('\n'), f).toBe(true);
    }
    const r = batch(args);
    expect(r.code).toBe(0);
    expect(temps()).toEqual([]);
    const lines = manifest();
    expect(lines).toHaveLength(30);
    expect(lines.every((l) => l.status === 'ok')).toBe(true);
    expect(new Set(lines.map((l) => l.input)).size).toBe(30);
    expect(lines.filter((l) => l.upToDate).length).toBeGreaterThanOrEqual(doneBefore - 1); // at most the last one lost its line
    expect(files().filter((f) => f.startsWith('sys-'))).toHaveLength(60);
    expect(existsSync(join(out, '.threatstorm-batch.lock'))).toBe(false);
  }, 60_000);

  it('Ctrl-C (SIGINT) stops cleanly with exit 130 and a resume hint; the rerun finishes the rest', async () => {
    writeBig(30);
    const args = ['docs', '-o', 'out', '--concurrency', '1'];
    const r = await runUntil(args, () => jsonOutputs() >= 2, 'SIGINT');
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted: rerun the same command to continue; (\d+) of 30 done\./);
    const done = Number(/; (\d+) of 30 done/.exec(r.stderr)![1]);
    expect(done).toBeLessThan(30);
    expect(temps()).toEqual([]);
    const lines = manifest();
    expect(lines.filter((l) => l.status === 'ok')).toHaveLength(done);
    expect(lines.filter((l) => l.status === 'skipped')).toHaveLength(30 - done);
    const again = batch(args);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`${done} up to date`);
    expect(manifest().filter((l) => l.status === 'ok')).toHaveLength(30);
  }, 60_000);

  it('a second Ctrl-C abandons the input in flight, still leaving no temp or half-written file', async () => {
    writeBig(30);
    const args = ['docs', '-o', 'out', '--concurrency', '1'];
    const r = await runUntil(args, () => jsonOutputs() >= 2, ['SIGINT', 'SIGINT']);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('abandoning in-flight inputs');
    expect(temps()).toEqual([]);
    const lines = manifest();
    expect(lines).toHaveLength(30);
    for (const l of lines.filter((x) => x.status === 'ok')) for (const o of l.outputs) expect(existsSync(join(out, o))).toBe(true);
    // an input without an ok line has no output files under its name
    for (const l of lines.filter((x) => x.status !== 'ok')) expect(files().filter((f) => f.startsWith(`${l.name}.`))).toEqual([]);
  }, 60_000);

  describe('--fail-on', () => {
    beforeEach(() => writeArchitectures(join(root, 'docs'), 2));

    it('exits 1 and lists the cases that tripped the gate', () => {
      const r = batch(['docs', '-o', 'out', '--fail-on', 'high']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/--fail-on high: \d+ case\(s\) at high or above have no accepted mitigation:/);
      expect(r.stderr).toMatch(/docs\/arch-00\.yaml {2}MC-001 {2}.+ \((critical|high) \d+\)/);
    });

    it('passes with an accept file covering every tripped case, found next to the inputs', () => {
      const first = JSON.parse(batch(['docs', '-o', 'out', '--fail-on', 'high', '--json', '-q']).stdout);
      const classes = new Set<string>();
      for (const l of manifest()) for (const c of l.cases) if (first.gate.tripped.some((t: { input: string; caseId: string }) => t.input === l.input && t.caseId === c.id)) classes.add(c.threatClass);
      writeFileSync(join(root, 'docs/threatstorm.accept.yaml'), `accept:\n${[...classes].map((c) => `  - threatClass: ${c}\n    reason: accepted for this test (SEC-1)\n`).join('')}`);
      const r = batch(['docs', '-o', 'out', '--fail-on', 'high']);
      expect(r.stderr).toContain('accepted risks: ');
      expect(r.stderr).toMatch(/--fail-on high: passed \(\d+ case\(s\) accepted\)/);
      expect(r.code).toBe(0);
    });

    it('an expired acceptance no longer counts and is reported', () => {
      writeFileSync(join(root, 'accept.yaml'), 'accept:\n  - threatClass: prompt-injection\n    reason: until the redesign\n    until: 2020-01-31\n');
      const r = batch(['docs', '-o', 'out', '--fail-on', 'low', '--accept', 'accept.yaml']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/accepted risk "until the redesign" expired on 2020-01-31/);
    });

    it('a bad accept file is a usage error naming the file and the field', () => {
      writeFileSync(join(root, 'accept.yaml'), 'accept:\n  - pattern: x-y\n    reason: ok ok\n    severity: high\n');
      const r = batch(['docs', '-o', 'out', '--fail-on', 'high', '--accept', 'accept.yaml']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Invalid accept file accept\.yaml:\n {2}- accept\.0: unknown field "severity"/);
      expect(existsSync(out)).toBe(false); // nothing ran
    });
  });

  it('usage errors exit 2: unknown format, nothing matched', () => {
    writeArchitectures(join(root, 'docs'), 1);
    const bad = batch(['docs', '-o', 'out', '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown --format "pdf"\. Use one of: markdown, json/);
    const none = batch(['nothing/*.md', '-o', 'out']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no inputs/);
  });

  it('an input name with traversal or odd characters cannot write outside OUT', () => {
    put(join(root, 'docs', '..evil.yaml'), architectureYaml(0));
    put(join(root, 'docs', 'a b;$(id).yaml'), architectureYaml(1));
    const r = batch(['docs/..evil.yaml', 'docs', '-o', 'out', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(readdirSync(root).sort()).toEqual(['docs', 'out']);
    expect(files()).toEqual(['__evil.json', 'a_b___id_.json', 'summary.csv', 'summary.jsonl', 'summary.md']);
  });
});

describe('BatchProgress (Ink)', () => {
  const line = (input: string, over: Partial<SummaryLine> = {}): SummaryLine => ({
    input, name: input, sha256: 'h', status: 'ok', caseCount: 3, counts: { critical: 0, high: 1, medium: 2, low: 0 }, outputs: [], provider: 'offline', model: null, settingsHash: 's', components: [], cases: [], ...over,
  });
  it('shows the bar, counts, rate, ETA, in-flight inputs and failures', () => {
    const evs: [BatchEvent, number][] = [
      [{ type: 'plan', total: 4, toRun: 4, upToDate: 0, failed: 0, outDir: '/o' }, 0],
      [{ type: 'item-start', input: 'docs/a.md', endpoint: 'local' }, 0],
      [{ type: 'item-start', input: 'docs/b.md', endpoint: 'local' }, 0],
      [{ type: 'item-done', line: line('docs/a.md'), done: 1, total: 4 }, 500],
      [{ type: 'item-done', line: line('docs/b.md', { status: 'failed', error: 'bad \u001b[31mYAML' }), done: 2, total: 4 }, 1000],
      [{ type: 'item-start', input: 'docs/c.md', endpoint: 'local' }, 1000],
    ];
    const state = evs.reduce((s, [ev, now]) => reduceProgress(s, ev, now), initialProgress());
    const { lastFrame, unmount } = render(createElement(BatchProgress, { state, barWidth: 10 }));
    const frame = lastFrame() ?? '';
    unmount();
    expect(frame).toContain(`${progressBar(2, 4, 10)} 2/4 (50%)`);
    expect(frame).toContain('ok 1');
    expect(frame).toContain('failed 1');
    expect(frame).toContain('2.0/s · ETA 1s');
    expect(frame).toContain('▸ docs/c.md');
    expect(frame).toContain('✗ docs/b.md: bad YAML');
    expect(frame).not.toMatch(/\u001b\[31m/);
  });
  it('says it is stopping after Ctrl-C', () => {
    const state = reduceProgress(initialProgress(), { type: 'stopping', abandon: false, inFlight: 0 });
    const { lastFrame, unmount } = render(createElement(BatchProgress, { state }));
    expect(lastFrame()).toContain('Ctrl-C again to abandon them');
    unmount();
  });
  it('progressBar fills proportionally', () => {
    expect(progressBar(0, 10, 10)).toBe('░'.repeat(10));
    expect(progressBar(5, 10, 10)).toBe('█'.repeat(5) + '░'.repeat(5));
    expect(progressBar(10, 10, 4)).toBe('████');
  });
});
