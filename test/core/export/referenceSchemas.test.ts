import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { ThreatModel } from '../../../src/core/domain/index.js';
import { ThreatModelSchema } from '../../../src/core/domain/index.js';
import { toSarif } from '../../../src/core/export/sarif.js';
import { toThreatComposer } from '../../../src/core/export/threatComposer.js';
import { emptyThreatModel, fixtureThreatModel, nonAiThreatModel } from '../../fixtures/threatModel.js';

// Published schemas of the formats we export to live beside the project (../shared), not in it.
const projectRoot = resolve(import.meta.dirname, '../../..');
const SCHEMAS = resolve(projectRoot, '../shared/reference/schemas');
const SARIF_SCHEMA = resolve(SCHEMAS, 'sarif-schema-2.1.0.json');
const TC_SCHEMA = resolve(SCHEMAS, 'threat-composer-v1.schema.json');

/** The fixture stretched to every length limit: long names, actors, impacts, many targets. */
function longModel(): ThreatModel {
  const m = fixtureThreatModel();
  const long = (n: number) => 'Zażółć <b>gęślą</b> jaźń 🦜 '.repeat(n);
  m.system.name = long(20).slice(0, 200);
  m.system.components = m.system.components.map((c) => ({ ...c, name: long(10).slice(0, 200) }));
  m.system.assumptions = [long(100).slice(0, 1000)];
  for (const mc of m.misuseCases) {
    Object.assign(mc, { title: long(10).slice(0, 200), actor: long(20).slice(0, 300), impact: long(50), summary: long(40).slice(0, 1000) });
    mc.targets = m.system.components.map((c) => c.id);
    mc.preconditions = [long(5), long(5), long(5)];
    mc.mitigations = mc.mitigations.map((x) => ({ ...x, text: long(40).slice(0, 1000) }));
    mc.references.patterns = [long(3)];
  }
  return ThreatModelSchema.parse(m);
}

const MODELS = { fixture: fixtureThreatModel, empty: emptyThreatModel, 'non-AI': nonAiThreatModel, long: longModel };

describe.skipIf(!existsSync(SARIF_SCHEMA))('SARIF output against the OASIS SARIF 2.1.0 schema', () => {
  // The schema is draft-04 (`id`, not `$id`); Ajv 8 speaks draft-07, which reads it the same once
  // the id keyword is renamed (it uses no draft-04-only keywords such as boolean exclusiveMinimum).
  const { $schema: _draft, id, ...rest } = JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as Record<string, unknown>;
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile({ $id: String(id), ...rest });

  it.each(Object.keys(MODELS) as (keyof typeof MODELS)[])('validates for the %s model', (name) => {
    const ok = validate(JSON.parse(toSarif(MODELS[name](), { sourceUri: 'docs/arch.md' })));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is a live check: an invalid level fails', () => {
    const log = JSON.parse(toSarif(fixtureThreatModel())) as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(log)).toBe(false);
  });
});

describe.skipIf(!existsSync(TC_SCHEMA))('Threat Composer output against the published v1 schema', () => {
  const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false })
    .compile(JSON.parse(readFileSync(TC_SCHEMA, 'utf8')) as object);

  it.each(Object.keys(MODELS) as (keyof typeof MODELS)[])('validates for the %s model', (name) => {
    const ok = validate(JSON.parse(toThreatComposer(MODELS[name]())));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is a live check: an over-long statement fails', () => {
    const ws = JSON.parse(toThreatComposer(fixtureThreatModel())) as { threats: { statement: string }[] };
    ws.threats[0]!.statement = 'x'.repeat(1401);
    expect(validate(ws)).toBe(false);
  });
});
