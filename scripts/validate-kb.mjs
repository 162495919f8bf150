// Quick check while writing patterns: node scripts/validate-kb.mjs [DIR]  (needs `npm run build` once)
import { loadKbDir } from '../dist/core/kb/loadKb.js';
const dir = process.argv[2] ?? 'knowledge';
const { patterns, errors } = loadKbDir(dir);
for (const e of errors) console.log(`${e.file}: ${e.field || '(file)'}: ${e.message}`);
console.log(`${patterns.length} valid patterns, ${errors.length} errors`);
process.exit(errors.length ? 1 : 0);
