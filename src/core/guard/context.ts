/**
 * Use-vs-mention layer of the injection guard. Security documents quote and describe attacks all
 * the time; what separates them from an attack is grammar (a command addressed to the reader vs a
 * third-person description), quoting, and the section the text sits in.
 */
import { headingBefore, regionAt, type Layout } from './regions.js';

/** A score adjustment and the reasons for it. */
export interface Adjustment {
  readonly delta: number;
  readonly notes: string[];
}

/** Words that mark a sentence as describing, quoting or detecting an attack. */
const MENTION_WORDS = new RegExp(
  [
    String.raw`\b(?:attackers?|adversar(?:y|ies|ial)|malicious|threat actors?|hackers?|red[- ]?team(?:ers?|ing)?|pen-?testers?|researchers?|e\.g\.|i\.e\.|for example|for instance|such as|like this|(?<![./@-])examples?(?!\.[a-z])|payloads?|phrases?|patterns?|injections?|jailbreaks?|injected|smuggled|planted|crafted|poisoned`,
    String.raw`(?:may|might|could|can|would|will) (?:try|attempt|include|contain|embed|hide|inject|instruct|say|tell|insert|plant|smuggle|write|add|slip)|tries to|attempts? to|trick(?:s|ed|ing)?|instruct(?:s|ed|ing) (?:it|the|an?)\b|tell(?:s|ing)? (?:it|the (?:model|llm|assistant|agent|bot))|caus(?:e|es|ing) the (?:model|llm|assistant|agent)`,
    String.raw`detect(?:s|ed|ion|or|ors)?|blocklist|deny ?list|allow ?list|(?:is|are|be|was|were|get|gets) (?:blocked|flagged|filtered|rejected|caught|stripped)|classif(?:y|ier|iers|ies|ied)|regex(?:es)?|signatures?|test (?:cases?|inputs?|prompts?|strings?|scenarios?)|(?:attack|threat|abuse|misuse) scenarios?|we (?:observed|saw|found|tested|tried|sent|used|submitted|planted)|(?:was|were) (?:able|observed|found|tested)|technique|what if|quoted|canary|guardrails?|sanitiz\w*|reject(?:s|ed)?|refus(?:e|es|ed|al))\b`,
    String.raw`(?<![\p{L}])(?:atacantes?|adversario|malicios[oa]s?|por ejemplo|ejemplos?|carga útil|inyecci[oó]n|attaquants?|malveillante?s?|par exemple|exemples?|injection|angreifer\w*|bösartig\w*|zum beispiel|z\. ?b\.|beispiel\w*|injektion|schadhaft\w*|por exemplo|exemplos?|injeção|malicios[oa]|attaccant\w*|malevol\w*|ad esempio|per esempio|esempi[oa]?|iniezione|злоумышленни\w*|атакующ\w*|вредонос\w*|например|пример\w*|инъекци\w*|saldırgan\w*|örneğin|örnek\w*|kötü amaçlı|kẻ tấn công|ví dụ|độc hại|penyerang|contoh\w*|misalnya|berbahaya|umaatake|halimbawa|mapaminsala)(?![\p{L}])`,
    String.raw`攻击者|恶意|例如|比如|诸如|示例|注入|用例|之类|要求(?:智能体|模型|助手|AI)|让(?:模型|助手|智能体|AI)|攻撃者|悪意|例えば|たとえば|インジェクション|といった|などの|ような|させる|공격자|악의|예를 들어|주입|हमलावर|आक्रमणकारी|दुर्भावनापूर्ण|उदाहरण|আক্রমণকারী|উদাহরণ|দূষিত|المهاجم|مهاجم|مثال|خبيث|ضار|ผู้โจมตี|ตัวอย่าง|ประสงค์ร้าย`,
  ].join('|'),
  'giu',
);

const URLISH = /\S+:\/\/\S+|\S+@\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|dev|app|ai|co|example|test|internal|local)\b\S*/gi;
/** An introductory clause ending in a comma: the verb after it is still a command. */
const INTRO_CLAUSE = /^\s*(?:before|after|when|whenever|while|if|once|as soon as|first|then|now|also|finally|instead|in (?:addition|your \w+)|for (?:this|that|each|every) \w+|from now on)\b[^,;:.]{0,60},\s*$/i;

/** Grammar before a verb that makes it a description, not a command. */
const DESCRIPTIVE_BEFORE = /\b(?:to|will|would|can|could|may|might|should|must|shall|cannot|can't|won't|did|does|do|not|who|which|that|they|he|she|it|attackers?|users?|adversar\w*|models?|llms?|agents?|assistants?|bots?|someone|anyone|documents?|texts?|emails?|pages?|content|prompts?|inputs?|messages?|tickets?|comments?)\s*$/i;
/** Lead-ins that make the verb a request to the reader even after "to" or a modal. */
const REQUEST_LEAD =
  /\b(?:you must|you should|you will|you need to|you have to|you are to|you're to|(?:want|need|like|ask|order|instruct|command|require) you to|make sure to|be sure to|remember to|forget to|(?:can|could|would|will) you(?: please)?|please|kindly)\s*$/i;
/** Lead-ins that keep a verb imperative. */
const IMPERATIVE_LEAD = /(?:^|[:;>•]|^\s*[-*+]|^\s*\d+[.)]|\b(?:now|then|and|also|simply|just|first|finally|immediately|instead|so|always|important|note|reminder|attention))\s*$/i;

/**
 * Longest distance from an opening quote at which text still counts as quoted. A quotation of a
 * payload is short; a quote that opened further back wraps a whole pasted document (an email, a
 * web page, a résumé handed to the model), and the text inside it is data, not a mention.
 */
const MAX_QUOTE = 240;

/** Whether the end of `before` sits inside a quotation or a code span. */
function insideQuotes(before: string): { quoted: boolean; code: boolean } {
  let dq = 0;
  let bt = 0;
  let lastDq = -1;
  let lastOpen = -1;
  let lastClose = -1;
  let sq = -1; // an open ASCII single quote (apostrophes inside words are not quotes)
  for (let i = 0; i < before.length; i++) {
    const c = before[i]!;
    if (c === "'") {
      const prev = before[i - 1] ?? ' ';
      const next = before[i + 1] ?? 'x'; // the match itself follows the prefix
      if (sq < 0 && /[\s(\[{:,;]/.test(prev) && /\S/.test(next)) sq = i;
      else if (sq >= 0 && /\S/.test(prev) && !/[\p{L}\p{N}]/u.test(next)) sq = -1;
    } else if (c === '"') {
      dq++;
      lastDq = i;
    } else if (c === '`') bt++;
    else if (c === '“' || c === '«' || c === '「' || c === '『' || c === '‘' || c === '„') lastOpen = i;
    else if (c === '”' || c === '»' || c === '」' || c === '』' || (c === '’' && !/\p{L}/u.test(before[i + 1] ?? ''))) lastClose = i;
  }
  // A quoted payload starts its quotation; a finished sentence inside the quote before the cue (or a
  // long run of text) means the quote wraps pasted data, and the cue is part of that data.
  const near = (open: number): boolean => before.length - open <= MAX_QUOTE && !/[.!?](?=\s)|[。！？]/.test(before.slice(open));
  return { quoted: (dq % 2 === 1 && near(lastDq)) || (lastOpen > lastClose && near(lastOpen)) || (sq >= 0 && near(sq)), code: bt % 2 === 1 };
}

/** The line around [start, end), at most 400 characters either side (long lines stay linear). */
function lineBounds(text: string, start: number, end: number): [number, number] {
  const from = Math.max(0, start - 400);
  const back = text.slice(from, start).lastIndexOf('\n');
  const ahead = text.slice(end, end + 400).indexOf('\n');
  return [back < 0 ? from : from + back + 1, ahead < 0 ? Math.min(text.length, end + 400) : end + ahead];
}

/** A Markdown table bar: surrounded by spaces or at a line edge (not the bar of `<|im_start|>`). */
function isCellBar(text: string, i: number): boolean {
  const before = text[i - 1] ?? '\n';
  const after = text[i + 1] ?? '\n';
  return /\s/.test(before) && /\s/.test(after);
}

/** The sentence around [start, end): bounded by . ! ? 。 or a line break. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  const [ls, le] = lineBounds(text, start, end);
  let s = start;
  while (s > ls) {
    const c = text[s - 1]!;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[s] ?? ' ')) break;
    if (c === '。' || c === '！' || c === '？' || (c === '|' && isCellBar(text, s - 1))) break;
    s--;
  }
  let e = end;
  while (e < le) {
    const c = text[e]!;
    if (c === '。' || c === '！' || c === '？' || (c === '|' && isCellBar(text, e))) break;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[e + 1] ?? ' ')) {
      e++;
      break;
    }
    e++;
  }
  return [s, e];
}

/**
 * Grammar of a verb-initial cue: a command at the start of a sentence or after "you must" scores
 * higher, the same verb after "to", a modal or a third-person subject scores lower.
 */
export function grammarAdjust(text: string, start: number, end: number, verbal: boolean): Adjustment {
  const [s, e] = sentenceAround(text, start, end);
  const notes: string[] = [];
  let delta = 0;
  if (verbal) {
    const before = text.slice(Math.max(s, start - 60), start).replace(/[*_"'“‘`(\[]+\s*$/, '');
    if (REQUEST_LEAD.test(before)) {
      delta += 0.1;
      notes.push('request to the reader');
    } else if (DESCRIPTIVE_BEFORE.test(before)) {
      delta -= 0.25;
      notes.push('descriptive grammar');
    } else if (IMPERATIVE_LEAD.test(before.trim() === '' ? '' : before) || INTRO_CLAUSE.test(text.slice(s, start))) {
      delta += 0.1;
      notes.push('imperative');
    }
  }
  const sentence = text.slice(s, e);
  if (/\b(?:you|your|yourself)\b/i.test(sentence)) {
    delta += 0.05;
    notes.push('second person');
  }
  return { delta, notes };
}

/**
 * The part of the line before `start` whose quotes count: quotes that are syntax of the hiding
 * place (a link title's quotes, a YAML or JSON value's quotes) do not make the text a quotation.
 */
function quotablePrefix(text: string, ls: number, start: number, layout?: Layout): string {
  const spot = layout ? regionAt(layout.spots, start) : undefined;
  if (spot && spot.hiding !== 'plain') return text.slice(Math.max(ls, spot.start), start);
  const before = text.slice(ls, start);
  const container = layout ? regionAt(layout.containers, start) : undefined;
  if (container?.hiding === 'yaml-value' || container?.hiding === 'front-matter') {
    return before.replace(/^\s*(?:-\s+)?(?:"[^"\n]*"|[\w.\- ]+)\s*:\s*["']?/, '');
  }
  return before;
}

/**
 * Mention signals around [start, end): quotes and code spans, words that describe or detect
 * attacks, code blocks, and headings such as "Example attack" or "Threats".
 */
export function mentionAdjust(text: string, start: number, end: number, layout?: Layout): Adjustment {
  const notes: string[] = [];
  let delta = 0;
  const [ls] = lineBounds(text, start, end);
  const q = insideQuotes(quotablePrefix(text, ls, start, layout));
  if (q.code) {
    delta -= 0.35;
    notes.push('in a code span');
  } else if (q.quoted) {
    delta -= 0.3;
    notes.push('quoted');
  }
  const [s, e] = sentenceAround(text, start, end);
  // URLs and addresses are names, not prose: "attacker.example" is not a description of an attacker.
  const around = `${text.slice(s, start)} ${text.slice(end, e)}`.replace(URLISH, ' ');
  const hits = around.match(MENTION_WORDS)?.length ?? 0;
  if (hits > 0) {
    delta -= hits > 1 ? 0.4 : 0.3;
    notes.push('described, not addressed');
  }
  if (layout) {
    if (regionAt(layout.containers, start)?.hiding === 'code-block' && !regionAt(layout.spots, start)) {
      delta -= 0.4;
      notes.push('in a code block');
    }
    if (headingBefore(layout.headings, start)?.mention) {
      delta -= 0.15;
      notes.push('in a section about attacks');
    }
  }
  return { delta, notes };
}
