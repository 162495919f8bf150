// Bundles the CLI into dist/bin/ so `threatstorm` starts fast: one module graph instead of ~150
// files (zod alone is ~100), code-split so each command loads only what it uses. The model clients
// (LangChain, ollama) and the UI (Ink, React) stay external and are imported lazily where needed.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist/bin', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'linked',
  // CommonJS dependencies inside an ES module bundle need a require function.
  banner: { js: "import { createRequire as __tsCreateRequire } from 'node:module'; const require = __tsCreateRequire(import.meta.url);" },
  external: ['@langchain/*', 'langchain', 'ollama', 'ink', 'ink-*', 'react', 'react/*', 'gray-matter', 'yaml', 'eslint'],
  logLevel: 'warning',
});
