import type { ComponentProperty } from '../domain/index.js';

/**
 * The interview's answer rules: a small, explainable reading of a free-text answer to a review
 * question. An answer either reveals exposure (raises likelihood, adds component properties),
 * shows a control exists (lowers likelihood, may mark a mitigation implemented) or is unclear.
 * Every reading carries the rule that fired, so the chat can say why something changed.
 */

/** What an answer says about the risk. */
export type Stance = 'exposure' | 'control' | 'unknown';

/** The kind of control an answer describes; used to find the matching mitigation. */
export type ControlKind = 'validation' | 'approval' | 'sandbox' | 'monitoring' | 'rate-limit' | 'access' | 'integrity';

/** How one answer was read. */
export interface AnswerReading {
  readonly stance: Stance;
  /** Properties the question's components gain (exposure). */
  readonly add: readonly ComponentProperty[];
  /** Properties the question's components lose (e.g. "internal only" removes internet-facing). */
  readonly remove: readonly ComponentProperty[];
  readonly control?: ControlKind;
  /** The rule that fired, for the explanation ("no human approval"). */
  readonly because: string;
}

interface Rule {
  readonly re: RegExp;
  readonly stance: Stance;
  readonly label: string;
  readonly control?: ControlKind;
  readonly remove?: readonly ComponentProperty[];
}

const UNSURE: Rule = {
  re: /\b(not sure|unsure|don'?t know|do not know|no idea|unclear|maybe|tbd|need to check|not decided)\b/,
  stance: 'unknown',
  label: 'the answer is uncertain',
};

/** Ordered: negated controls and negated exposure come before the words they contain. */
const RULES: readonly Rule[] = [
  { re: /\bno (human|manual|one|person)\b.{0,20}\b(approv|review|check|sign|loop)|\bwithout (any )?(human |manual )?(approv|review|check|confirm|oversight)|\bnobody (approves|reviews|checks)/, stance: 'exposure', label: 'no human approval' },
  { re: /\b(not|never|isn'?t|aren'?t) (\w+ )?(validated|sanitis|sanitiz|checked|reviewed|approved|sandboxed|filtered|escaped|authenticated|logged|monitored|signed|verified|limited|rate[- ]limited)/, stance: 'exposure', label: 'the control is missing' },
  { re: /\bno (validation|sanitis|sanitiz|sandbox|filter|rate[- ]?limit|limit|cap|quota|auth|logging|monitoring|review|allow-?list|signature|check)/, stance: 'exposure', label: 'the control is missing' },
  { re: /\b(not|never|isn'?t|aren'?t) (\w+ ){0,2}(internet|public|exposed|reachable|accessible from outside)|\b(internal|private)[- ]only\b|\bonly (reachable |accessible )?(from|on|inside|within) (the |our )?(vpn|vpc|intranet|internal|office|private)/, stance: 'control', label: 'it is not exposed publicly', control: 'access', remove: ['internet-facing'] },
  { re: /\b(human|manual|person|someone|staff|reviewer|agent|operator|analyst)s? (must |has to |always )?(approves?|reviews?|confirms?|checks?|signs? off)|\b(requires?|needs?) (an? )?(human |manual )?(approval|review|confirmation|sign-?off)|\bhuman[- ]in[- ]the[- ]loop|\bfour[- ]eyes|\bapproval (step|gate|flow)/, stance: 'control', label: 'a human approves', control: 'approval', remove: ['autonomous'] },
  { re: /\banyone\b|\banonymous|\bpublic(ly)?\b|\binternet\b|\bthe world\b|\bunauthenticated/, stance: 'exposure', label: 'anyone can reach it' },
  { re: /\bcontractors?\b|\bcrowd|\bfreelanc|\boutsourc|\bmechanical turk|\bexternal (label|annotat)|\bvendors? (label|annotat)/, stance: 'exposure', label: 'outsiders handle the data' },
  { re: /\bautomatic(ally)?\b|\btriggers?\b|\bon its own\b|\bby itself\b|\bautonomous(ly)?\b|\bdirectly (call|run|execut|send|writ)/, stance: 'exposure', label: 'outputs act without a person' },
  { re: /\b(customers?|users?|visitors?|partners?|vendors?) (can )?(upload|paste|write|edit|send|publish|submit)|\buser[- ]supplied|\buntrusted|\bthird[- ]party (content|documents|data)/, stance: 'exposure', label: 'untrusted people supply the content' },
  { re: /\b(validat|sanitis|sanitiz|escap|allow-?list|whitelist|json schema|strict schema|filter(s|ed|ing)?\b|strip(s|ped)?\b|encod(e|es|ed|ing)\b)/, stance: 'control', label: 'the input or output is validated', control: 'validation' },
  { re: /\bsandbox|\bisolated\b|\bgvisor|\bfirecracker|\bno network access|\bseparate container/, stance: 'control', label: 'it runs sandboxed', control: 'sandbox' },
  { re: /\brate[- ]?limit|\bquotas?\b|\bcap(s|ped)?\b|\bbudget|\bthrottl|\bmax(imum)? tokens/, stance: 'control', label: 'usage is limited', control: 'rate-limit' },
  { re: /\b(only|just) (admins?|employees|staff|us|the team|our team|engineers|authenticated|logged[- ]in|approved)|\bauthenticat|\bsso\b|\bmfa\b|\bleast[- ]privilege|\bread[- ]only\b|\bscoped (token|key|credential)|\brbac\b|\bper[- ]tenant/, stance: 'control', label: 'access is restricted', control: 'access' },
  { re: /\bsign(ed|ing|atures?)\b|\bchecksums?\b|\bhash(es|ed)? (check|verif|pinn)|\bpinned\b|\bverif(y|ied|ies)\b|\bprovenance/, stance: 'control', label: 'artefacts are verified', control: 'integrity' },
  { re: /\b(we |it |they )?(log|logs|logged|logging|monitor(s|ed|ing)?|alert(s|ed|ing)?|audit(s|ed|ing)?)\b/, stance: 'control', label: 'it is logged and monitored', control: 'monitoring' },
];

const YES = /^\s*(yes|yep|yeah|sure|correct|right|always|it does|they do|we do)\b/;
const NO = /^\s*(no|nope|never|none|it doesn'?t|they don'?t|we don'?t|not really)\b/;

/** Words that mark a question as asking whether a control exists. */
const CONTROL_QUESTION = /\b(validat|sanitis|sanitiz|approv|review|sandbox|limit|log|monitor|alert|sign|verif|encrypt|authenticat|isolat|restrict|allow-?list|filter|check|human|test|pin|scan|roll ?back|rotat|detect|quota|cap)/;
/** …unless the question asks about doing without it. */
const NEGATED_CONTROL = /\b(without|bypass|skip|no|not|never|unless)\b/;

/** Text cues for the properties an exposure answer adds. */
const PROPERTY_CUES: readonly [RegExp, ComponentProperty][] = [
  [/\binternet\b|\bpublic(ly)?\b|\banyone\b|\banonymous|\bthe world\b|\bunauthenticated|\boutside users/, 'internet-facing'],
  [/\bupload|\bpaste|\buser[- ]supplied|\bfree[- ]text|\b(customers?|users?|visitors?) (can )?(type|write|send|submit|ask)/, 'accepts-user-input'],
  [/\buntrusted|\bweb pages?|\bemails? from|\btickets?\b|\bwiki\b|\bthird[- ]party (content|documents|data)|\b(anyone|customers?|vendors?|partners?) (can )?(edit|publish|write|upload)/, 'untrusted-content'],
  [/\bcontractors?\b|\bcrowd|\bannotat|\blabel(l?ers?|l?ing)?\b|\boutsourc|\bfreelanc|\bmechanical turk/, 'external-labellers'],
  [/\bautomatic(ally)?\b|\btriggers?\b|\bno (human|manual|one)\b|\bwithout (any )?(human |manual )?(approv|review|confirm)|\bautonomous|\bon its own\b|\bby itself\b/, 'autonomous'],
  [/\bsends? (an? )?(e-?mails?|messages?)|\be-?mails? (customers|users|out)/, 'sends-email'],
  [/\bexecut|\bruns? (the )?(generated )?(code|commands?|scripts?|sql|shell)|\beval\b/, 'executes-code'],
  [/\b(as|into|becomes?|in) (an? )?(sql|shell|commands?|templates?|code|api (call|parameters?))\b|\btriggers? (an? )?(workflows?|automation|jobs?|api)/, 'output-to-code'],
  [/\brefunds?\b|\bpayments?\b|\bmoney\b|\btransfers?\b|\bplaces? orders?|\bpric(e|es|ing)\b/, 'financial-actions'],
  [/\bpersonal\b|\bpii\b|\bhealth|\bmedical|\bcard (numbers?|details)|\bssn\b|\bemail address|\bcustomer data|\bconfidential/, 'handles-pii'],
  [/\btenants?\b|\bcustomers share|\bshared (index|vector|database|store|namespace)/, 'multi-tenant'],
  [/\bfeedback|\bratings?\b|\bthumbs|\bretrain|\blearns? from/, 'learns-from-feedback'],
  [/\bhugging ?face|\bmodel hub|\bdownload(s|ed)? (the )?(model|weights|checkpoints?)|\bpublic (model|checkpoint|weights)/, 'from-public-hub'],
  [/\bpickle|\bjoblib|\.pt\b|\.bin\b|\btorch\.load/, 'serialized-model'],
  [/\bwrites?\b|\bmodif(y|ies)|\bdeletes?\b|\bupdates? (records|rows|tickets)|\bcreates? (tickets|records|issues)/, 'writes-data'],
  [/\bbrows(e|es|ing)\b|\bfetch(es)? (web|urls?|pages?|links)|\bweb search/, 'browses-web'],
  [/\brender(s|ed)?\b.*\b(markdown|html)|\b(markdown|html) (is )?rendered/, 'renders-output'],
];

/** Lowercased, whitespace-collapsed text for matching. */
function norm(text: string): string {
  return text.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();
}

/** Properties the text points at, in cue order. */
export function propertiesIn(text: string): ComponentProperty[] {
  const t = norm(text);
  return PROPERTY_CUES.filter(([re]) => re.test(t)).map(([, p]) => p);
}

/** True when a question asks whether a control exists ("Is output validated?") rather than about exposure. */
export function asksAboutControl(question: string): boolean {
  const q = norm(question);
  return CONTROL_QUESTION.test(q) && !NEGATED_CONTROL.test(q);
}

/**
 * Reads one answer to one question. Uncertain answers change nothing; explicit phrases win over
 * a bare yes/no; a bare yes/no is read against the question ("Is output validated?" no → exposure,
 * "Can anyone upload?" no → control).
 */
export function readAnswer(question: string, answer: string): AnswerReading {
  const a = norm(answer);
  if (!a || UNSURE.re.test(a)) return { stance: 'unknown', add: [], remove: [], because: UNSURE.label };
  const rule = RULES.find((r) => r.re.test(a));
  if (rule) {
    if (rule.stance === 'exposure') {
      const add = propertiesIn(a);
      return { stance: 'exposure', add: add.length ? add : propertiesIn(question), remove: [], because: rule.label };
    }
    return { stance: 'control', add: [], remove: [...(rule.remove ?? [])], control: rule.control, because: rule.label };
  }
  const yes = YES.test(a);
  const no = !yes && NO.test(a);
  if (!yes && !no) return { stance: 'unknown', add: [], remove: [], because: 'no rule matched the answer' };
  const controlQuestion = asksAboutControl(question);
  const exposure = controlQuestion ? no : yes;
  if (exposure) {
    return { stance: 'exposure', add: propertiesIn(question), remove: [], because: controlQuestion ? 'the control is missing' : 'you confirmed the exposure' };
  }
  return { stance: 'control', add: [], remove: [], because: controlQuestion ? 'you confirmed the control' : 'you ruled the exposure out' };
}

/** Words in a mitigation that match each control kind. */
export const MITIGATION_CUES: Readonly<Record<ControlKind, RegExp>> = {
  validation: /validat|sanitis|sanitiz|escap|schema|allow-?list|filter|strip|encod|parameteri/i,
  approval: /approv|human|confirm|review|sign-?off/i,
  sandbox: /sandbox|isolat|container|no network|egress/i,
  monitoring: /\blog|monitor|alert|audit|detect|trace/i,
  'rate-limit': /rate|limit|quota|budget|cap\b|throttl|max/i,
  access: /access|auth|permission|privilege|restrict|scope|only|rbac|tenant/i,
  integrity: /sign|hash|checksum|verif|pin|provenance|scan/i,
};
