import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggestion } from '../../../src/core/input/suggest.js';

describe('editDistance', () => {
  it('counts edits, with a transposition as one', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('componets', 'components')).toBe(1);
    expect(editDistance('retreival', 'retrieval')).toBe(1);
  });
});

describe('didYouMean', () => {
  const fields = ['name', 'description', 'components', 'dataFlows', 'trustBoundaries'];
  it('finds typos', () => expect(didYouMean('componets', fields)).toBe('components'));
  it('ignores case, dashes and underscores', () => expect(didYouMean('data_flows', fields)).toBe('dataFlows'));
  it('finds a field a word is part of', () => expect(didYouMean('flows', fields)).toBe('dataFlows'));
  it('says nothing when nothing is close', () => expect(didYouMean('owner', fields)).toBeUndefined());
  it('formats a sentence for messages', () => {
    expect(suggestion('nmae', fields)).toBe(' Did you mean "name"?');
    expect(suggestion('zzz', fields)).toBe('');
  });
});
