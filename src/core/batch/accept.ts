import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ThreatClassSchema } from '../domain/index.js';
import { AppError, EXIT, formatZodIssues } from '../errors.js';

/** File names looked for when `--accept` is not given. */
export const ACCEPT_FILE_NAMES: readonly string[] = ['threatstorm.accept.yaml', 'threatstorm.accept.yml'];

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** A calendar date `YYYY-MM-DD` (YAML may hand it over as a Date). */
const DateSchema = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s), { message: 'use a date such as 2027-06-30' });

/**
 * One accepted risk. It matches a case when every field it gives matches: `input` (path or glob,
 * relative to the accept file's folder), `pattern` (knowledge-base pattern id), `threatClass`,
 * `target` (component id or name, case-insensitive), `case` (case id, needs `input` since ids are
 * per threat model). At least one of pattern, threatClass, target or case is required.
 */
export const AcceptRuleSchema = z
  .object({
    input: z.string().min(1).optional().describe('Input path or glob, relative to the accept file; omit for every input'),
    pattern: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use a knowledge-base pattern id such as "markdown-image-exfiltration"').optional(),
    threatClass: ThreatClassSchema.optional(),
    target: z.string().min(1).optional().describe('Component id or name'),
    case: z.string().regex(/^MC-\d{3,}$/, 'use a case id such as MC-007').optional(),
    reason: z.string().trim().min(3, 'say why the risk is accepted (ticket, decision, compensating control)'),
    until: DateSchema.optional().describe('Last day the acceptance holds (inclusive)'),
    by: z.string().min(1).optional().describe('Who accepted the risk'),
  })
  .strict()
  .refine((r) => r.pattern || r.threatClass || r.target || r.case, {
    message: 'say what is accepted: give pattern, threatClass, target or case',
  })
  .refine((r) => !r.case || r.input, { message: '"case" ids are per threat model: give "input" too', path: ['case'] });
export type AcceptRule = z.infer<typeof AcceptRuleSchema>;

/** The accept file: `accept:` list of rules, optional `version: 1`. */
export const AcceptFileSchema = z
  .object({
    version: z.literal(1).optional().describe('Format version of this file'),
    accept: z.array(AcceptRuleSchema).describe('Accepted risks'),
  })
  .strict();

/** A loaded accept file. */
export interface AcceptList {
  readonly file: string;
  /** Folder that `input` paths in the rules are relative to. */
  readonly baseDir: string;
  readonly rules: readonly AcceptRule[];
}

/** Parses and validates accept-file text; errors name the file, the line or field, and the fix. */
export function parseAcceptFile(text: string, file: string): AcceptList {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0]?.line;
    throw new AppError(`Invalid accept file ${file}${line ? `:${line}` : ''}: ${first.message.split('\n')[0]}. It must be YAML with an "accept:" list.`, EXIT.usage);
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) {
    throw new AppError(`Invalid accept file ${file}: it is empty. Write an "accept:" list, e.g.\naccept:\n  - pattern: markdown-image-exfiltration\n    reason: "Widget renders plain text only (SEC-123)"`, EXIT.usage);
  }
  const res = AcceptFileSchema.safeParse(data);
  if (!res.success) {
    throw new AppError(`Invalid accept file ${file}:\n${formatZodIssues(res.error.issues)}`, EXIT.usage);
  }
  return { file, baseDir: dirname(resolve(file)), rules: res.data.accept };
}

/** Reads and validates an accept file; a missing or unreadable file is a usage error. */
export function loadAcceptFile(file: string): AcceptList {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError(`cannot read the accept file ${file}: ${code === 'ENOENT' ? 'it does not exist' : code ?? String(err)}. Check the --accept path.`, EXIT.usage);
  }
  return parseAcceptFile(text, file);
}

/** The deepest folder that holds every path (`/`-rooted or cwd-relative absolute paths). */
function commonDir(absPaths: readonly string[]): string | undefined {
  if (!absPaths.length) return undefined;
  const split = absPaths.map((p) => dirname(p).split(/[\\/]/));
  const first = split[0]!;
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && i < parts.length && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join('/') || '/';
}

/**
 * Finds the default accept file: `threatstorm.accept.yaml` (or `.yml`) in the folder holding all
 * the inputs, else in the current folder.
 */
export function findAcceptFile(inputAbsPaths: readonly string[], cwd: string = process.cwd()): string | undefined {
  const dirs = [commonDir(inputAbsPaths), resolve(cwd)].filter((d): d is string => !!d);
  for (const dir of [...new Set(dirs)]) {
    for (const name of ACCEPT_FILE_NAMES) {
      const path = join(dir, name);
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}

/** True when the acceptance has expired on `today` (`YYYY-MM-DD`; `until` is the last valid day). */
export function isExpired(rule: AcceptRule, today: string): boolean {
  return rule.until !== undefined && rule.until < today;
}
