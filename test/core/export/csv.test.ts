import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, toCsv } from '../../../src/core/export/csv.js';
import { emptyThreatModel, fixtureThreatModel } from '../../fixtures/threatModel.js';
import { parseCsv } from './support.js';

describe('toCsv', () => {
  const model = fixtureThreatModel();
  const out = toCsv(model);
  const records = parseCsv(out);

  it('parses back to a header plus one record per case, every record complete', () => {
    expect(records[0]).toEqual([...CSV_COLUMNS]);
    expect(records).toHaveLength(model.misuseCases.length + 1);
    for (const r of records) expect(r).toHaveLength(CSV_COLUMNS.length);
    expect(records.slice(1).map((r) => r[0])).toEqual(model.misuseCases.map((mc) => mc.id));
  });

  it('uses CRLF between records', () => {
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
  });

  it('writes target names, list cells and mitigations by type', () => {
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const mc2 = records[2] as string[];
    expect(mc2[col('targets')]).toContain('Refund API');
    expect(mc2[col('stride')]).toBe('Elevation of Privilege; Tampering');
    expect(mc2[col('risk_score')]).toBe('74');
    expect(mc2[col('mitigations_detect')]).toBe('Alert on refunds issued by the agent');
    expect((records[5] as string[])[col('provenance')]).toBe('model (llama3.1:8b) [fallback]');
  });

  it('neutralises formula injection in every cell', () => {
    for (const r of records.slice(1)) {
      for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const titles = records.slice(1).map((r) => r[1]);
    expect(titles).toContain('\'=HYPERLINK("https://evil.example","Confidently wrong refund policy answers")');
    expect(titles).toContain("'+Prompt flooding runs up the model bill");
  });

  it('is just the header for a model without cases', () => {
    expect(parseCsv(toCsv(emptyThreatModel()))).toEqual([[...CSV_COLUMNS]]);
  });
});
