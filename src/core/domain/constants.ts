/**
 * Domain constants without zod: the start-up path of the CLI (read, extract, match, render) imports
 * these, and only code that validates loads the zod schemas built from them.
 */

/**
 * Component kinds with a one-line meaning each. The meaning is sent to models (via `.describe`) and
 * shown by `threatstorm schema`, so it doubles as documentation.
 */
export const COMPONENT_KINDS = {
  user: 'A human actor or client outside the system: end user, customer, operator, administrator.',
  frontend: 'A user interface: web app, mobile app, chat widget, browser extension, IDE plugin UI.',
  service: 'A backend service: API, application server, gateway, orchestrator without an LLM, worker.',
  database: 'A database or cache holding application records.',
  storage: 'Object storage, file share, document store, data lake, uploaded files, wiki or ticket corpus.',
  queue: 'A message queue, event bus or stream.',
  'external-service': 'A third-party API or SaaS outside the trust boundary that is not an AI model (payments, CRM, search).',
  identity: 'Identity provider, authentication service, secrets manager, API key vault.',
  monitoring: 'Logging, metrics, tracing, alerting, audit trail.',
  'ci-cd': 'CI/CD pipeline, build or deployment system.',
  email: 'An email mailbox or sending service (SMTP, inbox the system reads).',
  'web-content': 'Web pages, feeds or sites fetched from the internet.',
  llm: 'A large language model: hosted API (OpenAI, Anthropic, Bedrock, Azure) or self-hosted (Ollama, vLLM, llama.cpp).',
  'ml-model': 'A predictive model: classifier, scoring, fraud, recommender, ranking, vision, speech or anomaly model.',
  'embedding-model': 'A model that turns text or images into embeddings.',
  agent: 'An LLM-driven agent or orchestrator that plans and calls tools.',
  tool: 'A tool, plugin, function or MCP server a model or agent can call.',
  'code-interpreter': 'A sandbox or runtime that executes model-written code or commands.',
  'vector-store': 'A vector database, embedding index or retrieval store used for RAG.',
  'agent-memory': 'Long-term memory or conversation history that an agent reads back later.',
  guardrail: 'A content filter, moderation or safety classifier, input or output guard.',
  'training-pipeline': 'A training, fine-tuning or retraining job.',
  'training-data': 'A training, fine-tuning, feedback or evaluation dataset.',
  labeling: 'A labelling tool or workforce (annotators, contractors, crowd workers).',
  'feature-store': 'A feature store or feature pipeline feeding models.',
  'model-registry': 'A model registry or artefact store holding model weights and versions.',
  'model-hub': 'An external hub that supplies models or datasets (Hugging Face, model zoos, vendor catalogues).',
  'eval-gate': 'An evaluation, validation or approval gate a model must pass before deployment.',
} as const;

/** A component kind, e.g. `llm` or `vector-store`. */
export type ComponentKind = keyof typeof COMPONENT_KINDS;

/** Kinds that are AI models themselves: a system is "AI" when it has at least one. */
export const MODEL_KINDS: readonly ComponentKind[] = ['llm', 'ml-model', 'embedding-model', 'agent'];

/** Kinds that are part of an AI system's attack surface (models and their data, tools and supply chain). */
export const AI_KINDS: readonly ComponentKind[] = [
  'llm', 'ml-model', 'embedding-model', 'agent', 'tool', 'code-interpreter', 'vector-store', 'agent-memory',
  'guardrail', 'training-pipeline', 'training-data', 'labeling', 'feature-store', 'model-registry', 'model-hub',
  'eval-gate',
];

/** Properties a component can have; knowledge-base patterns match on them. */
export const COMPONENT_PROPERTIES = {
  'internet-facing': 'Reachable from the public internet.',
  'accepts-user-input': 'Takes free text, prompts, files or other input from users.',
  'untrusted-content': 'Reads content written by others: web pages, emails, uploaded files, tickets, retrieved documents.',
  'third-party-hosted': 'Operated by a third party (hosted model API, SaaS).',
  'self-hosted': 'Run on infrastructure the team operates.',
  'from-public-hub': 'Weights, adapters or datasets are downloaded from a public hub or unvetted source.',
  'serialized-model': 'Loads serialised model files (pickle, joblib, torch .pt/.bin) that can carry code.',
  'fine-tuned': 'Fine-tuned or trained by the team on its own data.',
  'learns-from-feedback': 'User interactions, ratings or conversations flow back into training or ranking.',
  'external-labellers': 'Data is labelled or curated by contractors, crowd workers or other outsiders.',
  'continuous-training': 'Retrained or updated regularly (scheduled or online learning).',
  'has-system-prompt': 'Driven by a system prompt or hidden instructions.',
  retrieval: 'Augments prompts with retrieved documents (RAG).',
  'persistent-memory': 'Keeps memory across sessions or users.',
  'sends-email': 'Can send emails or messages on its own.',
  'executes-code': 'Runs code or shell commands, or model output becomes code that runs.',
  'calls-external-apis': 'Calls external APIs or tools on its own.',
  'writes-data': 'Creates, modifies or deletes records, files or tickets.',
  'financial-actions': 'Moves money, places orders, issues refunds or changes prices.',
  'browses-web': 'Fetches or browses web pages.',
  autonomous: 'Acts without a human approving each action.',
  'renders-output': 'Model output is rendered as HTML or Markdown in a browser or client.',
  'output-to-code': 'Model output is used as SQL, code, commands, templates or API parameters downstream.',
  'handles-pii': 'Processes personal, health, financial or other confidential data.',
  'multi-tenant': 'Serves several customers or tenants from shared resources.',
  'high-stakes-decisions': 'Drives decisions about people or money: credit, hiring, medical, fraud, moderation.',
  'pay-per-use': 'Billed per token, call or GPU time.',
  'exposes-predictions': 'Predictions, scores or generations are returned to callers who can query repeatedly.',
  'returns-confidence': 'Returns confidence scores, probabilities or logits with predictions.',
  biometric: 'Recognises faces, voices, fingerprints or other biometrics.',
  'safety-critical': 'Failures can harm people physically or break critical operations.',
} as const;

/** A component property, e.g. `accepts-user-input`. */
export type ComponentProperty = keyof typeof COMPONENT_PROPERTIES;

/** Severity of impact, also used as the risk level. */
export type SeverityLevel = 'low' | 'medium' | 'high' | 'critical';

/** Severities from lowest to highest, for comparisons. */
export const SEVERITY_ORDER: readonly SeverityLevel[] = ['low', 'medium', 'high', 'critical'];

/**
 * AI threat classes: the coarse families misuse cases fall into. The coverage eval scores recall
 * against these, so keep them stable.
 */
export const THREAT_CLASSES = {
  'prompt-injection': 'Direct prompt injection and jailbreaks typed by a user.',
  'indirect-prompt-injection': 'Instructions hidden in content the model reads: documents, web pages, emails, tool results.',
  'system-prompt-leakage': 'Extraction of the system prompt or hidden instructions, or relying on them as a control.',
  'sensitive-data-disclosure': 'The model or app reveals personal, secret or confidential data.',
  'improper-output-handling': 'Model output reaches browsers, shells, SQL, email or APIs without validation.',
  'excessive-agency': 'An agent has more tools, permissions or autonomy than it needs.',
  'tool-misuse': 'Tools or plugins are abused through the model, or are themselves unsafe.',
  'memory-poisoning': 'Agent memory or conversation history is poisoned to steer later sessions.',
  'rag-poisoning': 'Retrieved documents or the vector store are poisoned or manipulated.',
  'embedding-leakage': 'Embeddings or the vector store leak data across users, tenants or by inversion.',
  'training-data-poisoning': 'Training, fine-tuning, feedback or label data is manipulated.',
  'model-tampering': 'Weights, adapters or model artefacts are modified directly.',
  'supply-chain': 'Third-party models, datasets, packages or serialised artefacts are malicious or vulnerable.',
  'third-party-model-risk': 'A hosted model or AI API changes, fails, leaks or returns unvalidated output.',
  misinformation: 'Hallucinated or wrong output that people or systems trust.',
  'unbounded-consumption': 'Unbounded prompts or compute-heavy inference cause denial of service.',
  'denial-of-wallet': 'Abuse of pay-per-use inference runs up cost.',
  'model-extraction': 'The model is copied through its API or its artefacts are stolen.',
  'model-inversion': 'Training data or features are reconstructed from model outputs.',
  'membership-inference': 'An attacker learns whether a record was in the training data.',
  evasion: 'Crafted or adversarial inputs make the model decide wrongly.',
  'model-drift': 'Silent degradation after deployment: drift, skew, failed updates, no rollback.',
  'feedback-loop-manipulation': 'Feedback loops are gamed to skew the model gradually.',
  'output-integrity': 'Predictions are tampered with between the model and its consumer.',
  repudiation: 'Model decisions and agent actions cannot be traced or attributed.',
  spoofing: 'Faked identities, inputs or content (deepfakes, impersonation) fool the model or its users.',
  'access-control-bypass': 'Crafted inputs get the AI to bypass authorisation or tenant isolation.',
  'classic-appsec': 'A classic, non-AI application security threat.',
} as const;

/** Families of instruction-like text the injection guard looks for. */
export const FINDING_FAMILIES = [
  'override', 'role-reassignment', 'fake-role-tag', 'prompt-leak', 'exfiltration', 'addressed-to-ai',
  'modeller-manipulation', 'hidden-text', 'encoded-payload', 'canary-leak', 'output-hijack',
] as const;

/** Where in the input a finding was hiding. */
export const HIDING_PLACES = [
  'plain', 'html-comment', 'markdown-link-title', 'markdown-image-alt', 'code-comment', 'code-block', 'yaml-value',
  'mermaid-comment', 'zero-width', 'unicode-tags', 'bidi', 'homoglyph', 'base64', 'hex', 'rot13', 'front-matter',
  'model-output',
] as const;

/**
 * Placeholders a pattern's text may use; the engine fills them from the system model.
 * `{target}` the target component's name, `{system}` the system's name, `{sources}` the components
 * that send data to the target, `{sinks}` the components it sends data to.
 */
export const PATTERN_PLACEHOLDERS = ['target', 'system', 'sources', 'sinks'] as const;

/** Output schema version; a breaking change bumps it. */
export const SCHEMA_VERSION = '1';
