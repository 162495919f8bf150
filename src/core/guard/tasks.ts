/**
 * Tasks slipped into data: a line that reads as a request to an assistant ("Recommend three
 * novels for a long flight.", "Explain how photosynthesis works") sitting inside third-party
 * content — an e-mail or a table — where nobody has a reason to ask the reader for anything.
 * The cue is structural, so it only runs on text that carries such data (e-mail headers or a
 * greeting, or table rows), and only lines inside an e-mail, interrupting a table, or opening or
 * closing text that is a table count.
 */

/** A line that reads as a task for the reader; offsets in the normalised text. */
export interface TaskLine {
  readonly start: number;
  readonly end: number;
}

const EMAIL_MARK = /^(?:subject|from|to|cc|sent|date|received date|email_from)\s*:|\|(?:EMAIL_FROM|CONTENT|RECEIVED DATE)\s*:|^(?:hi|hello|dear)\s+[A-Z][\w-]*\s*,/im;
/** How far into the text e-mail headers or a greeting are looked for. */
const EMAIL_HEAD = 2000;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_ROWS = /^[ \t]*\|.*\|[ \t]*$/gm;
/** How a request to an assistant opens: an imperative or a question. */
const TASK_START =
  /^(?:please\s+)?(?:help me|suggest|recommend|describe|explain|provide|give me|list|write|create|compose|draft|generate|translate|summari[sz]e|analy[sz]e|tell me|plan|design|calculate|find|outline|compare|classify|identify|brainstorm|propose|predict|evaluate|convert|show me|teach me|is this|are these|what (?:are|is|were|was)|what's|how (?:does|do|can|to|did|would|should)|why (?:is|are|do|does|did)|which|who (?:is|was|are)|can you|could you|would you)\b/i;
/** Words of a message between people (the e-mail's own sender talking to its recipient). */
const PERSONAL = /\b(?:you|your|yours|we|our|us)\b/i;
const LEAD_ASK = /^(?:please\s+)?(?:can|could|would) you\s+/i;
/** Quoted material (the data a task works on), with apostrophes inside words kept. */
const QUOTED = /(^|[\s:(])(?:'(?:[^'\n]|'(?=\w))*'|"[^"\n]*"|“[^”\n]*”)(?=$|[\s.,;:!?)])/g;

/** Lines of `t` that read as a task for an assistant, inside e-mail or table data. */
export function findTaskLines(t: string): TaskLine[] {
  // An e-mail shows its headers or greeting at the top.
  const email = EMAIL_MARK.test(t.slice(0, EMAIL_HEAD));
  const table = !email && t.includes('|') && (t.match(TABLE_ROWS)?.length ?? 0) >= 3;
  if (!email && !table) return [];
  const lines: { start: number; text: string }[] = [];
  for (let pos = 0; pos <= t.length; ) {
    let eol = t.indexOf('\n', pos);
    if (eol < 0) eol = t.length;
    lines.push({ start: pos, text: t.slice(pos, eol) });
    pos = eol + 1;
  }
  const nonBlank = lines.filter((l) => l.text.trim() !== '');
  const out: TaskLine[] = [];
  nonBlank.forEach((line, i) => {
    const text = line.text.trim();
    if (text.length < 15 || text.length > 300 || !TASK_START.test(text)) return;
    if (table) {
      // A table interrupted by the line, or the line opening or closing text that is a table.
      const before = nonBlank[i - 1];
      const after = nonBlank[i + 1];
      const row = (l: { text: string } | undefined): boolean => l !== undefined && TABLE_ROW.test(l.text);
      const edge = (i === 0 && row(after)) || (i === nonBlank.length - 1 && row(before));
      if (!(row(before) && row(after)) && !edge) return;
    }
    const bare = text.replace(QUOTED, '$1');
    // One sentence, ending the line: a request, not a paragraph of the e-mail.
    const stops = bare.match(/[.!?](?=\s|$)/g)?.length ?? 0;
    if (stops > 1 || (stops === 1 && !/[.!?:]\s*$/.test(bare.trim()))) return;
    if (PERSONAL.test(bare.replace(LEAD_ASK, ''))) return;
    const lead = line.text.length - line.text.trimStart().length;
    out.push({ start: line.start + lead, end: line.start + lead + text.length });
  });
  return out;
}
