import { z } from 'zod';
import { SystemModelSchema, ThreatModelSchema, ThreatPatternSchema } from '../domain/index.js';

/** File names of the published JSON Schemas (in the project's `schemas/` folder). */
export const SCHEMA_FILES = ['threat-model.schema.json', 'system-model.schema.json', 'threat-pattern.schema.json'] as const;

/** A published schema file name. */
export type SchemaFile = (typeof SCHEMA_FILES)[number];

function withTitle(schema: Record<string, unknown>, title: string): Record<string, unknown> {
  const { $schema, ...rest } = schema;
  return { $schema, title, ...rest };
}

/**
 * The JSON Schemas threatstorm publishes, generated from the zod schemas (the single source of
 * truth): the threat model as `generate --format json` writes it (output side: defaults filled
 * in), and the system model and knowledge-base pattern as users write them (input side: fields with
 * defaults optional). Refinements that JSON Schema cannot express (valid ATLAS ids) are dropped.
 */
export function publishedSchemas(): Record<SchemaFile, Record<string, unknown>> {
  return {
    'threat-model.schema.json': withTitle(z.toJSONSchema(ThreatModelSchema, { io: 'output' }), 'threatstorm threat model'),
    'system-model.schema.json': withTitle(z.toJSONSchema(SystemModelSchema, { io: 'input' }), 'threatstorm system model'),
    'threat-pattern.schema.json': withTitle(
      z.toJSONSchema(ThreatPatternSchema, { io: 'input' }),
      'threatstorm knowledge-base threat pattern',
    ),
  };
}

/** The text of a published schema file: 2-space indented JSON with a trailing newline. */
export function schemaFileText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
