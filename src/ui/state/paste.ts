/**
 * Multi-line input. Terminals deliver a paste as one chunk of stdin; a chunk with line breaks
 * inside is a paste (of an architecture, usually) rather than typing. Paste mode collects lines
 * until a line holding only "." or Ctrl-D.
 */

/** How to treat one stdin chunk of printable text. */
export type Chunk =
  | { readonly kind: 'type'; readonly text: string }
  | { readonly kind: 'submit'; readonly text: string }
  | { readonly kind: 'paste'; readonly text: string };

/** Line breaks normalised to "\n". */
export function normaliseBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Reads a chunk: no line break is typing; one line with a trailing break is typing then Enter
 * (what `tmux send-keys 'text' Enter` delivers); line breaks inside make it a paste.
 */
export function classifyChunk(chunk: string): Chunk {
  const text = normaliseBreaks(chunk);
  if (!text.includes('\n')) return { kind: 'type', text };
  const body = text.replace(/\n$/, '');
  if (!body.includes('\n')) return { kind: 'submit', text: body };
  return { kind: 'paste', text };
}

/** Paste mode: the lines so far. */
export interface PasteBuffer {
  readonly lines: readonly string[];
}

/** True for the line that ends paste mode. */
export function isTerminator(line: string): boolean {
  return line.trim() === '.';
}

/**
 * Feeds text into paste mode. `current` is the partial line being typed; complete lines move into
 * the buffer, a "." line ends it (anything after is dropped). Returns the new buffer, the new
 * partial line and whether the paste is finished.
 */
export function feedPaste(buf: PasteBuffer, current: string, text: string): { buf: PasteBuffer; current: string; done: boolean } {
  const parts = (current + normaliseBreaks(text)).split('\n');
  const rest = parts.pop()!;
  const lines = [...buf.lines];
  for (const line of parts) {
    if (isTerminator(line)) return { buf: { lines }, current: '', done: true };
    lines.push(line);
  }
  return { buf: { lines }, current: rest, done: false };
}

/** The finished paste as text (trailing blank lines dropped). */
export function pasteText(buf: PasteBuffer, current = ''): string {
  const lines = current && !isTerminator(current) ? [...buf.lines, current] : [...buf.lines];
  return lines.join('\n').replace(/\s+$/, '');
}
