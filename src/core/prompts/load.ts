import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import { PROJECT_ROOT } from '../kb/knowledgeBase.js';

/** The prompts folder. */
export const PROMPTS_DIR = join(PROJECT_ROOT, 'prompts');

/** A prompt template loaded from `prompts/NAME.md`: f-string syntax, `{var}` and `{{` / `}}` for literal braces. */
export interface PromptTemplate {
  readonly name: string;
  readonly text: string;
  /** Variables the template needs, sorted. */
  readonly inputVariables: readonly string[];
  /** Fills the variables; throws naming every missing one. */
  render(vars: Record<string, string | number>): string;
}

const VAR_RE = /\{\{|\}\}|\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g;

/** Parses template text into a {@link PromptTemplate}. */
export function compilePrompt(name: string, text: string): PromptTemplate {
  const vars = new Set<string>();
  for (const m of text.matchAll(VAR_RE)) if (m[1]) vars.add(m[1]);
  const inputVariables = [...vars].sort();
  return {
    name,
    text,
    inputVariables,
    render(values) {
      const missing = inputVariables.filter((v) => values[v] === undefined);
      if (missing.length) throw new AppError(`prompt "${name}" is missing variable(s): ${missing.join(', ')}`);
      return text.replace(VAR_RE, (m, v: string | undefined) => (m === '{{' ? '{' : m === '}}' ? '}' : String(values[v!])));
    },
  };
}

const cache = new Map<string, PromptTemplate>();

/** Loads `prompts/NAME.md` (cached). */
export function loadPrompt(name: string, dir = PROMPTS_DIR): PromptTemplate {
  const key = `${dir}/${name}`;
  let p = cache.get(key);
  if (!p) {
    p = compilePrompt(name, readFileSync(join(dir, `${name}.md`), 'utf8'));
    cache.set(key, p);
  }
  return p;
}
