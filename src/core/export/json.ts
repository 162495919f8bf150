import type { ThreatModel } from '../domain/index.js';

// Characters JSON.stringify leaves raw that a terminal or editor may act on: DEL, C1 controls
// (U+009B is an 8-bit CSI), line/paragraph separators, bidi overrides and isolates.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text of any value: 2-space indent, trailing newline, and every character a terminal could
 * act on written as a `\uXXXX` escape (JSON.stringify already escapes C0 controls such as ESC), so
 * the output is lossless yet safe to print.
 */
export function stringifyJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    UNSAFE_IN_JSON,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}

/**
 * The threat model as pretty JSON in the output-contract shape (`threatstorm generate --format
 * json`): contract fields first in contract order, then nothing else.
 */
export function toJson(model: ThreatModel): string {
  const ordered: ThreatModel = {
    schemaVersion: model.schemaVersion,
    system: model.system,
    misuseCases: model.misuseCases,
    inputFindings: model.inputFindings,
    run: model.run,
  };
  return stringifyJson(ordered);
}
