import { describe, expect, it } from 'vitest';
import { toSystemCard } from '../../../src/core/export/systemCard.js';
import { fixtureThreatModel, nonAiThreatModel } from '../../fixtures/threatModel.js';
import { tableRows } from './support.js';

describe('toSystemCard', () => {
  const card = toSystemCard(fixtureThreatModel());

  it('has every section of a system card draft', () => {
    expect(card.startsWith('# System card (draft): ')).toBe(true);
    for (const h of ['## Purpose', '## AI components', '## Data sources', '### Training and fine-tuning data',
      '### Retrieval corpora and content the AI reads', '### User input', '## AI assets', '## Assumptions',
      '## Known limitations', '## Open risks', '## Input-guard findings']) {
      expect(card).toContain(`\n${h}\n`);
    }
  });

  it('lists AI components with kind and hosting', () => {
    const rows = tableRows(card, '| Name | Kind | Hosting | Properties |');
    expect(rows).toHaveLength(4); // agent, llm, vector store, tool
    expect(rows.find((r) => r.includes('GPT-4o'))).toContain('Third-party hosted');
  });

  it('derives data sources: the wiki and vectors are corpora, the customer is user input', () => {
    const corpora = card.slice(card.indexOf('### Retrieval corpora'), card.indexOf('### User input'));
    expect(corpora).toContain('Wiki vectors');
    expect(corpora).toContain('(storage)');
    expect(corpora).not.toContain('(agent)');
    expect(card.slice(card.indexOf('### User input'))).toContain('(user)');
  });

  it('derives known limitations from threat classes such as misinformation', () => {
    expect(card).toContain('Outputs can be wrong or invented (hallucination) while sounding confident. (MC-004)');
  });

  it('lists open risks only, highest first', () => {
    const rows = tableRows(card, '| ID | Risk | Title | Targets |');
    expect(rows.map((r) => r.split('|')[1]!.trim())).toEqual(['MC-001', 'MC-002', 'MC-003']);
  });

  it('lists input-guard findings', () => {
    expect(card).toContain('examples/acme-helpdesk.md line 7: **override** (html-comment)');
  });

  it('says when there are no AI components', () => {
    const plain = toSystemCard(nonAiThreatModel());
    expect(plain).toContain('threatstorm found no AI components');
    expect(plain).toContain('_No open risks._');
  });
});
