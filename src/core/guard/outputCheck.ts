/**
 * Output-side check: does a model result look like it obeyed an instruction planted in the input?
 * Signals: a phrase the input demanded shows up, the misuse cases vanish or are all rated low for
 * a system with exposed AI components, URLs appear that the input never had (or that only an
 * injection in the input had), the answer switches language, or the system-prompt canary leaks.
 */
import type { Severity } from '../domain/common.js';
import type { InputFinding } from '../domain/finding.js';
import { checkCanary } from './canary.js';

/** A model result: its raw text and, when parsed, its misuse cases. */
export interface ModelOutput {
  readonly text: string;
  readonly cases?: readonly { readonly severity: Severity; readonly title?: string }[];
}

/** What the offline engine found for the same input: the baseline the model is compared with. */
export interface OutputExpectation {
  /** Number of misuse cases the offline engine produced. */
  readonly caseCount: number;
  /** Their severities. */
  readonly severities?: readonly Severity[];
  /** True when the system has AI components reachable by untrusted users or content. */
  readonly exposedAi: boolean;
}

/** Input of {@link checkModelOutput}. */
export interface OutputCheckInput {
  /** The model's answer: raw text (JSON is parsed for cases) or text with parsed cases. */
  readonly output: string | ModelOutput;
  /** Findings of `scanText` on the input the model read. */
  readonly inputFindings: readonly InputFinding[];
  /** The input text the model read (for URLs and language). */
  readonly inputText: string;
  readonly expectation?: OutputExpectation;
  /** This run's system-prompt canary, when one was planted. */
  readonly canary?: string;
}

/** The verdict on a model output. */
export interface OutputCheckResult {
  /** True when some finding scores 0.7 or more: the result should not be trusted. */
  readonly hijacked: boolean;
  readonly findings: InputFinding[];
}

const STEERING = new Set<InputFinding['kind']>(['override', 'modeller-manipulation', 'addressed-to-ai', 'role-reassignment', 'fake-role-tag', 'exfiltration', 'prompt-leak']);
const URL = /\bhttps?:\/\/([a-z0-9.-]+\.[a-z]{2,})(?::\d+)?[^\s"'<>)\]]*/gi;
const DOMAIN = /\b((?:[a-z0-9-]+\.)+(?:com|net|org|io|ai|dev|app|co|info|biz|xyz|ru|cn|top|site|online|me|us|de|fr|es|uk))\b/gi;
/** Reference sites a threat model may cite without the input mentioning them. */
const REFERENCE_DOMAINS = /(?:^|\.)(?:owasp\.org|mitre\.org|nist\.gov|cisa\.gov|cve\.org|first\.org|enisa\.europa\.eu|microsoft\.com|github\.com|genai\.owasp\.org)$/i;
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'in', 'that', 'for', 'with', 'this'],
  es: ['el', 'la', 'de', 'que', 'y', 'los', 'las', 'para', 'con', 'una'],
  fr: ['le', 'la', 'les', 'de', 'des', 'et', 'est', 'pour', 'une', 'que'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'für', 'ein', 'eine'],
  pt: ['o', 'a', 'de', 'que', 'e', 'os', 'as', 'para', 'com', 'uma'],
  it: ['il', 'la', 'di', 'che', 'e', 'per', 'con', 'una', 'gli', 'non'],
};

/** Flags a model result that appears to obey an instruction found in its input. */
export function checkModelOutput(input: OutputCheckInput): OutputCheckResult {
  const out: ModelOutput = typeof input.output === 'string' ? { text: input.output, cases: parseCases(input.output) } : input.output;
  const steering = input.inputFindings.filter((f) => STEERING.has(f.kind) && f.score >= 0.4);
  const injected = steering.length > 0;
  const findings: InputFinding[] = [];
  const add = (score: number, reason: string, start = 0, end = out.text.length, kind: InputFinding['kind'] = 'output-hijack'): void => {
    const excerpt = out.text.slice(start, Math.min(end, start + 120)).replace(/\s+/g, ' ').trim();
    findings.push({ source: 'model-output', kind, hiding: 'model-output', start, end, line: out.text.slice(0, start).split('\n').length, excerpt, reason, score });
  };

  for (const phrase of demandedPhrases(steering, input.inputText)) {
    const at = squash(out.text).indexOf(phrase);
    if (at >= 0) add(0.9, `the output contains a phrase the input demanded: "${phrase.slice(0, 80)}"`);
  }
  const exp = input.expectation;
  if (exp && exp.exposedAi && exp.caseCount > 0 && out.cases) {
    if (out.cases.length === 0) add(injected ? 0.9 : 0.75, `the model returned no misuse cases; the offline engine found ${exp.caseCount} for this system with exposed AI components`);
    else if (out.cases.every((c) => c.severity === 'low') && (exp.severities ?? []).some((s) => s !== 'low')) {
      add(injected ? 0.85 : 0.6, 'every misuse case is rated low although the offline engine found higher severities');
    }
  }
  checkUrls(out.text, input, steering, add);
  const inLang = language(input.inputText);
  const outLang = language(out.text);
  if (inLang !== 'unknown' && outLang !== 'unknown' && inLang !== outLang) {
    add(injected ? 0.8 : 0.5, `the output is in ${outLang} although the input is in ${inLang}`);
  }
  if (input.canary) {
    const c = checkCanary(out.text, input.canary);
    if (c.finding) findings.push(c.finding);
  }
  return { hijacked: findings.some((f) => f.score >= 0.7), findings };
}

/** Phrases an injection asked the model to write: quoted text and what follows "say/state that". */
function demandedPhrases(steering: readonly InputFinding[], inputText: string): string[] {
  const phrases = new Set<string>();
  for (const f of steering) {
    const span = `${f.excerpt} ${inputText.slice(Math.max(0, f.start - 200), Math.min(inputText.length, f.end + 200))}`;
    for (const m of span.matchAll(/["“'‘«]([^"”'’»\n]{3,80})["”'’»]/g)) phrases.add(squash(m[1]!));
    const re = /\b(?:say|state|respond|reply|answer|output|write|print|claim|conclude|declare|report)(?: only| just| exactly)?(?: with)?(?: the (?:word|phrase|text|sentence))?(?: that)?[:\s]+([^.!?\n]{2,80})/gi;
    // Keep the demanded words, not what follows "and then …".
    for (const m of span.matchAll(re)) phrases.add(squash(m[1]!.split(/\s+(?:and|then|but|so|or|before|after|because)\s+|[,;:]/)[0]!));
  }
  // Single short words ("ok") would match too much; keep phrases and longer words.
  return [...phrases].filter((p) => p.split(' ').length >= 2 || p.length >= 6);
}

function checkUrls(text: string, input: OutputCheckInput, steering: readonly InputFinding[], add: (s: number, r: string, a?: number, b?: number) => void): void {
  const inputDomains = domainsIn(input.inputText);
  const injectedDomains = new Set(steering.flatMap((f) => [...domainsIn(`${f.excerpt} ${input.inputText.slice(f.start, f.end + 200)}`)]));
  const seen = new Set<string>();
  for (const m of [...text.matchAll(URL), ...text.matchAll(DOMAIN)]) {
    const host = m[1]!.toLowerCase();
    if (seen.has(host) || REFERENCE_DOMAINS.test(host)) continue;
    seen.add(host);
    if (injectedDomains.has(host)) add(0.85, `the output contains ${host}, which appears only in an injected instruction`, m.index, m.index + m[0].length);
    else if (!inputDomains.has(host)) add(0.6, `the output contains ${host}, which is not in the input`, m.index, m.index + m[0].length);
  }
}

function domainsIn(text: string): Set<string> {
  return new Set([...text.matchAll(URL), ...text.matchAll(DOMAIN)].map((m) => m[1]!.toLowerCase()));
}

/** The likely language of a text: a script for non-Latin text, else stopword counts. */
export function language(text: string): string {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 40) return 'unknown';
  const scripts: [string, RegExp][] = [['zh/ja', /[\u3040-\u30ff\u4e00-\u9fff]/gu], ['ru', /[\u0400-\u04ff]/gu], ['ko', /[\uac00-\ud7a3]/gu], ['ar', /[\u0600-\u06ff]/gu]];
  for (const [name, re] of scripts) if ((text.match(re)?.length ?? 0) / letters > 0.3) return name;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = 'unknown';
  let bestCount = 0;
  for (const [lang, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    const count = words.filter((w) => set.has(w)).length;
    if (count > bestCount) [best, bestCount] = [lang, count];
  }
  return bestCount / Math.max(1, words.length) >= 0.05 ? best : 'unknown';
}

function squash(s: string): string {
  return s.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Misuse cases from a JSON answer: `misuseCases`, `cases` or `threats` arrays with a severity. */
function parseCases(text: string): ModelOutput['cases'] {
  let data: unknown;
  try {
    data = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
  } catch {
    return undefined;
  }
  const obj = data as Record<string, unknown>;
  const list = [obj.misuseCases, obj.cases, obj.threats].find(Array.isArray) as unknown[] | undefined;
  if (!list) return undefined;
  return list.map((c) => {
    const rec = (c ?? {}) as Record<string, unknown>;
    const sev = String(rec.severity ?? rec.risk ?? 'low').toLowerCase();
    const severity: Severity = sev === 'critical' || sev === 'high' || sev === 'medium' ? sev : 'low';
    return { severity, title: typeof rec.title === 'string' ? rec.title : undefined };
  });
}
