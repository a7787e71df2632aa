import { describe, expect, it } from '@jest/globals';
import { extractDevelopments } from './extract-developments';
import type { KnownTreaty } from './extraction.types';
import { namedParties } from './lexicon/named-parties';

const treaty = (...parties: string[]): KnownTreaty => ({
  id: parties.join('-').toLowerCase(),
  title: `Treaty between ${parties.join(' and ')}`,
  parties,
});
const WITH_FRANCE = [treaty('FR', 'DE'), treaty('FR', 'IT')];
const WITH_POLAND = [treaty('PL', 'CZ'), treaty('PL', 'DE'), treaty('PL', 'FR'), treaty('PL', 'RU')];

const proposalsOf = (text: string, known: readonly KnownTreaty[]) =>
  extractDevelopments({ text, publishedOn: '2025-04-08' }, known).proposals;

describe('the state that acts', () => {
  it.each([
    "Italy's Senate on Tuesday approved the treaty with France.",
    'The Italian Senate on Tuesday approved the treaty with France.',
  ])('is a state of the lexicon: "%s" is Italy’s vote, on the France–Italy treaty', (text) => {
    expect(proposalsOf(text, WITH_FRANCE)).toEqual([
      expect.objectContaining({
        treatyId: 'fr-it',
        parties: ['FR', 'IT'],
        type: 'legislative-approval',
        party: 'IT',
        body: 'Senate',
      }),
    ]);
  });

  it('is a state of the lexicon: "Italy ratified the treaty with France" is on the France–Italy treaty, not France’s', () => {
    const [ratification] = proposalsOf('Italy ratified the treaty with France on Tuesday.', WITH_FRANCE);
    expect(ratification).toMatchObject({ treatyId: 'fr-it', parties: ['FR', 'IT'], type: 'ratification-completed' });
    expect(ratification?.party).not.toBe('FR');
  });

  it.each([
    // A state the lexicon cannot resolve, named as the chamber's owner or as the subject.
    "Ruritania's Senate on Tuesday approved the treaty with France.",
    'The Senate of Ruritania on Tuesday approved the treaty with France.',
    "Ruritania's Senate, following Germany, on Tuesday approved the treaty with France.",
    'The Senate of Ruritania, following Germany, on Tuesday approved the treaty with France.',
    'Ruritania ratified the treaty with France on Tuesday.',
    // No state named for the chamber: the state a treaty is made "with" is the other side, never the chamber's.
    'The Senate on Tuesday approved the treaty with France.',
    'Lawmakers on Tuesday approved the treaty with France and Germany.',
  ])('never becomes the other state named: "%s" names no party', (text) => {
    for (const proposal of proposalsOf(text, WITH_FRANCE)) expect(proposal).not.toHaveProperty('party');
  });

  it.each([
    'The parliament of Italy on Tuesday approved the treaty with France.',
    'Lawmakers in Italy on Tuesday approved the treaty with France.',
    'In Italy, lawmakers on Tuesday approved the treaty with France.',
  ])('is still the state named beside a generic chamber: "%s" is Italy’s vote', (text) => {
    expect(proposalsOf(text, WITH_FRANCE)).toEqual([
      expect.objectContaining({ treatyId: 'fr-it', type: 'legislative-approval', party: 'IT', body: 'Parliament' }),
    ]);
  });

  it('is not taken from the other state named when it is a party of no known treaty', () => {
    expect(proposalsOf("Spain's Senate on Tuesday approved the treaty with France.", WITH_FRANCE)).toEqual([
      expect.objectContaining({ treatyId: null, parties: ['ES', 'FR'], party: 'ES', body: 'Senate' }),
    ]);
  });

  it.each([
    ['The Bundestag on Tuesday approved the treaty with Poland.', 'pl-de', 'DE', 'Bundestag'],
    ["Germany's Bundestag on Tuesday approved the treaty with Poland.", 'pl-de', 'DE', 'Bundestag'],
    ['The State Duma on Tuesday approved the treaty with Poland.', 'pl-ru', 'RU', 'State Duma'],
    ['The Federation Council on Tuesday ratified the treaty with Poland.', 'pl-ru', 'RU', 'Federation Council'],
    ['The Sejm on Tuesday approved the treaty with Germany.', 'pl-de', 'PL', 'Sejm'],
  ])('is named by its chamber, as by its name: "%s" is on %s', (text, treatyId, party, body) => {
    expect(proposalsOf(text, WITH_POLAND)).toEqual([
      expect.objectContaining({ treatyId, type: 'legislative-approval', party, body, confidence: 0.9 }),
    ]);
  });

  it('named by its chamber, has its treaties worth passing', () => {
    expect(namedParties('The Bundestag on Tuesday approved the treaty with Poland.').sort()).toEqual(['DE', 'PL']);
  });
});
