import { HEAD_KINDS, descriptionHeadLength, findKindCues, type CueMatch } from './lexicon.js';
import { lineOf, sentenceAt, type DefCandidate, type ScannedDoc } from './markdown.js';

const STOP_CAPS = new Set('The A An Our Each Every All This That These Those Its Their Then If When Both Any Some No Only Also In On For From To With Via And Or But So We It Nightly Daily Weekly Monthly Finally First Next Later Logged Anonymous Depending Otherwise Instead However Since Because Once After Before Unless While Where'.split(' '));
const TECH_WORDS = new Set('REST HTTP HTTPS JSON GraphQL gRPC SQL API APIs SDK AI ML LLM URL UI CLI Node.js Node Python Go Java TypeScript JavaScript Rust C# .NET FastAPI Fastify Express Django Flask Spring Rails React Vue Angular Next.js LangChain LlamaIndex Lambda ECS EKS AKS GKE Kubernetes K8s Docker AWS GCP Azure Cloud Run Functions Serverless Firecracker Go-based Python-based'.split(' '));
const headAlternation = Object.keys(HEAD_KINDS)
  .flatMap((w) => [`[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`, ...(w.length <= 4 ? [w.toUpperCase()] : [])])
  .join('|');
/** A capitalised name ending in a component head noun: "Query service", "Atlas web app", "Mail poller". */
const PHRASE = new RegExp(String.raw`(?<![\w-])((?:[A-Z][\w&+/-]*(?:\.[\w]+)*[ ]+){1,3}(?:[a-z][\w-]*[ ]+)?)(?:${headAlternation})(?![\w-]| (?:account|accounts|principal|principals|level|key|keys|token|tokens|credentials|role|roles|mesh|in|into|on|out|off|up)\b)`, 'g');

/** Service-like heads that lowercase names use: "the ingestion worker", "the payment service". */
const LOWER_HEADS = 'service|api|gateway|worker|server|backend|job|poller|crawler|scraper|scheduler|runner|indexer|connector|orchestrator|router|proxy|engine|pipeline|function|lambda|processor|loader|updater|collector|exporter|importer|dispatcher|notifier|extractor|enricher|validator|scanner|parser|microservice|daemon';
/** "the ingestion worker": an article, one or two lowercase modifiers, a service-like head noun. */
const LOWER_PHRASE = new RegExp(String.raw`(?<![\w-])(?:[Tt]he|[Aa]n?|[Oo]ur|[Tt]heir|[Ii]ts)\s+((?:[a-z][\w-]*\s+){1,2})(${LOWER_HEADS}|API)(?![\w-])`, 'g');
/** Modifiers that describe rather than name ("a nightly job", "a separate service", "a Python service"). */
const NOT_A_NAME = /^(?:hosted|cloud|vendor|nightly|daily|weekly|monthly|hourly|separate|single|new|small|simple|dedicated|custom|central|main|internal|external|existing|shared|same|other|own|second|first|python|node|go|java|rust|serverless|stateless|lightweight|managed|background|scheduled|periodic|local|remote|public|private|big|large|tiny|generic|whole|entire|underlying|actual|real|third-party|open-source|cron|batch|rest|http|web|one|two|three|each|every|that|this|which|and|or|to|of|in|on|for|with|is|are|was|can|will)$/;

/** A capitalised name found in the text, not (yet) tied to a lexicon cue. */
export interface Phrase {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly phrase: true;
  readonly extended: true;
}
/** A lexicon match or a capitalised phrase. */
export type Candidate = CueMatch | Phrase;

/** True for capitalised-phrase candidates. */
export const isPhrase = (c: Candidate): c is Phrase => 'phrase' in c;

/** Capitalised-name candidates with sentence starters and pure technology words stripped off the front. */
export function phraseCandidates(doc: ScannedDoc): Phrase[] {
  const out: Phrase[] = [];
  const { masked } = doc;
  PHRASE.lastIndex = 0;
  for (let m = PHRASE.exec(masked); m; m = PHRASE.exec(masked)) {
    if (doc.headingLines.has(lineOf(doc.lineStarts, m.index))) continue;
    const words = m[1]!.trim().split(/ +/);
    if (/^(?:the|a|an|our|its|their|this|that|each|every|all|any|some|no|to|of|in|on|for|with|by|and|or|is|are)$/.test(words[words.length - 1]!)) continue;
    let skip = 0;
    while (skip < words.length && STOP_CAPS.has(words[skip]!)) skip++;
    const caps = words.slice(skip).filter((w) => /^[A-Z]/.test(w));
    if (!caps.length || caps.every((w) => TECH_WORDS.has(w))) continue;
    // "Workflows run unit tests": a capitalised first word then a lowercase one is a sentence, not a name.
    const si = sentenceAt(doc.sentences, m.index);
    if (skip === 0 && caps.length === 1 && words.length > 1 && si >= 0 && doc.sentences[si]!.start === m.index && /^[a-z]/.test(words[words.length - 1]!)) continue;
    let start = m.index;
    for (let k = 0; k < skip; k++) start = masked.indexOf(words[k + 1]!, start + words[k]!.length);
    out.push({ start, end: m.index + m[0].length, text: masked.slice(start, m.index + m[0].length), phrase: true, extended: true });
  }
  LOWER_PHRASE.lastIndex = 0;
  for (let m = LOWER_PHRASE.exec(masked); m; m = LOWER_PHRASE.exec(masked)) {
    const words = m[1]!.trim().split(/\s+/);
    if (words.some((w) => NOT_A_NAME.test(w)) || doc.headingLines.has(lineOf(doc.lineStarts, m.index))) continue;
    const start = m.index + m[0].length - m[1]!.length - m[2]!.length;
    out.push({ start, end: m.index + m[0].length, text: masked.slice(start, m.index + m[0].length), phrase: true, extended: true });
  }
  return out;
}

/** Offsets of the noun phrase opening a definition's description ("— Postgres (RDS) table holding …"). */
export function descHeadSpan(masked: string, d: DefCandidate): [number, number] {
  const rest = masked.slice(d.end, d.itemEnd);
  const lead = /^[\s:*`_—–-]*/.exec(rest)![0].length;
  const len = descriptionHeadLength(rest.slice(lead));
  return [d.end + lead, d.end + lead + len];
}

/** "TMS (Postgres)": a brand in parentheses after a capitalised name names that thing. */
export function parentheticalName(masked: string, m: CueMatch): string | undefined {
  const before = /([A-Z][\w-]*(?: [A-Z][\w-]*){0,2}) \($/.exec(masked.slice(Math.max(0, m.start - 40), m.start));
  if (!before || !/^\s*[),]/.test(masked.slice(m.end, m.end + 2))) return undefined;
  const name = before[1]!;
  return STOP_CAPS.has(name.split(' ')[0]!) || TECH_WORDS.has(name) || findKindCues(name).length ? undefined : name;
}

