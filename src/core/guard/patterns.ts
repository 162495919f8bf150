import type { InputFinding } from '../domain/finding.js';
import type { GateSpec } from './gate.js';
import { I18N_CUES } from './patternsI18n.js';
import { WORLD_CUES } from './patternsWorld.js';

/** A family of instruction-like text (a value of FINDING_FAMILIES). */
export type Family = InputFinding['kind'];

/** One general cue of instruction-like text. */
export interface Cue {
  readonly id: string;
  readonly family: Family;
  /** Global regex; matched against normalised text. */
  readonly re: RegExp;
  /** Base score before use-vs-mention and hiding adjustments. */
  readonly weight: number;
  /** The cue starts with a verb: grammatical context decides between command and description. */
  readonly verbal?: boolean;
  /** When the matched text also matches this, the cue is stronger (+0.1). */
  readonly strong?: RegExp;
  /** The matched text must also match this (a cheap second condition). */
  readonly needs?: RegExp;
  /** The sentence around the match must also match this. */
  readonly sentenceNeeds?: RegExp;
  /** Suppress the match when the matched text matches this. */
  readonly unless?: RegExp;
  /** Suppress the match when the part of its sentence before it matches this (a negation, say). */
  readonly beforeUnless?: RegExp;
  /** The match must start a word (checked after matching, for languages where \b falls short). */
  readonly wordStart?: boolean;
  /**
   * Lower-case words one of which every match contains, or several such lists when every match
   * contains a word of each ("#cjk", "#cyr", "#hangul" stand for a script). Large documents run
   * the cue only where its gate is satisfied; undefined means run everywhere.
   */
  readonly gate?: GateSpec;
}

const AI = String.raw`(?:ai|llm|llms|gpt|chatgpt|claude|gemini|copilot|assistant|ai assistant|language model|large language model|model|chatbot|bot|agent|ai agent|summari[sz]er|threat[- ]?modell?er|analy[sz]er|automated (?:system|tool|reviewer|agent|scanner))`;
/** Names of an AI used as a vocative ("Assistant, ..."). */
const VOCATIVE = '(?:ai|llm|assistant|ai assistant|model|language model|chatbot|bot|agent|copilot|gpt|chatgpt|claude|gemini)';
const QUALIFIER = /previous|prior|above|preceding|earlier|initial|original|old|former|past|your|all|those|these|existing|system|developer|safety|default|been told|everything|any|given|provided/i;
const OVR_VERB = String.raw`(?:ignore|disregard|forget|overlook|neglect|override|bypass|discard|abandon|set aside|put aside|let go of|pay no (?:attention|heed) to|do not (?:follow|obey|heed)|don't (?:follow|obey|heed)|stop (?:following|obeying)|no longer (?:follow|obey))`;
const OVR_FILL = String.raw`(?:\s+(?:about|all|any|of|the|your|my|those|these|that|this|every|each|previous(?:ly)?|prior|above|aforementioned|preceding|earlier|initial|original|old|former|past|existing|current|other|given|provided|system|developer|safety|default|and|or|such|you(?:'ve| have)?(?: been)? (?:given|received|told|got(?:ten)?)|(?:instructions?|rules|guidelines) (?:and|or)|pre-?(?:obtained|existing)|conceived))`;
const OVR_OBJ = String.raw`\s+(?:instructions?|directives?|directions?|rules?|guidelines?|prompts?|commands?|guidance|orders|programming|constraints|restrictions|polic(?:y|ies)|context|messages?|training|limitations|filters|knowledge)\b(?:\s+(?:that |which )?(?:you(?:'ve| have)?|you were)(?: been)?\s+(?:given|told|received|sent|provided|taught)\b)?`;
const SECRET = String.raw`(?:password|passcode|passphrase|pass phrase|pin code|secret(?: key| code| word| token| phrase)?|api[ -]?keys?|access (?:keys?|tokens?)|private keys?|credentials?|security (?:code|answer))`;

const NEGATION = /\b(?:never|not|don't|doesn't|won't|cannot|can't|shouldn't|mustn't|no one|nobody)\b|n't\b/i;
/** Words that make a sentence about a secret a policy or handling statement, not a request for it. */
const NOT_SECRET_REQUEST = /\b(?:polic(?:y|ies)|manag\w*|hash\w*|reset\w*|rotat\w*|strength|complexity|requirements?|field|length|vault|stor(?:e|ed|es|age|ing)|expir\w*|hygiene|encrypt\w*|chang\w*|updat\w*|protect\w*|enter\w*|valid\w*|config(?:s|uration|urations)?|env|environment|header|never|not|safe|secure|recover\w*|forgot\w*|typing|twice|descriptive|label)\b/i;
const PERSON = String.raw`(?:user|customer|client|patient|employee|member|person|account holder|subscriber|applicant|candidate)`;
const PERSONAL = String.raw`(?:(?:current|home|exact|full|residential|private|personal|real)\s+)?(?:address|city(?: of residence)?|location|whereabouts|residence|birth ?(?:date|day|year|place)|birthday|date of birth|age|phone(?: number)?|mobile(?: number)?|social security(?: number)?|ssn|salary|income|bank (?:balance|account(?: number)?|details)|(?:account )?balance|credit card(?: number| details)?|medical (?:history|records?|condition)|diagnosis|initials|maiden name|socio-?economic status|religion|ethnicity|sexual orientation)`;
/** The sentence asks for a value, not about how it is handled. */
const ASK_VALUE = new RegExp(String.raw`\b(?:tell|give|share|reveal|send|list|provide|disclose|show|print)\s+(?:me|us)\b|^\s*(?:please\s+)?(?:list|show|give|print|dump|export|reveal|share|tell)\b|\b(?:need|want|like) to (?:know|see|have|get|find out)\b|\bwhat(?:'s| is| was| would| will| might)(?: it| that| they)(?: be)?\s*\?|\bwhat (?:is|was|are|were) (?:the|his|her|their|this|that)\s+(?:${PERSON}(?:'s|s')\s+)?${PERSONAL}(?![^.?!\n]*\b(?:used|stored|kept|needed|required|collected|retained|processed|protected|encrypted|validated|verified|for|format|field|type)\b)|\bwhere (?:does|do|did) (?:he|she|they|the \w+) (?:currently |now )?live\b`, 'i');
const SECRET_TASK_VERB = '(?:write|compose|draw|sing|spell|encode|translate|tell (?:me|us)|give (?:me|us)|say|print|show (?:me|us)|reveal|hint at|rhyme|repeat|output|convert|reverse|disclose|whisper|scramble|recite|type out|write out|read out)';
const FRAME = String.raw`(?:in (?:a|an|this|that|some) (?:[\w-]+\s+){0,3}?(?:world|universe|reality|society|timeline|dimension|future|planet|country|land|scenario|story|game)\b[^.\n]{0,100}?\b(?:where|in which)|(?:let's|let us|we'll|we will|we can|we could)\s+(?:imagine|pretend|assume|suppose|say|think of|consider|play)|imagine (?:a|an|that|we|you|if|for)|suppose (?:that|we|you)|hypothetically|in a hypothetical|(?:a|this) hypothetical|for the (?:purpose|sake) of (?:this|the|our) (?:exercise|discussion|game|story|conversation|experiment|example))`;
/** What a dictated answer is about: the task's answer, not a design assumption. */
const ANSWER_NOUN = String.raw`(?:answer|conclusion|result|output|capital|sum|total|summary|verdict|finding|value|outcome|score)s?`;
const DICTATE = String.raw`(?:\b(?:we|you|i|one)\s+(?:might|could|would|will|can|should|must|may)\s+(?:\w+\s+)?(?:say|state|claim|declare|answer|report|conclude|write|assume|respond|reply)\s*(?::|,?\s*["'“‘]|\s+that\s+(?:the|its|their|our|your)\s+(?:[\w-]+\s+){0,4}?${ANSWER_NOUN}\b)|\b(?:say|state|assume|claim|declare|pretend|answer|report|conclude)(?:s|ing)?\s+(?:that\s+)?(?:the|its|their|our|your)\s+(?:[\w-]+\s+){0,4}?${ANSWER_NOUN}\s+(?:(?:of|for)\s+(?:[\w-]+\s+){0,4}?)?(?:is|was|are|equals)\b)`;

/** English cues by family. */
const EN: readonly Cue[] = [
  // override
  { id: 'ovr-instructions', family: 'override', weight: 0.6, verbal: true, re: new RegExp(String.raw`\b${OVR_VERB}${OVR_FILL}{0,6}${OVR_OBJ}`, 'gi'), needs: QUALIFIER, strong: /previous|prior|above|preceding|earlier|initial|original|all|been told|everything/i },
  { id: 'ovr-everything', family: 'override', weight: 0.7, verbal: true, re: /\b(?:ignore|disregard|forget|overlook)\s+(?:about\s+)?(?:all|everything|anything|all that|whatever)\s+(?:(?:that\s+)?(?:you(?:'ve| have)?(?: been)? (?:told|instructed|given|taught|said)|(?:was |were |is )?(?:above|before|previously|so far|prior|earlier)|(?:i|we) (?:said|told you) (?:before|earlier|above)))/gi },
  { id: 'ovr-the-above', family: 'override', weight: 0.7, verbal: true, re: /\b(?:ignore|disregard|forget)\s+(?:all\s+(?:of\s+)?)?(?:the|what(?:'s| is| was)?)\s+(?:above|preceding|previous|prior)(?:\s+(?:text|content|context|message|conversation|and))?\b/gi },
  { id: 'ovr-and-say', family: 'override', weight: 0.65, verbal: true, re: /\b(?:ignore|disregard|forget)\s+(?:the|this|that|all|any|my|your)\s+(?:[\w-]+\s+){0,2}?(?:and|,)\s*(?:instead\s+)?(?:just\s+)?(?:say|state|respond|reply|answer|output|print|write|tell|declare|claim|indicate|report|return|repeat)\b/gi },
  { id: 'ovr-new-instructions', family: 'override', weight: 0.55, re: /\b(?:(?:new|updated|real|actual|revised|true|override|priority|important) (?:system )?instructions?\s*:|your (?:new|real|true|actual|only) (?:task|instructions?|goal|objective|job|purpose) (?:is|are|will be)\b)/gi },
  { id: 'ovr-void', family: 'override', weight: 0.6, re: /\b(?:the |all )?(?:above|previous|prior|earlier|preceding) (?:instructions?|rules|guidelines|directives|prompt) (?:(?:are|is|were|was) (?:now )?(?:void|null|cancel+ed|obsolete|outdated|revoked|superseded|no longer (?:valid|apply|relevant|in effect))|(?:do not|don't|no longer) apply)/gi },
  { id: 'ovr-claimed-authority', family: 'override', weight: 0.5, re: /\b(?:i am|i'm|this is)\s+(?:actually\s+|really\s+)?(?:your|the model's|the assistant's)\s+(?:developer|creator|maker|owner|administrator|admin|operator|supervisor|boss|master|maintainer|programmer)\b|\b(?:i am|i'm) god\b|\byou (?:have to|must|will|shall|need to) (?:listen to|obey|follow|answer|comply with) (?:all (?:of )?|only )?my (?:instructions|commands|orders|questions|requests|rules)\b/gi },
  { id: 'ovr-authority', family: 'override', weight: 0.5, re: /\b(?:administrator|admin|developer|system|security|root|sudo|maintenance) (?:override|mode (?:activated|enabled|on))\b|\bDEVELOPER TRAINING DATA OVERRIDE\b/gi },
  // role reassignment
  { id: 'role-you-are-now', family: 'role-reassignment', weight: 0.55, re: /\byou(?: are|'re) now(?! (?:ready|able|done|logged|signed|connected|viewing|reading|looking|on the|in the|at the|set|all set|subscribed|registered|enrolled|using|running|seeing|free to (?:go|leave|start)))\b/gi },
  { id: 'role-from-now-on', family: 'role-reassignment', weight: 0.55, re: /\b(?:from now(?: on)?|from on now|from this (?:moment|point)(?: on(?:wards?)?)?|starting (?:now|immediately|today)|henceforth|for the rest of this (?:conversation|session|chat)),?\s+(?:you\b|your\b|act\b|respond\b|answer\b|reply\b|always\b|never\b|only\b|pretend\b|behave\b|embody\b)/gi },
  { id: 'role-act-as', family: 'role-reassignment', weight: 0.35, verbal: true, re: /\b(?:act|behave|respond|answer|reply|operate|function|roleplay|role-play) as (?:if you (?:were|are)\b|an? |the |my )/gi, sentenceNeeds: /\byou\b|\bai\b|\bdan\b|character|persona|no (?:restrictions|filters|rules)|unfiltered|uncensored|jailbr/i },
  { id: 'role-i-want-you', family: 'role-reassignment', weight: 0.55, re: /\b(?:i (?:want|need) you to|you (?:will|shall|must|are going to|have to)) (?:act|pretend|behave|roleplay|role-play|play the role|immerse yourself|simulate|become|embody)\b/gi },
  { id: 'role-pretend', family: 'role-reassignment', weight: 0.3, re: /\b(?:pretend|imagine)(?: to be| you are| you're| that you(?:'re| are))\b|\bimmerse yourself (?:in|into) the role\b|\bembody the persona\b/gi },
  { id: 'role-no-longer', family: 'role-reassignment', weight: 0.6, re: /\byou (?:are|will be|shall be|must be|'re) (?:no longer|not) (?:an? )?(?:ai|assistant|language model|chatgpt|bound|restricted|limited|required|subject|constrained)\b|\byou (?:are|will be|'re|can be) (?:now )?(?:free(?:d)? (?:from|of)|unrestricted|unfiltered|uncensored|jailbroken|unbound|unleashed)\b/gi },
  { id: 'role-persona', family: 'role-reassignment', weight: 0.45, re: /\bdo anything now\b|\b(?:developer|dev|jailbreak|god|unrestricted|evil|chaos|dan) mode\b|\bstay(?:s|ing)? in character\b|\b(?:continue|keep|start|begin|stay)(?:s|ing)?\s+(?:the\s+|your\s+)?(?:roleplay|role-play|role playing|roleplaying)\s+as\b|\bnever (?:refuses?|break character|says? no)\b|\bbroken free of\b|\bnot bound by (?:any|the|openai|anthropic)\b|\b(?:amoral|unethical|unfiltered|uncensored|unrestricted|immoral|unhinged) (?:ai|assistant|chatbot|model|character|entity|persona)\b|\bin the role of\b|\bstay in [\w-]+ mode\b/gi },
  { id: 'role-named-mode', family: 'role-reassignment', weight: 0.4, re: /\b[A-Z][A-Z0-9-]{2,} [Mm]ode\b|\b[Yy]ou are [A-Z][\w.-]+,? an? (?:ai|AI|chatbot|assistant|model|language model)\b/g },
  { id: 'role-enter-mode', family: 'role-reassignment', weight: 0.5, re: /\b(?:enter(?:ing)?|activat(?:e|ing)|enabl(?:e|ing)|switch(?:ing)? (?:in)?to|you are (?:now )?in|put yourself in(?:to)?)\s+(?:an?\s+|the\s+)?['"‘“]?(?:maintenance|debug|debugging|admin|administrator|developer|god|sudo|root|system|unrestricted|jailbreak|jailbroken|test|testing|override)['"’”]?\s+mode\b/gi },
  { id: 'role-amoral', family: 'role-reassignment', weight: 0.25, re: /\b(?:completely |totally |fully )?(?:amoral|unfiltered|uncensored|unethical|unhinged|without (?:any )?(?:ethics|morals|filters|censorship))\b/gi },
  { id: 'role-dan', family: 'role-reassignment', weight: 0.4, re: /\bDAN\b|\b[A-Z][A-Za-z]*GPT\b(?= (?:is|has|can|will|does|mode))/g },
  { id: 'role-no-rules', family: 'role-reassignment', weight: 0.3, re: /\b(?:without any|free of(?: all)?|free from(?: all)?|not subject to|(?:does|do)(?: not|n't) (?:have to )?(?:abide by|follow|obey)|no)\s+(?:(?:ethical|moral|content|safety|openai's|the typical|typical|any)\s+){0,2}(?:restrictions|filters|filtering|limitations|guidelines|polic(?:y|ies)|ethics|morals|censorship|confines|constraints|rules|laws|regulations|boundaries|limits)\b(?:\s*,\s*(?:and\s+|or\s+)?no\s+(?:[\w-]+\s+)?(?:restrictions|filters|limitations|guidelines|polic(?:y|ies)|ethics|morals|censorship|constraints|rules|laws|regulations|boundaries|limits)\b)*/gi, strong: /,/, sentenceNeeds: /\byou\b|\bai\b|character|persona|mode|dan\b|model|openai|chatgpt|gpt/i },
  // fake role tags
  { id: 'tag-chatml', family: 'fake-role-tag', weight: 0.8, re: /<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id|begin_of_text)\|>/gi },
  { id: 'tag-inst', family: 'fake-role-tag', weight: 0.75, re: /\[\/?INST\]|<<\/?SYS>>/g },
  { id: 'tag-xml', family: 'fake-role-tag', weight: 0.6, re: /<\/?(?:system|system_prompt|system-prompt|sys|instructions?|assistant|admin|developer)\s*>/gi },
  { id: 'tag-heading', family: 'fake-role-tag', weight: 0.65, re: /^#{1,4}[ \t]*(?:system|assistant|instructions?|new instructions|developer)(?: (?:prompt|message|note))?[ \t]*:/gim },
  { id: 'tag-line', family: 'fake-role-tag', weight: 0.45, re: /^[ \t>*-]*(?:system|assistant|developer|admin)[ \t]*:[ \t]*\S/gim },
  { id: 'tag-caps', family: 'fake-role-tag', weight: 0.6, re: /\[(?:SYSTEM|ADMIN|DEVELOPER|OPERATOR)(?:[ _](?:MESSAGE|NOTE|OVERRIDE|MODE|INSTRUCTIONS?|PROMPT|UPDATE))?\]|<\s*(?:SYSTEM|ADMIN)[ _](?:MODE|MESSAGE|OVERRIDE|PROMPT)\s*>|\b(?:SYSTEM|ADMIN(?:ISTRATOR)?|DEVELOPER) (?:OVERRIDE|NOTICE|INSTRUCTIONS?|MESSAGE|UPDATE|MODE)\b|\bEND OF (?:SYSTEM PROMPT|(?:USER )?INPUT|DOCUMENT|CONTEXT|INSTRUCTIONS)\b/g },
  // prompt leak
  { id: 'leak-show', family: 'prompt-leak', weight: 0.65, verbal: true, re: /\b(?:print|reveal|show|display|output|repeat|recite|tell|give|share|dump|leak|disclose|expose|return|echo|spell out|write out|write down|paste|copy|translate|summari[sz]e|encode|provide|list)\s*:?\s+(?:me\s+|us\s+)?(?:all\s+(?:of\s+)?)?(?:your|the)\s+(?:(?:full|entire|complete|exact|original|initial|hidden|secret|internal|confidential|verbatim|starting|first|developer|pre-?prompt|configured)\s+){0,3}(?:system\s+)?(?:prompt|instructions|message|configuration|guidelines|rules|directives|context)\b/gi, needs: /\byour\b|system|initial|original|hidden|secret|internal|developer|starting|first|verbatim|confidential|configured/i },
  { id: 'leak-what-told', family: 'prompt-leak', weight: 0.6, re: /\bwhat (?:were|are|have) you (?:been )?(?:told|instructed|programmed)\b|\bwhat (?:is|was|are) your (?:system prompt|initial prompt|prompt|instructions|initial instructions|hidden instructions)\b/gi },
  { id: 'leak-repeat-above', family: 'prompt-leak', weight: 0.6, verbal: true, re: /\b(?:repeat|print|output|copy|recite|echo)\s+(?:back\s+)?(?:(?:everything|all|the (?:text|words|content|lines?|message|conversation|instructions)|this (?:entire )?conversation)\s+(?:(?:above|before|preceding|prior|so far|verbatim|word for word)\b|back to me)|the above\b)/gi },
  { id: 'leak-in-prompt', family: 'prompt-leak', weight: 0.6, verbal: true, re: /\b(?:repeat|print|output|show|reveal|recite|list|quote)\s+(?:everything|all|the (?:text|content|words)|what(?:'s| is| was))\s+(?:in|of|from|inside)\s+(?:your|the)\s+(?:system prompt|initial prompt|system message|(?:initial|original|hidden|system) instructions)\b/gi },
  { id: 'leak-want-to-see', family: 'prompt-leak', weight: 0.55, re: /\b(?:i|we) (?:need|want|would like|'d like|have) to (?:see|read|view|know|get|check) (?:your|the) (?:full |entire |complete |original |initial |hidden )?(?:system prompt|system message|initial prompt|(?:initial|original|hidden|system) instructions|configuration)\b/gi },
  { id: 'leak-primer', family: 'prompt-leak', weight: 0.5, re: /["'“‘](?:my (?:instructions|system prompt|rules|guidelines) (?:are|is|were)|i was (?:instructed|told|programmed) to|you are a)\b/gi, sentenceNeeds: /\b(?:start|begin|complete|continue|finish)\b/i },
  { id: 'leak-code', family: 'prompt-leak', weight: 0.6, re: /\b(?:console\.log|print|echo|printf|puts|System\.out\.println)\s*\(\s*(?:system_?prompt|sys_?prompt|instructions|initial_?prompt)\b/gi },
  { id: 'leak-secret', family: 'prompt-leak', weight: 0.5, verbal: true, re: new RegExp(String.raw`\b(?:what(?:'s| is| are)|tell|share|give|confirm|reveal|disclose|provide|print|show|spell|write|send|encode|type)\s+(?:me\s+|us\s+)?(?:(?:[\w']+\s+){0,3}?)(?:your|the|our|my|this)\s+(?:(?:system|admin|root|master|account|wifi|secret|database)\s+)?${SECRET}\b(?:\s+[\w-]+){0,3}`, 'gi'), unless: NOT_SECRET_REQUEST },
  // exfiltration
  { id: 'exf-send-url', family: 'exfiltration', weight: 0.45, verbal: true, re: /\b(?:send|post|upload|forward|transmit|submit|exfiltrate|leak|beacon|append)\s+(?:[^\s.!?]+\s+){0,8}?(?:to|at|into|via|with)\s+(?:https?:\/\/|www\.|[\w.+-]+@[\w-]+\.[a-z]{2,}|(?:the |this )?(?:following|attacker'?s?|external|my|our) (?:url|endpoint|address|server|webhook|email|inbox))/gi, strong: /data|conversation|history|secret|keys?\b|tokens?|credential|password|emails?\b|chat|messages|contents|prompt|summary|results|everything|all\b|employee|customer|user/i },
  { id: 'exf-md-image', family: 'exfiltration', weight: 0.35, re: /!\[[^[\]\n]{0,200}\]\(\s*https?:\/\/[^\s)?]{1,300}\?[^\s)]{1,500}\)/gi, strong: /[{}$<>]|%7b|\[(?:data|info|secret)|=(?:data|secret|info|summary|history|conversation|key|token)\b|(?:q|d|data|secret|token|key|history|conversation|chat|summary|prompt|password|msg|content|leak|exfil)=/i },
  { id: 'exf-include-secret', family: 'exfiltration', weight: 0.65, verbal: true, re: new RegExp(String.raw`\b(?:include|append|add|insert|embed|put|paste|output|print|attach|encode)\s+(?:[^\s.!?]+\s+){0,4}?(?:the|your|all|any)\s+(?:[\w-]+\s+)?(?:${SECRET}|env(?:ironment)? variables?|session cookies?|connection strings?|tokens)\b(?:\s+[^\s.!?]+){0,6}?\s+(?:in|into|to|at the end of|inside)\s+(?:your|the|each|every)\s+(?:response|output|answer|reply|report|summary|threat model|url|link|request|image)`, 'gi') },
  { id: 'exf-render-image', family: 'exfiltration', weight: 0.55, verbal: true, re: /\b(?:render|display|include|show|output|embed|insert)\s+(?:the |this |a |an )?(?:following )?(?:markdown )?image\b[^.\n]{0,80}?(?:https?:\/\/|url)|\bappend\b[^.\n]{0,60}\bto (?:the|this) (?:url|link|query string|image url)/gi },
  { id: 'exf-fetch-url', family: 'exfiltration', weight: 0.45, verbal: true, re: /\b(?:fetch|call|request|load|open|visit|ping|hit|get|curl)\s+(?:the\s+(?:url|endpoint|link|address)\s+)?https?:\/\/[^\s?#]+\?[^\s]*=/gi, sentenceNeeds: /\b(?:followed by|append(?:ed|ing)?|with|containing|including|plus|add(?:ing)?)\s+(?:the\s+|a\s+|your\s+)?(?:user'?s?|customer'?s?|conversation|summary|history|data|emails?|messages?|prompt|secrets?|tokens?|question|answer|chat|password|credentials?)/i },
  { id: 'exf-user-data', family: 'exfiltration', weight: 0.45, verbal: true, re: /\b(?:tell|give|share|reveal|send|list|print|show|provide|disclose|encode|translate|spell)\s+(?:me\s+|us\s+)?(?:the\s+|another\s+|other\s+)?(?:users?'s?|customers?'s?|(?:[A-Z][a-z]+)'s)\s+(?:current\s+|full\s+|home\s+|favou?rite\s+)?(?:name|initials|address|email|e-mail|phone|birth ?(?:date|day|year)|city|location|residence|data|details|password|balance|account|social security|ssn|color|colour)\b/g },
  { id: 'exf-your-database', family: 'exfiltration', weight: 0.5, verbal: true, re: /\b(?:print|dump|export|show|list|give|share|send|output)\s+(?:me\s+|us\s+)?(?:all\s+(?:of\s+)?)?your\s+(?:entire\s+|whole\s+|full\s+|complete\s+)?(?:database|db|customer (?:list|data|records)|user (?:list|table|data|records)|records|files|memory|conversation history|chat history)\b/gi },
  { id: 'exf-phish-link', family: 'exfiltration', weight: 0.35, verbal: true, re: /\b(?:follow|click|use|open|visit)\s+(?:on\s+)?(?:this|the|the following|the below|that)\s+link\s+to\s+(?:reset|verify|confirm|update|unlock|restore|secure|validate)\s+your\s+(?:password|account|credentials|login|identity|payment|card)\b/gi },
  { id: 'exf-phish', family: 'exfiltration', weight: 0.5, verbal: true, re: /\b(?:tell|inform|ask|instruct|advise|urge|direct|remind|warn)\s+(?:the |all )?(?:users?|readers?|customers?|them|visitors?)\s+(?:to|that they (?:must|should|need to))\s+(?:go to|visit|click|follow|open|navigate to|log ?in (?:at|to)|reset|verify|confirm|enter|call)\b/gi },
  // addressed to the AI
  { id: 'ai-note', family: 'addressed-to-ai', weight: 0.55, re: new RegExp(String.raw`\b(?:note|message|attention|attn|reminder|notice|memo|p\.?s\.?|hint|directive|request|important|warning|instructions?)\s*(?:to|for)\s+(?:the\s+|any\s+|all\s+|every\s+)?${AI}s?\b\s*[:,\-–—]`, 'gi') },
  { id: 'ai-hello', family: 'addressed-to-ai', weight: 0.5, re: new RegExp(String.raw`(?<=(?:^|[.!?]\s+|\n)\s*)(?:hey|hi|hello|dear|attention|attn|ok|okay|listen)\s*,?\s+(?:there\s+)?${AI}\b`, 'gi') },
  { id: 'ai-vocative', family: 'addressed-to-ai', weight: 0.45, re: new RegExp(String.raw`\b(?:dear\s+)?${VOCATIVE}\s*,\s+(?!and\b|or\b|which\b|that\b)(?<=(?:^|[.!?]\s+|\n)\s*(?:dear\s+)?${VOCATIVE}\s*,\s+)`, 'gi') },
  { id: 'ai-whoever', family: 'addressed-to-ai', weight: 0.55, re: /\b(?:to\s+)?(?:whoever|whatever|anyone|anything|any (?:tool|system|program|process|model))\s+(?:is\s+|that is\s+|who is\s+)?(?:generat|writ|review|read|process|summar|analy[sz]|build|creat|produc)\w*\s+(?:the |this )?(?:threat model|report|summary|analysis|document|review|assessment|page)\b/gi },
  { id: 'ai-if-you-are', family: 'addressed-to-ai', weight: 0.6, re: /\bif you(?:'re| are)\s+(?:an?\s+)?(?:ai|llm|large language model|language model|ai (?:assistant|model|agent|system)|assistant|chatbot|bot|gpt|machine|automated (?:system|tool|agent|reviewer))\b/gi },
  { id: 'ai-reading-this', family: 'addressed-to-ai', weight: 0.6, re: new RegExp(String.raw`\b${AI}s?\s+(?:that is |which is |who is |that's )?(?:reading|processing|parsing|summari[sz]ing|analy[sz]ing|reviewing|ingesting|scanning|evaluating|threat[- ]modell?ing)\s+(?:this|these)\b`, 'gi') },
  { id: 'ai-when-you-read', family: 'addressed-to-ai', weight: 0.5, re: /\b(?:when|before|after|while|once) (?:you|an? (?:ai|llm|model|assistant|agent)) (?:read|process|summari[sz]e|analy[sz]e|review|parse|ingest|threat[- ]model)s? (?:this|these)\b/gi },
  { id: 'ai-your-output', family: 'addressed-to-ai', weight: 0.45, re: /(?<=(?:^|[.!?]\s+|\n\s*|:\s*)(?:[-*>•]\s*)?)(?:please\s+|kindly\s+|also\s+|now\s+|(?:can|could|would|will) you\s+(?:please\s+)?|(?:don't|do not) forget to\s+|remember to\s+|make sure (?:to\s+)?|be sure to\s+)?(?:add|include|append|insert|mention|state|say|write|begin|start|end|finish|conclude|format|encode|encrypt|translate|render|reply|respond|answer|output|modify|enhance|integrate|incorporate|substitute|replace|reverse|rewrite|convert|present|deliver|embed|put|sign|close|wrap|spice up|make|use)\b(?:[^.!?\n]|[.!?](?=\S)){0,100}?\byour (?:response|reply|answer|output|summary|report|analysis|threat model|assessment|elucidation|explanation)s?\b/gi },
  { id: 'ai-in-your-output', family: 'addressed-to-ai', weight: 0.5, re: /\bin your (?:response|reply|answer|output|summary|report|analysis|threat model|assessment),?\s+(?:please\s+|you (?:must|should)\s+)?(?:include|mention|add|say|state|write|recommend|claim|conclude|do not|don't|never|always|only)\b/gi },
  { id: 'ai-respond-only', family: 'addressed-to-ai', weight: 0.45, verbal: true, re: /\b(?:respond|reply|answer|output|say|print|write)\s+(?:only|just|exclusively|solely|nothing but)\s+(?:with\s+|using\s+)?(?:the\s+(?:words?|phrases?|text|sentences?)\s+|["'“‘])/gi },
  { id: 'ai-reply-in', family: 'addressed-to-ai', weight: 0.4, verbal: true, re: /\b(?:reply|respond|answer|write|render|translate)(?: (?:only|exclusively|always|back|everything|it))? (?:in|into|using) (?:german|french|spanish|portuguese|italian|chinese|japanese|russian|korean|arabic|hindi|emojis?|base64|pig latin|leetspeak|morse code|reverse order|all caps|capital letters|uppercase)\b/gi },
  { id: 'ai-embed-code', family: 'addressed-to-ai', weight: 0.5, re: /\b(?:the |this )?(?:following|below|subsequent|above|next) code(?: [\w-]+)?\b/gi, sentenceNeeds: /^(?=[\s\S]*\byour (?:code|program|script|solution|implementation|algorithm|logic|answer|response|reply|elucidation|explanation)\b)(?=[\s\S]*\b(?:incorporat|embed|integrat|employ|insert|append|add|includ|inclus|merg|paste|put|component|element|part of|utili[sz])\w*)/i },
  // modeller manipulation
  { id: 'mm-report-none', family: 'modeller-manipulation', weight: 0.65, verbal: true, re: /\b(?:report|list|return|output|produce|generate|include|identify|find|flag|raise|mention|record|create)\s+(?:no|zero|0|not a single|none of the)\s+(?:[\w-]+\s+)?(?:threats?|risks?|vulnerabilit(?:y|ies)|findings?|issues?|misuse cases?|cases?|weaknesses|attacks?|concerns?)\b/gi },
  { id: 'mm-dont-report', family: 'modeller-manipulation', weight: 0.65, verbal: true, re: /\b(?:do not|don't|never|must not|should not)\s+(?:report|flag|mention|list|include|raise|output|record|create|generate|identify)\s+(?:any\s+)?(?:[\w-]+\s+)?(?:threats?|risks?|vulnerabilit(?:y|ies)|findings?|issues?|misuse cases?|weaknesses|concerns?)\b/gi },
  { id: 'mm-empty', family: 'modeller-manipulation', weight: 0.6, verbal: true, re: /\b(?:output|return|produce|generate|respond with|reply with|give|emit|send back)\s+(?:an?\s+|the\s+)?(?:empty|blank|null)\s+(?:[\w-]+\s+){0,2}?(?:list|array|report|result|set|model|response|json|object)\b/gi },
  { id: 'mm-rate-low', family: 'modeller-manipulation', weight: 0.6, verbal: true, re: /\b(?:rate|mark|score|classify|label|assign|treat|downgrade|set|grade|rank)\s+(?:all|every|each|everything|them|these|those|any)\b(?:\s+[\w-]+){0,3}?\s+(?:as\s+|to\s+|at\s+)?(?:a\s+)?(?:low|lowest|informational|negligible|minimal|minor|none|zero|accepted|acceptable)\b/gi },
  { id: 'mm-mark-findings', family: 'modeller-manipulation', weight: 0.55, verbal: true, re: /\b(?:rate|mark|score|classify|label|treat|downgrade|set|grade|record|log)\s+(?:its|their|the|all|this service's|this system's)\s+(?:[\w-]+\s+)?(?:findings?|threats?|risks?|issues?|vulnerabilit(?:y|ies)|cases?|severit(?:y|ies))\s+(?:as|to|at)\s+(?:an?\s+)?(?:low|lowest|informational|negligible|minimal|minor|none|accepted|acceptable|false positives?)\b/gi },
  { id: 'mm-empty-section', family: 'modeller-manipulation', weight: 0.55, verbal: true, re: /\b(?:keep|leave|make)\s+(?:the\s+|your\s+)?(?:[\w-]+\s+)?(?:risks?|threats?|findings?|vulnerabilit(?:y|ies)|issues?|weakness(?:es)?)\s+(?:section|list|table|part|chapter|array)\s+(?:empty|blank|short)\b/gi },
  { id: 'mm-all-should-be-low', family: 'modeller-manipulation', weight: 0.6, re: /\b(?:all|every|each|any)\s+(?:[\w-]+\s+){0,2}?(?:threats?|risks?|findings?|issues?|cases?|vulnerabilit(?:y|ies)|severit(?:y|ies))\s+(?:should|must|shall|are to|need to|will)\s+be\s+(?:rated|marked|scored|classified|considered|treated|labell?ed|set|reported)\s+(?:as\s+)?(?:low|informational|negligible|minimal|minor|accepted|acceptable|out of scope|false positives?)\b/gi },
  { id: 'mm-skip', family: 'modeller-manipulation', weight: 0.55, verbal: true, re: /\b(?:skip|ignore|exclude|omit|disregard|do not (?:analy[sz]e|model|assess|review|examine|consider|evaluate|threat[- ]model)|don't (?:analy[sz]e|model|assess|review|examine|consider|evaluate|threat[- ]model))\s+(?:the\s+)?(?:[^\s.!?]+\s+){0,3}?(?:component|service|module|subsystem|microservice|pipeline|integration|connector|plugin|tool|agent|api|database|store|section|part)s?\b(?:\s+[^\s.!?]+){0,5}?\s*(?:in|from|during|when|for)\s+(?:your|the|this)\s+(?:analysis|threat model|review|assessment|report|output|model(?:l)?ing)/gi },
  { id: 'mm-no-need', family: 'modeller-manipulation', weight: 0.5, re: /\bno (?:need|reason) (?:to|for) (?:\w+\s+){0,2}?(?:analy[sz]e|analysis|threat[- ]model|model|assess|review|scrutini[sz]e|look (?:at|into)|flag|report)\b/gi },
  { id: 'mm-secure-claim', family: 'modeller-manipulation', weight: 0.55, re: /\b(?:this|the|our)\s+(?:system|application|app|service|architecture|design|platform|component|product)\s+(?:is|has been)\s+(?:fully\s+|already\s+|completely\s+|totally\s+|100%\s+|perfectly\s+|officially\s+)?(?:secure|safe|hardened|audited|certified|approved|pen-?tested|verified)\b[^.\n]{0,80}?\b(?:no need|nothing to (?:report|find|flag)|don't need|do not need|needn't|no further|no threats|no risks|no analysis|skip|report no|without (?:any )?(?:threats|findings))/gi },
  { id: 'mm-conclude-secure', family: 'modeller-manipulation', weight: 0.6, verbal: true, re: /\b(?:conclude|state|say|declare|confirm|report|assert|write|certify)\s+that\s+(?:the |this )?(?:system|application|app|service|architecture|design|platform)\s+(?:is|has)\s+(?:fully\s+|completely\s+)?(?:secure|safe|no (?:threats|risks|vulnerabilities|issues))/gi },
  { id: 'mm-no-threats', family: 'modeller-manipulation', weight: 0.3, re: /\bthere (?:are|is) no (?:[\w-]+\s+)?(?:threats?|risks?|vulnerabilit(?:y|ies)|attack surface)\b(?:\s+(?:to|worth) (?:report|mention|list|model|consider|analy[sz]e))?/gi, strong: /(?:to|worth) (?:report|mention|list|model|consider|analy)/i },
  // secrets asked of the reader without override wording ("what is your password", "write the password backwards")
  { id: 'secret-your', family: 'prompt-leak', weight: 0.45, re: new RegExp(String.raw`(?:\bwhat(?:'s| is| are| was| were| would| will| might| could| should)\b[^.?!\n]{0,50}?|\b(?:tell|share|give|reveal|disclose|print|show|spell|write|encode|say|repeat|recite|output|remind|send|translate)\s+(?:me|us)\b[^.?!\n]{0,40}?|\b(?:reveal|disclose|leak|spill|recite|whisper)\s+(?:[^.?!\n]{0,30}?\s)?|\bi (?:were to |would |will |might |want to |need to |could |may )?ask(?: you)? for |\bi(?: need| want|'d like| would like) to (?:know|see|hear|have|get)\s+(?:[^.?!\n]{0,20}?\s)?)your\s+(?:(?:own|current|real|actual|system|admin|root|master|account|wifi|secret|database)\s+)?${SECRET}\b(?:\s+[\w-]+){0,3}`, 'gi'), unless: NOT_SECRET_REQUEST, beforeUnless: NEGATION },
  { id: 'secret-task', family: 'prompt-leak', weight: 0.45, verbal: true, re: new RegExp(String.raw`\b(?=${SECRET_TASK_VERB}\b)(?<=(?:^|[.!?:;]\s+|\n)[ \t>*-]*(?:(?:please|now|just|also|then|kindly|first|next|finally),?\s+)?)${SECRET_TASK_VERB}\b[^.?!\n]{0,60}?\b(?:the|your|our|its|this)\s+(?:(?:system|admin|root|master|account|wifi|secret|database|current|real|actual|hidden|full|correct|exact)\s+)?${SECRET}\b(?:\s+[\w-]+){0,3}`, 'gi'), unless: NOT_SECRET_REQUEST },
  { id: 'secret-ours', family: 'prompt-leak', weight: 0.45, re: /\b(?:passwords?|passcodes?|passphrases?|secret (?:keys?|codes?|words?)|credentials|api keys?)\b[^\n]{0,100}?[.!?]\s+(?:(?:can|could|would|will) you\s+(?:please\s+)?|please\s+)?(?:confirm|tell (?:me|us)|share|give (?:me|us)|reveal|disclose|provide|remind (?:me|us) of)\s+(?:ours|yours)\b/gi },
  // private data of a user asked for by value
  { id: 'exf-user-question', family: 'exfiltration', weight: 0.45, re: new RegExp(String.raw`\b${PERSON}(?:'s|s'|’s|s’)\s+${PERSONAL}\b|\bwhere (?:does|did|do) (?:the|this|that|a|each) ${PERSON}s? (?:currently |now |actually )?live\b`, 'gi'), sentenceNeeds: ASK_VALUE },
  { id: 'exf-user-db', family: 'exfiltration', weight: 0.45, re: new RegExp(String.raw`\b${PERSON}s?\b[^.?!\n]{0,30}?\b(?:in|from|of|on) your (?:database|db|records|system|crm|(?:user|customer) (?:list|table|records)|data(?:set)?)\b`, 'gi'), sentenceNeeds: ASK_VALUE },
  { id: 'exf-user-attr', family: 'exfiltration', weight: 0.45, re: new RegExp(String.raw`\b(?:his|her|their)\s+(?:own\s+)?${PERSONAL}\b`, 'gi'), sentenceNeeds: new RegExp(String.raw`^(?=[\s\S]*(?:${ASK_VALUE.source}))(?=[\s\S]*\bthe ${PERSON}\b)`, 'i') },
  // a hypothetical frame that dictates the answer ("in a world where ..., we might state that the conclusion is")
  { id: 'frame-dictate', family: 'override', weight: 0.45, re: new RegExp(String.raw`\b${FRAME}[^.\n]{0,160}?${DICTATE}`, 'gi') },
  { id: 'frame-suggest-answer', family: 'override', weight: 0.45, re: /\b(?:i|we)\s+(?:would\s+)?(?:suggest|recommend|advise|urge|want|need|ask|insist)(?:s|ed)?\s+(?:that\s+)?you\s+(?:to\s+)?(?:should\s+)?(?:consider|treat|take|report|state|say|answer|give|output|return|regard|accept|print)\s+(?:the|this|its|your)\s+(?:final\s+)?(?:output|answer|result|conclusion|sum|total|value|capital|summary|response)\s+(?:as|is|to be|should be|=)\s+(?:["'“‘][^"'”’\n]{1,60}["'”’]|-?\d[\d,.]*\b)/gi },
  // persona that answers anything
  { id: 'role-answer-anything', family: 'role-reassignment', weight: 0.35, re: /\b(?:ai|assistant|chatbot|model|bot|entity|character|persona|he|she|it|you)\b[^.\n]{0,40}?\b(?:will|can|would|must|shall|always|to)\s+(?:\w+\s+)?(?:answer|provide|respond to|fulfil+|do|give|say|tell|write|generate)\b[^.\n]{0,60}?(?:\bno matter (?:how|what)\b|\bregardless of\b|\bwithout (?:any )?(?:question(?:ing)?|hesitation|refus\w+|restrictions?|censorship|judge?ment|warnings?|disclaimers?|limits?|filters?)\b)|\b(?:answers?|respond(?:s)? to|fulfils?|fulfills?|complies with|obeys?)\s+(?:any|every|all)\s+(?:request|question|prompt|command|query|inquiry|order)s?\s+(?:put|given|asked|sent)\s+to\s+(?:him|her|it|them)\b/gi },
  // "translate to emoji then back: your initial prompt"
  { id: 'leak-your-prompt', family: 'prompt-leak', weight: 0.55, verbal: true, re: /\b(?=(?:translate|print|repeat|output|show|reveal|tell|give|share|dump|summari[sz]e|encode|spell|list|display|paste|copy|recite|convert|rewrite|leak|disclose|write out|write down|read back|echo|return|reproduce|render)\b)(?<=(?:^|[.!?:;]\s+|\n)[ \t>*-]*(?:(?:please|now|just|also|then|kindly|first|next|finally),?\s+)?)(?:translate|print|repeat|output|show|reveal|tell|give|share|dump|summari[sz]e|encode|spell|list|display|paste|copy|recite|convert|rewrite|leak|disclose|write out|write down|read back|echo|return|reproduce|render)\b[^.!?\n]{0,60}?\byour\s+(?:(?:very\s+)?(?:initial|system|original|hidden|secret|first|internal|full|entire|complete|exact|starting|pre-?|developer|confidential|underlying)\s+){1,2}(?:prompt|instructions|message|directives|guidelines|configuration)\b/gi },
  // phishing content asked for
  { id: 'exf-ask-credentials', family: 'exfiltration', weight: 0.4, re: /\b(?:must|should|needs? to|has to|have to|(?:is|are) required to|(?:is|are) asked to|will need to)\s+(?:send|share|email|e-mail|disclose|reply with|forward|text|give)\s+(?:us\s+|me\s+)?(?:his|her|their|your)\s+(?:(?:full|current|online|bank(?:ing)?|account|login)\s+)?(?:password|passcode|pin|social security number|ssn|bank (?:details|account number)|login details)\b/gi, beforeUnless: NEGATION },
  { id: 'exf-write-phish', family: 'exfiltration', weight: 0.45, verbal: true, re: /\b(?:write|draft|compose|create|generate|craft)\s+(?:me\s+|us\s+)?(?:an?\s+|the\s+|some\s+)?(?:convincing\s+|realistic\s+|fake\s+|short\s+)?phishing\s+(?:e-?mails?|messages?|texts?|sms|pages?|sites?|campaigns?)\b/gi },
];

const SECRET_VERBS = 'what tell share give confirm reveal disclose provide print show spell write send encode type';
const AI_WORDS = 'ai llm llms gpt chatgpt claude gemini copilot assistant language model chatbot bot agent summarizer summariser threat threatmodeler threatmodeller modeler modeller analyzer analyser automated';
const OUTPUT_WORDS = 'response responses reply replys answer answers output outputs summary summarys report reports analysis model models assessment assessments elucidation elucidations explanation explanations';
const PERSON_WORDS = 'user users customer customers client clients patient patients employee employees member members person persons account subscriber subscribers applicant applicants candidate candidates';
const CASE_WORDS = 'threat threats risk risks vulnerability vulnerabilities finding findings issue issues misuse case cases weaknesses attack attacks concern concerns';
const SECRET_WORDS = 'password passcode passphrase pass pin secret api apikey apikeys access private credential credentials security';

/** Gate words per English cue (see {@link Cue.gate}); cues not listed start with a rare literal. */
const EN_GATES: Record<string, string> = {
  'ovr-instructions': 'ignore disregard forget overlook neglect override bypass discard abandon aside let pay follow obey heed following obeying longer | instructions instruction directives directive directions direction rules rule guidelines guideline prompts prompt commands command guidance orders programming constraints restrictions policy policies context messages message training limitations filters knowledge',
  'ovr-everything': 'ignore disregard forget overlook',
  'ovr-the-above': 'ignore disregard forget',
  'ovr-and-say': 'ignore disregard forget',
  'ovr-new-instructions': 'instruction instructions task goal objective job purpose',
  'ovr-void': 'instruction instructions rules guidelines directives prompt | above previous prior earlier preceding',
  'ovr-authority': 'override mode',
  'ovr-claimed-authority': 'your model assistant god my',
  'role-enter-mode': 'mode',
  'role-amoral': 'amoral unfiltered uncensored unethical unhinged without',
  'exf-user-data': 'name initials address email mail phone birth birthdate birthday date day year city location residence data details password balance account social ssn color colour | tell give share reveal send list print show provide disclose encode translate spell',
  'ai-vocative': 'ai llm assistant model language chatbot bot agent copilot gpt chatgpt claude gemini',
  'ai-whoever': 'whoever whatever anyone anything any',
  'mm-mark-findings': 'low lowest informational negligible minimal minor none accepted acceptable false',
  'mm-empty-section': 'empty blank short',
  'exf-fetch-url': 'http https',
  'exf-your-database': 'database db list data records table files memory history | your',
  'exf-phish-link': 'link',
  'role-you-are-now': 'now',
  'role-from-now-on': 'now moment point starting henceforth rest',
  'role-act-as': 'act behave respond answer reply operate function roleplay role',
  'role-i-want-you': 'act pretend behave roleplay role play immerse simulate become embody',
  'role-pretend': 'pretend imagine immerse embody',
  'role-no-longer': 'you | ai assistant language chatgpt bound restricted limited required subject constrained free freed unrestricted unfiltered uncensored jailbroken unbound unleashed',
  'role-persona': 'anything mode character never broken bound amoral unethical unfiltered uncensored unrestricted immoral unhinged role roleplay roleplaying',
  'role-no-rules': 'restrictions filters filtering limitations guidelines policy policies ethics morals censorship confines constraints rules laws regulations boundaries limits',
  'role-named-mode': 'mode you',
  'tag-heading': 'system assistant instruction instructions developer',
  'tag-line': 'system assistant developer admin',
  'tag-caps': 'system admin administrator developer operator end',
  'leak-show': 'prompt instructions message configuration guidelines rules directives context | your system initial original hidden secret internal developer starting first verbatim confidential configured',
  'leak-what-told': 'told instructed programmed prompt instructions',
  'leak-repeat-above': 'repeat print output copy recite echo',
  'leak-in-prompt': 'prompt message instructions | repeat print output show reveal recite list quote',
  'leak-want-to-see': 'prompt message instructions configuration',
  'leak-primer': 'instructions prompt rules guidelines instructed told programmed you',
  'leak-code': 'log print echo printf puts println',
  'leak-secret': `${SECRET_WORDS} | ${SECRET_VERBS}`,
  'exf-send-url': 'send post upload forward transmit submit exfiltrate leak beacon append',
  'exf-include-secret': 'response output answer reply report summary model url link request image | password passcode passphrase pass pin secret api apikey apikeys access private credential credentials security env environment session connection tokens',
  'exf-render-image': 'image append',
  'exf-phish': 'user users reader readers customer customers them visitor visitors | tell inform ask instruct advise urge direct remind warn',
  'ai-note': `${AI_WORDS} | note message attention attn reminder notice memo p ps hint directive request important warning instruction instructions`,
  'ai-hello': 'hey hi hello dear attention attn ok okay listen',
  'ai-if-you-are': 'ai llm large language assistant chatbot bot gpt machine automated',
  'ai-reading-this': 'reading processing parsing summarizing summarising analyzing analysing reviewing ingesting scanning evaluating modeling modelling',
  'ai-when-you-read': 'when before after while once',
  'ai-your-output': `${OUTPUT_WORDS} | your`,
  'ai-in-your-output': `${OUTPUT_WORDS} | your`,
  'ai-respond-only': 'only just exclusively solely nothing',
  'ai-reply-in': 'german french spanish portuguese italian chinese japanese russian korean arabic hindi emoji emojis base pig leetspeak morse reverse all caps capital uppercase',
  'ai-embed-code': 'code',
  'secret-your': `${SECRET_WORDS} | your`,
  'secret-task': `${SECRET_WORDS} | write compose draw sing spell encode translate tell give say print show reveal hint rhyme repeat output convert reverse disclose whisper scramble recite type read`,
  'secret-ours': 'ours yours',
  'exf-user-question': `${PERSON_WORDS} | address city location whereabouts residence birth birthdate birthday birthyear birthplace date age phone mobile social ssn salary income bank balance account credit card medical diagnosis initials maiden socio socioeconomic religion ethnicity sexual live`,
  'exf-user-db': `${PERSON_WORDS} | your | database db records system crm list table data dataset`,
  'exf-user-attr': 'his her their',
  'frame-dictate': 'world universe reality society timeline dimension future planet country land scenario story game imagine pretend assume suppose say think consider play hypothetically hypothetical purpose sake | say says saying state states stating claim claims claiming declare declares declaring answer answers answering report reports reporting conclude concludes concluding write assume assumes assuming respond reply pretend pretends pretending',
  'frame-suggest-answer': 'suggest suggests suggested recommend recommends recommended advise advises advised urge urges urged want wants wanted need needs needed ask asks asked insist insists insisted | output answer result conclusion sum total value capital summary response',
  'role-answer-anything': 'matter regardless without put given asked sent',
  'leak-your-prompt': 'prompt instructions message directives guidelines configuration | your',
  'exf-write-phish': 'phishing',
  'exf-ask-credentials': 'password passcode pin social ssn bank login | send share email e disclose reply forward text give',
  'mm-report-none': CASE_WORDS,
  'mm-dont-report': CASE_WORDS,
  'mm-empty': 'empty blank null',
  'mm-rate-low': 'low lowest informational negligible minimal minor none zero accepted acceptable',
  'mm-all-should-be-low': 'low informational negligible minimal minor accepted acceptable out false',
  'mm-skip': 'analysis threat model review assessment report output modeling modelling | skip ignore exclude omit disregard not don',
  'mm-no-need': 'need reason',
  'mm-secure-claim': 'secure safe hardened audited certified approved pen pentested tested verified',
  'mm-conclude-secure': 'secure safe threats risks vulnerabilities issues',
  'mm-no-threats': 'threat threats risk risks vulnerability vulnerabilities attack',
};

/** English cues by family. */
export const EN_CUES: readonly Cue[] = EN.map((c) => ({ ...c, gate: parseGate(EN_GATES[c.id]) }));

/** Parses "a b c | d e" into word groups: a word of each group must occur. */
export function parseGate(spec: string | undefined): GateSpec | undefined {
  if (!spec) return undefined;
  const groups = spec.split(' | ').map((g) => g.split(' '));
  return groups.length === 1 ? groups[0]! : groups;
}

/** All cues, English first. */
export const CUES: readonly Cue[] = [...EN_CUES, ...I18N_CUES, ...WORLD_CUES];
