import { z } from 'zod';
import {
  AtlasIdSchema, LikelihoodSchema, OwaspLlmIdSchema, OwaspMlIdSchema, SeveritySchema, StrideSchema, ThreatClassSchema,
} from './common.js';

/** One mitigation of a misuse case. */
export const MitigationSchema = z
  .object({
    type: z.enum(['prevent', 'detect', 'respond']).describe('prevent: stop it; detect: notice it; respond: contain and recover'),
    text: z.string().min(3).max(1000).describe('The control, specific to this system'),
    status: z
      .enum(['proposed', 'accepted', 'implemented'])
      .default('proposed')
      .describe('proposed by threatstorm; accepted as planned work or accepted risk; implemented'),
  })
  .strict();
export type Mitigation = z.infer<typeof MitigationSchema>;

/** References that ground a misuse case in the knowledge base and public taxonomies. */
export const ReferencesSchema = z
  .object({
    patterns: z.array(z.string()).default([]).describe('Knowledge-base pattern ids the case came from'),
    atlas: z.array(AtlasIdSchema).default([]).describe('MITRE ATLAS technique ids (valid ones only)'),
    owaspLlm: z.array(OwaspLlmIdSchema).default([]).describe('OWASP LLM Top 10 2025 ids, e.g. LLM01:2025'),
    owaspMl: z.array(OwaspMlIdSchema).default([]).describe('OWASP ML Top 10 2023 ids, e.g. ML02:2023'),
  })
  .strict();
export type References = z.infer<typeof ReferencesSchema>;

/** Where a misuse case came from. */
export const ProvenanceSchema = z
  .object({
    source: z.enum(['knowledge-base', 'model']).describe('knowledge-base: the offline engine; model: an LLM'),
    model: z.string().optional().describe('Model that wrote or refined the case'),
    fallback: z.boolean().optional().describe('True when this offline case stands in for model output that failed a check'),
    note: z.string().max(500).optional().describe('Why the case looks the way it does (e.g. the fallback reason)'),
  })
  .strict();

/** Risk of a misuse case: a 0-100 score and the level it maps to. */
export const RiskSchema = z
  .object({
    score: z.number().min(0).max(100).describe('0-100; likelihood times severity, adjusted for exposure'),
    level: SeveritySchema.describe('Risk level derived from the score'),
    factors: z.array(z.string()).default([]).describe('What raised or lowered the score'),
  })
  .strict();
export type Risk = z.infer<typeof RiskSchema>;

/** An adversarial misuse case against the system. */
export const MisuseCaseSchema = z
  .object({
    id: z.string().regex(/^MC-\d{3,}$/).describe('Stable id within the threat model, e.g. MC-007'),
    title: z.string().min(3).max(200).describe('Short name of the misuse'),
    summary: z.string().max(1000).default('').describe('One or two sentences on what goes wrong here'),
    actor: z.string().min(2).max(300).describe('Who carries out the attack'),
    targets: z.array(z.string()).min(1).describe('Ids of the targeted components (each exists in system.components)'),
    flows: z.array(z.string()).default([]).describe('Ids of the data flows the attack uses'),
    threatClass: ThreatClassSchema,
    stride: z.array(StrideSchema).min(1).describe('STRIDE categories'),
    preconditions: z.array(z.string()).default([]).describe('What must be true for the attack to work'),
    steps: z.array(z.string().min(1)).min(1).describe('Attack steps, in order'),
    impact: z.string().min(3).describe('What the attacker achieves and what it costs the owner'),
    likelihood: LikelihoodSchema,
    severity: SeveritySchema,
    risk: RiskSchema.describe('Risk score and level: likelihood times severity, adjusted for the target\'s exposure'),
    mitigations: z.array(MitigationSchema).min(1).describe('Mitigations: prevent, detect and respond'),
    signals: z.array(z.string()).default([]).describe('Detection and monitoring signals: what to alert on'),
    redTeamTests: z.array(z.string()).default([]).describe('Red-team tests to run against the real system'),
    reviewQuestions: z.array(z.string()).default([]).describe('Questions a reviewer should ask the team'),
    references: ReferencesSchema.describe('Knowledge-base patterns and MITRE ATLAS / OWASP ids that ground the case'),
    provenance: ProvenanceSchema.describe('Where the case came from: the knowledge base or a model'),
    status: z.enum(['open', 'accepted', 'rejected']).default('open').describe('Review state of the case'),
    notes: z.array(z.string()).default([]).describe('Reviewer notes'),
  })
  .strict()
  .describe('An adversarial misuse case');
export type MisuseCase = z.infer<typeof MisuseCaseSchema>;
