import { z } from 'zod';
import { MisuseCaseSchema, SeveritySchema, VerdictSchema } from '../domain/index.js';
import { FINDING_FAMILIES, HIDING_PLACES } from '../domain/finding.js';

/**
 * The chat's conversation: finished items, rendered once (Ink `<Static>`) and saved in the session
 * file. Everything here is data; components decide how it looks.
 */

/** One line of a report, optionally coloured by a risk level and tied to a case or pattern id. */
export const ReportLineSchema = z
  .object({
    text: z.string().describe('The line, plain text'),
    label: z.string().optional().describe('A short first column (e.g. a command), aligned across the section'),
    level: SeveritySchema.optional().describe('Risk level used to colour the line'),
    ref: z.string().optional().describe('Case id (MC-…) or pattern id the line is about'),
  })
  .strict();
export type ReportLine = z.infer<typeof ReportLineSchema>;

/** A titled list of lines inside a report. */
export const ReportSectionSchema = z
  .object({
    heading: z.string().describe('Section heading'),
    lines: z.array(ReportLineSchema).describe('Bullet lines'),
  })
  .strict();
export type ReportSection = z.infer<typeof ReportSectionSchema>;

/** A guard finding as the banner shows it. */
export const BannerFindingSchema = z
  .object({
    kind: z.enum(FINDING_FAMILIES).describe('Family of instruction-like text'),
    hiding: z.enum(HIDING_PLACES).describe('Where it was hiding'),
    line: z.number().int().positive().optional().describe('1-based line'),
    excerpt: z.string().describe('Shortened offending text'),
  })
  .strict();
export type BannerFinding = z.infer<typeof BannerFindingSchema>;

const id = z.number().int().nonnegative().describe('Position in the conversation, the <Static> key');

/** One finished item of the conversation. */
export const HistoryItemSchema = z.discriminatedUnion('kind', [
  z.object({ id, kind: z.literal('user'), text: z.string().describe('What the user typed') }).strict(),
  z
    .object({ id, kind: z.literal('info'), text: z.string(), tone: z.enum(['plain', 'success', 'dim']).optional() })
    .strict(),
  z.object({ id, kind: z.literal('warning'), text: z.string() }).strict(),
  z.object({ id, kind: z.literal('error'), text: z.string(), hint: z.string().optional().describe('How to fix it') }).strict(),
  z
    .object({
      id,
      kind: z.literal('guard'),
      source: z.string().describe('What was scanned: a file, "paste" or "chat"'),
      verdict: VerdictSchema,
      findings: z.array(BannerFindingSchema),
    })
    .strict(),
  z
    .object({ id, kind: z.literal('case'), case: MisuseCaseSchema, detail: z.boolean().optional().describe('Expanded view') })
    .strict(),
  z
    .object({
      id,
      kind: z.literal('report'),
      title: z.string(),
      lead: z.string().optional().describe('One-sentence answer before the sections'),
      sections: z.array(ReportSectionSchema),
      footer: z.string().optional().describe('A hint on what to do next'),
    })
    .strict(),
  z
    .object({ id, kind: z.literal('assistant'), text: z.string(), model: z.string().optional().describe('Model that wrote it') })
    .strict(),
  z
    .object({
      id,
      kind: z.literal('question'),
      index: z.number().int().positive(),
      total: z.number().int().positive(),
      text: z.string(),
      cases: z.array(z.string()).describe('Case ids the question comes from'),
    })
    .strict(),
]);
export type HistoryItem = z.infer<typeof HistoryItemSchema>;

/** Distributes Omit over the union, so a new item can be written without its id. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A history item before the reducer numbers it. */
export type NewHistoryItem = DistributiveOmit<HistoryItem, 'id'>;
