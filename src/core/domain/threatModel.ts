import { z } from 'zod';
import { SCHEMA_VERSION } from './constants.js';

export { SCHEMA_VERSION } from './constants.js';
import { InputFindingSchema, VerdictSchema } from './finding.js';
import { MisuseCaseSchema } from './misuseCase.js';
import { SystemModelSchema } from './system.js';


/** One call to a model, for run accounting. */
export const RunStatsSchema = z
  .object({
    calls: z.number().int().nonnegative().default(0).describe('Model calls made'),
    promptTokens: z.number().int().nonnegative().default(0).describe('Prompt tokens as the server reported them'),
    completionTokens: z.number().int().nonnegative().default(0).describe('Completion tokens as the server reported them'),
    fallbacks: z
      .array(z.object({ part: z.string(), reason: z.string() }).strict())
      .default([])
      .describe('Parts where offline cases stood in for model output, and why'),
    stageMs: z.record(z.string(), z.number()).optional().describe('Wall time per stage in milliseconds'),
  })
  .strict();

/** How the threat model was produced. */
export const RunSchema = RunStatsSchema.extend({
  provider: z.enum(['offline', 'ollama', 'openai']).describe('Provider that produced the model'),
  model: z.string().nullable().describe('Model name, null offline'),
  tool: z.string().describe('threatstorm version that produced the output'),
  knowledgeBase: z
    .object({ patterns: z.number().int(), digest: z.string().describe('Hash of the knowledge base content') })
    .strict(),
  input: z
    .object({ source: z.string(), format: z.string(), sha256: z.string(), verdict: VerdictSchema })
    .strict()
    .optional()
    .describe('The architecture input'),
  warnings: z.array(z.string()).default([]).describe('Non-fatal problems met during the run'),
}).strict();
export type Run = z.infer<typeof RunSchema>;

/** A threat model: the system model, its misuse cases ranked by risk, and what the guard found. */
export const ThreatModelSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION).describe('Output schema version'),
    system: SystemModelSchema,
    misuseCases: z.array(MisuseCaseSchema).describe('Misuse cases, highest risk first'),
    inputFindings: z.array(InputFindingSchema).default([]).describe('What the injection self-check found in the inputs'),
    run: RunSchema,
  })
  .strict()
  .describe('A threatstorm threat model');
export type ThreatModel = z.infer<typeof ThreatModelSchema>;
