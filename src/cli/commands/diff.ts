import { ThreatModelSchema, type ThreatModel } from '../../core/domain/index.js';
import { AppError, EXIT, formatZodIssues } from '../../core/errors.js';
import { readInput } from '../../core/input/readInput.js';
import { diffModels, hasNewHighRisk, toDiffJson, toDiffMarkdown } from '../../core/export/index.js';
import { emit, info, setQuiet } from '../io.js';

/** Reads and validates a threat model JSON file written by `generate --format json`. */
export function readThreatModel(file: string): ThreatModel {
  const doc = readInput(file);
  let data: unknown;
  try {
    data = JSON.parse(doc.text);
  } catch (err) {
    throw new AppError(`${file} is not JSON (${(err as Error).message}). Give threat models written by \`threatstorm generate --format json\`.`, EXIT.usage);
  }
  const parsed = ThreatModelSchema.safeParse(data);
  if (!parsed.success) {
    throw new AppError(`${file} is not a threatstorm threat model:\n${formatZodIssues(parsed.error.issues)}\nGive files written by \`threatstorm generate --format json\`.`, EXIT.usage);
  }
  return parsed.data;
}

/** `threatstorm diff OLD.json NEW.json`: exit 1 when new high-risk cases appear (for CI). */
export function diffCommand(oldFile: string, newFile: string, opts: { format: 'markdown' | 'json'; out?: string; quiet?: boolean }): number {
  setQuiet(!!opts.quiet);
  const diff = diffModels(readThreatModel(oldFile), readThreatModel(newFile));
  emit(opts.format === 'json' ? toDiffJson(diff) : toDiffMarkdown(diff), opts.out);
  const gate = hasNewHighRisk(diff);
  if (gate) info('new or escalated high-risk cases: exit 1');
  return gate ? EXIT.findings : EXIT.ok;
}
