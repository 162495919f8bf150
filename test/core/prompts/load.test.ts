import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePrompt, loadPrompt, PROMPTS_DIR } from '../../../src/core/prompts/load.js';

/** Every prompt file and the variables it must take: a renamed or new variable fails here. */
const EXPECTED: Record<string, string[]> = {
  system: ['canary_instruction', 'spotlight_notice'],
  cases: ['components', 'excerpt', 'flows', 'focus', 'max_cases', 'patterns', 'system_name'],
  extract: ['document'],
  repair: ['errors'],
  answer: ['canary_instruction', 'kb_excerpts', 'model_summary', 'spotlight_notice'],
  oneshot: ['document', 'max_cases', 'patterns', 'system_name'],
};

describe('prompt files', () => {
  it('every file in prompts/ is known here, and every known prompt exists', () => {
    const files = readdirSync(PROMPTS_DIR).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, vars] of Object.entries(EXPECTED)) {
    describe(name, () => {
      it('loads with exactly the expected input variables', () => {
        expect(loadPrompt(name).inputVariables).toEqual(vars);
      });

      it('renders to a stable text', () => {
        const values = Object.fromEntries(vars.map((v) => [v, `<${v}>`]));
        expect(loadPrompt(name).render(values)).toMatchSnapshot();
      });

      it('names every missing variable', () => {
        if (!vars.length) return;
        expect(() => loadPrompt(name).render({})).toThrow(new RegExp(`missing variable\\(s\\): ${vars.join(', ')}`));
      });
    });
  }

  it('keeps literal braces written as {{ }}', () => {
    const p = compilePrompt('t', 'Return {{"cases": [{x}]}}');
    expect(p.inputVariables).toEqual(['x']);
    expect(p.render({ x: 1 })).toBe('Return {"cases": [1]}');
  });
});
