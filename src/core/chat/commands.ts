import { didYouMean } from '../input/suggest.js';

/**
 * Slash commands: the table `/help` prints, the parser and Tab completion. Pure: completion gets
 * everything it needs (case ids, component ids, files) from its context.
 */

/** What an argument is, so Tab can complete it. */
export type ArgKind = 'case' | 'component' | 'format' | 'file' | 'provider' | 'level' | 'filter' | 'command' | 'text';

/** One slash command. */
export interface CommandSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Argument synopsis for help, e.g. "ID [REASON]". */
  readonly usage: string;
  readonly summary: string;
  /** Kinds of the positional arguments, for completion. */
  readonly args: readonly ArgKind[];
  /** Runs at once (no model, no pipeline), so it is allowed while something is in flight. */
  readonly instant?: boolean;
  readonly group: 'input' | 'review' | 'explore' | 'session';
}

/** Every command, in help order. */
export const COMMANDS: readonly CommandSpec[] = [
  { name: 'load', usage: 'FILE', summary: 'load an architecture and generate misuse cases', args: ['file'], group: 'input' },
  { name: 'paste', usage: '', summary: 'paste an architecture; end with "." or Ctrl-D', args: [], group: 'input' },
  { name: 'generate', usage: '', summary: 'generate again from the current system model', args: [], group: 'input' },
  { name: 'system', usage: '', summary: 'show the extracted system model', args: [], instant: true, group: 'input' },
  { name: 'scan', usage: '[FILE]', summary: 'injection self-check of the input (or a file)', args: ['file'], instant: true, group: 'input' },
  { name: 'cases', aliases: ['list'], usage: '[FILTER]', summary: 'list cases: open, accepted, rejected or all', args: ['filter'], instant: true, group: 'review' },
  { name: 'show', usage: 'ID', summary: 'expanded view of one case', args: ['case'], instant: true, group: 'review' },
  { name: 'accept', usage: 'ID', summary: 'accept a case (real, to be tracked)', args: ['case'], instant: true, group: 'review' },
  { name: 'reject', usage: 'ID [REASON]', summary: 'reject a case, with an optional reason', args: ['case', 'text'], instant: true, group: 'review' },
  { name: 'note', usage: 'ID TEXT', summary: 'add a reviewer note to a case', args: ['case', 'text'], instant: true, group: 'review' },
  { name: 'risk', usage: 'ID LEVEL', summary: 'set the risk: low, medium, high or critical', args: ['case', 'level'], instant: true, group: 'review' },
  { name: 'interview', usage: '', summary: 'answer review questions; answers re-score cases', args: [], group: 'review' },
  { name: 'skip', usage: '', summary: 'skip the current interview question', args: [], instant: true, group: 'review' },
  { name: 'stop', usage: '', summary: 'leave the interview', args: [], instant: true, group: 'review' },
  { name: 'focus', usage: '[COMPONENT]', summary: 'focus on one component (no argument: clear)', args: ['component'], instant: true, group: 'explore' },
  { name: 'more', usage: '[ID]', summary: 'brainstorm variants and deeper attack steps', args: ['case'], group: 'explore' },
  { name: 'kb', usage: 'QUERY', summary: 'search the knowledge base', args: ['text'], instant: true, group: 'explore' },
  { name: 'export', usage: 'FORMAT [FILE]', summary: 'write the threat model: markdown, json, csv, …', args: ['format', 'file'], group: 'session' },
  { name: 'provider', usage: '[NAME]', summary: 'show or switch: offline, ollama, openai', args: ['provider'], group: 'session' },
  { name: 'model', usage: 'NAME', summary: 'use another model of the current provider', args: ['text'], group: 'session' },
  { name: 'save', usage: '', summary: 'save now (it is also saved after every change)', args: [], instant: true, group: 'session' },
  { name: 'help', aliases: ['?'], usage: '[COMMAND]', summary: 'list commands, or explain one', args: ['command'], instant: true, group: 'session' },
  { name: 'quit', aliases: ['exit', 'q'], usage: '', summary: 'save and leave (or Ctrl-C twice)', args: [], instant: true, group: 'session' },
];

/** Names users may type, aliases included. */
const ALL_NAMES: readonly string[] = COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])]);

/** Finds a command by name or alias. */
export function findCommand(name: string): CommandSpec | undefined {
  const n = name.toLowerCase();
  return COMMANDS.find((c) => c.name === n || c.aliases?.includes(n));
}

/** A parsed input line. */
export type ParsedInput =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'command'; readonly spec: CommandSpec; readonly args: readonly string[]; readonly rest: string }
  | { readonly kind: 'unknown'; readonly name: string; readonly suggestion?: string };

/** Splits arguments on whitespace; "double" or 'single' quotes keep spaces (for file names). */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

/**
 * Parses one line: empty, free text, a known command with its arguments (and `rest`, the raw text
 * after the name, for free-text arguments) or an unknown command with the closest known name.
 * A line starting with "//" is text that starts with "/".
 */
export function parseInput(line: string): ParsedInput {
  const text = line.trim();
  if (!text) return { kind: 'empty' };
  if (!text.startsWith('/') || text.startsWith('//')) return { kind: 'text', text: text.startsWith('//') ? text.slice(1) : text };
  const m = /^\/(\S*)\s*([\s\S]*)$/.exec(text)!;
  const name = m[1]!;
  const rest = m[2]!.trim();
  const spec = findCommand(name);
  if (!spec) return { kind: 'unknown', name, suggestion: suggestCommand(name) };
  return { kind: 'command', spec, args: splitArgs(rest), rest };
}

/** The closest command name to a mistyped one: prefix first, then edit distance. */
export function suggestCommand(name: string): string | undefined {
  const n = name.toLowerCase();
  if (!n) return undefined;
  const prefixed = COMMANDS.find((c) => c.name.startsWith(n));
  if (prefixed) return prefixed.name;
  const close = didYouMean(n, ALL_NAMES);
  return close ? (findCommand(close)?.name ?? close) : undefined;
}

/** The message for an unknown command. */
export function unknownCommandMessage(name: string, suggestion?: string): string {
  return `unknown command /${name}.${suggestion ? ` Did you mean /${suggestion}?` : ''} Type /help for the list.`;
}

/** What completion may offer. */
export interface CompletionContext {
  readonly caseIds: readonly string[];
  readonly componentIds: readonly string[];
  readonly formats: readonly string[];
  readonly providers: readonly string[];
  /** Entries for a path prefix (directories end with "/"); omitted in pure tests. */
  readonly files?: (prefix: string) => readonly string[];
}

/** Result of Tab: the new line and the candidates to show when there is more than one. */
export interface Completion {
  readonly line: string;
  readonly candidates: readonly string[];
}

const LEVEL_WORDS = ['low', 'medium', 'high', 'critical'];
const FILTER_WORDS = ['open', 'accepted', 'rejected', 'all'];

/** Longest common prefix of several strings. */
export function commonPrefix(items: readonly string[]): string {
  if (!items.length) return '';
  let p = items[0]!;
  for (const s of items) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/**
 * Completes the last word of a line: command names after "/", then each argument by its kind
 * (case ids match "3", "mc-3" and "MC-003"). One match completes fully (plus a space, or nothing
 * after a directory); several complete to their common prefix and are returned as candidates.
 */
export function complete(line: string, ctx: CompletionContext): Completion {
  if (!line.startsWith('/')) return { line, candidates: [] };
  const m = /^\/(\S*)$/.exec(line);
  if (m) return finish(line, '/', m[1]!, COMMANDS.map((c) => c.name), (s) => `${s} `);
  const cm = /^\/(\S+)\s+/.exec(line)!;
  const spec = findCommand(cm[1]!);
  if (!spec) return { line, candidates: [] };
  const argText = line.slice(cm[0].length);
  const words = argText.split(/\s+/);
  const argIndex = words.length - 1;
  const word = words[argIndex] ?? '';
  const kind = spec.args[Math.min(argIndex, spec.args.length - 1)];
  const head = line.slice(0, line.length - word.length);
  switch (kind) {
    case 'case':
      return finish(line, head, word, ctx.caseIds, (s) => `${s} `, caseMatcher(word));
    case 'component':
      return finish(line, head, word, ctx.componentIds, (s) => `${s} `);
    case 'format':
      return finish(line, head, word, ctx.formats, (s) => `${s} `);
    case 'provider':
      return finish(line, head, word, ctx.providers, (s) => s);
    case 'level':
      return finish(line, head, word, LEVEL_WORDS, (s) => s);
    case 'filter':
      return finish(line, head, word, FILTER_WORDS, (s) => s);
    case 'command':
      return finish(line, head, word, COMMANDS.map((c) => c.name), (s) => s);
    case 'file':
      return finish(line, head, word, ctx.files?.(word) ?? [], (s) => (s.endsWith('/') ? s : `${s} `));
    default:
      return { line, candidates: [] };
  }
}

function caseMatcher(word: string): (id: string) => boolean {
  const m = /^(?:mc-?)?(\d+)$/i.exec(word);
  if (!m) return (id) => id.toLowerCase().startsWith(word.toLowerCase());
  const digits = m[1]!;
  // "01" / "mc-01" is a zero-padded prefix; "1" / "mc-1" is a number prefix (MC-001, MC-010…).
  if (digits.startsWith('0')) return (id) => id.slice(3).startsWith(digits);
  return (id) => id.replace(/^MC-0*/, '').startsWith(digits);
}

function finish(
  line: string, head: string, word: string, options: readonly string[], whole: (s: string) => string,
  match: (s: string) => boolean = (s) => s.toLowerCase().startsWith(word.toLowerCase()),
): Completion {
  const hits = [...new Set(options.filter(match))];
  if (hits.length === 0) return { line, candidates: [] };
  if (hits.length === 1) return { line: head + whole(hits[0]!), candidates: [] };
  const prefix = commonPrefix(hits);
  return { line: prefix.length >= word.length && prefix !== word ? head + prefix : line, candidates: hits };
}

/** Normalises a case id as typed ("3", "mc-3", "MC-003") to the model's form, or undefined. */
export function normaliseCaseId(text: string, known: readonly string[]): string | undefined {
  const digits = /^(?:mc-?)?(\d+)$/i.exec(text.trim())?.[1];
  if (!digits) return undefined;
  const n = Number(digits);
  return known.find((id) => Number(id.replace(/^MC-/, '')) === n);
}
