import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MisuseCase, Severity } from '../domain/index.js';
import { SEVERITY_ORDER } from '../domain/index.js';
import { errorMessage } from '../errors.js';
import { FORMAT_NAMES } from '../export/index.js';
import { didYouMean } from '../input/suggest.js';
import type { ParsedArchitecture } from '../input/parseArchitecture.js';
import { decodeInput, readInput, type InputDoc } from '../input/readInput.js';
import type { ChatPort } from '../llm/port.js';
import { answerOffline } from './answer.js';
import { exportThreatModel, withRiskLevel } from './exportModel.js';
import { isCancel, providerAdvice, streamModelAnswer } from './modelAnswer.js';
import { complete, normaliseCaseId, parseInput, unknownCommandMessage, type CompletionContext, type ParsedInput } from './commands.js';
import type { NewHistoryItem } from './history.js';
import { advance, applyAnswer, currentQuestion, startInterview, type InterviewState } from './interview.js';
import { saveSession, toSession } from './persist.js';
import { casesReport, focusReport, helpReport, kbReport, moreForCase, moreForSystem, systemReport } from './reports.js';
import { caseCounts, currentCases, type ChatAction, type ChatState, type LoadedDoc } from './state.js';
import type { ChatServices, Connection, ScanFormat, ScanResult } from './services.js';

/** What the user submitted: a line, or a finished paste. */
export type ChatInput = { readonly kind: 'line'; readonly text: string } | { readonly kind: 'paste'; readonly text: string };

const say = (text: string, tone?: 'success' | 'dim'): ChatAction => ({ type: 'append', item: tone ? { kind: 'info', text, tone } : { kind: 'info', text } });
const fail = (text: string, hint?: string): ChatAction => ({ type: 'append', item: hint ? { kind: 'error', text, hint } : { kind: 'error', text } });
const show = (item: NewHistoryItem): ChatAction => ({ type: 'append', item });

/** How the guard should read a parsed document. */
function scanFormat(format: string): ScanFormat {
  return format === 'yaml' || format === 'json' || format === 'markdown' ? format : 'markdown';
}

/**
 * The chat's brain: turns each submitted line into a stream of {@link ChatAction}s for the UI's
 * reducer. It reads the state through `getState` (always current) and never mutates it.
 */
export class ChatController {
  private connection: Connection;
  private readonly now: () => Date;

  constructor(private readonly services: ChatServices) {
    this.connection = services.connection;
    this.now = services.now ?? (() => new Date());
  }

  /** The chat model in use, if any. */
  get port(): ChatPort | undefined {
    return this.connection.port;
  }

  /**
   * True when a line may run while something else is in flight: it needs no model or pipeline.
   * Offline questions qualify (BM25 is instant); interview answers do not (a run in flight would
   * replace the model they change).
   */
  isInstant(line: string, s?: ChatState): boolean {
    const p = parseInput(line);
    if (p.kind === 'text') return !this.connection.port?.chat && !s?.interview;
    return p.kind === 'empty' || p.kind === 'unknown' || (p.kind === 'command' && !!p.spec.instant);
  }

  /** What Tab can complete in the current state. */
  completionContext(s: ChatState): CompletionContext {
    return {
      caseIds: currentCases(s).map((c) => c.id),
      componentIds: (s.system?.components ?? []).map((c) => c.id),
      formats: FORMAT_NAMES,
      providers: this.services.providers ?? ['offline'],
      files: (prefix) => this.listFiles(prefix),
    };
  }

  /** Completes a line (see {@link complete}). */
  complete(line: string, s: ChatState) {
    return complete(line, this.completionContext(s));
  }

  private listFiles(prefix: string): string[] {
    const dirPart = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/') + 1) : '';
    try {
      return readdirSync(resolve(this.services.cwd, dirPart || '.'), { withFileTypes: true })
        .filter((e) => !e.name.startsWith('.') || prefix.slice(dirPart.length).startsWith('.'))
        .map((e) => `${dirPart}${e.name}${e.isDirectory() ? '/' : ''}`)
        .sort();
    } catch {
      return [];
    }
  }

  /** Handles one input; yields the actions that describe what happened. */
  async *handle(input: ChatInput, getState: () => ChatState, signal: AbortSignal): AsyncGenerator<ChatAction> {
    if (input.kind === 'paste') {
      yield show({ kind: 'user', text: `(pasted ${input.text.split('\n').length} lines)` });
      yield* this.loadText(input.text, 'paste', getState, signal);
      return;
    }
    const parsed = parseInput(input.text);
    if (parsed.kind === 'empty') return;
    yield { type: 'input', line: input.text };
    yield show({ kind: 'user', text: input.text.trim() });
    if (parsed.kind === 'unknown') {
      yield fail(unknownCommandMessage(parsed.name, parsed.suggestion));
      return;
    }
    if (parsed.kind === 'text') {
      yield* this.scanChat(parsed.text);
      if (getState().interview) yield* this.interviewAnswer(parsed.text, getState);
      else yield* this.answer(parsed.text, getState, signal);
      return;
    }
    try {
      yield* this.command(parsed, getState, signal);
    } catch (err) {
      if (isCancel(err, signal)) {
        yield { type: 'cancelled' };
        yield say('cancelled', 'dim');
      } else {
        // Long tasks end their own live area; an instant command must not end someone else's.
        yield fail(errorMessage(err));
      }
    }
  }

  private async *command(p: Extract<ParsedInput, { kind: 'command' }>, getState: () => ChatState, signal: AbortSignal): AsyncGenerator<ChatAction> {
    const s = getState();
    const [a0, a1] = p.args;
    switch (p.spec.name) {
      case 'help':
        return yield show(helpReport(a0));
      case 'quit':
        return yield { type: 'quit' };
      case 'paste':
        return yield say('Paste the architecture, then end with a line containing only "." or press Ctrl-D. Esc cancels.', 'dim');
      case 'load': {
        if (!p.rest) return yield fail('usage: /load FILE', 'Tab completes file names.');
        const path = p.args.length === 1 ? a0! : p.rest.replace(/^["']|["']$/g, '');
        return yield* this.loadFile(path, getState, signal);
      }
      case 'generate':
        return yield* this.generate(getState, signal);
      case 'system':
        if (!s.system) return yield fail('no system model yet.', '/load FILE or /paste an architecture first.');
        return yield show(systemReport(s.system));
      case 'scan':
        return yield* this.scanCommand(p.rest, s);
      case 'cases': {
        if (!s.model) return yield fail('no threat model yet.', '/load FILE or /paste first.');
        const f = (a0 ?? 'all').toLowerCase();
        if (!['open', 'accepted', 'rejected', 'all'].includes(f)) return yield fail(`unknown filter "${a0}".`, 'Use open, accepted, rejected or all.');
        return yield show(casesReport(s.model, f as 'all'));
      }
      case 'show': {
        const c = this.findCase(s, a0);
        if (typeof c === 'string') return yield fail(c);
        return yield show({ kind: 'case', case: c, detail: true });
      }
      case 'accept':
      case 'reject': {
        const c = this.findCase(s, a0);
        if (typeof c === 'string') return yield fail(c);
        const reason = p.spec.name === 'reject' ? p.rest.slice(a0!.length).trim() : '';
        const status = p.spec.name === 'accept' ? ('accepted' as const) : ('rejected' as const);
        yield { type: 'set-case', case: { ...c, status, notes: reason ? [...c.notes, `Rejected: ${reason}`] : c.notes } };
        return yield say(`${c.id} ${status}${reason ? ` (${reason})` : ''}.`, 'success');
      }
      case 'note': {
        const c = this.findCase(s, a0);
        if (typeof c === 'string') return yield fail(c);
        const text = p.rest.slice(a0!.length).trim();
        if (!text) return yield fail('usage: /note ID TEXT');
        yield { type: 'set-case', case: { ...c, notes: [...c.notes, text] } };
        return yield say(`note added to ${c.id}.`, 'success');
      }
      case 'risk': {
        const c = this.findCase(s, a0);
        if (typeof c === 'string') return yield fail(c);
        const level = (a1 ?? '').toLowerCase() as Severity;
        if (!SEVERITY_ORDER.includes(level)) return yield fail(`usage: /risk ID LEVEL`, 'LEVEL is low, medium, high or critical.');
        yield { type: 'set-case', case: withRiskLevel(c, level) };
        return yield say(`${c.id} risk ${c.risk.level} → ${level} (set by you).`, 'success');
      }
      case 'interview':
        return yield* this.startInterview(s);
      case 'skip':
      case 'stop': {
        if (!s.interview) return yield fail('no interview in progress.', '/interview starts one.');
        if (p.spec.name === 'stop') return yield* this.endInterview(s.interview);
        return yield* this.askNext(advance(s.interview, 'skipped'));
      }
      case 'focus':
        return yield* this.focus(a0, s);
      case 'more':
        return yield* this.more(a0, getState, signal);
      case 'kb':
        if (!p.rest) return yield fail('usage: /kb QUERY', 'e.g. /kb vector store poisoning');
        return yield show(kbReport(this.services.index, p.rest));
      case 'export':
        return yield* this.exportModel(a0, p.args.length > 1 ? p.rest.slice(a0!.length).trim().replace(/^["']|["']$/g, '') : undefined, s);
      case 'provider':
      case 'model':
        return yield* this.switchProvider(p.spec.name, a0, s);
      case 'save': {
        const path = saveSession(this.services.sessionsDir, toSession(s, this.now()));
        return yield say(`session saved to ${path}. Resume with: threatstorm chat --resume ${s.sessionId}`, 'success');
      }
    }
  }

  /** A case by id as typed, or the message to show. */
  private findCase(s: ChatState, id: string | undefined): MisuseCase | string {
    const cases = currentCases(s);
    if (!cases.length) return 'no misuse cases yet: /load FILE or /paste an architecture first.';
    if (!id) return `give a case id, e.g. ${cases[0]!.id}.`;
    const found = normaliseCaseId(id, cases.map((c) => c.id));
    return cases.find((c) => c.id === found) ?? `no case ${id}. Cases run ${cases[0]!.id} to ${cases.at(-1)!.id}.`;
  }

  /** `/load FILE`: read, parse, scan, then generate. */
  async *loadFile(path: string, getState: () => ChatState, signal: AbortSignal): AsyncGenerator<ChatAction> {
    let doc: InputDoc;
    try {
      doc = { ...readInput(resolve(this.services.cwd, path)), source: path };
    } catch (err) {
      return yield fail(errorMessage(err).replaceAll(resolve(this.services.cwd, path), path));
    }
    yield* this.loadDoc(doc, getState, signal);
  }

  /** A finished paste: checked like a file, source "paste". */
  async *loadText(text: string, source: string, getState: () => ChatState, signal: AbortSignal): AsyncGenerator<ChatAction> {
    let doc: InputDoc;
    try {
      doc = decodeInput(source, Buffer.from(text, 'utf8'));
    } catch (err) {
      return yield fail(errorMessage(err));
    }
    yield* this.loadDoc(doc, getState, signal);
  }

  private async *loadDoc(doc: InputDoc, getState: () => ChatState, signal: AbortSignal): AsyncGenerator<ChatAction> {
    let parsed;
    try {
      parsed = this.services.parse(doc.text, { source: doc.source });
    } catch (err) {
      return yield fail(errorMessage(err));
    }
    const scan = this.services.scan(doc.text, { source: doc.source, format: scanFormat(parsed.format) });
    const loaded: LoadedDoc = { source: doc.source, text: doc.text, sha256: doc.sha256, bytes: doc.bytes, format: parsed.format, warnings: [...parsed.warnings] };
    yield { type: 'loaded', doc: loaded, system: parsed.system };
    yield* this.guardBanner(doc.source, scan);
    for (const w of parsed.warnings) yield show({ kind: 'warning', text: w });
    const sys = parsed.system;
    yield say(`Loaded ${doc.source}: ${sys.components.length} component${sys.components.length === 1 ? '' : 's'}, ${sys.dataFlows.length} data flow${sys.dataFlows.length === 1 ? '' : 's'} (${parsed.format}). /system shows them.`, 'success');
    yield* this.generate(getState, signal);
  }

  private *guardBanner(source: string, scan: ScanResult): Generator<ChatAction> {
    if (scan.verdict === 'clean') return;
    yield { type: 'guard', verdict: scan.verdict, findings: scan.findings };
    yield show({
      kind: 'guard',
      source,
      verdict: scan.verdict,
      findings: scan.findings.slice(0, 20).map((f) => ({ kind: f.kind, hiding: f.hiding, excerpt: f.excerpt.slice(0, 120), ...(f.line ? { line: f.line } : {}) })),
    });
  }

  private *scanChat(text: string): Generator<ChatAction> {
    yield* this.guardBanner('chat', this.services.scan(text, { source: 'chat', format: 'text' }));
  }

  private *scanCommand(rest: string, s: ChatState): Generator<ChatAction> {
    let text: string;
    let source: string;
    let format: ScanFormat;
    if (rest) {
      source = rest.replace(/^["']|["']$/g, '');
      try {
        text = readInput(resolve(this.services.cwd, source)).text;
      } catch (err) {
        return yield fail(errorMessage(err));
      }
      format = /\.ya?ml$/i.test(source) ? 'yaml' : /\.json$/i.test(source) ? 'json' : 'markdown';
    } else {
      if (!s.doc) return yield fail('nothing loaded to scan.', '/scan FILE scans a file; /load FILE loads one.');
      ({ text, source } = s.doc);
      format = scanFormat(s.doc.format);
    }
    const res = this.services.scan(text, { source, format });
    if (res.verdict === 'clean') return yield say(`${source}: clean (score ${res.score.toFixed(2)}); no instruction-like text found.`, 'success');
    yield* this.guardBanner(source, res);
  }

  /** `/generate`: run the pipeline on the current document and system model. */
  async *generate(getState: () => ChatState, signal: AbortSignal): AsyncGenerator<ChatAction> {
    const s = getState();
    if (!s.doc || !s.system) return yield fail('nothing to generate from.', '/load FILE or /paste an architecture first.');
    const doc: InputDoc = { source: s.doc.source, text: s.doc.text, sha256: s.doc.sha256, bytes: s.doc.bytes };
    // The current system model (with interview changes) stands in for a fresh parse.
    const parsed: ParsedArchitecture = { system: s.system, format: s.doc.format as ParsedArchitecture['format'], warnings: [] };
    yield { type: 'begin', pending: { task: 'generate', stage: null, count: 0 } };
    try {
      for await (const event of this.connection.pipeline(doc, parsed, signal)) {
        if (signal.aborted) break;
        // the guard banner shown on /load already says this; do not repeat it as a plain warning
        if (event.type === 'warning' && event.about === 'input-guard' && getState().guard.verdict !== 'clean') continue;
        yield { type: 'pipeline', event };
      }
      if (signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'CancelledError' });
    } catch (err) {
      const partial = getState().draft.length;
      if (isCancel(err, signal)) {
        yield { type: 'cancelled' };
        return yield say(`generation cancelled${partial ? `; ${partial} partial case${partial === 1 ? '' : 's'} discarded` : ''}. ${getState().model ? 'The previous threat model is kept.' : ''}`.trim(), 'dim');
      }
      yield { type: 'end' };
      return yield fail(`generation failed: ${errorMessage(err)}`, this.connection.port ? providerAdvice(err) : undefined);
    }
    yield { type: 'end' };
    const counts = caseCounts(getState().model);
    const levels = (['critical', 'high', 'medium', 'low'] as const).filter((l) => counts.byLevel[l]).map((l) => `${counts.byLevel[l]} ${l}`);
    yield say(`${counts.total} misuse case${counts.total === 1 ? '' : 's'}${levels.length ? `: ${levels.join(', ')}` : ''}. /show ID for details, /interview to review, /export FORMAT to save.`, 'success');
  }

  private *startInterview(s: ChatState): Generator<ChatAction> {
    if (!s.model) return yield fail('no threat model to interview about.', '/load FILE or /paste first.');
    const iv = startInterview(s.model, s.focus);
    if (!iv) return yield say('The cases raise no review questions.');
    yield say(`Interview: ${iv.questions.length} question${iv.questions.length === 1 ? '' : 's'}, highest-risk cases first. Answer in your own words; /skip moves on, /stop ends.`, 'dim');
    yield* this.askNext(iv);
  }

  private *askNext(iv: InterviewState): Generator<ChatAction> {
    const q = currentQuestion(iv);
    if (!q) return yield* this.endInterview(iv);
    yield { type: 'set-interview', interview: iv };
    yield show({ kind: 'question', index: iv.index + 1, total: iv.questions.length, text: q.text, cases: [...q.caseIds] });
  }

  private *endInterview(iv: InterviewState): Generator<ChatAction> {
    yield { type: 'set-interview', interview: null };
    const changed = iv.changed.length ? `; ${iv.changed.length} case${iv.changed.length === 1 ? '' : 's'} changed (${iv.changed.join(', ')})` : '';
    yield say(`Interview ended: ${iv.answered} answered, ${iv.skipped} skipped${changed}. /cases shows the new ranking.`, 'success');
  }

  private *interviewAnswer(text: string, getState: () => ChatState): Generator<ChatAction> {
    const s = getState();
    const iv = s.interview!;
    const q = currentQuestion(iv);
    if (!q || !s.model) return yield* this.endInterview(iv);
    const eff = applyAnswer(s.model, q, text, this.services.kb.patterns);
    yield { type: 'set-model', model: eff.model };
    const more = eff.newlyApplicable.length
      ? `${eff.newlyApplicable.length} more pattern${eff.newlyApplicable.length === 1 ? '' : 's'} now appl${eff.newlyApplicable.length === 1 ? 'ies' : 'y'} (${eff.newlyApplicable.slice(0, 3).map((n) => `${n.pattern}@${n.component}`).join(', ')}): /generate adds them.`
      : undefined;
    yield show({ kind: 'report', title: `What changed (${eff.reading.stance})`, sections: [{ heading: '', lines: [...eff.changes] }], ...(more ? { footer: more } : {}) });
    yield* this.askNext(advance(iv, 'answered', eff.changedCases));
  }

  private *focus(arg: string | undefined, s: ChatState): Generator<ChatAction> {
    if (!arg) {
      yield { type: 'set-focus', focus: null };
      return yield say('focus cleared.', 'dim');
    }
    if (!s.system) return yield fail('no system model yet.', '/load FILE first.');
    const comps = s.system.components;
    const comp = comps.find((c) => c.id === arg.toLowerCase()) ?? comps.find((c) => c.name.toLowerCase() === arg.toLowerCase());
    if (!comp) {
      const near = didYouMean(arg, comps.map((c) => c.id));
      return yield fail(`no component "${arg}".${near ? ` Did you mean ${near}?` : ''}`, `Components: ${comps.map((c) => c.id).join(', ')}`);
    }
    yield { type: 'set-focus', focus: comp.id };
    yield show(focusReport(s.model, s.system, comp, this.services.index));
  }

  private async *more(arg: string | undefined, getState: () => ChatState, signal: AbortSignal): AsyncGenerator<ChatAction> {
    const s = getState();
    if (!s.system) return yield fail('no system model yet.', '/load FILE or /paste first.');
    let c: MisuseCase | undefined;
    if (arg) {
      const found = this.findCase(s, arg);
      if (typeof found === 'string') return yield fail(found);
      c = found;
    }
    if (this.connection.port?.chat) {
      const q = c
        ? `Brainstorm 3 variants of ${c.id} "${c.title}" (on ${c.targets.join(', ')}) and deeper attack steps an attacker would try next. For each: a title, the steps, and the signal that would catch it.`
        : `Which misuse cases are missing from this threat model${s.focus ? ` for ${s.focus}` : ''}? Name up to 4, with the component, the attack steps and why the current cases miss them.`;
      return yield* this.answerWithModel(q, getState, signal);
    }
    yield show(c ? moreForCase(c, s.system, this.services.kb.patterns, this.services.index) : moreForSystem(s.system, this.services.kb.patterns, s.focus));
  }

  /** Free text: offline, a structured answer from BM25; with a model, a streamed grounded answer. */
  private async *answer(text: string, getState: () => ChatState, signal: AbortSignal): AsyncGenerator<ChatAction> {
    if (this.connection.port?.chat) return yield* this.answerWithModel(text, getState, signal);
    const s = getState();
    yield show(answerOffline(text, { model: s.model, system: s.system, index: this.services.index, focus: s.focus }));
  }

  private async *answerWithModel(question: string, getState: () => ChatState, signal: AbortSignal): AsyncGenerator<ChatAction> {
    const s = getState();
    yield* streamModelAnswer(this.connection.port!, question, { model: s.model, system: s.system, index: this.services.index, focus: s.focus }, signal);
  }

  private *exportModel(format: string | undefined, file: string | undefined, s: ChatState): Generator<ChatAction> {
    yield* exportThreatModel(format, file, s, this.services.cwd);
  }

  private async *switchProvider(which: 'provider' | 'model', arg: string | undefined, s: ChatState): AsyncGenerator<ChatAction> {
    const providers = this.services.providers ?? ['offline'];
    if (!arg) {
      const current = `${s.provider}${s.modelName ? ` · ${s.modelName}` : ''}`;
      return yield say(which === 'provider' ? `provider: ${current}. Available: ${providers.join(', ')}. /provider NAME switches.` : `model: ${s.modelName ?? '(none: offline)'}. /model NAME switches.`);
    }
    const provider = which === 'provider' ? arg.toLowerCase() : s.provider;
    if (which === 'model' && provider === 'offline') return yield fail('the offline engine has no models.', '/provider ollama or /provider openai first.');
    if (!providers.includes(provider)) return yield fail(`unknown provider "${arg}".`, `Use one of: ${providers.join(', ')}.`);
    if (!this.services.connect) return yield fail('switching providers is not available here.', 'Restart with --provider NAME.');
    yield { type: 'begin', pending: { task: 'work', label: `connecting to ${provider}` } };
    try {
      this.connection = await this.services.connect(provider, which === 'model' ? arg : undefined);
    } catch (err) {
      yield { type: 'end' };
      return yield fail(`cannot use ${provider}: ${errorMessage(err)}`, providerAdvice(err));
    }
    yield { type: 'end' };
    const port = this.connection.port;
    yield { type: 'set-provider', provider: port?.provider ?? 'offline', modelName: port?.model ?? null };
    yield say(`now using ${port ? `${port.provider} · ${port.model}` : 'the offline engine'}.`, 'success');
  }
}
