/**
 * Escaping helpers shared by every export format. Everything that comes from the architecture
 * document or from a model is untrusted: it may carry terminal escape sequences, Markdown or HTML,
 * Mermaid syntax, spreadsheet formulas or YAML specials. Each format runs such text through the
 * helper for its context here, never through ad-hoc string concatenation.
 */

 

// CSI (7-bit and 8-bit), OSC/DCS/PM/APC/SOS strings up to BEL or ST, and two-byte ESC sequences.
const ANSI_SEQUENCE =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c)|\u001b[ -/]*[0-~]/g;

// C0 controls except tab and line feed, DEL, C1 controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

// Bidi overrides/isolates and marks (Trojan Source), Unicode tag characters (ASCII smuggling).
const INVISIBLE_FORMAT = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\udb40[\udc00-\udc7f]/g;

/** Removes terminal escape sequences (CSI, OSC such as hyperlinks and titles, DCS, two-byte ESC). */
export function stripAnsi(text: string): string {
  return text.replace(ANSI_SEQUENCE, '');
}

/**
 * Makes untrusted text safe to print: strips escape sequences, control characters (keeping tab and
 * line feed), bidi overrides and tag characters, and normalises CR, CRLF and U+2028/2029 to `\n`.
 */
export function sanitizeText(text: string): string {
  return stripAnsi(String(text))
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROL, '')
    .replace(INVISIBLE_FORMAT, '');
}

/** {@link sanitizeText}, then every run of whitespace that holds a tab or newline becomes one space; trimmed. */
export function singleLine(text: string): string {
  return sanitizeText(text).replace(/[ \t]*[\t\n][\s]*/g, ' ').trim();
}

/**
 * Shortens text to at most `max` UTF-16 code units (so it also fits limits counted in code points),
 * never splitting a surrogate pair, cutting at a word boundary when one is near, and ending in `…`.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = '';
  for (const ch of text) {
    if (cut.length + ch.length > max - 1) break;
    cut += ch;
  }
  const space = cut.lastIndexOf(' ');
  const base = space > cut.length * 0.6 ? cut.slice(0, space) : cut;
  return `${base.trimEnd()}…`;
}

// ASCII punctuation that can start Markdown/HTML constructs anywhere in a line.
const MD_SPECIAL = /[\\`*_[\]<>|~&#$!{}]/g;

/**
 * Escapes untrusted text for Markdown inline context (paragraphs, list items, headings, table
 * cells): one line, every construct-starting punctuation backslash-escaped (including `|`, so it
 * is also safe in a GFM table cell), and a leading block marker (`-`, `+`, `=`, `1.`) neutralised.
 */
export function mdInline(text: string): string {
  const line = singleLine(text).replace(MD_SPECIAL, (c) => `\\${c}`);
  return line.replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** A GFM table cell: {@link mdInline}, with an em dash for empty values. */
export function mdCell(text: string): string {
  const cell = mdInline(text);
  return cell === '' ? '—' : cell;
}

/** A GFM table row from already-escaped cells. */
export function mdRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

// Characters that mean something to the Mermaid parser or renderer, as Mermaid entity codes.
const MERMAID_ENTITY: Readonly<Record<string, string>> = {
  '#': '#35;', '"': '#quot;', '%': '#37;', '`': '#96;', '[': '#91;', ']': '#93;', '{': '#123;', '}': '#125;',
  '(': '#40;', ')': '#41;', '<': '#lt;', '>': '#gt;', '|': '#124;', '&': '#amp;', '\\': '#92;',
};

/**
 * A quoted Mermaid label: one line, at most `max` characters, and `#` plus every character with a
 * meaning to Mermaid (quotes, brackets, `%%`, pipes, backticks, `<`, `>`) written as a Mermaid
 * entity code, so the label can neither end early nor start a comment, link, directive or HTML.
 * Returns the label with its surrounding double quotes.
 */
export function mermaidLabel(text: string, max = 160): string {
  const line = truncate(singleLine(text), max);
  const escaped = Array.from(line, (c) => MERMAID_ENTITY[c] ?? c).join('');
  return `"${escaped === '' ? ' ' : escaped}"`;
}

/** Generates safe Mermaid node ids (`prefix1`, `prefix2`, …) keyed by arbitrary strings; ids never derive from input. */
export class MermaidIds {
  private readonly ids = new Map<string, string>();
  constructor(private readonly prefix: string) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(prefix)) throw new Error(`invalid Mermaid id prefix ${prefix}`);
  }

  /** The id for `key`, created on first use. */
  id(key: string): string {
    let id = this.ids.get(key);
    if (!id) {
      id = `${this.prefix}${this.ids.size + 1}`;
      this.ids.set(key, id);
    }
    return id;
  }

  /** The id for `key` when one was created, else undefined. */
  get(key: string): string | undefined {
    return this.ids.get(key);
  }
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 CSV field. Text is sanitised (newlines kept), a value a spreadsheet would read as a
 * formula (starting with `=`, `+`, `-`, `@`, tab or CR, also after leading spaces) is prefixed with
 * `'`, and the field is quoted when it holds a comma, quote or line break.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = stripAnsi(String(value))
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .replace(INVISIBLE_FORMAT, '');
  if (FORMULA_START.test(text) || FORMULA_START.test(text.trimStart())) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (no line terminator) from raw values. */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvCell).join(',');
}
