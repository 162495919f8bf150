import { deriveSystem } from './derive.js';
import { assertNotEmpty, parseMarkdownArchitecture, resolveFormat, sourceStem, type InputFormat, type ParsedArchitecture } from './format.js';

/**
 * Same as `parseArchitecture`, but loads the YAML/JSON parser (and with it yaml and zod) only
 * when the input is YAML or JSON, which keeps CLI start-up light for Markdown input.
 */
export async function parseArchitectureAsync(text: string, opts: { source: string; format?: InputFormat | 'auto' }): Promise<ParsedArchitecture> {
  const format = resolveFormat(text, opts);
  assertNotEmpty(text, opts.source);
  if (format === 'markdown') return parseMarkdownArchitecture(text, opts.source, format);
  const { parseSystemModelFile: parseFile } = await import('./systemModelFile.js');
  return { system: deriveSystem(parseFile(text, opts.source, format, sourceStem(opts.source))), format, warnings: [] };
}
