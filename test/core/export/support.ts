/** Test helpers for the export formats: tiny parsers written from the specifications. */

/** Parses RFC 4180 CSV (quoted fields, `""` escapes, CRLF or LF record breaks) into records. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i += 1; continue; }
      field += c; i += 1; continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`quote inside unquoted field at ${i}`);
      quoted = true; i += 1; continue;
    }
    if (c === ',') { record.push(field); field = ''; i += 1; continue; }
    if (c === '\r' || c === '\n') {
      record.push(field); records.push(record); record = []; field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c; i += 1;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length) { record.push(field); records.push(record); }
  return records;
}

/** The bodies of every ```mermaid block in a Markdown document. */
export function mermaidBlocks(markdown: string): string[][] {
  const blocks: string[][] = [];
  const re = /^```mermaid\n([\s\S]*?)\n```$/gm;
  for (const m of markdown.matchAll(re)) blocks.push((m[1] ?? '').split('\n'));
  return blocks;
}

const ID = '[A-Za-z][A-Za-z0-9_]*';
const LABEL = '"[^"\\n]*"';
const SHAPES = [`\\[${LABEL}\\]`, `\\{\\{${LABEL}\\}\\}`, `\\[\\(${LABEL}\\)\\]`, `\\{${LABEL}\\}`].join('|');
const LINE_PATTERNS: readonly RegExp[] = [
  /^flowchart (LR|TD|TB|RL|BT)$/,
  new RegExp(`^subgraph ${ID}\\[${LABEL}\\]$`),
  /^end$/,
  /^direction (TB|LR|TD|RL|BT)$/,
  new RegExp(`^${ID}(?:${SHAPES})$`),
  new RegExp(`^${ID} (?:-->|==>|-\\.->)(?:\\|${LABEL}\\|)? ${ID}$`),
  /^classDef [A-Za-z]+ [a-z-]+:[#a-z0-9]+(?:,[a-z-]+:[#a-z0-9]+)*$/,
  new RegExp(`^class ${ID}(?:,${ID})* [A-Za-z]+$`),
];

/**
 * Problems in a Mermaid flowchart as threatstorm writes it: every line must be one of the known
 * statement forms (so nothing from a label can start a statement of its own), node ids must be
 * plain identifiers, labels quoted with no raw quote, `%%`, `<`, `>` or backtick, and every
 * subgraph must be closed. Returns an empty list when the block is plausible.
 */
export function mermaidProblems(lines: readonly string[]): string[] {
  const problems: string[] = [];
  let depth = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (!LINE_PATTERNS.some((p) => p.test(line))) problems.push(`unexpected line: ${line}`);
    if (line.startsWith('subgraph ')) depth += 1;
    if (line === 'end') depth -= 1;
    if (depth < 0) problems.push('end without subgraph');
    if (line.includes('%%')) problems.push(`comment/directive marker in: ${line}`);
    for (const label of line.match(/"[^"]*"/g) ?? []) {
      if (/[<>`]/.test(label)) problems.push(`raw markup in label ${label}`);
    }
    const ids = line.match(new RegExp(`^(?:subgraph )?(${ID})`));
    if (ids && !/^[A-Za-z][A-Za-z0-9_]*$/.test(ids[1] ?? '')) problems.push(`bad id in ${line}`);
  }
  if (depth !== 0) problems.push(`unbalanced subgraph/end (${depth})`);
  return problems;
}

/** Splits a GFM table row into cells, honouring backslash-escaped pipes. */
export function tableCells(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let backslashes = 0;
  for (const c of row.trim().replace(/^\|/, '').replace(/\|$/, '')) {
    if (c === '|' && backslashes % 2 === 0) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += c;
    }
    backslashes = c === '\\' ? backslashes + 1 : 0;
  }
  cells.push(cell.trim());
  return cells;
}

/** The rows of the first GFM table whose header row starts with `header`, without header and delimiter rows. */
export function tableRows(markdown: string, header: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(header));
  if (start < 0) return [];
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

/** Characters a terminal may act on: ESC, other C0 controls except tab/LF, DEL and C1 controls. */
export const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
