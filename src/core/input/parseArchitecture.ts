import { deriveSystem } from './derive.js';
import { assertNotEmpty, parseMarkdownArchitecture, resolveFormat, sourceStem, type ParsedArchitecture, type InputFormat } from './format.js';
import { parseSystemModelFile } from './systemModelFile.js';

export { detectFormat, isBareMermaid, sourceStem, type InputFormat, type ParsedArchitecture } from './format.js';

/**
 * Parses an architecture description into a derived system model: YAML/JSON system models,
 * Mermaid flowcharts, or Markdown/plain prose (with embedded Mermaid). Throws InputError with a
 * message that says what is wrong and where; never throws anything else for bad input.
 */
export function parseArchitecture(text: string, opts: { source: string; format?: InputFormat | 'auto' }): ParsedArchitecture {
  const format = resolveFormat(text, opts);
  assertNotEmpty(text, opts.source);
  if (format === 'yaml' || format === 'json') {
    return { system: deriveSystem(parseSystemModelFile(text, opts.source, format, sourceStem(opts.source))), format, warnings: [] };
  }
  return parseMarkdownArchitecture(text, opts.source, format);
}

export { parseArchitectureAsync } from './parseAsync.js';
