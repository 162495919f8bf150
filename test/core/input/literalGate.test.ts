import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gateText, mayMatch, requiredLiterals } from '../../../src/core/input/literalGate.js';
import { KIND_CUES, KIND_LITERALS } from '../../../src/core/input/lexicon.js';
import { PROPERTY_CUES, PROPERTY_LITERALS } from '../../../src/core/input/propertyCues.js';
import { PROJECT_ROOT } from '../../../src/core/kb/knowledgeBase.js';

describe('requiredLiterals', () => {
  it('takes the longest mandatory run of each branch', () => {
    expect(requiredLiterals(String.raw`fine-?tun(?:e|ed)|LoRA|adapters? (?:trained|tuned)`)).toEqual(['fine', 'lora', 'adapter']);
    expect(requiredLiterals(String.raw`(?:Amazon |AWS )?Bedrock`)).toEqual(['bedrock']);
    expect(requiredLiterals(String.raw`Azure OpenAI(?: Service)?`)).toEqual(['azure openai']);
    expect(requiredLiterals(String.raw`huggingface\.co`)).toEqual(['huggingface.co']);
  });

  it('gives up (null: always run) when a branch has no mandatory literal', () => {
    expect(requiredLiterals(String.raw`AI|Groq`)).toBeNull();
    expect(requiredLiterals(String.raw`xAI|Groq`)).toEqual(['xai', 'groq']);
    expect(requiredLiterals(String.raw`(?:foo|bar)baz?`)).toBeNull();
    expect(requiredLiterals(String.raw`[a-z]+in`)).toBeNull();
    expect(requiredLiterals(String.raw`[a-z]+ing`)).toEqual(['ing']);
  });

  it('is sound for the real kind and property cue regexes over every document we have', () => {
    const dirs = [join(PROJECT_ROOT, 'evals', 'architectures'), join(PROJECT_ROOT, 'evals', 'injection', 'benign'), join(PROJECT_ROOT, 'knowledge'), join(PROJECT_ROOT, 'bench')];
    const texts = dirs.flatMap((d) => readdirSync(d).filter((f) => /\.(md|yaml|json|txt)$/.test(f)).map((f) => readFileSync(join(d, f), 'utf8')));
    expect(texts.length).toBeGreaterThan(100);
    let skipped = 0;
    const tables: [readonly { re: RegExp }[], readonly (string[] | null)[]][] = [[KIND_CUES, KIND_LITERALS], [PROPERTY_CUES, PROPERTY_LITERALS]];
    for (const [cues, literals] of tables) {
      cues.forEach((cue, i) => {
        const re = new RegExp(cue.re.source, cue.re.flags.replace('g', ''));
        for (const t of texts) {
          if (mayMatch(literals[i]!, gateText(t))) continue;
          skipped++;
          expect(re.test(t), `${cue.re.source.slice(0, 80)} matched a text its literals ${JSON.stringify(literals[i])} ruled out`).toBe(false);
        }
      });
    }
    expect(skipped).toBeGreaterThan(5000); // the gate does skip work
  });
});
