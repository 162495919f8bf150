// Format detection and the Markdown / Mermaid / prose path: no yaml, no zod, so the CLI can start
// without them and load the YAML/JSON parser only for YAML/JSON input (see parseArchitectureAsync).
import { basename, extname } from 'node:path';
import type { SystemModel } from '../domain/system.js';
import { InputError } from '../errors.js';
import { deriveSystem } from './derive.js';
import { extractProse } from './prose.js';

/** Formats threatstorm reads. Mermaid (`.mmd`) and plain text count as `markdown`. */
export type InputFormat = 'markdown' | 'yaml' | 'json';

/** The result of parsing an architecture: the derived system model, the format read and notes for the user. */
export interface ParsedArchitecture {
  system: SystemModel;
  format: InputFormat;
  warnings: string[];
}

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json', '.md': 'markdown', '.markdown': 'markdown', '.txt': 'markdown', '.mmd': 'markdown',
};
const MERMAID_START = /^\s*(?:%%[^\n]*\n\s*)*(?:---\n[\s\S]*?\n---\s*\n\s*)?(?:flowchart|graph)\b/i;
const YAML_KEY_LINE = /^(?:[\w"'-][^:\n]*|"[^"\n]*"):(?:\s|$)/;

/** The file name without folders and extension ("docs/chatbot.md" → "chatbot"); "-" becomes "architecture". */
export function sourceStem(source: string): string {
  if (source === '-' || !source) return 'architecture';
  const base = basename(source);
  return base.slice(0, base.length - extname(base).length) || base;
}

/**
 * Detects the format: by the extension of `source` when it has a known one, else by content (a JSON
 * object → json; a YAML mapping with a top-level `components:` key → yaml; anything else → markdown).
 */
export function detectFormat(text: string, source: string): InputFormat {
  const byExt = BY_EXTENSION[extname(source).toLowerCase()];
  if (byExt) return byExt;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return 'json';
  if (/^components\s*:/m.test(text)) {
    const first = text.split('\n').find((l) => l.trim() && !l.trim().startsWith('#') && l.trim() !== '---');
    if (first && YAML_KEY_LINE.test(first)) return 'yaml';
  }
  return 'markdown';
}

/** True when the text is a bare Mermaid flowchart rather than a document (`.mmd` files, pasted diagrams). */
export function isBareMermaid(text: string, source: string): boolean {
  return extname(source).toLowerCase() === '.mmd' ? !/^\s*```/m.test(text) : MERMAID_START.test(text);
}

/** Resolves the format to read `text` as. */
export function resolveFormat(text: string, opts: { source: string; format?: InputFormat | 'auto' }): InputFormat {
  return !opts.format || opts.format === 'auto' ? detectFormat(text, opts.source) : opts.format;
}

/** Throws the "empty input" error when the text has nothing but white space. */
export function assertNotEmpty(text: string, source: string): void {
  if (!text.trim()) {
    throw new InputError(source, `${source === '-' ? 'standard input' : source} is empty. Describe the system: its components, what data flows between them and which AI models it uses.`);
  }
}

/** Parses Markdown, plain prose or Mermaid into a derived system model. */
export function parseMarkdownArchitecture(text: string, source: string, format: InputFormat): ParsedArchitecture {
  const stem = sourceStem(source);
  const mermaidOnly = isBareMermaid(text, source);
  const { system, warnings } = extractProse(text, stem, { mermaidOnly });
  if (!system.components.length && mermaidOnly) {
    throw new InputError(source, `${source === '-' ? 'standard input' : source} has no Mermaid flowchart nodes. threatstorm reads \`flowchart\` or \`graph\` diagrams, e.g. "flowchart LR\n  user[Customer] --> api[Chat API] --> llm[GPT-4o]".`);
  }
  if (!system.components.length) {
    throw new InputError(source, `no components were found in ${source === '-' ? 'standard input' : source}. Name the parts of the system and what they do, e.g. "Users chat with a support bot built on GPT-4o; it retrieves help articles from a Pinecone index." or give a YAML system model.`);
  }
  return { system: deriveSystem(system), format, warnings };
}
