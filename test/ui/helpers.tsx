import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import { render } from 'ink-testing-library';
import { ChatController } from '../../src/core/chat/controller.js';
import type { ChatServices } from '../../src/core/chat/services.js';
import { ChatApp, type ChatAppProps } from '../../src/ui/App.js';
import { makeTheme } from '../../src/ui/theme.js';
import { testState } from '../core/chat/fixtures.js';

export * from '../core/chat/fixtures.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Renders the chat app with colours off and no autosave unless asked. */
export function renderChat(props: Partial<ChatAppProps> & { services: ChatServices }) {
  const controller = props.controller ?? new ChatController(props.services);
  const r = render(
    <ChatApp
      controller={controller}
      initialState={props.initialState ?? testState()}
      version="0.0.0-test"
      theme={props.theme ?? makeTheme(false)}
      sessionsDir={props.sessionsDir}
      initialInput={props.initialInput}
      resumed={props.resumed}
      onExit={props.onExit}
    />,
  );
  return { ...r, controller, frame: () => r.lastFrame() ?? '' };
}

/** Polls until `check` passes (or fails the test with the last frame after `timeoutMs`). */
export async function waitFor(check: () => boolean, what: string, frame?: () => string, timeoutMs = 4000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}${frame ? `\n--- last frame ---\n${frame()}` : ''}`);
    await sleep(10);
  }
}

/** Lets Ink process input: a tick before and after (see the stack notes). */
export const tick = (ms = 20) => sleep(ms);

/** Types a line and presses Enter as two writes, as a terminal would. */
export async function typeLine(stdin: { write(s: string): void }, text: string): Promise<void> {
  await tick();
  stdin.write(text);
  await tick();
  stdin.write('\r');
  await tick();
}

/** A fake TTY stdout of a given width that records everything written. */
export class FakeTty extends EventEmitter {
  readonly isTTY = true;
  rows = 40;
  written = '';
  constructor(public columns: number) {
    super();
  }
  write = (s: string) => {
    this.written += s;
    return true;
  };
  /** What was written, without escape sequences, as lines. */
  lines(): string[] {
    return this.written.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g, '').split(/\r?\n/);
  }
}

/** A fake TTY stdin (the same protocol as ink-testing-library's). */
export class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  write = (d: string) => {
    this.data = d;
    this.emit('readable');
    this.emit('data', d);
  };
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

/** Renders the chat on a terminal of `columns` width, the way a real one draws it (not debug mode). */
export function renderChatAt(columns: number, props: Partial<ChatAppProps> & { services: ChatServices }) {
  const stdout = new FakeTty(columns);
  const stdin = new FakeStdin();
  const controller = props.controller ?? new ChatController(props.services);
  const instance = inkRender(
    <ChatApp controller={controller} initialState={props.initialState ?? testState()} version="0.0.0-test" theme={props.theme ?? makeTheme(false)} />,
    { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, patchConsole: false, exitOnCtrlC: false },
  );
  return { stdout, stdin, instance };
}
