import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scanMarkdown } from '../../../src/core/input/markdown.js';
import { findPropertyCues } from '../../../src/core/input/propertyCues.js';
it('scratch2', () => {
  const text = readFileSync('evals/architectures/06-finetune-pipeline.md', 'utf8');
  const d = scanMarkdown(text);
  for (const h of findPropertyCues(d.masked)) if (h.cue.actor) console.log(h.cue.id, JSON.stringify(d.masked.slice(h.start, h.end)));
});
