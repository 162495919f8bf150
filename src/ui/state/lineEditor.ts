/**
 * The input line as a pure value: text, cursor and position in the input history. Every edit is
 * a function from state to state, so the key handler stays a thin switch and tests need no Ink.
 */
export interface EditorState {
  readonly value: string;
  /** Cursor position in UTF-16 units, 0..value.length. */
  readonly cursor: number;
  /** Index into the history while browsing it with ↑/↓; null when editing a new line. */
  readonly historyIndex: number | null;
  /** The unsent line saved when history browsing started. */
  readonly draft: string;
}

/** An empty line. */
export const EMPTY_EDITOR: EditorState = { value: '', cursor: 0, historyIndex: null, draft: '' };

/** Replaces the whole line, cursor at the end. */
export function setValue(s: EditorState, value: string): EditorState {
  return { ...s, value, cursor: value.length };
}

/** Inserts text at the cursor. */
export function insert(s: EditorState, text: string): EditorState {
  return { ...s, value: s.value.slice(0, s.cursor) + text + s.value.slice(s.cursor), cursor: s.cursor + text.length, historyIndex: null };
}

/** Deletes the character before the cursor. */
export function backspace(s: EditorState): EditorState {
  if (s.cursor === 0) return s;
  const step = isLowSurrogate(s.value, s.cursor - 1) ? 2 : 1;
  return { ...s, value: s.value.slice(0, s.cursor - step) + s.value.slice(s.cursor), cursor: s.cursor - step };
}

/** Deletes the character under the cursor. */
export function deleteForward(s: EditorState): EditorState {
  if (s.cursor >= s.value.length) return s;
  const step = isLowSurrogate(s.value, s.cursor + 1) ? 2 : 1;
  return { ...s, value: s.value.slice(0, s.cursor) + s.value.slice(s.cursor + step) };
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Moves the cursor by `by` characters, clamped. */
export function move(s: EditorState, by: number): EditorState {
  return { ...s, cursor: Math.max(0, Math.min(s.value.length, s.cursor + by)) };
}

/** Cursor to the start (Home, Ctrl-A) or the end (End, Ctrl-E). */
export function moveTo(s: EditorState, where: 'start' | 'end'): EditorState {
  return { ...s, cursor: where === 'start' ? 0 : s.value.length };
}

/** Ctrl-U: deletes from the start of the line to the cursor. */
export function killToStart(s: EditorState): EditorState {
  return { ...s, value: s.value.slice(s.cursor), cursor: 0 };
}

/** Ctrl-K: deletes from the cursor to the end of the line. */
export function killToEnd(s: EditorState): EditorState {
  return { ...s, value: s.value.slice(0, s.cursor) };
}

/** Ctrl-W: deletes the word before the cursor. */
export function deleteWord(s: EditorState): EditorState {
  const before = s.value.slice(0, s.cursor).replace(/\S+\s*$/, '');
  return { ...s, value: before + s.value.slice(s.cursor), cursor: before.length };
}

/** ↑: the previous history line (saving the draft on the first press). */
export function historyPrev(s: EditorState, history: readonly string[]): EditorState {
  if (!history.length) return s;
  const index = s.historyIndex === null ? history.length - 1 : Math.max(0, s.historyIndex - 1);
  const value = history[index]!;
  return { value, cursor: value.length, historyIndex: index, draft: s.historyIndex === null ? s.value : s.draft };
}

/** ↓: the next history line, and back to the draft after the newest. */
export function historyNext(s: EditorState, history: readonly string[]): EditorState {
  if (s.historyIndex === null) return s;
  const index = s.historyIndex + 1;
  if (index >= history.length) return { value: s.draft, cursor: s.draft.length, historyIndex: null, draft: '' };
  const value = history[index]!;
  return { ...s, value, cursor: value.length, historyIndex: index };
}
