import type { InputFinding } from '../domain/finding.js';

/** Where a span of text sits in a document (a value of HIDING_PLACES). */
export type Hiding = InputFinding['hiding'];

/** A span of the normalised text with the hiding place it belongs to. */
export interface Region {
  readonly start: number;
  readonly end: number;
  readonly hiding: Hiding;
  /** Set for text concealed by markup (CSS display:none and the like). */
  readonly concealed?: boolean;
}

/** A Markdown heading: where it starts and whether its section describes attacks. */
export interface Heading {
  readonly pos: number;
  readonly mention: boolean;
}

/** The structure of a document as far as the guard cares. */
export interface Layout {
  /** Large non-overlapping containers: code blocks, front matter, YAML/JSON documents. */
  readonly containers: Region[];
  /** Small hiding spots inside or outside containers: comments, titles, alt text. Sorted by start. */
  readonly spots: Region[];
  readonly headings: Heading[];
}

/** Document formats the guard understands. */
export type DocFormat = 'markdown' | 'yaml' | 'json' | 'text';

/** Headings whose sections describe attacks rather than carry them. */
export const MENTION_HEADING =
  /example|sample|attack|threat|risk|mitigat|abuse|misuse|scenario|payload|test|red[- ]?team|finding|vulnerab|adversar|injection|jailbreak|detect|guardrail|pattern|signature|incident|exploit|weakness|defen[cs]e|control|countermeasure|ejemplo|amenaza|riesgo|ataque|exemple|menace|risque|attaque|beispiel|bedrohung|risik|angriff|schwachstelle|exemplo|ameaça|risco|esempio|minacc|rischi|attacc|示例|例子|威胁|风险|攻击|漏洞|缓解|脅威|リスク|攻撃|対策|пример|угроз|риск|атак|уязвим|tehdit|saldırı|örnek|ancaman|risiko|serangan|contoh|rủi ro|tấn công|ví dụ|banta|panganib|halimbawa|खतरा|जोखिम|हमला|उदाहरण|হুমকি|ঝুঁকি|আক্রমণ|উদাহরণ|تهديد|مخاطر|هجوم|مثال|ภัยคุกคาม|ความเสี่ยง|การโจมตี|ตัวอย่าง/i;

const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([\w+#.-]*)/;
const LINE_COMMENT = /(?:^|\s)(?:#|\/\/|--)[ \t]+(\S.*)$/;
const MD_LINK = /(!?)\[([^[\]\n]{0,300})\]\(\s*<?[^\s()<>]{0,2048}>?(?:\s+(?:"([^"\n]{0,500})"|'([^'\n]{0,500})'|\(([^()\n]{0,500})\)))?\s*\)/dg;
const MD_REF_DEF = /^ {0,3}\[[^[\]\n]{1,200}\]:[ \t]*<?\S{1,2048}?>?[ \t]+(?:"([^"\n]{0,500})"|'([^'\n]{0,500})'|\(([^()\n]{0,500})\))/dgm;
const HTML_TAG = /<(?:img|a|abbr|span|div|p|area|input|button|svg|image|figure|td|th)\b[^<>]{0,2000}>/gi;
const HTML_ATTR = /\b(alt|title|aria-label|aria-description|data-[\w-]{1,40})\s*=\s*(?:"([^"]{0,1000})"|'([^']{0,1000})')/dgi;
const CONCEALED_OPEN = /<(span|div|p|section|font|small)\b[^<>]{0,500}?(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])|opacity\s*:\s*0(?![.\d]*[1-9])|color\s*:\s*(?:#fff(?:fff)?|white)\b|\bhidden\b)[^<>]{0,500}>/gi;
const HEADING = /^(#{1,6})[ \t]+(.+)$|^[ \t]*\*\*([^*\n]{1,100})\*\*:?[ \t]*$/gm;

/** Finds the hiding places of a document: comments, titles, alt text, code, YAML values. */
export function layoutOf(text: string, format: DocFormat): Layout {
  const containers: Region[] = [];
  const spots: Region[] = [];
  if (format === 'yaml' || format === 'json') {
    containers.push({ start: 0, end: text.length, hiding: 'yaml-value' });
    if (format === 'yaml') lineComments(text, 0, text.length, spots, /^\s*#[ \t]*(\S.*)$/);
  } else {
    frontMatter(text, containers, spots);
    codeBlocks(text, containers, spots);
    htmlComments(text, containers, spots);
    markdownTitles(text, spots);
    htmlAttributes(text, spots);
    concealed(text, spots);
  }
  mermaidComments(text, spots, containers);
  spots.sort((a, b) => a.start - b.start || b.end - a.end);
  containers.sort((a, b) => a.start - b.start);
  return { containers, spots, headings: headingsOf(text) };
}

/** The innermost region of a sorted list that contains `pos`. */
export function regionAt(list: readonly Region[], pos: number): Region | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Spots rarely nest; look back a few entries for one that still covers pos.
  for (let k = found; k >= 0 && k > found - 8; k--) {
    const r = list[k]!;
    if (r.start <= pos && pos < r.end) return r;
  }
  return undefined;
}

/** The nearest heading at or before `pos`. */
export function headingBefore(headings: readonly Heading[], pos: number): Heading | undefined {
  let lo = 0;
  let hi = headings.length - 1;
  let found: Heading | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid]!.pos <= pos) {
      found = headings[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function frontMatter(text: string, containers: Region[], spots: Region[]): void {
  if (!/^---[ \t]*\r?\n/.test(text)) return;
  const close = /\n---[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = 3;
  const m = close.exec(text);
  if (!m) return;
  containers.push({ start: 0, end: m.index, hiding: 'front-matter' });
  lineComments(text, 0, m.index, spots, /^\s*#[ \t]*(\S.*)$/);
}

function codeBlocks(text: string, containers: Region[], spots: Region[]): void {
  let open: { start: number; fence: string; lang: string } | undefined;
  for (let pos = 0; pos < text.length; ) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, Math.min(eol, pos + 200));
    const m = FENCE.exec(line);
    if (!open && m) open = { start: eol + 1, fence: m[1]!, lang: m[2]!.toLowerCase() };
    else if (open && m && m[1]![0] === open.fence[0] && m[1]!.length >= open.fence.length && !m[2]) {
      blockRegions(text, open.start, pos, open.lang, containers, spots);
      open = undefined;
    }
    pos = eol + 1;
  }
  if (open) blockRegions(text, open.start, text.length, open.lang, containers, spots);
}

function blockRegions(text: string, start: number, end: number, lang: string, containers: Region[], spots: Region[]): void {
  if (end <= start) return;
  if (lang === 'mermaid') return; // diagram labels are content; %% comments are found separately
  if (/^(?:ya?ml|json|jsonc|toml|ini)$/.test(lang)) {
    // A configuration example inside a Markdown document: content like any code block.
    containers.push({ start, end, hiding: 'code-block' });
    lineComments(text, start, end, spots, /^\s*#[ \t]*(\S.*)$/);
    return;
  }
  containers.push({ start, end, hiding: 'code-block' });
  lineComments(text, start, end, spots, LINE_COMMENT);
  for (const [open, close] of [['/*', '*/'], ['"""', '"""'], ["'''", "'''"], ['<!--', '-->']] as const) {
    for (let i = text.indexOf(open, start); i >= 0 && i < end; ) {
      const j = text.indexOf(close, i + open.length);
      const stop = j < 0 || j > end ? end : j;
      spots.push({ start: i + open.length, end: stop, hiding: 'code-comment' });
      i = text.indexOf(open, stop + close.length);
    }
  }
}

function lineComments(text: string, start: number, end: number, spots: Region[], re: RegExp): void {
  for (let pos = start; pos < end; ) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0 || eol > end) eol = end;
    const line = text.slice(pos, eol);
    const m = re.exec(line);
    if (m && m[1]) spots.push({ start: pos + line.length - m[1].length, end: eol, hiding: 'code-comment' });
    pos = eol + 1;
  }
}

function htmlComments(text: string, containers: readonly Region[], spots: Region[]): void {
  for (let i = text.indexOf('<!--'); i >= 0; ) {
    const j = text.indexOf('-->', i + 4);
    const stop = j < 0 ? text.length : j;
    const inCode = regionAt(containers, i)?.hiding === 'code-block';
    if (!inCode) spots.push({ start: i + 4, end: stop, hiding: 'html-comment' });
    if (j < 0) break;
    i = text.indexOf('<!--', j + 3);
  }
}

function markdownTitles(text: string, spots: Region[]): void {
  MD_LINK.lastIndex = 0;
  for (let m = MD_LINK.exec(text); m; m = MD_LINK.exec(text)) {
    const idx = m.indices!;
    if (m[1] === '!' && m[2] && idx[2]) spots.push({ start: idx[2][0], end: idx[2][1], hiding: 'markdown-image-alt' });
    for (const g of [3, 4, 5]) {
      const r = idx[g];
      if (r) spots.push({ start: r[0], end: r[1], hiding: 'markdown-link-title' });
    }
  }
  MD_REF_DEF.lastIndex = 0;
  for (let m = MD_REF_DEF.exec(text); m; m = MD_REF_DEF.exec(text)) {
    const r = m.indices![1] ?? m.indices![2] ?? m.indices![3];
    if (r) spots.push({ start: r[0], end: r[1], hiding: 'markdown-link-title' });
  }
}

function htmlAttributes(text: string, spots: Region[]): void {
  HTML_TAG.lastIndex = 0;
  for (let t = HTML_TAG.exec(text); t; t = HTML_TAG.exec(text)) {
    HTML_ATTR.lastIndex = 0;
    for (let a = HTML_ATTR.exec(t[0]); a; a = HTML_ATTR.exec(t[0])) {
      const r = a.indices![2] ?? a.indices![3];
      if (!r) continue;
      const hiding = a[1]!.toLowerCase() === 'alt' ? 'markdown-image-alt' : 'markdown-link-title';
      spots.push({ start: t.index + r[0], end: t.index + r[1], hiding });
    }
  }
}

function concealed(text: string, spots: Region[]): void {
  CONCEALED_OPEN.lastIndex = 0;
  let lower: string | undefined;
  for (let m = CONCEALED_OPEN.exec(text); m; m = CONCEALED_OPEN.exec(text)) {
    const start = m.index + m[0].length;
    lower ??= text.toLowerCase();
    const close = lower.indexOf(`</${m[1]!.toLowerCase()}`, start);
    const end = close < 0 ? Math.min(text.length, start + 5000) : Math.min(close, start + 5000);
    spots.push({ start, end, hiding: 'plain', concealed: true });
  }
}

function mermaidComments(text: string, spots: Region[], containers: readonly Region[]): void {
  if (!text.includes('%%')) return;
  const re = /^[ \t]*%%(?!\{)[ \t]*(.*)$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const inYaml = regionAt(containers, m.index)?.hiding === 'yaml-value';
    if (!inYaml) spots.push({ start: m.index + m[0].length - m[1]!.length, end: m.index + m[0].length, hiding: 'mermaid-comment' });
  }
}

function headingsOf(text: string): Heading[] {
  const out: Heading[] = [];
  const stack: { level: number; mention: boolean }[] = [];
  HEADING.lastIndex = 0;
  for (let m = HEADING.exec(text); m; m = HEADING.exec(text)) {
    const level = m[1] ? m[1].length : 7;
    const title = m[2] ?? m[3] ?? '';
    while (stack.length && stack[stack.length - 1]!.level >= level && level !== 7) stack.pop();
    const parentMention = stack.some((h) => h.mention && h.level < level);
    const mention = MENTION_HEADING.test(title) || parentMention;
    if (level !== 7) stack.push({ level, mention: MENTION_HEADING.test(title) });
    out.push({ pos: m.index, mention });
  }
  return out;
}
