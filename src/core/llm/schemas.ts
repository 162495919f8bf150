import { z } from 'zod';
import { ComponentKindSchema, ComponentPropertySchema, LikelihoodSchema, SeveritySchema, StrideSchema, ThreatClassSchema } from '../domain/index.js';

// Compact schemas for model output: small enough for 7-8B models, with short descriptions the model
// reads. Ids stay plain strings here; the grounding stage checks them against the real taxonomies.

const Texts = (d: string, min = 0) => z.array(z.string()).min(min).describe(d);

/** One misuse case as a model writes it. */
export const LlmCaseSchema = z
  .object({
    title: z.string().min(3).describe('Short, specific name of the misuse in this system'),
    actor: z.string().min(2).describe('Who carries it out'),
    targets: Texts('Ids of targeted components, from the component list', 1),
    threatClass: ThreatClassSchema,
    stride: z.array(StrideSchema).min(1).describe('STRIDE categories'),
    preconditions: Texts('What must be true'),
    steps: Texts('Concrete attack steps in this system, in order', 2),
    impact: z.string().min(3).describe('What the attacker gains and what it costs'),
    likelihood: LikelihoodSchema,
    severity: SeveritySchema,
    prevent: Texts('Controls that stop it', 1),
    detect: Texts('Controls that notice it', 1),
    respond: Texts('How to contain and recover', 1),
    signals: Texts('What to log and alert on'),
    redTeamTests: Texts('Tests to run against the real system'),
    reviewQuestions: Texts('Questions for the team'),
    patterns: Texts('Ids of the knowledge-base patterns it builds on'),
    atlas: Texts('MITRE ATLAS technique ids, e.g. AML.T0051.001'),
    owaspLlm: Texts('OWASP LLM Top 10 2025 ids, e.g. LLM01:2025'),
    owaspMl: Texts('OWASP ML Top 10 2023 ids, e.g. ML02:2023'),
  })
  .strict();
export type LlmCase = z.infer<typeof LlmCaseSchema>;

/** A model's answer for one part of the system. */
export const LlmCasesSchema = z.object({ cases: z.array(LlmCaseSchema).max(8).describe('Misuse cases') }).strict();

/** A component as the model extracts it from prose. */
export const LlmComponentSchema = z
  .object({
    name: z.string().min(1).describe('Name as the text writes it'),
    kind: ComponentKindSchema,
    properties: z.array(ComponentPropertySchema).describe('Properties the text supports'),
    evidence: z.string().describe('A short exact quote from the text that mentions it'),
  })
  .strict();

/** The model's extraction of a system model from prose. */
export const LlmExtractionSchema = z
  .object({
    components: z.array(LlmComponentSchema).max(40),
    flows: z.array(z.object({ from: z.string().describe('Component name'), to: z.string().describe('Component name'), label: z.string().describe('What moves') }).strict()).max(80),
  })
  .strict();
export type LlmExtraction = z.infer<typeof LlmExtractionSchema>;

/** JSON Schemas sent to the model, computed once. */
export const LLM_JSON_SCHEMAS = {
  cases: z.toJSONSchema(LlmCasesSchema) as Record<string, unknown>,
  extraction: z.toJSONSchema(LlmExtractionSchema) as Record<string, unknown>,
};
