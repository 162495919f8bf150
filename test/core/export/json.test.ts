import { describe, expect, it } from 'vitest';
import { ThreatModelSchema } from '../../../src/core/domain/index.js';
import { stringifyJson, toJson } from '../../../src/core/export/json.js';
import { fixtureThreatModel } from '../../fixtures/threatModel.js';

describe('toJson', () => {
  const model = fixtureThreatModel();
  const out = toJson(model);

  it('is 2-space indented with a trailing newline', () => {
    expect(out.startsWith('{\n  "schemaVersion": "1",\n  "system": {')).toBe(true);
    expect(out.endsWith('}\n')).toBe(true);
  });

  it('has the contract fields in contract order and round-trips through the schema', () => {
    const parsed = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'system', 'misuseCases', 'inputFindings', 'run']);
    expect(ThreatModelSchema.parse(parsed)).toEqual(model);
  });

  it('escapes C1 controls, separators and bidi overrides yet stays lossless', () => {
    const text = stringifyJson({ s: 'a\u009b2J\u2028\u202eb\u001b[0m' });
    expect(text).toContain('\\u009b');
    expect(text).toContain('\\u2028');
    expect(text).toContain('\\u202e');
    expect(text).toContain('\\u001b');
    expect(JSON.parse(text)).toEqual({ s: 'a\u009b2J\u2028\u202eb\u001b[0m' });
  });
});
