import { z } from 'zod';
import { FINDING_FAMILIES, HIDING_PLACES } from './constants.js';

export { FINDING_FAMILIES, HIDING_PLACES } from './constants.js';



/** One thing the injection self-check found in an input. */
export const InputFindingSchema = z
  .object({
    source: z.string().describe('The input it was found in: a file path, "-" for stdin, "kb:<id>", "chat"'),
    kind: z.enum(FINDING_FAMILIES).describe('Family of instruction-like text found'),
    hiding: z.enum(HIDING_PLACES).describe('Where in the input the text was hiding'),
    start: z.number().int().nonnegative().describe('Start offset (UTF-16 code units) in the original input'),
    end: z.number().int().nonnegative().describe('End offset (exclusive) in the original input'),
    line: z.number().int().positive().optional().describe('1-based line of the start offset'),
    excerpt: z.string().max(300).describe('The offending text, normalised and shortened'),
    reason: z.string().max(500).describe('Why it was flagged'),
    score: z.number().min(0).max(1).describe('0-1 confidence that this is an injection rather than a mention'),
  })
  .strict();
export type InputFinding = z.infer<typeof InputFindingSchema>;

/** The guard's overall verdict on one input. */
export const VerdictSchema = z.enum(['clean', 'suspicious', 'injection']).describe('Overall verdict on an input');
export type Verdict = z.infer<typeof VerdictSchema>;
