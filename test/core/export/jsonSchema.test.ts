import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILES, publishedSchemas, schemaFileText } from '../../../src/core/export/jsonSchema.js';
import { toJson } from '../../../src/core/export/json.js';
import { fixtureThreatModel } from '../../fixtures/threatModel.js';

const SCHEMAS_DIR = resolve(import.meta.dirname, '../../../schemas');

// Regenerate after changing a zod schema: THREATSTORM_UPDATE_SCHEMAS=1 npx vitest run test/core/export/jsonSchema.test.ts
const UPDATE = process.env.THREATSTORM_UPDATE_SCHEMAS === '1';

describe('publishedSchemas', () => {
  const schemas = publishedSchemas();

  it('publishes the three schemas as JSON Schema 2020-12 with titles', () => {
    expect(Object.keys(schemas).sort()).toEqual([...SCHEMA_FILES].sort());
    for (const name of SCHEMA_FILES) {
      expect(schemas[name].$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(typeof schemas[name].title).toBe('string');
    }
  });

  it.each(SCHEMA_FILES)('schemas/%s on disk equals publishedSchemas() (never stale)', (name) => {
    const path = resolve(SCHEMAS_DIR, name);
    const expected = schemaFileText(schemas[name]);
    if (UPDATE) writeFileSync(path, expected);
    expect(existsSync(path), `${path} is missing; run with THREATSTORM_UPDATE_SCHEMAS=1`).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });

  it('the JSON export of the fixture validates against threat-model.schema.json', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schemas['threat-model.schema.json']);
    const ok = validate(JSON.parse(toJson(fixtureThreatModel())));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('system-model.schema.json is the input side: fields with defaults are optional', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(schemas['system-model.schema.json']);
    expect(validate({ name: 'Minimal', components: [{ id: 'llm', name: 'LLM', kind: 'llm' }] })).toBe(true);
    expect(validate({ name: 'Bad', components: [{ id: 'llm', name: 'LLM', kind: 'not-a-kind' }] })).toBe(false);
  });
});
