import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ThreatModelSchema } from '../../src/core/domain/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'ts-cli-'));
const write = (name: string, data: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, data);
  return p;
};
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);

describe('threatstorm CLI basics', () => {
  it('--help lists every command and --version prints the version', () => {
    const h = cli(['--help']);
    expect(h.code).toBe(0);
    for (const cmd of ['generate', 'batch', 'scan', 'kb', 'eval', 'doctor', 'schema', 'diff']) expect(h.stdout).toContain(cmd);
    const v = cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('every command has --help', () => {
    for (const cmd of [['generate'], ['batch'], ['scan'], ['kb', 'list'], ['kb', 'search'], ['kb', 'validate'], ['eval'], ['doctor'], ['schema'], ['diff']]) {
      const r = cli([...cmd, '--help']);
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.stdout, cmd.join(' ')).toMatch(/Usage: threatstorm/);
    }
  });

  it('unknown options and commands are usage errors (exit 2) with a suggestion', () => {
    const r = cli(['generate', '--formt', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format/);
    expect(cli(['genrate']).code).toBe(2);
    expect(cli(['generate', 'x.md', '--format', 'pdf']).code).toBe(2);
  });
});

describe('generate', () => {
  it('writes a valid JSON threat model to stdout and diagnostics to stderr only', () => {
    const r = cli(['generate', 'evals/architectures/01-support-chatbot-rag.md', '--format', 'json']);
    expect(r.code).toBe(0);
    const model = ThreatModelSchema.parse(JSON.parse(r.stdout));
    expect(model.misuseCases.length).toBeGreaterThan(5);
    expect(model.run.provider).toBe('offline');
    expect(r.stderr).toMatch(/provider: offline/);
  });

  it('defaults to Markdown, reads stdin with -, and honours --max-cases and --out', () => {
    const text = readFileSync('evals/architectures/03-email-triage-agent.md', 'utf8');
    const r = cli(['generate', '-'], { input: text });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# /m);
    const out = join(tmp, 'out.json');
    const w = cli(['generate', 'evals/architectures/03-email-triage-agent.md', '-f', 'json', '--max-cases', '3', '--out', out]);
    expect(w.code).toBe(0);
    expect(w.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).misuseCases).toHaveLength(3);
  });

  it('is deterministic: the same input gives byte-identical JSON', () => {
    const a = cli(['generate', 'bench/arch-20.md', '-f', 'json']);
    const b = cli(['generate', 'bench/arch-20.md', '-f', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('gives a system without AI no AI-specific cases', () => {
    const r = cli(['generate', 'evals/architectures/16-payroll-webapp.md', '-f', 'json']);
    const model = JSON.parse(r.stdout);
    for (const c of model.misuseCases) expect([...c.references.atlas, ...c.references.owaspLlm, ...c.references.owaspMl]).toEqual([]);
  });

  it('reads a Markdown file with a Mermaid block', () => {
    const p = write('m.md', '# Doc QA\n\n```mermaid\nflowchart LR\n  U[User] --> W[Web app]\n  W --> L[GPT-4o LLM]\n  V[(Vector DB)] --> L\n```\n');
    const r = cli(['generate', p, '-f', 'json']);
    expect(r.code).toBe(0);
    const model = JSON.parse(r.stdout);
    expect(model.system.components.length).toBeGreaterThanOrEqual(4);
    expect(model.misuseCases.length).toBeGreaterThan(0);
  });

  const bad: [string, string | Buffer, RegExp][] = [
    ['empty.md', '', /is empty/],
    ['binary.bin', Buffer.from([0, 1, 2, 3, 0, 255]), /looks binary/],
    ['latin1.md', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), /not valid UTF-8/],
    ['broken.yaml', 'name: x\ncomponents:\n  - id: a\n    kind: [llm\n', /broken\.yaml/],
    ['broken.json', '{"name": "x", "components": [', /broken\.json/],
    ['unknown.yaml', 'name: x\ncomponents:\n  - { id: a, name: A, kind: llm }\ndataFlows:\n  - { from: a, to: ghost }\n', /ghost/],
  ];
  for (const [name, data, msg] of bad) {
    it(`rejects ${name} with exit 2, a clear message and no stack trace`, () => {
      const r = cli(['generate', write(name, data)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stdout).toBe('');
      noStack(r.stderr);
    });
  }

  it('rejects a missing file and a file over 5 MB', () => {
    const m = cli(['generate', join(tmp, 'nope.md')]);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/does not exist/);
    const big = cli(['generate', write('big.md', Buffer.alloc(5 * 1024 * 1024 + 10, 0x61))]);
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/at most 5 MB/);
  });

  it('--provider ollama with --no-fallback exits 3 when Ollama is down', () => {
    const r = cli(['generate', 'evals/architectures/01-support-chatbot-rag.md', '--provider', 'ollama', '--no-fallback']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/not reachable.*ollama serve/);
    expect(r.stdout).toBe('');
  });

  it('prints no colour codes with NO_COLOR or when piped', () => {
    const r = cli(['generate', join(tmp, 'nope.md')]);
    expect(r.stderr).not.toMatch(/\u001b\[/);
  });
});

describe('kb', () => {
  it('list, show, search and validate work', () => {
    const list = cli(['kb', 'list', '--json']);
    const patterns = JSON.parse(list.stdout);
    expect(patterns.length).toBeGreaterThanOrEqual(80);
    const show = cli(['kb', 'show', 'indirect-injection-retrieved-documents']);
    expect(show.stdout).toMatch(/AML\.T0051\.001/);
    const miss = cli(['kb', 'show', 'indirect-injection']);
    expect(miss.code).toBe(2);
    expect(miss.stderr).toMatch(/Did you mean/);
    const search = cli(['kb', 'search', 'vector', 'store', 'poisoning', '--json']);
    expect(JSON.parse(search.stdout).length).toBeGreaterThan(0);
    expect(cli(['kb', 'validate']).code).toBe(0);
  });

  it('validate reports every bad file with path and field, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ts-kbv-'));
    const good = readFileSync('knowledge/indirect-injection-retrieved-documents.md', 'utf8');
    writeFileSync(join(dir, 'indirect-injection-retrieved-documents.md'), good);
    writeFileSync(join(dir, 'a.md'), good.replace('id: indirect-injection-retrieved-documents', 'id: a').replace('severity: high', 'severity: huge'));
    writeFileSync(join(dir, 'b.md'), 'no front matter here');
    const r = cli(['kb', 'validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/a\.md: severity:/);
    expect(r.stdout).toMatch(/b\.md: \(file\): missing YAML front matter/);
    expect(cli(['kb', 'validate', join(dir, 'nope')]).code).toBe(2);
  });
});

describe('schema', () => {
  it('prints the published threat-model JSON Schema', () => {
    const r = cli(['schema']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(JSON.stringify(s)).toContain('misuseCases');
    expect(existsSync('schemas/threat-model.schema.json')).toBe(true);
  });
});
