import { Box, Static, useApp } from 'ink';
import { useCallback, useMemo } from 'react';
import type { ChatController, ChatInput } from '../core/chat/controller.js';
import type { HistoryItem } from '../core/chat/history.js';
import type { ChatState } from '../core/chat/state.js';
import { Header } from './components/Header.js';
import { HistoryItemView } from './components/HistoryItemView.js';
import { InputPrompt } from './components/InputPrompt.js';
import { LiveArea } from './components/LiveArea.js';
import { StatusBar } from './components/StatusBar.js';
import { useChatInput } from './hooks/useChatInput.js';
import { useChatSession } from './hooks/useChatSession.js';
import { useMountEffect } from './hooks/useMountEffect.js';
import { useTerminalWidth } from './hooks/useTerminalWidth.js';
import { ThemeProvider, colorsEnabled, makeTheme, type Theme } from './theme.js';

/** Props of {@link ChatApp}. */
export interface ChatAppProps {
  readonly controller: ChatController;
  readonly initialState: ChatState;
  readonly version: string;
  /** Folder for autosaves; none when undefined (tests). */
  readonly sessionsDir?: string;
  /** Something to run at start, e.g. `/load FILE` for `threatstorm chat FILE`. */
  readonly initialInput?: ChatInput;
  /** Set when the session was resumed: the header says so. */
  readonly resumed?: boolean;
  readonly theme?: Theme;
  /** Called with the final state when the user leaves. */
  readonly onExit?: (state: ChatState) => void;
}

type StaticEntry = { readonly kind: 'header'; readonly id: -1 } | HistoryItem;

/**
 * The chat container: owns the session state (via {@link useChatSession}) and the keyboard
 * (via {@link useChatInput}); everything below only renders. Finished items go into `<Static>`
 * and are written once; only the live area, the input and the status bar re-render.
 */
export function ChatApp(props: ChatAppProps) {
  const theme = useMemo(() => props.theme ?? makeTheme(colorsEnabled()), [props.theme]);
  return (
    <ThemeProvider theme={theme}>
      <ChatScreen {...props} />
    </ThemeProvider>
  );
}

function ChatScreen({ controller, initialState, version, sessionsDir, initialInput, resumed, onExit }: ChatAppProps) {
  const { exit } = useApp();
  const onQuit = useCallback(
    (s: ChatState) => {
      onExit?.(s);
      exit();
    },
    [onExit, exit],
  );
  const session = useChatSession({ controller, initialState, sessionsDir, onQuit });
  const { state } = session;
  const complete = useCallback((line: string) => controller.complete(line, session.state), [controller, session.state]);
  const input = useChatInput({ session, complete });
  const width = useTerminalWidth();
  useMountEffect(() => {
    if (initialInput) session.submit(initialInput);
  });

  const entries = useMemo<StaticEntry[]>(() => [{ kind: 'header', id: -1 }, ...state.items], [state.items]);
  const placeholder = state.interview
    ? 'answer the question, /skip or /stop'
    : state.model
      ? 'ask about the threat model, or /help'
      : '/load FILE, /paste, or ask a question';
  return (
    <Box flexDirection="column">
      <Static items={entries}>
        {(item, i) =>
          item.kind === 'header' ? (
            <Box key="header" width={width}>
              <Header version={version} resumed={resumed ? initialState.sessionId : undefined} />
            </Box>
          ) : (
            <HistoryItemView key={item.id} item={item} width={width} previous={i > 1 ? (entries[i - 1] as HistoryItem).kind : undefined} />
          )
        }
      </Static>
      {state.pending ? <LiveArea pending={state.pending} /> : null}
      <InputPrompt editor={input.editor} paste={input.paste} candidates={input.candidates} notice={input.notice} placeholder={placeholder} />
      <StatusBar state={state} />
    </Box>
  );
}
