import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/core/kb/knowledgeBase.js';

describe('src/core import boundary (ESLint no-restricted-imports)', () => {
  const eslint = new ESLint({ cwd: PROJECT_ROOT });

  it('src/core imports nothing from ink, react, src/ui or src/cli', async () => {
    const results = await eslint.lintFiles(['src/core/**/*.ts']);
    const violations = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(violations).toEqual([]);
  }, 60_000);

  it('the rule really fires on a core file that imports ink', async () => {
    const dir = mkdtempSync(join(PROJECT_ROOT, 'src', 'core', '.probe-'));
    try {
      const file = join(dir, 'probe.ts');
      writeFileSync(file, "import { render } from 'ink';\nexport const r = render;\n");
      const [res] = await eslint.lintFiles([file]);
      expect(res!.messages.some((m) => m.ruleId === 'no-restricted-imports')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
