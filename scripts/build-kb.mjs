// Precompiles knowledge/*.md into dist/kb.json (validated), so the CLI starts without parsing YAML.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadKbDir } from '../dist/core/kb/loadKb.js';
import { kbDigest, BUILTIN_KB_DIR, PRECOMPILED_KB } from '../dist/core/kb/knowledgeBase.js';

const { patterns, errors } = loadKbDir(BUILTIN_KB_DIR);
if (errors.length) {
  for (const e of errors) console.error(`${e.file}: ${e.field || '(file)'}: ${e.message}`);
  console.error(`build-kb: ${errors.length} error(s) in the built-in knowledge base`);
  process.exit(1);
}
const rel = patterns.map((p) => ({ ...p, file: `knowledge/${p.file.split(/[\\/]/).pop()}` }));
mkdirSync('dist', { recursive: true });
writeFileSync(PRECOMPILED_KB, JSON.stringify({ digest: kbDigest(rel), patterns: rel }));
console.error(`build-kb: ${patterns.length} patterns -> dist/kb.json`);
