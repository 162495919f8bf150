import { resolve } from 'node:path';
import type { MisuseCase, Severity } from '../domain/index.js';
import { riskLevel } from '../engine/risk.js';
import { FORMAT_NAMES, FORMATS, isFormatName, renderFormat, safeOutputPath } from '../export/index.js';
import { didYouMean } from '../input/suggest.js';
import { writeAtomic } from './persist.js';
import type { ChatAction, ChatState } from './state.js';

/** Review actions that change or write the threat model: hand-set risk levels and `/export`. */

/** `/export FORMAT [FILE]`: renders the reviewed model and writes it atomically (default: next to the input). */
export function* exportThreatModel(format: string | undefined, file: string | undefined, s: ChatState, cwd: string): Generator<ChatAction> {
  if (!format) return yield failure('usage: /export FORMAT [FILE]', `Formats: ${FORMAT_NAMES.join(', ')}.`);
  if (!isFormatName(format)) {
    const near = didYouMean(format, FORMAT_NAMES);
    return yield failure(`unknown format "${format}".${near ? ` Did you mean ${near}?` : ''}`, `Formats: ${FORMAT_NAMES.join(', ')}.`);
  }
  if (!s.model) return yield failure('no threat model to export yet.', '/load FILE or /paste first.');
  const model = { ...s.model, system: s.system ?? s.model.system };
  // The default name follows the input (arch.md -> arch.json); safeOutputPath never returns the
  // input itself, so it gets the input's absolute path.
  const stem = s.doc && s.doc.source !== 'paste' ? resolve(cwd, s.doc.source) : s.model.system.name;
  const path = file ? resolve(cwd, file) : safeOutputPath(cwd, stem, FORMATS[format].ext);
  const text = renderFormat(format, model, { sourceUri: s.doc?.source });
  writeAtomicText(path, text);
  yield success(`wrote ${path} (${format}, ${model.misuseCases.length} cases).`);
}

const failure = (text: string, hint?: string): ChatAction => ({ type: 'append', item: hint ? { kind: 'error', text, hint } : { kind: 'error', text } });
const success = (text: string): ChatAction => ({ type: 'append', item: { kind: 'info', text, tone: 'success' } });

/** Sets a case's risk level by hand: the score moves into the level's band, and the factor says so. */
export function withRiskLevel(c: MisuseCase, level: Severity): MisuseCase {
  const band: Record<Severity, [number, number]> = { low: [0, 24], medium: [25, 44], high: [45, 64], critical: [65, 100] };
  const [lo, hi] = band[level];
  const score = riskLevel(c.risk.score) === level ? c.risk.score : Math.min(hi, Math.max(lo, c.risk.score));
  const factors = [...c.risk.factors.filter((f) => !f.startsWith('risk set to')), `risk set to ${level} by the reviewer`];
  return { ...c, risk: { score, level, factors } };
}

function writeAtomicText(path: string, text: string): void {
  // Same temp-then-rename write as the session files: a reader never sees half a report.
  writeAtomic(path, text.endsWith('\n') ? text : `${text}\n`);
}
