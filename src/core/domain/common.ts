import { z } from 'zod';
import { STRIDE, isAtlasId, isOwaspLlmId, isOwaspMlId } from '../taxonomy/index.js';
import { THREAT_CLASSES } from './constants.js';

export { SEVERITY_ORDER, THREAT_CLASSES } from './constants.js';

/** A STRIDE category. */
export const StrideSchema = z.enum(STRIDE).describe('A STRIDE category');
export type Stride = z.infer<typeof StrideSchema>;

/** Likelihood of a misuse case happening. */
export const LikelihoodSchema = z.enum(['low', 'medium', 'high']).describe('How likely the misuse is');
export type Likelihood = z.infer<typeof LikelihoodSchema>;

/** Severity of impact, also used as the risk level. */
export const SeveritySchema = z.enum(['low', 'medium', 'high', 'critical']).describe('How bad the impact is');
export type Severity = z.infer<typeof SeveritySchema>;


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


/** An AI threat class, e.g. `indirect-prompt-injection`. */
export const ThreatClassSchema = z
  .enum(Object.keys(THREAT_CLASSES) as [keyof typeof THREAT_CLASSES, ...(keyof typeof THREAT_CLASSES)[]])
  .describe('The AI threat class of the misuse case');
export type ThreatClass = z.infer<typeof ThreatClassSchema>;
