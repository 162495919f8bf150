import { basename, relative, resolve, sep, isAbsolute, dirname } from 'node:path';
import type { ThreatModel } from '../domain/index.js';
import { AppError, EXIT } from '../errors.js';
import { toCsv } from './csv.js';
import { toJson } from './json.js';
import { toMarkdown } from './markdown.js';
import { toPromptfoo } from './promptfoo.js';
import { type SarifOptions, toSarif } from './sarif.js';
import { toSystemCard } from './systemCard.js';
import { toThreatComposer } from './threatComposer.js';

export { toCsv, CSV_COLUMNS } from './csv.js';
export { diffModels, hasNewHighRisk, toDiffJson, toDiffMarkdown, type ThreatModelDiff, type CaseChange, type DiffCase } from './diff.js';
export { stripAnsi, sanitizeText } from './escape.js';
export { toJson, stringifyJson } from './json.js';
// JSON Schema publishing lives in ./jsonSchema.js and is imported directly: it needs zod, which the
// rendering path (and so CLI start-up) does without.
export { toMarkdown, INPUT_WARNING } from './markdown.js';
export { toPromptfoo, PROMPT_INJECTION_STRATEGY } from './promptfoo.js';
export { toSarif, type SarifOptions } from './sarif.js';
export { toSystemCard } from './systemCard.js';
export { toThreatComposer } from './threatComposer.js';

/** Options every renderer accepts (each uses what it needs). */
export type RenderOptions = SarifOptions;

/** One output format: its file extension and its renderer. */
export interface OutputFormat {
  /** File extension without the leading dot, e.g. `md` or `tc.json`. */
  readonly ext: string;
  /** One-line description for `--help`. */
  readonly description: string;
  /** Renders a threat model as the format's text. */
  readonly render: (model: ThreatModel, opts?: RenderOptions) => string;
}

/** Every output format by `--format` name. */
export const FORMATS = {
  markdown: { ext: 'md', description: 'Human report with diagrams (default)', render: (m) => toMarkdown(m) },
  json: { ext: 'json', description: 'The threat model in the output contract shape', render: (m) => toJson(m) },
  csv: { ext: 'csv', description: 'One row per misuse case, for spreadsheets', render: (m) => toCsv(m) },
  sarif: { ext: 'sarif', description: 'SARIF 2.1.0 for code-scanning tools', render: (m, o) => toSarif(m, o) },
  'threat-composer': { ext: 'tc.json', description: 'AWS Threat Composer workspace', render: (m) => toThreatComposer(m) },
  promptfoo: { ext: 'promptfoo.yaml', description: 'promptfoo red-team config', render: (m) => toPromptfoo(m) },
  'system-card': { ext: 'card.md', description: 'Draft system card', render: (m) => toSystemCard(m) },
} as const satisfies Record<string, OutputFormat>;

/** A `--format` name. */
export type FormatName = keyof typeof FORMATS;

/** All format names, in registry order. */
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

/** True when `name` is a known format. */
export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}

/** Renders `model` in the named format; an unknown name is a usage error that lists the formats. */
export function renderFormat(name: string, model: ThreatModel, opts: RenderOptions = {}): string {
  if (!isFormatName(name)) {
    throw new AppError(`Unknown format "${name}". Use one of: ${FORMAT_NAMES.join(', ')}.`, EXIT.usage);
  }
  const format: OutputFormat = FORMATS[name];
  return format.render(model, opts);
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** A file-name stem from any input name: no directories, traversal, control or reserved characters. */
function safeStem(inputName: string): string {
  if (inputName === '-' || inputName.trim() === '') return 'stdin';
  const base = basename(inputName.replace(/\\/g, '/'));
  let stem = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/^[.\s]+/, '') // no hidden files, no `..`
    .replace(/(.)\.[^.]*$/, '$1') // drop the input's own extension: arch.md -> arch
    .replace(/[.\s]+$/, ''); // Windows ignores trailing dots and spaces
  if (WINDOWS_RESERVED.test(stem.split('.')[0] ?? '')) stem = `_${stem}`;
  stem = Array.from(stem).slice(0, 150).join('');
  return stem === '' ? 'input' : stem;
}

/**
 * The path `outDir/<input-name>.<ext>` for an input, guaranteed inside `outDir`: the input's
 * directories, `..`, NUL and control characters, Windows-reserved names and characters are
 * removed; the result is resolved and checked to be a direct child of `outDir`. When the output
 * would overwrite the input itself, `.threatstorm` is inserted before the extension.
 */
export function safeOutputPath(outDir: string, inputName: string, ext: string): string {
  if (outDir.includes('\u0000')) throw new AppError('The output directory contains a NUL character.', EXIT.usage);
  const safeExt = ext.toLowerCase().replace(/[^a-z0-9.]/g, '').replace(/^\.+|\.+$/g, '').replace(/\.{2,}/g, '.');
  if (safeExt === '') throw new AppError(`Invalid output extension "${ext}".`, EXIT.usage);
  const dir = resolve(outDir);
  const stem = safeStem(inputName);
  let full = resolve(dir, `${stem}.${safeExt}`);
  if (!inputName.includes('\u0000') && inputName !== '-' && full === resolve(inputName)) {
    full = resolve(dir, `${stem}.threatstorm.${safeExt}`);
  }
  const rel = relative(dir, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.includes(sep) || dirname(full) !== dir) {
    throw new AppError(`Refusing to write outside ${dir}: "${inputName}" does not give a safe file name.`, EXIT.usage);
  }
  return full;
}
