import { useCallback, useRef, useState } from 'react';
import { useInput, type Key } from 'ink';
import { parseInput, type Completion } from '../../core/chat/commands.js';
import * as ed from '../state/lineEditor.js';
import { classifyChunk, feedPaste, pasteText, type PasteBuffer } from '../state/paste.js';
import type { ChatSession } from './useChatSession.js';

/** Two Ctrl-C presses within this many milliseconds leave the chat. */
export const DOUBLE_CTRL_C_MS = 2000;

/** What the input area shows. */
export interface ChatInputView {
  readonly editor: ed.EditorState;
  /** Paste mode's lines so far, or null outside paste mode. */
  readonly paste: PasteBuffer | null;
  /** Tab candidates when more than one matched. */
  readonly candidates: readonly string[];
  /** A one-off hint under the input ("Press Ctrl-C again to quit"). */
  readonly notice: string | null;
}

/** Options of {@link useChatInput}. */
export interface ChatInputOptions {
  readonly session: ChatSession;
  readonly complete: (line: string) => Completion;
  readonly now?: () => number;
}

/**
 * Keyboard handling of the chat: line editing, history (↑/↓), Tab completion, paste mode (a
 * multi-line chunk or /paste, ended by "." or Ctrl-D, Esc cancels) and Ctrl-C (cancel what is in
 * flight; twice, or once when idle and again within 2 s, leaves).
 */
export function useChatInput({ session, complete, now = Date.now }: ChatInputOptions): ChatInputView {
  const [editor, setEditor] = useState<ed.EditorState>(ed.EMPTY_EDITOR);
  const [paste, setPaste] = useState<PasteBuffer | null>(null);
  const [candidates, setCandidates] = useState<readonly string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const lastCtrlC = useRef(0);
  // Ink may deliver several chunks before React re-renders; refs keep each handler call current.
  const editorRef = useRef(editor);
  const pasteRef = useRef(paste);
  const update = (next: ed.EditorState) => {
    editorRef.current = next;
    setEditor(next);
  };
  const updatePaste = (next: PasteBuffer | null) => {
    pasteRef.current = next;
    setPaste(next);
  };

  const finishPaste = useCallback(
    (buf: PasteBuffer, current: string) => {
      updatePaste(null);
      update(ed.EMPTY_EDITOR);
      const text = pasteText(buf, current);
      if (!text.trim()) {
        setNotice('paste was empty; nothing loaded');
        return;
      }
      session.submit({ kind: 'paste', text });
    },
    [session],
  );

  const submitLine = useCallback(
    (line: string) => {
      update(ed.EMPTY_EDITOR);
      setCandidates([]);
      const p = parseInput(line);
      if (p.kind === 'command' && p.spec.name === 'paste') updatePaste({ lines: [] });
      session.submit({ kind: 'line', text: line });
    },
    [session],
  );

  const interrupt = useCallback(() => {
    const t = now();
    if (pasteRef.current) {
      updatePaste(null);
      update(ed.EMPTY_EDITOR);
      lastCtrlC.current = t;
      setNotice('paste cancelled. Press Ctrl-C again to quit.');
      return;
    }
    if (session.cancel()) {
      lastCtrlC.current = t;
      setNotice('cancelling… (Ctrl-C again to quit)');
      return;
    }
    if (t - lastCtrlC.current < DOUBLE_CTRL_C_MS) {
      session.quit();
      return;
    }
    lastCtrlC.current = t;
    update(ed.EMPTY_EDITOR);
    setNotice('Press Ctrl-C again to quit (or type /quit).');
  }, [session, now]);

  const handlePasteKey = (input: string, key: Key) => {
    const buf = pasteRef.current!;
    const cur = editorRef.current.value;
    if (key.escape) {
      updatePaste(null);
      update(ed.EMPTY_EDITOR);
      setNotice('paste cancelled');
      return;
    }
    if (key.ctrl && input === 'd') return finishPaste(buf, cur);
    if (key.return) {
      const r = feedPaste(buf, cur, '\n');
      return r.done ? finishPaste(r.buf, '') : (updatePaste(r.buf), update(ed.EMPTY_EDITOR));
    }
    if (input && !key.ctrl && !key.meta && /[\r\n]/.test(input)) {
      const r = feedPaste(buf, cur, input);
      return r.done ? finishPaste(r.buf, '') : (updatePaste(r.buf), update(ed.setValue(ed.EMPTY_EDITOR, r.current)));
    }
    editKey(input, key);
  };

  const editKey = (input: string, key: Key) => {
    const e = editorRef.current;
    if (key.leftArrow) return update(ed.move(e, -1));
    if (key.rightArrow) return update(ed.move(e, 1));
    if (key.home || (key.ctrl && input === 'a')) return update(ed.moveTo(e, 'start'));
    if (key.end || (key.ctrl && input === 'e')) return update(ed.moveTo(e, 'end'));
    if (key.backspace || key.delete) return update(ed.backspace(e));
    if (key.ctrl && input === 'u') return update(ed.killToStart(e));
    if (key.ctrl && input === 'k') return update(ed.killToEnd(e));
    if (key.ctrl && input === 'w') return update(ed.deleteWord(e));
    if (key.ctrl || key.meta || key.escape || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return;
    if (input) update(ed.insert(e, input));
  };

  useInput((input, key) => {
    if (key.ctrl && input === 'c') return interrupt();
    if (notice) setNotice(null);
    if (pasteRef.current) return handlePasteKey(input, key);
    const e = editorRef.current;
    if (key.return) return submitLine(e.value);
    if (key.tab) {
      const c = complete(e.value);
      if (c.line !== e.value) update(ed.setValue(e, c.line));
      return setCandidates(c.candidates);
    }
    if (candidates.length) setCandidates([]);
    if (key.escape) return update(ed.EMPTY_EDITOR);
    if (key.upArrow) return update(ed.historyPrev(e, session.state.inputHistory));
    if (key.downArrow) return update(ed.historyNext(e, session.state.inputHistory));
    if (input && !key.ctrl && !key.meta && /[\r\n]/.test(input)) {
      const chunk = classifyChunk(input);
      if (chunk.kind === 'submit') return submitLine(ed.insert(e, chunk.text).value);
      // A multi-line chunk is a paste: it opens paste mode with what was already typed.
      const r = feedPaste({ lines: [] }, e.value, chunk.text);
      if (r.done) return finishPaste(r.buf, '');
      updatePaste(r.buf);
      update(ed.setValue(ed.EMPTY_EDITOR, r.current));
      return setNotice(`pasted ${r.buf.lines.length} line${r.buf.lines.length === 1 ? '' : 's'}: Ctrl-D (or a line ".") loads it as the architecture, Esc cancels`);
    }
    editKey(input, key);
  });

  return { editor, paste, candidates, notice };
}
