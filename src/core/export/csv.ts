import type { MisuseCase, ThreatModel } from '../domain/index.js';
import { csvRow } from './escape.js';
import { mitigationsByType, provenanceText, targetNames } from './facts.js';

/** CSV column headers, in order. */
export const CSV_COLUMNS = [
  'id', 'title', 'threat_class', 'targets', 'stride', 'likelihood', 'severity', 'risk_score', 'risk_level',
  'atlas', 'owasp_llm', 'owasp_ml', 'mitigations_prevent', 'mitigations_detect', 'mitigations_respond',
  'status', 'provenance',
] as const;

function row(model: ThreatModel, mc: MisuseCase): string {
  const m = mitigationsByType(mc);
  const list = (items: readonly string[]) => items.join('; ');
  // Mitigations are sentences that may hold ';', so each goes on its own line inside the cell.
  const mitigations = (type: keyof typeof m) => m[type].map((x) => x.text).join('\n');
  return csvRow([
    mc.id,
    mc.title,
    mc.threatClass,
    list(targetNames(model, mc)),
    list(mc.stride),
    mc.likelihood,
    mc.severity,
    mc.risk.score,
    mc.risk.level,
    list(mc.references.atlas),
    list(mc.references.owaspLlm),
    list(mc.references.owaspMl),
    mitigations('prevent'),
    mitigations('detect'),
    mitigations('respond'),
    mc.status,
    provenanceText(mc),
  ]);
}

/**
 * The misuse cases as RFC 4180 CSV: a header row, then one record per case, CRLF line endings.
 * Cells a spreadsheet would run as formulas are neutralised with a leading `'`; multi-value
 * cells join with `; ` (mitigations with line breaks).
 */
export function toCsv(model: ThreatModel): string {
  const records = [csvRow(CSV_COLUMNS), ...model.misuseCases.map((mc) => row(model, mc))];
  return `${records.join('\r\n')}\r\n`;
}
