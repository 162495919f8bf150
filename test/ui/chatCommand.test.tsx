import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEEDS_TTY, chatCommand } from '../../src/cli/commands/chat.js';
import { SessionError } from '../../src/core/chat/persist.js';
import { FakeStdin, FakeTty, fakePort, tick, typeLine, waitFor } from './helpers.js';

function streams(tty = true) {
  const stdout = new FakeTty(100);
  const stderr = new FakeTty(100);
  const stdin = new FakeStdin();
  if (!tty) Object.defineProperty(stdin, 'isTTY', { value: false });
  return { stdout, stderr, stdin, deps: { stdout: stdout as unknown as NodeJS.WriteStream, stderr: stderr as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream } };
}

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'ts-chatcmd-'));
  copyFileSync(join(import.meta.dirname, '../../evals/architectures/01-support-chatbot-rag.md'), join(dir, 'arch.md'));
  return dir;
}

const text = (t: FakeTty) => t.lines().join('\n');

describe('chatCommand', () => {
  it('exits 2 without a terminal and points to generate', async () => {
    const s = streams(false);
    expect(await chatCommand(undefined, { provider: 'offline', kb: [], deps: s.deps })).toBe(2);
    expect(s.stderr.written).toBe(`threatstorm: error: ${NEEDS_TTY}\n`);
    expect(NEEDS_TTY).toBe('threatstorm chat needs an interactive terminal; use `threatstorm generate FILE` instead');
  });

  it('runs offline with the real parser, guard and pipeline, and resolves 0 on /quit', async () => {
    const dir = workspace();
    const s = streams();
    const done = chatCommand('arch.md', { provider: 'offline', kb: [], deps: { ...s.deps, cwd: dir } });
    await waitFor(() => /✓ \d+ misuse cases/.test(text(s.stdout)), 'generation', () => text(s.stdout), 10_000);
    expect(text(s.stdout)).toContain('› /load arch.md');
    expect(text(s.stdout)).toMatch(/offline │ KB \d+ │ 0 tok │ guard clean/);
    await typeLine(s.stdin, '/accept 1');
    await typeLine(s.stdin, '/quit');
    expect(await done).toBe(0);
    const sessions = readdirSync(join(dir, '.threatstorm', 'sessions'));
    expect(sessions).toHaveLength(1);
    expect(text(s.stdout)).toContain(`Session ${sessions[0]!.replace(/\.json$/, '')} saved. Resume with: threatstorm chat --resume`);
  });

  it('resumes the latest session, and rejects a corrupt one clearly', async () => {
    const dir = workspace();
    const first = streams();
    const run1 = chatCommand('arch.md', { provider: 'offline', kb: [], deps: { ...first.deps, cwd: dir } });
    await waitFor(() => /✓ \d+ misuse cases/.test(text(first.stdout)), 'generation', () => text(first.stdout), 10_000);
    await typeLine(first.stdin, '/reject 2 handled by the platform team');
    await typeLine(first.stdin, '/quit');
    await run1;
    const second = streams();
    const run2 = chatCommand(undefined, { provider: 'offline', kb: [], resume: true, deps: { ...second.deps, cwd: dir } });
    await waitFor(() => text(second.stdout).includes('Resumed session'), 'the resumed header', () => text(second.stdout), 10_000);
    expect(text(second.stdout)).toContain('✓ MC-002 rejected (handled by the platform team).');
    expect(text(second.stdout)).toMatch(/│ ✓0 ✗1/);
    await typeLine(second.stdin, '/quit');
    expect(await run2).toBe(0);

    const sessionsDir = join(dir, '.threatstorm', 'sessions');
    writeFileSync(join(sessionsDir, 'broken.json'), '{"version": 1,');
    await expect(chatCommand(undefined, { provider: 'offline', kb: [], resume: 'broken', deps: { ...streams().deps, cwd: dir } })).rejects.toThrow(SessionError);
    await expect(chatCommand(undefined, { provider: 'offline', kb: [], resume: 'broken', deps: { ...streams().deps, cwd: dir } })).rejects.toThrow(/broken\.json is corrupt: not valid JSON/);
  });

  it('uses the injected provider factory, and falls back to offline when it fails', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'x'));
    const ok = streams();
    const run = chatCommand(undefined, { provider: 'ollama', model: 'fake-llm', kb: [], deps: { ...ok.deps, cwd: dir, makePort: () => fakePort({ chunks: ['Hello from the model.'] }) } });
    await waitFor(() => text(ok.stdout).includes('ollama · fake-llm'), 'the provider in the status bar', () => text(ok.stdout), 10_000);
    await typeLine(ok.stdin, 'hi');
    await waitFor(() => text(ok.stdout).includes('Hello from the model.'), 'the answer', () => text(ok.stdout));
    await typeLine(ok.stdin, '/quit');
    expect(await run).toBe(0);

    const bad = streams();
    const run2 = chatCommand(undefined, { provider: 'ollama', kb: [], deps: { ...bad.deps, cwd: dir, makePort: () => { throw new Error('Ollama is not running at http://127.0.0.1:11434'); } } });
    await waitFor(() => text(bad.stdout).includes('running offline'), 'the fallback warning', () => text(bad.stdout), 10_000);
    expect(text(bad.stdout)).toContain('⚠ cannot use provider ollama (Ollama is not running at http://127.0.0.1:11434); running offline.');
    expect(text(bad.stdout)).toMatch(/^offline │/m);
    await tick();
    await typeLine(bad.stdin, '/quit');
    expect(await run2).toBe(0);
    expect(existsSync(join(dir, '.threatstorm'))).toBe(true);
  });
});
