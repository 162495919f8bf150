import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The real binary in a real terminal: `threatstorm chat` under tmux (100x40), driven the way a
 * person types (text with `send-keys -l`, a pause, then Enter as its own key; see the stack notes),
 * read back with `capture-pane`. Skipped without tmux or a built `dist/bin/cli.js` that has `chat`.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist', 'bin', 'cli.js');
const FIXTURE = join(ROOT, 'evals', 'architectures', '01-support-chatbot-rag.md');

function hasTmux(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

/** True when the built CLI has the chat command (its own help, not the program's). */
function chatIsBuilt(): boolean {
  if (!existsSync(CLI)) return false;
  const r = spawnSync(process.execPath, [CLI, 'chat', '--help'], { encoding: 'utf8', timeout: 15_000 });
  return r.status === 0 && /Usage: threatstorm chat/.test(r.stdout);
}

/** Set THREATSTORM_E2E_CHAT_CMD to try another command line (e.g. before `chat` is wired). */
const COMMAND = process.env.THREATSTORM_E2E_CHAT_CMD ?? `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} chat`;
const RUN = hasTmux() && (!!process.env.THREATSTORM_E2E_CHAT_CMD || chatIsBuilt());

const session = `threatstorm-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
/** The whole pane including scrollback, as text. */
const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-3000', '-t', session);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Types a line like a person: literal text, a pause, then Enter on its own. */
async function send(line: string): Promise<void> {
  tmux('send-keys', '-t', session, '-l', line);
  await sleep(300);
  tmux('send-keys', '-t', session, 'Enter');
}

/** Polls the screen until `check` passes; fails with the screen after `timeoutMs`. */
async function waitForScreen(what: string, check: (s: string) => boolean, timeoutMs = 20_000): Promise<string> {
  const t0 = Date.now();
  for (;;) {
    const s = screen();
    if (check(s)) return s;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
    await sleep(150);
  }
}

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe.skipIf(!RUN)('threatstorm chat under tmux', () => {
  afterAll(() => {
    spawnSync('tmux', ['kill-session', '-t', session]);
  });

  it('loads an architecture, generates, exports JSON and quits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ts-e2e-chat-'));
    copyFileSync(FIXTURE, join(dir, 'arch.md'));
    const out = join(dir, 'exported model.json');
    // The pause after the exit code keeps the pane readable for the last check.
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '40', '-c', dir, `${COMMAND}; echo "EXIT=$?"; sleep 30`);

    await waitForScreen('the prompt', (s) => s.includes('/help lists commands') && s.includes('guard clean'));
    await send('/load arch.md');
    const loaded = await waitForScreen('the first generation', (s) => /✓ \d+ misuse cases: /.test(s));
    expect(loaded).toMatch(/✓ Loaded arch\.md: \d+ components/);
    expect(loaded).toMatch(/^● MC-001 (CRITICAL|HIGH|MEDIUM|LOW) /m);

    await send('/generate');
    await waitForScreen('the second generation', (s) => count(s, /✓ \d+ misuse cases: /g) >= 2);

    await send(`/export json "${out}"`);
    await waitForScreen('the export', (s) => s.includes('wrote ') && s.includes('(json,'));
    const model = JSON.parse(readFileSync(out, 'utf8')) as { misuseCases: { id: string; title: string }[] };
    expect(model.misuseCases.length).toBeGreaterThan(0);
    expect(model.misuseCases[0]!.id).toBe('MC-001');

    await send('/quit');
    const end = await waitForScreen('the exit', (s) => /EXIT=\d+/.test(s));
    expect(end).toContain('EXIT=0');
    expect(end).toMatch(/Session \S+ saved\. Resume with: threatstorm chat --resume \S+/);
    expect(existsSync(join(dir, '.threatstorm', 'sessions'))).toBe(true);
  }, 90_000);
});
