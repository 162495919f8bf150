import { z } from 'zod';
import { STRIDE, isAtlasId, isOwaspLlmId, isOwaspMlId } from '../taxonomy/index.js';

/** A STRIDE category. */
export const StrideSchema = z.enum(STRIDE).describe('A STRIDE category');
export type Stride = z.infer<typeof StrideSchema>;

/** Likelihood of a misuse case happening. */
export const LikelihoodSchema = z.enum(['low', 'medium', 'high']).describe('How likely the misuse is');
export type Likelihood = z.infer<typeof LikelihoodSchema>;

/** Severity of impact, also used as the risk level. */
export const SeveritySchema = z.enum(['low', 'medium', 'high', 'critical']).describe('How bad the impact is');
export type Severity = z.infer<typeof SeveritySchema>;

/** Severities from lowest to highest, for comparisons. */
export const SEVERITY_ORDER: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/** A valid MITRE ATLAS technique id, e.g. `AML.T0051.001`. */
export const AtlasIdSchema = z
  .string()
  .refine(isAtlasId, { message: 'not a MITRE ATLAS technique id (e.g. AML.T0051.001)' })
  .describe('MITRE ATLAS technique id, e.g. AML.T0051.001');

/** An edition-qualified OWASP LLM Top 10 2025 id, e.g. `LLM01:2025`. */
export const OwaspLlmIdSchema = z
  .string()
  .refine(isOwaspLlmId, { message: 'not an OWASP LLM Top 10 2025 id (LLM01:2025 to LLM10:2025)' })
  .describe('OWASP Top 10 for LLM Applications 2025 id, e.g. LLM01:2025');

/** An edition-qualified OWASP ML Top 10 2023 id, e.g. `ML02:2023`. */
export const OwaspMlIdSchema = z
  .string()
  .refine(isOwaspMlId, { message: 'not an OWASP ML Top 10 2023 id (ML01:2023 to ML10:2023)' })
  .describe('OWASP Machine Learning Security Top 10 2023 id, e.g. ML02:2023');

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

/** An AI threat class, e.g. `indirect-prompt-injection`. */
export const ThreatClassSchema = z
  .enum(Object.keys(THREAT_CLASSES) as [keyof typeof THREAT_CLASSES, ...(keyof typeof THREAT_CLASSES)[]])
  .describe('The AI threat class of the misuse case');
export type ThreatClass = z.infer<typeof ThreatClassSchema>;
