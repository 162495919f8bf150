import { describe, expect, it } from 'vitest';
import { lineOf, scanMarkdown, sentenceAt } from '../../../src/core/input/markdown.js';

const DOC = `---
title: From front matter
---
# Support Bot — Design

**Owner:** Platform team
**Status:** Draft

The bot answers questions. It uses [GPT-4o](https://openai.com) and a \`pgvector\` table.

## 2. Components

- **Chat API** — a Node.js service. It calls the model.
  - \`send_email\` — sends mail.
- **Vector store**: Qdrant cluster

| Component | Tech |
|---|---|
| Gateway | Kong |

\`\`\`mermaid
flowchart LR
  A --> B
\`\`\`

\`\`\`python
secret = "ignored"
\`\`\`
<!-- a hidden comment about Pinecone -->
`;

describe('scanMarkdown', () => {
  const doc = scanMarkdown(DOC);

  it('keeps every offset: the masked text has the same length and line breaks', () => {
    expect(doc.masked).toHaveLength(DOC.length);
    expect(doc.masked.split('\n')).toHaveLength(DOC.split('\n').length);
  });
  it('blanks out markup but keeps the words', () => {
    expect(doc.masked).not.toMatch(/\*\*|`|https:\/\/|\]\(|<!--|Pinecone|secret/);
    expect(doc.masked).toContain('GPT-4o');
    expect(doc.masked).toContain('pgvector');
  });
  it('takes the first H1 as the title (front matter only when there is none)', () => {
    expect(doc.title).toBe('Support Bot — Design');
    expect(doc.titleLine).toBe(4);
    expect(scanMarkdown('---\ntitle: Only FM\n---\ntext').title).toBe('Only FM');
    expect(scanMarkdown('Setext Title\n===\n\nBody text here.').title).toBe('Setext Title');
  });
  it('describes the document with its first real paragraph, skipping metadata lines', () => {
    expect(doc.description).toBe('The bot answers questions. It uses GPT-4o and a pgvector table.');
  });
  it('truncates a long first paragraph to 500 characters', () => {
    const long = scanMarkdown(`# T\n\n${'word '.repeat(200)}`).description!;
    expect(long.length).toBeLessThanOrEqual(500);
    expect(long.endsWith('…')).toBe(true);
  });
  it('finds definitions: list items with bold or code names, table rows, headings', () => {
    const defs = doc.defs.map((d) => [d.name, d.form]);
    expect(defs).toEqual(expect.arrayContaining([['Chat API', 'item'], ['send_email', 'code'], ['Vector store', 'item'], ['Gateway', 'table'], ['Components', 'heading']]));
  });
  it('strips section numbers from headings and skips table headers', () => {
    expect(doc.defs.some((d) => d.name === '2. Components' || d.name === 'Component')).toBe(false);
  });
  it('gives each definition its description and parent item', () => {
    const api = doc.defs.find((d) => d.name === 'Chat API')!;
    expect(api.desc).toBe('a Node.js service. It calls the model.');
    expect(doc.defs.find((d) => d.name === 'send_email')!.parent).toMatch(/Chat API/);
    expect(doc.defs.find((d) => d.name === 'Vector store')!.desc).toBe('Qdrant cluster');
    expect(api.section).toBe('Components');
  });
  it('marks bold labels that end with a colon and nothing else', () => {
    const labels = scanMarkdown('- **Tools:**\n  - `a_tool` — does things').defs.filter((d) => d.label);
    expect(labels.map((d) => d.name)).toEqual(['Tools']);
  });
  it('extracts mermaid blocks with their first line', () => {
    expect(doc.mermaid).toEqual([{ code: 'flowchart LR\n  A --> B', line: 22 }]);
  });
  it('splits sentences and ties those inside a definition item to it', () => {
    const s = doc.sentences.map((x) => DOC.slice(x.start, x.end).trim());
    expect(s).toContain('The bot answers questions.');
    const inItem = doc.sentences.filter((x) => x.def !== undefined && doc.defs[x.def]!.name === 'Chat API');
    expect(inItem).toHaveLength(2);
  });
  it('does not split at abbreviations or version numbers', () => {
    const d = scanMarkdown('We use models, e.g. GPT-4o v1.2 from OpenAI. Next sentence.');
    expect(d.sentences).toHaveLength(2);
  });
  it('joins wrapped paragraph lines into one sentence', () => {
    expect(scanMarkdown('The chat service sends\nthe question to the model.').sentences).toHaveLength(1);
  });
  it('maps offsets to lines and sentences', () => {
    const at = DOC.indexOf('GPT-4o');
    expect(lineOf(doc.lineStarts, at)).toBe(9);
    expect(sentenceAt(doc.sentences, at)).toBeGreaterThanOrEqual(0);
    expect(sentenceAt(doc.sentences, DOC.indexOf('secret'))).toBe(-1);
  });
});
