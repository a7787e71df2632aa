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

/** A state's own act (a ratification, a suspension, a withdrawal) is done by the subject of its verb. */
describe('the state that does an act of its own', () => {
  const KNOWN = [...WITH_FRANCE, treaty('RU', 'US')];
  const actsOf = (text: string) =>
    proposalsOf(text, KNOWN).map(({ treatyId, type, party, body, occurredOn }) => ({
      treatyId,
      type,
      ...(party ? { party } : {}),
      ...(body ? { body } : {}),
      occurredOn,
    }));
  const act = (type: string, party?: string, occurredOn = '2025-04-08', treatyId = 'fr-it') => ({
    treatyId,
    type,
    ...(party ? { party } : {}),
    occurredOn,
  });
  const ratification = (party: string, occurredOn?: string) => act('ratification-completed', party, occurredOn);

  it.each([
    ['Italy ratified the treaty with France on Tuesday.', [ratification('IT')]],
    ['Italy on Tuesday ratified the treaty with France.', [ratification('IT')]],
    ['Italy has ratified the treaty with France.', [ratification('IT')]],
    ['Italy ratified its treaty with France on 3 March.', [ratification('IT', '2025-03-03')]],
    ['The Italian government ratified the treaty with France on Tuesday.', [ratification('IT')]],
    // A state named after "with", "like", "during"... is not the subject.
    ['After talks with France, Italy ratified the treaty on Tuesday.', [ratification('IT')]],
    ['During France’s presidency, Italy ratified the treaty on Tuesday.', [ratification('IT')]],
    [
      'Like Germany, France ratified the treaty on Tuesday.',
      [act('ratification-completed', 'FR', '2025-04-08', 'fr-de')],
    ],
    // The passive's agent, not the state the treaty is made with.
    ['The treaty with France was ratified by Italy on Tuesday.', [ratification('IT')]],
    ['The treaty with France was formally ratified on Tuesday by Italy.', [ratification('IT')]],
    ['The treaty, ratified by Italy on Tuesday, binds France too.', [ratification('IT')]],
    ['The treaty with France was suspended by Italy on Tuesday.', [act('suspended', 'IT')]],
    // Every state of a list acts: one proposal each.
    ['France and Italy ratified the treaty on Tuesday.', [ratification('FR'), ratification('IT')]],
    ['The treaty was ratified by France and Italy on Tuesday.', [ratification('FR'), ratification('IT')]],
    [
      'Several states, including Italy and France, ratified the treaty on Tuesday.',
      [ratification('IT'), ratification('FR')],
    ],
    ['France and Italy withdrew from the treaty on Tuesday.', [act('withdrawn', 'FR'), act('withdrawn', 'IT')]],
  ])('"%s" is proposed as %j', (text, expected) => {
    expect(actsOf(text)).toEqual(expected);
  });

  it.each([
    // A chamber named for the state is its vote.
    [
      "Italy's parliament ratified the treaty with France on Tuesday.",
      [{ ...act('legislative-approval', 'IT'), body: 'Parliament' }],
    ],
    [
      "The treaty with France was ratified by Italy's parliament on Tuesday.",
      [{ ...act('legislative-approval', 'IT'), body: 'Parliament' }],
    ],
    // A signature names no one party: both sign the treaty (the treaty's own signature).
    ['France and Italy signed the treaty on Tuesday.', [act('signed')]],
    ['Italy signed the treaty with France on Tuesday.', [act('signed')]],
    // A phrase said of the subject is not it.
    ['Russia, citing US violations, suspended the treaty on Tuesday.', [act('suspended', 'RU', '2025-04-08', 'ru-us')]],
    // The subject names no state: none, rather than the one the treaty is made with, or one of two not listed.
    [
      'The treaty with France was ratified on Tuesday.',
      [act('ratification-completed', undefined, '2025-04-08', 'fr-de')],
    ],
    [
      'The government ratified the treaty with France on Tuesday.',
      [act('ratification-completed', undefined, '2025-04-08', 'fr-de')],
    ],
    ['France said Italy ratified the treaty on Tuesday.', [act('ratification-completed')]],
  ])('keeps "%s" as %j', (text, expected) => {
    expect(actsOf(text)).toEqual(expected);
  });

  it('no longer takes the state the treaty is made with as the passive’s subject', () => {
    expect(actsOf('The treaty with France was suspended on Tuesday.')).toEqual([
      act('suspended', undefined, '2025-04-08', 'fr-de'),
    ]);
  });

  it('takes a chamber the article names for its own state, never the other side’s', () => {
    const text =
      "France's Senate approved the treaty with Italy on Monday. Italy ratified the treaty with France on Tuesday.";
    expect(actsOf(text)).toEqual([
      { ...act('legislative-approval', 'FR', '2025-04-07'), body: 'Senate' },
      ratification('IT'),
    ]);
  });
});
