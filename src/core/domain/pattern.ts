import { z } from 'zod';

export { PATTERN_PLACEHOLDERS } from './constants.js';
import {
  AtlasIdSchema, LikelihoodSchema, OwaspLlmIdSchema, OwaspMlIdSchema, SeveritySchema, StrideSchema, ThreatClassSchema,
} from './common.js';
import { ComponentKindSchema, ComponentPropertySchema } from './system.js';


const Text = z.string().min(3).max(1000);
const TextList = (what: string) => z.array(Text).min(1).describe(what);

/** When a pattern applies: the component kinds it targets and the properties it needs. */
export const AppliesToSchema = z
  .object({
    kinds: z.array(ComponentKindSchema).min(1).describe('Component kinds this pattern can target'),
    anyProperties: z
      .array(ComponentPropertySchema)
      .default([])
      .describe('The target needs at least one of these properties (empty: no requirement)'),
    allProperties: z.array(ComponentPropertySchema).default([]).describe('The target needs all of these properties'),
    systemHas: z
      .array(ComponentKindSchema)
      .default([])
      .describe('The system must also contain at least one component of one of these kinds (empty: no requirement)'),
  })
  .strict()
  .describe('When the pattern applies');
export type AppliesTo = z.infer<typeof AppliesToSchema>;

/** Mitigations of a pattern, split by what they do. */
export const PatternMitigationsSchema = z
  .object({
    prevent: TextList('Controls that stop the attack'),
    detect: TextList('Controls that notice the attack'),
    respond: TextList('What to do when it happens: contain, recover, roll back'),
  })
  .strict();

/** A knowledge-base threat pattern: the YAML front matter of one `knowledge/*.md` file. */
export const ThreatPatternSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use a kebab-case slug such as "indirect-injection-rag"')
      .describe('Stable kebab-case id; equals the file name without .md'),
    title: z.string().min(5).max(160).describe('Short name of the threat; may use {target}'),
    summary: z.string().min(20).max(600).describe('One or two sentences on what goes wrong'),
    threatClass: ThreatClassSchema,
    ai: z.boolean().default(true).describe('False only for classic, non-AI threats'),
    stride: z.array(StrideSchema).min(1).describe('STRIDE categories'),
    atlas: z.array(AtlasIdSchema).default([]).describe('MITRE ATLAS technique ids'),
    owaspLlm: z.array(OwaspLlmIdSchema).default([]).describe('OWASP LLM Top 10 2025 ids'),
    owaspMl: z.array(OwaspMlIdSchema).default([]).describe('OWASP ML Top 10 2023 ids'),
    appliesTo: AppliesToSchema,
    actor: Text.describe('Who carries out the attack'),
    preconditions: TextList('What must be true for the attack to work'),
    steps: z.array(Text).min(2).describe('Attack steps, in order'),
    impact: Text.describe('What the attacker achieves and what it costs the owner'),
    likelihood: LikelihoodSchema,
    severity: SeveritySchema,
    mitigations: PatternMitigationsSchema,
    signals: TextList('Detection and monitoring signals: what to log and alert on'),
    redTeam: TextList('Red-team test ideas to try against the real system'),
    questions: TextList('Review questions that model this threat'),
    keywords: z.array(z.string().min(2).max(60)).default([]).describe('Extra search terms'),
  })
  .strict()
  .describe('A threat pattern of the knowledge base');
export type ThreatPattern = z.infer<typeof ThreatPatternSchema>;

/** A loaded pattern: front matter plus the Markdown body and where it came from. */
export interface LoadedPattern extends ThreatPattern {
  /** Markdown body, in the knowledge base's own words. */
  readonly body: string;
  /** Path of the file it was loaded from (or `builtin:<id>` for the precompiled knowledge base). */
  readonly file: string;
}
