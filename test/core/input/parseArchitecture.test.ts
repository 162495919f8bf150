import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../../../src/core/errors.js';
import { AI_KINDS, MODEL_KINDS, SystemModelSchema } from '../../../src/core/domain/system.js';
import { detectFormat, isBareMermaid, parseArchitecture, sourceStem } from '../../../src/core/input/parseArchitecture.js';

const YAML_MODEL = 'name: Bot\ncomponents:\n  - { name: Web app, kind: frontend }\n  - { name: GPT-4o, kind: llm }\ndataFlows:\n  - { from: web app, to: gpt-4o }\n';
const JSON_MODEL = JSON.stringify({ name: 'Bot', components: [{ name: 'Web app', kind: 'frontend' }, { name: 'GPT-4o', kind: 'llm' }], dataFlows: [{ from: 'Web app', to: 'GPT-4o' }] });
const PROSE = '# Bot\n\nCustomers chat in the web app, which sends each question to GPT-4o.\n';

describe('detectFormat', () => {
  it.each([
    ['a.yaml', 'yaml'], ['a.yml', 'yaml'], ['a.json', 'json'], ['a.md', 'markdown'], ['a.markdown', 'markdown'],
    ['a.txt', 'markdown'], ['a.mmd', 'markdown'], ['DIR/A.YAML', 'yaml'],
  ])('by extension: %s → %s', (source, format) => {
    expect(detectFormat('whatever', source)).toBe(format);
  });
  it('by content: a JSON object is json', () => expect(detectFormat(' \n{"name": "x"}', '-')).toBe('json'));
  it('by content: a YAML mapping with components is yaml', () => expect(detectFormat('# my model\nname: x\ncomponents:\n  - name: a', '-')).toBe('yaml'));
  it('by content: prose that mentions "components:" is markdown', () => expect(detectFormat('Our system has these parts.\ncomponents: a web app', '-')).toBe('markdown'));
  it('by content: a YAML mapping without components is markdown', () => expect(detectFormat('name: x\nowner: y', 'notes')).toBe('markdown'));
  it('by content: anything else is markdown', () => expect(detectFormat('# Title\n\nSome prose.', 'README')).toBe('markdown'));
  it('an unknown extension falls back to content', () => expect(detectFormat(JSON_MODEL, 'model.conf')).toBe('json'));
});

describe('helpers', () => {
  it('sourceStem drops folders and the extension', () => {
    expect(sourceStem('docs/arch/chatbot.design.md')).toBe('chatbot.design');
    expect(sourceStem('-')).toBe('architecture');
  });
  it('isBareMermaid spots pasted flowcharts and .mmd files', () => {
    expect(isBareMermaid('%% diagram\nflowchart LR\n A --> B', '-')).toBe(true);
    expect(isBareMermaid('# Doc\n```mermaid\nflowchart LR\n```', 'a.md')).toBe(false);
    expect(isBareMermaid('graph TD\n A --> B', 'x.mmd')).toBe(true);
  });
});

describe('parseArchitecture', () => {
  it('reads YAML', () => {
    const r = parseArchitecture(YAML_MODEL, { source: 'bot.yaml' });
    expect(r.format).toBe('yaml');
    expect(r.system.dataFlows[0]).toMatchObject({ from: 'web-app', to: 'gpt-4o' });
  });
  it('reads JSON', () => {
    const r = parseArchitecture(JSON_MODEL, { source: 'bot.json' });
    expect(r.format).toBe('json');
    expect(r.system.components.map((c) => c.id)).toEqual(['web-app', 'gpt-4o']);
  });
  it('reads prose', () => {
    const r = parseArchitecture(PROSE, { source: 'bot.md' });
    expect(r.format).toBe('markdown');
    expect(r.system.components.map((c) => c.kind)).toEqual(['user', 'frontend', 'llm']);
  });
  it('honours an explicit format over the extension', () => {
    expect(parseArchitecture(YAML_MODEL, { source: 'bot.txt', format: 'yaml' }).format).toBe('yaml');
    expect(parseArchitecture(YAML_MODEL, { source: 'bot.txt', format: 'auto' }).format).toBe('markdown');
  });
  it('derives every format: YAML models get boundaries and assets too', () => {
    const s = parseArchitecture(YAML_MODEL, { source: 'bot.yaml' }).system;
    expect(s.trustBoundaries.map((b) => b.id)).toEqual(['external', 'system']);
    expect(s.components.find((c) => c.id === 'gpt-4o')?.properties).toContain('accepts-user-input');
  });
  it('gives the same YAML and JSON model the same result', () => {
    expect(parseArchitecture(YAML_MODEL, { source: 'a.yaml' }).system).toEqual(parseArchitecture(JSON_MODEL, { source: 'a.json' }).system);
  });
  it('rejects empty text with an InputError', () => {
    expect(() => parseArchitecture('  \n', { source: 'a.md' })).toThrow(InputError);
  });
  it('rejects prose with no recognisable component, saying what to write', () => {
    expect(() => parseArchitecture('Hello world.', { source: 'a.md' })).toThrow(/no components were found in a\.md\. Name the parts/);
  });
  it('says when a .mmd file holds no flowchart', () => {
    expect(() => parseArchitecture('sequenceDiagram\n  A->>B: hi', { source: 'seq.mmd' })).toThrow(/seq\.mmd has no Mermaid flowchart nodes/);
  });
  it('says "standard input" for "-"', () => {
    expect(() => parseArchitecture('Hello world.', { source: '-' })).toThrow(/standard input/);
  });
});

describe('determinism and speed', () => {
  const doc = buildDoc(20);
  it('gives deep-equal results for the same text', () => {
    expect(parseArchitecture(doc, { source: 'a.md' })).toEqual(parseArchitecture(doc, { source: 'a.md' }));
  });
  it('is valid against the schema', () => {
    expect(SystemModelSchema.safeParse(parseArchitecture(doc, { source: 'a.md' }).system).success).toBe(true);
  });
  it('parses a 20-component document in a few milliseconds', () => {
    const r = parseArchitecture(doc, { source: 'a.md' });
    expect(r.system.components.length).toBeGreaterThanOrEqual(20);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      parseArchitecture(doc, { source: 'a.md' });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    // Median, with headroom for slow CI machines; a typical run takes 2–4 ms.
    expect(times[7]).toBeLessThan(25);
  });
});

/** A realistic architecture document with `n` defined components plus prose and flows. */
function buildDoc(n: number): string {
  const kinds = ['web app', 'Postgres database', 'Redis cache', 'S3 bucket', 'Kafka topic', 'Okta tenant', 'Datadog dashboard', 'service', 'worker'];
  const items = Array.from({ length: n - 4 }, (_, i) => `- **Part ${String.fromCharCode(65 + i)} ${kinds[i % kinds.length]}** — handles step ${i + 1}; it sends results to Part ${String.fromCharCode(66 + i)}.`);
  return `# Big system\n\nCustomers use the assistant built on GPT-4o with a Pinecone index; answers are rendered as Markdown.\n\n## Components\n\n${items.join('\n')}\n- **Gateway service** — forwards requests to GPT-4o.\n\nThe Gateway service queries the Pinecone index and calls the \`send_email\` tool.\n`;
}

describe('robustness', () => {
  const base = [
    '# Bot\n\n- **Chat API** — a service. It calls `send_email` and GPT-4o.\n| Tool | Backend |\n|---|---|\n| Refund tool | Stripe |',
    '```mermaid\nflowchart LR\n  A[Web app] -->|q| B[(Pinecone)]\n  subgraph s [Zone]\n  B --> C{{Claude}}\n  end\n```',
    'Customers chat with a bot on Claude; it is fine-tuned weekly on tickets labelled by contractors and can issue refunds.',
    'name: x\ncomponents:\n  - { name: A, kind: llm }\ndataFlows: [{ from: a, to: b }]',
  ].join('\n\n');
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const inputs = Array.from({ length: 120 }, () => {
    const start = Math.floor(rnd() * base.length);
    const slice = base.slice(start, start + Math.floor(rnd() * base.length));
    return slice.split('').map((c) => (rnd() < 0.05 ? '*`[]()#|->\n{}&:'[Math.floor(rnd() * 15)]! : c)).join('');
  });
  inputs.push('*'.repeat(3000), '|'.repeat(2000), '- '.repeat(2000), '`'.repeat(2001), ' '.repeat(20000) + 'GPT-4o', base.replace(/\n/g, '\r\n'));

  it('never throws anything but an InputError, and always returns a valid model', () => {
    for (const text of inputs) {
      for (const source of ['a.md', 'a.mmd', 'a.yaml', 'a.json']) {
        try {
          expect(SystemModelSchema.safeParse(parseArchitecture(text, { source }).system).success).toBe(true);
        } catch (err) {
          expect(err, `${source}: ${JSON.stringify(text.slice(0, 80))}`).toBeInstanceOf(InputError);
        }
      }
    }
  });
});

const EVALS = 'evals/architectures';
describe.skipIf(!existsSync(`${EVALS}/expected.yaml`))('reference architectures', () => {
  const expected = parseYaml(readFileSync(`${EVALS}/expected.yaml`, 'utf8')) as { architectures: { file: string; ai: boolean; components?: string[] }[] };
  for (const a of expected.architectures) {
    if (!existsSync(`${EVALS}/${a.file}`)) continue;
    it(`${a.file}: finds the components a reviewer would name, and AI only where there is some`, () => {
      const { system } = parseArchitecture(readFileSync(`${EVALS}/${a.file}`, 'utf8'), { source: a.file });
      const names = system.components.map((c) => c.name.toLowerCase());
      const found = (a.components ?? []).filter((n) => names.some((x) => x.includes(n.toLowerCase()) || n.toLowerCase().includes(x)));
      expect(found.length / Math.max(1, a.components?.length ?? 0)).toBeGreaterThanOrEqual(a.components?.length ? 0.8 : 0);
      const ai = system.components.filter((c) => MODEL_KINDS.includes(c.kind));
      if (a.ai) expect(ai.length).toBeGreaterThan(0);
      else expect(system.components.filter((c) => AI_KINDS.includes(c.kind))).toEqual([]);
    });
  }
});
