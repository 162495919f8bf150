import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { ChatController, ChatInput } from '../../core/chat/controller.js';
import { errorMessage } from '../../core/errors.js';
import { saveSession, toSession } from '../../core/chat/persist.js';
import { chatReducer, type ChatAction, type ChatState } from '../../core/chat/state.js';
import { createStore } from '../state/store.js';

/** Options of {@link useChatSession}. */
export interface ChatSessionOptions {
  readonly controller: ChatController;
  readonly initialState: ChatState;
  /** Folder for autosaves; no autosave when undefined. */
  readonly sessionsDir?: string;
  /** Called once when the user leaves (after the last save). */
  readonly onQuit: (state: ChatState) => void;
  /** Milliseconds between autosaves while changes stream in (trailing: the last change is always saved). */
  readonly saveEveryMs?: number;
}

/** What the container gets: the state, and the ways to change it. */
export interface ChatSession {
  readonly state: ChatState;
  /** Runs one input; long work (model, pipeline) is refused while other long work is in flight. */
  submit(input: ChatInput): void;
  /** Aborts the long work in flight; returns false when there was none. */
  cancel(): boolean;
  /** True while long work is in flight. */
  busy(): boolean;
  /** Saves and leaves. */
  quit(): void;
  dispatch(action: ChatAction): void;
}

/**
 * The container's state: one store reduced from the controller's actions, autosaved after every
 * change (atomic writes, coalesced while a stream is running), and an AbortController per long task.
 */
export function useChatSession({ controller, initialState, sessionsDir, onQuit, saveEveryMs = 150 }: ChatSessionOptions): ChatSession {
  const store = useMemo(() => createStore(chatReducer, initialState), []);
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const running = useRef<AbortController | null>(null);
  const saved = useRef(initialState.rev);
  const timer = useRef<NodeJS.Timeout | null>(null);
  const saveFailed = useRef(false);
  const quitting = useRef(false);

  const saveNow = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const s = store.getState();
    if (!sessionsDir || s.rev === saved.current || s.rev === 0) return;
    saved.current = s.rev;
    try {
      saveSession(sessionsDir, toSession(s));
    } catch (err) {
      if (saveFailed.current) return; // say it once, not after every change
      saveFailed.current = true;
      store.dispatch({ type: 'append', item: { kind: 'error', text: `autosave failed: ${errorMessage(err)}`, hint: 'The chat goes on; /export keeps your work.' } });
    }
  }, [store, sessionsDir]);

  useEffect(
    () =>
      store.subscribe(() => {
        if (!sessionsDir || timer.current || store.getState().rev === saved.current) return;
        timer.current = setTimeout(saveNow, saveEveryMs);
      }),
    [store, sessionsDir, saveNow, saveEveryMs],
  );
  useEffect(() => () => saveNow(), [saveNow]);

  const quit = useCallback(() => {
    if (quitting.current) return;
    quitting.current = true;
    running.current?.abort();
    saveNow();
    onQuit(store.getState());
  }, [onQuit, saveNow, store]);

  const submit = useCallback(
    (input: ChatInput) => {
      const instant = input.kind === 'line' && controller.isInstant(input.text, store.getState());
      if (!instant && running.current) {
        store.dispatch({ type: 'append', item: { kind: 'error', text: 'still working on the previous request.', hint: 'Wait for it, or press Ctrl-C to cancel it.' } });
        return;
      }
      const ac = new AbortController();
      if (!instant) running.current = ac;
      void (async () => {
        try {
          for await (const action of controller.handle(input, store.getState, ac.signal)) {
            if (action.type === 'quit') return quit();
            store.dispatch(action);
          }
        } catch (err) {
          if (!instant) store.dispatch({ type: 'end' });
          store.dispatch({ type: 'append', item: { kind: 'error', text: `internal error: ${errorMessage(err)}`, hint: 'The chat keeps running; please report this.' } });
        } finally {
          if (running.current === ac) running.current = null;
        }
      })();
    },
    [controller, store, quit],
  );

  const cancel = useCallback(() => {
    const ac = running.current;
    if (!ac || ac.signal.aborted) return false;
    ac.abort();
    return true;
  }, []);

  const busy = useCallback(() => running.current !== null && !running.current.signal.aborted, []);

  return { state, submit, cancel, busy, quit, dispatch: store.dispatch };
}
