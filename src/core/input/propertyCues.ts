import { gateText, mayMatch, requiredLiterals } from './literalGate.js';
import type { ComponentKind, ComponentProperty } from '../domain/system.js';
import { spaced } from './regex.js';

/**
 * Side effects a cue has beyond setting properties: components it implies and the flows between them.
 * `agent` means the text gives a model the power to act, so an agent component must exist.
 */
export type Scenario = 'training' | 'labelling' | 'feedback' | 'memory' | 'hub' | 'web' | 'rag' | 'agent';

/**
 * Where a property goes when its sentence names no eligible component:
 * `first` the earliest component of the first fallback kind present; `all` every component of the
 * fallback kinds; `group` every component of the first fallback kind present; `none` nowhere.
 */
export type Fallback = 'first' | 'all' | 'group' | 'none';

/** A compiled property cue. */
export interface PropertyCue {
  readonly id: string;
  readonly re: RegExp;
  readonly props: readonly ComponentProperty[];
  /** Kinds that may receive the properties when named in the same sentence. */
  readonly kinds: readonly ComponentKind[];
  readonly fallback: Fallback;
  readonly fallbackKinds: readonly ComponentKind[];
  /** Apply the fallback even when the sentence names an eligible component. */
  readonly also: boolean;
  /** The subject of the sentence performs the action: no fallback when that subject is a plain (non-AI) component. */
  readonly actor: boolean;
  readonly requires?: RegExp;
  readonly scenario?: Scenario;
}

interface Row {
  id: string;
  src: string;
  props: ComponentProperty[];
  kinds: ComponentKind[];
  fallback?: Fallback;
  fallbackKinds?: ComponentKind[];
  also?: boolean;
  actor?: boolean;
  requires?: string;
  scenario?: Scenario;
  raw?: boolean;
}

const MODELS: ComponentKind[] = ['llm', 'ml-model', 'embedding-model'];
const LLMS: ComponentKind[] = ['agent', 'llm'];
const ACTORS: ComponentKind[] = ['agent', 'tool', 'code-interpreter'];
const TRAINING = String.raw`train|fine-?tun|learn`;

const ROWS: Row[] = [
  { id: 'fine-tune', src: String.raw`fine-?tun(?:e|ed|es|ing)|LoRA|adapters? (?:trained|tuned)|RLHF|DPO`, props: ['fine-tuned'], kinds: MODELS, fallback: 'first', fallbackKinds: ['llm', 'ml-model', 'embedding-model'], scenario: 'training' },
  { id: 'train', src: String.raw`(?<!pre-)(?:re-?train(?:s|ed|ing)?|(?:is|are|was|were|gets?|been|being) trained|trained (?:on|with|using|from|in-house|monthly|weekly|nightly|daily)|train(?:s|ing)? (?:a |the |our |its |their )?(?:own )?(?:[\w-]+ ){0,2}(?:models?|classifiers?)|custom-trained)`, props: ['fine-tuned'], kinds: MODELS, fallback: 'first', fallbackKinds: ['ml-model', 'llm', 'embedding-model'], scenario: 'training' },
  { id: 'continuous', src: String.raw`daily|nightly|weekly|monthly|hourly|quarterly|every (?:day|night|week|month|quarter|\d+ (?:hours?|days?|weeks?|months?))|regularly|periodically|continuous(?:ly)?|continual(?:ly)?|on a schedule|scheduled|incremental(?:ly)?|as new data arrives`, props: ['continuous-training'], kinds: [...MODELS, 'training-pipeline'], fallback: 'first', fallbackKinds: ['ml-model', 'llm', 'embedding-model'], also: true, requires: TRAINING },
  { id: 'online-learning', src: String.raw`online learning|learns? continuously|continuously (?:learn|improv|updat)\w*`, props: ['continuous-training', 'learns-from-feedback'], kinds: MODELS, fallback: 'first', fallbackKinds: ['ml-model', 'llm'], scenario: 'feedback' },
  { id: 'external-labels', src: String.raw`(?:label(?:l)?(?:ed|ing|s)?|annotat(?:ed|ion|ing)|rated|reviewed|curated|tagged) by (?:\w+ ){0,3}(?:contractors|freelancers|crowd ?workers|crowd|vendors?|annotators|outsourc\w+|an? (?:external|outsourced|third-party) \w+|Mechanical Turk|MTurk|Scale AI|Appen|Toloka)|(?:outsourced|external|third-party|crowdsourced|contract|offshore) (?:label(?:l)?ing|annotation|labell?ers|annotators|raters)`, props: ['external-labellers'], kinds: ['labeling'], fallback: 'all', fallbackKinds: ['labeling'], scenario: 'labelling' },
  { id: 'labelling', src: String.raw`label(?:l)?(?:ed|ing)|annotat(?:ed|ion|ions|ors)|human raters|ground[- ]truth labels`, props: [], kinds: ['labeling'], fallback: 'none', requires: String.raw`train|fine-?tun|dataset|model|examples|classifier|ground truth|tickets`, scenario: 'labelling' },
  { id: 'feedback', src: String.raw`learns? (?:\w+ ){0,2}from (?:\w+ ){0,2}(?:conversations|chats|users?|feedback|interactions|usage|corrections|ratings|clicks|behaviou?r)|(?:feedback|conversations|chats|interactions|ratings|corrections|clicks|thumbs[- ]up(?:/down)?|transcripts|chat logs)\b[^.;]{0,60}\b(?:used|fed|go(?:es)?|flows?|feeds?|incorporated|added|folded)\b[^.;]{0,40}\b(?:re-?train|train|fine-?tun|improv|updat|learn|rank)\w*|(?:re-?)?train(?:s|ed|ing)? (?:\w+ ){0,3}on (?:\w+ ){0,3}(?:feedback|conversations|chats|interactions|chat logs|ratings|user data|transcripts|user (?:queries|prompts|messages))|reinforcement learning from (?:human )?feedback|self-improving|feedback loops?`, props: ['learns-from-feedback'], kinds: [...MODELS, 'agent'], fallback: 'first', fallbackKinds: ['llm', 'ml-model', 'agent'], scenario: 'feedback' },
  { id: 'sends-email', src: String.raw`send(?:s|ing)? (?:\w+ ){0,2}(?:e-?mails?|messages|replies|notifications|newsletters|SMS|texts)|send_?e?mail|sendEmail|reply_?(?:to_?)?e?mail|repl(?:y|ies) (?:directly )?(?:to (?:customers|the sender|e-?mails?|users)|by e-?mail)|forward(?:s|ing)? (?:the )?(?:original )?(?:e-?mail|message)s?|forward_?e?mail|post(?:s|ing)? (?:\w+ ){0,2}(?:to|in) (?:Slack|Teams|a channel)|e-?mails? (?:customers|users|the customer)|draft(?:s)? and sends?`, props: ['sends-email'], kinds: ACTORS, fallback: 'first', fallbackKinds: ['agent'], actor: true, scenario: 'agent' },
  { id: 'executes-code', src: String.raw`(?:run|runs|running|execute|executes|executing)(?: \w+){0,4} (?:code|shell|commands?|scripts?|python|bash|tests?|test suites?|programs?|notebooks?)|shell commands?|(?:run|exec)_?(?:code|shell|command|python|bash)|code execution|terminal commands?|(?:bash|shell|terminal) access|arbitrary code`, props: ['executes-code'], kinds: ACTORS, fallback: 'first', fallbackKinds: ['agent'], actor: true, scenario: 'agent' },
  { id: 'financial', src: String.raw`(?:issue|issues|issuing|process|processes|processing|make|makes|making|initiate|initiates|grant|grants|approve|approves|trigger|triggers)\s+(?:\w+ ){0,2}(?:refunds?|payments?|payouts?|transfers?|wire transfers?|reimbursements?)|(?:issue|process|create)_?refund|refund_?(?:order|payment|customer)|place(?:s|ing)? (?:\w+ ){0,2}orders?|(?:make|makes|complete|completes) purchases?|transfer(?:s|ring)? (?:funds|money)|mov(?:e|es|ing) money|chang(?:e|es|ing) (?:the )?prices?|set(?:s|ting)? prices|appl(?:y|ies|ying) discounts?|(?:charge|charges|charging) (?:the )?(?:customer|card|user)s?|book(?:s|ing)? (?:flights|hotels|travel)|execut(?:e|es|ing) trades`, props: ['financial-actions'], kinds: ACTORS, fallback: 'first', fallbackKinds: ['agent'], actor: true, scenario: 'agent' },
  { id: 'writes-data', src: String.raw`creat(?:e|es|ing) (?:a |an |the |new )?(?:[\w-]+ ){0,4}(?:tickets?|records?|issues?|files?|pages?|orders?|entries|rows|documents?|accounts?|events?|PRs?|pull requests?|commits?|branches|tasks?|cases?|leads?|appointments?|invoices?)|(?:create|update|delete|write|edit|insert)_\w+|(?:updat|modif|delet|edit|insert|overwrit|assign|merg)(?:e|es|y|ies|s|ing)? (?:the |a |an |any |existing )?(?:[\w-]+ ){0,2}(?:records?|tickets?|database|files?|rows|CRM|entries|fields?|field values|pull requests?|PRs?|branches|repos?|code|tables?|accounts?|orders?|documents?|pages?)|writ(?:e|es|ing) (?:back )?(?:to|into) (?:the )?(?:database|CRM|ERP|repo|file ?system|disk|working tree)|propos(?:e|es|ing) (?:\w+ ){0,2}(?:edits|changes|patches|diffs)|appl(?:y|ies|ied) (?:\w+ ){0,2}(?:edits|changes|patches|diffs)|(?:edits|changes|patches) (?:are )?applied|commit(?:s|ting)? (?:code|changes)|open(?:s|ing)? (?:pull requests|PRs)`, props: ['writes-data'], kinds: ACTORS, fallback: 'first', fallbackKinds: ['agent'], actor: true, scenario: 'agent' },
  { id: 'browses', src: String.raw`brows(?:e|es|ing) (?:the )?(?:web|internet|pages|websites|urls?|links|sites)|web[- ]?browsing|(?:web|internet) search(?:es)?|search(?:es|ing)? (?:the )?(?:web|internet)|fetch(?:es|ing)? (?:\w+ ){0,2}(?:web ?pages?|urls?|websites?|links|pages|sites)|fetch_?url|web_?search|browse_?\w*|visit(?:s|ing)? (?:urls?|links|websites?|pages)|(?:scrap|crawl)(?:e|es|ing|s) (?:the )?(?:web|websites?|pages|urls?|sites)|open(?:s)? (?:urls?|links)|headless browser`, props: ['browses-web'], kinds: ACTORS, fallback: 'first', fallbackKinds: ['agent'], actor: true, scenario: 'web' },
  { id: 'internet-access', src: String.raw`(?:outbound |unrestricted )?internet access|(?:can|may) (?:download|install) (?:\w+ ){0,2}(?:from the internet|packages|dependencies)`, props: ['browses-web'], kinds: ACTORS, fallback: 'none', actor: true },
  { id: 'calls-apis', src: String.raw`call(?:s|ing)? (?:the |an |a |external |third-party |any )*(?:[\w-]+ ){0,3}(?:APIs?|endpoints?|webhooks?)|(?:API|HTTP|REST) (?:calls?|requests?)|function[- ]calling|tool[- ]call(?:s|ing)?|call(?:s)? (?:\w+ )?tools|(?:can|may) (?:use|call|invoke) (?:\w+ )?(?:tools|functions|plugins)|invok(?:e|es|ing) (?:\w+ ){0,2}(?:tools?|functions?|plugins?|APIs?)|http_?request|call_?api`, props: ['calls-external-apis'], kinds: ACTORS, fallback: 'first', fallbackKinds: ['agent'], actor: true, scenario: 'agent' },
  { id: 'autonomous', src: String.raw`without (?:any |a )?(?:human|manual|operator|user) (?:approval|review|confirmation|oversight|intervention|sign-?off|in the loop|check)|no humans? in the loop|(?:fully )?autonomous(?:ly)?|auto-?(?:apply|approve|execute|send|merge|reply|respond|pilot)|on (?:its|their) own|unattended|no (?:human )?(?:approval|review) (?:step|is required|required)|(?:applied|sent|executed|run|merged|published|posted) (?:directly|automatically|immediately)|automatically (?:\w+ ){0,2}(?:sends?|repl(?:y|ies)|refunds?|creates?|execut\w+|runs?|applies|approves?|merges?|posts?|publish\w*|deletes?|updates?|books?|pays?|orders?|closes?|escalates?|acts?|takes? actions?)`, props: ['autonomous'], kinds: ['agent', 'tool'], fallback: 'first', fallbackKinds: ['agent', 'llm'], scenario: 'agent' },
  { id: 'rag', src: String.raw`RAG|retrieval[- ]augmented|retriev(?:e|es|ed|al|ing) (?:\w+ ){0,3}(?:passages|chunks|documents|docs|articles|context|snippets|knowledge)|(?:semantic|similarity|vector|hybrid|nearest[- ]neighbou?r|k-?NN) search|vector (?:database|db|store|index)|embeddings?|top[- ]?k|top \d+ (?:chunks|passages|documents|results)|grounded in|chunk(?:s|ed|ing)?`, props: ['retrieval'], kinds: LLMS, fallback: 'all', fallbackKinds: LLMS, scenario: 'rag' },
  { id: 'hub', src: String.raw`hugging ?face|HF hub|huggingface\.co|(?:public|open|community) (?:model )?(?:hub|zoo|checkpoints?|weights)|(?:pulled|downloaded|fetched) (?:\w+ ){0,3}from (?:the )?(?:internet|hub|github|hugging ?face|a public|public|the web)|open[- ]source (?:models?|weights|checkpoints?|LLMs?)|(?:third-party|community|pre-?trained) (?:weights|checkpoints?|adapters?|LoRAs?)|model zoo|civitai|torch\.?hub|tensorflow hub|ollama pull`, props: ['from-public-hub'], kinds: MODELS, fallback: 'first', fallbackKinds: ['ml-model', 'llm', 'embedding-model'], scenario: 'hub' },
  { id: 'serialized', src: String.raw`\b(?:pickle[sd]?|joblib|cloudpickle|torch\.load|PyTorch checkpoints?)\b|\.(?:pkl|pt|pth|bin|ckpt|joblib|pickle)\b`, props: ['serialized-model'], kinds: [...MODELS, 'model-registry'], fallback: 'first', fallbackKinds: ['ml-model', 'llm', 'embedding-model'], raw: true },
  { id: 'renders', src: String.raw`render(?:s|ed|ing)? (?:\w+ ){0,4}(?:as|in|into|with) (?:\w+ ){0,2}(?:markdown|HTML|rich text)|(?:markdown|HTML)[- ]render(?:ed|ing|er)?|(?:displayed|shown|presented) (?:[\w-]+ ){0,4}as (?:markdown|HTML|rich text)|rendered in (?:the )?(?:browser|webview|widget|chat|UI|page|adaptive cards?)|innerHTML|dangerouslySetInnerHTML|v-html|(?:markdown|HTML) (?:is|are) rendered|renders (?:it|them|the (?:answer|response|output|summary|reply))`, props: ['renders-output'], kinds: LLMS, fallback: 'all', fallbackKinds: LLMS },
  { id: 'output-to-code', src: String.raw`generat(?:e|es|ed|ing) (?:\w+ ){0,3}(?:SQL|code|commands?|queries|query|scripts?|shell|bash|python|javascript|HTML|templates?|API calls|regex(?:es)?|formulas?|YAML)|(?:LLM|model|AI)[- ](?:written|generated|produced) (?:code|SQL|queries|commands)|text[- ]to[- ]SQL|NL2SQL|natural language to SQL|writes? (?:\w+ ){0,2}(?:code|SQL|tests|scripts|queries|patches)|(?:output|response|answer|completion)s? (?:is|are) (?:executed|run|evaluated|used as|passed to|parsed as|inserted into|interpolated)|(?:model|LLM) writes|propos(?:e|es|ing) (?:\w+ ){0,2}(?:edits|commands|code changes|patches|queries)|suggested (?:dependencies|commands|code)|code (?:suggestions|completions?)|inline completions`, props: ['output-to-code'], kinds: LLMS, fallback: 'all', fallbackKinds: LLMS },
  { id: 'confidence', src: String.raw`(?:return|returns|returned|returning|output|outputs|give|gives|provide|provides|expose|exposes|include|includes|along with)(?: [\w-]+){0,6} (?:probabilit(?:y|ies)|confidence(?: scores?| levels?| values?)?|logits|likelihoods?|(?:risk|fraud|credit|match|similarity|toxicity) scores?|scores?)|confidence scores?|probability scores?|softmax|class probabilities`, props: ['returns-confidence', 'exposes-predictions'], kinds: ['ml-model', 'llm', 'guardrail'], fallback: 'first', fallbackKinds: ['ml-model', 'llm'] },
  { id: 'predictions', src: String.raw`(?:prediction|scoring|inference|classification|recommendation) (?:API|endpoint|service)s?|returns? (?:a |the )?(?:predictions?|classifications?|labels?|scores?|recommendations?|decisions?|verdicts?)|(?:predictions|scores|recommendations|decisions) (?:are )?(?:returned|exposed|served|sent back)`, props: ['exposes-predictions'], kinds: ['ml-model', 'llm'], fallback: 'first', fallbackKinds: ['ml-model'] },
  { id: 'internet-facing', src: String.raw`public(?:ly)?[- ](?:APIs?|endpoints?|internet|web|website|site|facing|accessible|available|help[- ]cent(?:er|re)|apps?)|internet[- ]facing|customer[- ]facing|(?:on|over|from|to) the (?:public )?internet|anonymous (?:users|visitors|access)|no login|without (?:a )?login|anyone (?:can|on the internet)|external (?:customers|users)|open to the public|exposed to the internet|(?:available|accessible) (?:on|over|from) the internet|sign[- ]?up|self-serve`, props: ['internet-facing'], kinds: ['frontend', 'service', 'agent', 'llm', 'email', 'ml-model'], fallback: 'first', fallbackKinds: ['frontend', 'service', 'agent', 'llm', 'ml-model'] },
  { id: 'pay-per-use', src: String.raw`per[- ](?:token|call|request|query|1k|1,000|million|image|minute|GPU[- ]hour)|billed|billing (?:per|by)|pay[- ](?:as[- ]you[- ]go|per[- ](?:use|call|token))|token (?:usage|costs?|billing|budget|spend|consumption)|(?:API|inference|GPU|token) costs?|usage[- ]based (?:pricing|billing)|GPU[- ]hours?|cost per`, props: ['pay-per-use'], kinds: [...MODELS, 'agent'], fallback: 'first', fallbackKinds: ['llm', 'agent', 'ml-model', 'embedding-model'] },
  { id: 'pii', src: String.raw`PII|personal(?:ly identifiable)? (?:data|information|details)|health (?:data|records|information)|medical records|PHI|patients?|financial (?:data|records|information)|(?:partial )?card (?:details|numbers|data)|credit cards?|SSNs?|social security|passports?|salar(?:y|ies)|HR (?:cases|records|data)|e-?mail addresses|phone numbers|home address(?:es)?|dates? of birth|GDPR|HIPAA|PCI|confidential|sensitive (?:data|information)|bank (?:accounts?|statements?)|transaction (?:history|data)|customer (?:data|records)|M&A|board minutes|\.env files?|secrets`, props: ['handles-pii'], kinds: ['database', 'storage', 'vector-store', 'llm', 'agent', 'ml-model', 'training-data', 'agent-memory', 'service', 'email', 'monitoring', 'feature-store'], fallback: 'all', fallbackKinds: ['llm', 'agent', 'ml-model'], also: true },
  { id: 'multi-tenant', src: String.raw`multi-?tenan(?:t|cy|ted)|tenants?|several (?:customers|companies|organi[sz]ations|clients|businesses)|(?:shared|same) (?:across|between|by) (?:customers|tenants|companies|organi[sz]ations)|per-(?:customer|tenant) (?:namespaces?|index(?:es)?|collections?|data)|(?:one|a single|shared) (?:index|collection|cluster|database) for all|B2B SaaS|white-label`, props: ['multi-tenant'], kinds: ['vector-store', 'database', 'service', 'llm', 'agent', 'storage', 'agent-memory'], fallback: 'all', fallbackKinds: ['vector-store', 'llm', 'agent'], also: true },
  { id: 'high-stakes', src: String.raw`credit (?:decisions?|scor\w*|limits?|approvals?|risk|checks?|worthiness)|creditworth\w*|loans?|mortgages?|underwrit\w*|lending|hiring|recruit\w*|job (?:candidates|applicants)|(?:screen|rank)(?:s|ing)? (?:\w+ )?(?:candidates|applicants|resumes|CVs)|resumes|CV screening|fraud|medical|diagnos\w*|clinical|patient triage|triage patients|(?:content )?moderation|ban(?:s|ned|ning)? (?:users|accounts)|insurance (?:claims|pricing|premiums)|claims? (?:approval|decisions|adjudication)|benefits? eligibility|welfare|parole|sentencing|policing|tenant screening|admissions?|grading|eligibility decisions|KYC|sanctions screening`, props: ['high-stakes-decisions'], kinds: ['ml-model', 'llm', 'agent', 'guardrail'], fallback: 'group', fallbackKinds: ['ml-model', 'agent', 'llm'] },
  { id: 'biometric', src: String.raw`(?<!hugging )(?:face|faces)|facial|fingerprints?|voice ?prints?|speaker (?:recognition|verification|identification)|voice (?:recognition|authentication|biometrics?|ID|verification)|iris|retina|biometrics?|liveness|selfies?|palm (?:print|vein)s?|gait recognition`, props: ['biometric'], kinds: ['ml-model', 'llm', 'agent'], fallback: 'first', fallbackKinds: ['ml-model', 'llm', 'agent'] },
  { id: 'system-prompt', src: String.raw`system (?:prompts?|messages?|instructions?)|hidden (?:instructions|prompts?)|meta-?prompts?|prompt templates?|(?:developer|operator) (?:instructions|messages)|custom instructions|preamble`, props: ['has-system-prompt'], kinds: LLMS, fallback: 'all', fallbackKinds: LLMS },
  { id: 'memory', src: String.raw`long[- ]term memory|persistent memory|remembers?|memor(?:y|ies) (?:across|between) (?:sessions|conversations|chats)|(?:across|between) sessions|(?:stores?|keeps?|saves?|persists?) (?:\w+ ){0,3}(?:memories|preferences|facts about|conversation history|chat history|past conversations)|(?:conversation|chat) history (?:is )?(?:stored|kept|persisted|saved) (?:for|across|between|in)|user profiles? (?:is|are) (?:updated|learned)|recalls? (?:past|previous)`, props: ['persistent-memory'], kinds: [...LLMS, 'agent-memory'], fallback: 'first', fallbackKinds: LLMS, scenario: 'memory' },
  { id: 'untrusted', src: String.raw`reads? (?:\w+ ){0,3}(?:e-?mails?|messages|web ?pages|websites|documents|files|attachments|tickets|PDFs?|uploads?|reviews|comments|issues|pull requests|posts|transcripts|CVs|resumes)|(?:uploaded|user[- ](?:uploaded|provided|supplied|submitted)) (?:files|documents|content|data|PDFs|images)|(?:incoming|inbound|external|customer|user) e-?mails?|attachments?|third-party (?:code|content|documents|data)|public (?:issue|web|internet) (?:text|content|pages|data)|(?:web|internet) content|scraped|crawl(?:s|ed|ing)?|paste[ds]?|user-generated|do not control|untrusted|any(?:one|body) (?:can|may) (?:create|edit|write|publish|e-?mail|upload|post|submit)|(?:is|are) not reviewed|unreviewed|unvetted`, props: ['untrusted-content'], kinds: ['llm', 'agent', 'ml-model'], fallback: 'all', fallbackKinds: LLMS },
  { id: 'hosted', src: String.raw`hosted (?:APIs?|models?|LLMs?|endpoints?)|vendor[- ]hosted|third[- ]party (?:APIs?|models?|LLMs?|providers?|AI)|external (?:LLM|model|AI) (?:APIs?|providers?|services?)|managed (?:LLM|model|AI) (?:APIs?|services?)`, props: ['third-party-hosted'], kinds: [...MODELS, 'agent', 'guardrail'], fallback: 'none' },
  { id: 'self-hosted', src: String.raw`self[- ]hosted|on[- ]prem(?:ise|ises)?|(?:our|its) own (?:GPUs?|servers|cluster|hardware|infrastructure|data ?cent(?:er|re)|Kubernetes|k8s)|in-house (?:models?|GPUs?|clusters?|hosting)|locally[- ]hosted|local (?:models?|LLMs?|inference)|open[- ]weights?|air[- ]gapped`, props: ['self-hosted'], kinds: MODELS, fallback: 'none' },
  { id: 'user-input', src: String.raw`(?:users?|customers?|visitors?|employees?|developers?|engineers?|people|anyone|members|patients|students|analysts)\b[^.;]{0,40}\b(?:ask|asks|asking|type|types|typing|enter|enters|submit|submits|upload|uploads|paste|pastes|chat|chats|talk|talks|write|writes|describe|describes|speak|speaks|prompt|prompts)|(?:user|customer) (?:input|prompts?|questions?|queries|messages|requests|uploads)|free[- ]text|natural[- ]language (?:questions|queries|requests)|ask(?:s)? (?:\w+ )?questions|chat (?:interface|panel|with)`, props: ['accepts-user-input'], kinds: ['llm', 'agent', 'ml-model'], fallback: 'all', fallbackKinds: LLMS },
  { id: 'safety-critical', src: String.raw`safety[- ]critical|life[- ]critical|autonomous (?:vehicles?|driving|drones?)|self-driving|medical devices?|industrial control|SCADA|patient safety|physical (?:harm|safety)|robots?|robotic|drones?|power grid|critical infrastructure|infusion pumps?`, props: ['safety-critical'], kinds: ['ml-model', 'llm', 'agent'], fallback: 'all', fallbackKinds: ['ml-model', 'agent', 'llm'] },
];

/** Every property cue, compiled once at module load. */
export const PROPERTY_CUES: readonly PropertyCue[] = ROWS.map((r) => ({
  id: r.id,
  re: new RegExp(r.raw ? r.src : String.raw`(?<![\w])(?:${spaced(r.src)})(?![\w])`, 'gi'),
  props: r.props,
  kinds: r.kinds,
  fallback: r.fallback ?? 'none',
  fallbackKinds: r.fallbackKinds ?? r.kinds,
  also: r.also ?? false,
  actor: r.actor ?? false,
  ...(r.requires ? { requires: new RegExp(spaced(r.requires), 'i') } : {}),
  ...(r.scenario ? { scenario: r.scenario } : {}),
}));

/** One place where a property cue matched. */
export interface PropertyHit {
  readonly cue: PropertyCue;
  readonly start: number;
  readonly end: number;
}

/** Finds every property cue in `text`, sorted by position (cues may overlap: each adds its own properties). */
/** Literals each property cue needs (see literalGate.ts). */
export const PROPERTY_LITERALS = ROWS.map((r) => requiredLiterals(r.src));

export function findPropertyCues(text: string): PropertyHit[] {
  const hits: PropertyHit[] = [];
  const gate = gateText(text);
  for (const [i, cue] of PROPERTY_CUES.entries()) {
    if (!mayMatch(PROPERTY_LITERALS[i]!, gate)) continue;
    cue.re.lastIndex = 0;
    for (let m = cue.re.exec(text); m; m = cue.re.exec(text)) {
      if (!m[0]) {
        cue.re.lastIndex++;
        continue;
      }
      hits.push({ cue, start: m.index, end: m.index + m[0].length });
    }
  }
  return hits.sort((a, b) => a.start - b.start || a.cue.id.localeCompare(b.cue.id));
}
