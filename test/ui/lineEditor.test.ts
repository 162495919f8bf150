import { describe, expect, it } from 'vitest';
import * as ed from '../../src/ui/state/lineEditor.js';
import { classifyChunk, feedPaste, pasteText } from '../../src/ui/state/paste.js';

describe('lineEditor', () => {
  const typed = (text: string) => ed.insert(ed.EMPTY_EDITOR, text);

  it('inserts, moves and deletes at the cursor', () => {
    let s = typed('helo');
    s = ed.move(s, -1);
    s = ed.insert(s, 'l');
    expect(s).toMatchObject({ value: 'hello', cursor: 4 });
    s = ed.backspace(ed.moveTo(s, 'end'));
    expect(s.value).toBe('hell');
    s = ed.deleteForward(ed.moveTo(s, 'start'));
    expect(s).toMatchObject({ value: 'ell', cursor: 0 });
    expect(ed.move(s, -5).cursor).toBe(0);
  });

  it('deletes surrogate pairs whole', () => {
    expect(ed.backspace(typed('a😀')).value).toBe('a');
  });

  it('kills words and line parts', () => {
    expect(ed.deleteWord(typed('/reject MC-001 because')).value).toBe('/reject MC-001 ');
    const mid = ed.move(typed('abcdef'), -3);
    expect(ed.killToStart(mid).value).toBe('def');
    expect(ed.killToEnd(mid).value).toBe('abc');
  });

  it('browses history with ↑/↓ and restores the draft', () => {
    const history = ['/load a.md', '/generate'];
    let s = typed('draft');
    s = ed.historyPrev(s, history);
    expect(s.value).toBe('/generate');
    s = ed.historyPrev(s, history);
    expect(s.value).toBe('/load a.md');
    s = ed.historyPrev(s, history);
    expect(s.value).toBe('/load a.md');
    s = ed.historyNext(s, history);
    expect(s.value).toBe('/generate');
    s = ed.historyNext(s, history);
    expect(s).toMatchObject({ value: 'draft', historyIndex: null });
    expect(ed.historyPrev(ed.EMPTY_EDITOR, [])).toBe(ed.EMPTY_EDITOR);
  });
});

describe('paste handling', () => {
  it('tells typing, type-then-Enter and pastes apart', () => {
    expect(classifyChunk('abc')).toEqual({ kind: 'type', text: 'abc' });
    expect(classifyChunk('/quit\r')).toEqual({ kind: 'submit', text: '/quit' });
    expect(classifyChunk('# A\r\n- b\r\n')).toEqual({ kind: 'paste', text: '# A\n- b\n' });
  });

  it('collects lines until a "." line and drops what follows', () => {
    let r = feedPaste({ lines: [] }, '', '# Arch\n- api');
    expect(r).toEqual({ buf: { lines: ['# Arch'] }, current: '- api', done: false });
    r = feedPaste(r.buf, r.current, ' service\n\n.\nignored');
    expect(r).toEqual({ buf: { lines: ['# Arch', '- api service', ''] }, current: '', done: true });
    expect(pasteText(r.buf)).toBe('# Arch\n- api service');
  });

  it('keeps the partial last line on Ctrl-D', () => {
    expect(pasteText({ lines: ['a'] }, 'b')).toBe('a\nb');
    expect(pasteText({ lines: ['a'] }, '.')).toBe('a');
  });
});
