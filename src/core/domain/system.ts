import { z } from 'zod';

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
export const ComponentKindSchema = z
  .enum(Object.keys(COMPONENT_KINDS) as [keyof typeof COMPONENT_KINDS, ...(keyof typeof COMPONENT_KINDS)[]])
  .describe('What the component is; one of the threatstorm component kinds');
export type ComponentKind = z.infer<typeof ComponentKindSchema>;

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
export const ComponentPropertySchema = z
  .enum(Object.keys(COMPONENT_PROPERTIES) as [keyof typeof COMPONENT_PROPERTIES, ...(keyof typeof COMPONENT_PROPERTIES)[]])
  .describe('A property that makes threats apply; one of the threatstorm component properties');
export type ComponentProperty = z.infer<typeof ComponentPropertySchema>;

/** Lowercase slug used for component, flow and boundary ids. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lowercase letters, digits, "-" and "_", starting with a letter or digit')
  .max(80)
  .describe('Stable identifier: lowercase letters, digits, "-" and "_"');

/** One component of the system under review. */
export const ComponentSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1).max(200).describe('Human name of the component as the architecture calls it'),
    kind: ComponentKindSchema,
    description: z.string().max(2000).optional().describe('What the component does, in a sentence'),
    properties: z.array(ComponentPropertySchema).default([]).describe('Properties that make threats apply'),
    lines: z
      .array(z.number().int().positive())
      .default([])
      .describe('1-based lines of the source document that mention this component (for report locations)'),
  })
  .strict()
  .describe('A component: a process, store, model, tool or external actor');
export type Component = z.infer<typeof ComponentSchema>;

/** One data flow between two components. */
export const DataFlowSchema = z
  .object({
    id: IdSchema,
    from: IdSchema.describe('Id of the component the data comes from'),
    to: IdSchema.describe('Id of the component the data goes to'),
    label: z.string().max(300).optional().describe('What moves along the flow, e.g. "user prompt"'),
    crossesBoundary: z.boolean().default(false).describe('True when the flow crosses a trust boundary'),
  })
  .strict()
  .describe('A data flow from one component to another');
export type DataFlow = z.infer<typeof DataFlowSchema>;

/** A trust boundary grouping components that share a level of trust. */
export const TrustBoundarySchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1).max(200).describe('Name of the trust zone, e.g. "Internet" or "Production VPC"'),
    components: z.array(IdSchema).default([]).describe('Ids of the components inside this boundary'),
  })
  .strict()
  .describe('A trust boundary: the components inside share one level of trust');
export type TrustBoundary = z.infer<typeof TrustBoundarySchema>;

/** Kinds of AI asset worth protecting. */
export const AiAssetKindSchema = z
  .enum([
    'model-weights', 'training-data', 'system-prompt', 'embeddings', 'prompts-and-outputs', 'feature-data',
    'evaluation-data', 'agent-memory', 'model-api-credentials',
  ])
  .describe('The kind of AI asset');

/** An AI asset: something an attacker would steal, poison or abuse. */
export const AiAssetSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1).max(200).describe('Human name of the asset'),
    kind: AiAssetKindSchema,
    component: IdSchema.describe('Id of the component that holds or produces the asset'),
  })
  .strict()
  .describe('An AI asset held by a component');
export type AiAsset = z.infer<typeof AiAssetSchema>;

/** The system model: what threatstorm threat-models. */
export const SystemModelSchema = z
  .object({
    name: z.string().min(1).max(200).describe('Name of the system'),
    description: z.string().max(5000).optional().describe('What the system does'),
    components: z.array(ComponentSchema).describe('Every component of the system'),
    dataFlows: z.array(DataFlowSchema).default([]).describe('Data flows between components'),
    trustBoundaries: z.array(TrustBoundarySchema).default([]).describe('Trust boundaries'),
    aiAssets: z.array(AiAssetSchema).default([]).describe('AI assets worth protecting'),
    assumptions: z.array(z.string().max(1000)).default([]).describe('Assumptions stated or made about the system'),
  })
  .strict()
  .describe('A system model: components, data flows, trust boundaries and AI assets');
export type SystemModel = z.infer<typeof SystemModelSchema>;
