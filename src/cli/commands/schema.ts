import { publishedSchemas } from '../../core/export/jsonSchema.js';
import { emit } from '../io.js';

/** `threatstorm schema [--name NAME]`: prints a published JSON Schema. */
export function schemaCommand(opts: { name: string }): number {
  const schemas = publishedSchemas() as Record<string, unknown>;
  emit(JSON.stringify(schemas[`${opts.name}.schema.json`], null, 2));
  return 0;
}
