import { describe, expect, it } from 'vitest';
import { IdSchema } from '../../../src/core/domain/system.js';
import { MAX_SLUG_LENGTH, slugify, uniqueId } from '../../../src/core/input/slug.js';

describe('slugify', () => {
  it.each([
    ['Pinecone index', 'pinecone-index'],
    ['OpenAI API', 'openai-api'],
    ['Pub/Sub topic', 'pub-sub-topic'],
    ['lookup_customer', 'lookup_customer'],
    ['Médical records', 'medical-records'],
    ['  --Weird!!  ', 'weird'],
    ['R&D wiki', 'r-and-d-wiki'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
  it('falls back when nothing usable is left', () => {
    expect(slugify('!!!', 'component')).toBe('component');
  });
  it('cuts long names at a word boundary and always yields a valid id', () => {
    const slug = slugify('Embedding model (Azure OpenAI text-embedding-3-large deployment)');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toBe('embedding-model-azure-openai-text-embedding-3');
    expect(IdSchema.safeParse(slug).success).toBe(true);
  });
});

describe('uniqueId', () => {
  it('adds -2, -3 … to repeated ids', () => {
    const taken = new Set<string>();
    expect([uniqueId('api', taken), uniqueId('api', taken), uniqueId('api', taken)]).toEqual(['api', 'api-2', 'api-3']);
  });
});
