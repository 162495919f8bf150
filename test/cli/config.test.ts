import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/core/kb/knowledgeBase.js';
import { cli } from '../helpers/cli.js';

function project(config: string, name = 'threatstorm.config.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'ts-cfg-'));
  writeFileSync(join(dir, name), config);
  copyFileSync(join(PROJECT_ROOT, 'evals/architectures/01-support-chatbot-rag.md'), join(dir, 'arch.md'));
  return dir;
}

describe('config file: flags beat environment beat config', () => {
  it('applies provider and knowledge folders from threatstorm.config.yaml in the working folder', () => {
    const dir = project('provider: offline\nkb: [team-kb]\n');
    mkdirSync(join(dir, 'team-kb'));
    const exemplar = readFileSync(join(PROJECT_ROOT, 'knowledge/indirect-injection-retrieved-documents.md'), 'utf8');
    writeFileSync(join(dir, 'team-kb', 'team-extra.md'), exemplar.replace(/^id: .*$/m, 'id: team-extra'));
    const r = cli(['generate', 'arch.md', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/provider: offline: offline engine requested/);
    expect(JSON.parse(r.stdout).run.knowledgeBase.patterns).toBe(94); // 93 built-in + the team's one
  });

  it('a flag beats the config file', () => {
    const dir = project('provider: ollama\n');
    const r = cli(['generate', 'arch.md', '--provider', 'offline', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/Ollama is not reachable/);
  });

  it('the environment beats the config file', () => {
    const dir = project('ollamaHost: http://127.0.0.1:7\n');
    const r = cli(['generate', 'arch.md', '-f', 'json'], { cwd: dir, env: { OLLAMA_HOST: '127.0.0.1:9' } });
    expect(r.stderr).toMatch(/127\.0\.0\.1:9/);
    const fromConfig = cli(['generate', 'arch.md', '-f', 'json'], { cwd: dir, env: { OLLAMA_HOST: '' } });
    expect(fromConfig.stderr).toMatch(/127\.0\.0\.1:7/);
  });

  it('rejects unknown fields and bad values with the file and field named (exit 2)', () => {
    const dir = project('provder: offline\n');
    const r = cli(['generate', 'arch.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Invalid configuration in .*threatstorm\.config\.yaml:\n {2}- \(top level\): unknown field "provder"/);
    const json = project('{"provider": "cloud"}', 'threatstorm.config.json');
    const j = cli(['generate', 'arch.md'], { cwd: json });
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(/provider: must be one of "auto", "offline", "ollama", "openai"/);
    expect(cli(['generate', 'arch.md', '--config', 'nope.yaml'], { cwd: json }).code).toBe(2);
  });
});
