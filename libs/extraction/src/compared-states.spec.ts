import { describe, expect, it } from '@jest/globals';
import { extractDevelopments } from './extract-developments';
import type { KnownTreaty } from './extraction.types';

const treaty = (...parties: string[]): KnownTreaty => ({
  id: parties.join('-').toLowerCase(),
  title: `Treaty between ${parties.join(' and ')}`,
  parties,
});
// France–Germany registered first: a tie between the two goes to it.
const KNOWN = [treaty('FR', 'DE'), treaty('FR', 'IT')];

const actsOf = (text: string, known: readonly KnownTreaty[] = KNOWN) =>
  extractDevelopments({ text, publishedOn: '2025-04-08' }, known).proposals.map(
    ({ treatyId, parties, type, party, body, confidence }) => ({
      treatyId,
      parties,
      type,
      ...(party ? { party } : {}),
      ...(body ? { body } : {}),
      confidence,
    }),
  );
const franceRatifiedWithItaly = {
  treatyId: 'fr-it',
  parties: ['FR', 'IT'],
  type: 'ratification-completed',
  party: 'FR',
  confidence: 0.9,
};

describe('a state named to compare the act with its own is no party of it (decision 0103)', () => {
  it.each([
    'Like Germany, France ratified the treaty with Italy on Tuesday.',
    'Unlike Germany, France ratified the treaty with Italy on Tuesday.',
    'France, like Germany, ratified the treaty with Italy on Tuesday.',
    'France, as did Germany, ratified the treaty with Italy on Tuesday.',
    'As with Germany, France ratified the treaty with Italy on Tuesday.',
    // "to" before a comma ends the comparison; it is no infinitive of the verb after it (decision 0113).
    'Similar to Germany, France ratified the treaty with Italy on Tuesday.',
    'In contrast to Germany, France ratified the treaty with Italy on Tuesday.',
    'Similar to Germany, France on Tuesday ratified the treaty with Italy.',
    'In contrast to Germany, France on Tuesday ratified the treaty with Italy.',
    'Just as Germany did, France ratified the treaty with Italy on Tuesday.',
    'Following Germany, France ratified the treaty with Italy on Tuesday.',
    'After Germany, France ratified the treaty with Italy on Tuesday.',
    "Following Germany's lead, France ratified the treaty with Italy on Tuesday.",
    'In the footsteps of Germany, France ratified the treaty with Italy on Tuesday.',
    // The states listed with it, when a comma closes the list.
    'Like Germany and Spain, France ratified the treaty with Italy on Tuesday.',
    'Like Germany, Spain and Poland, France ratified the treaty with Italy on Tuesday.',
  ])('"%s" is France’s ratification of the France–Italy treaty', (text) => {
    expect(actsOf(text)).toEqual([franceRatifiedWithItaly]);
  });

  it('is no party of an act that names no one party either', () => {
    expect(actsOf('Like Germany, France signed the treaty with Italy on Tuesday.')).toEqual([
      { treatyId: 'fr-it', parties: ['FR', 'IT'], type: 'signed', confidence: 0.9 },
    ]);
  });

  it('takes no list that runs on into the subject: "Like Germany, France and Italy signed" is France and Italy’s', () => {
    expect(actsOf('Like Germany, France and Italy signed a treaty on Tuesday.')).toEqual([
      { treatyId: 'fr-it', parties: ['FR', 'IT'], type: 'signed', confidence: 0.9 },
    ]);
  });

  it('owns no chamber: "Like Germany, the Senate approved ..." is no German vote', () => {
    expect(actsOf('Like Germany, the Senate approved the treaty with Italy on Tuesday.')).toEqual([
      { treatyId: 'fr-it', parties: ['IT'], type: 'legislative-approval', body: 'Senate', confidence: 0.81 },
    ]);
  });

  it('is no evidence for a treaty: without another side named, the article’s focus decides', () => {
    const [alone] = actsOf('Like Germany, France ratified the treaty on Tuesday.');
    expect(alone).toMatchObject({ parties: ['FR'], type: 'ratification-completed', party: 'FR' });
    expect(alone!.confidence).toBeLessThan(0.9);
    expect(
      actsOf('France and Italy signed a treaty on Monday. Like Germany, France ratified the treaty on Tuesday.')[1],
    ).toEqual({ ...franceRatifiedWithItaly, parties: ['FR'] });
  });

  it.each([
    // The other side of the act, or of an act that may be this treaty's, not a comparison.
    'After talks with Italy, France ratified the treaty on Tuesday.',
    "Following Italy's ratification, France ratified the treaty on Tuesday.",
  ])('still reads the state of "%s" as a party', (text) => {
    expect(actsOf(text)).toEqual([franceRatifiedWithItaly]);
  });

  it('keeps the states of a comparison that holds the act’s own verb: that act is theirs', () => {
    expect(
      actsOf('Unlike the treaty with Germany ratified by France in October, the treaty with Italy is pending.'),
    ).toEqual([expect.objectContaining({ treatyId: 'fr-de', parties: ['FR', 'DE'], party: 'FR' })]);
  });
});

describe('a state named as having acted first does not act, and may be the treaty’s other party (decision 0113)', () => {
  // Germany–Italy registered first: a tie between the two goes to it.
  const WITH_ITALY = [treaty('DE', 'IT'), treaty('FR', 'IT')];

  it.each([
    'After France, Italy ratified the treaty on Tuesday.',
    'Following France, Italy ratified the treaty on Tuesday.',
    'After France and Spain, Italy ratified the treaty on Tuesday.',
  ])('"%s" is Italy’s ratification of the France–Italy treaty, with France among its parties named', (text) => {
    expect(actsOf(text, WITH_ITALY)).toEqual([
      { treatyId: 'fr-it', parties: ['FR', 'IT'], type: 'ratification-completed', party: 'IT', confidence: 0.9 },
    ]);
  });

  it('counts against no treaty it is not a party of: "After Germany, France ratified the treaty with Italy"', () => {
    expect(actsOf('After Germany, France ratified the treaty with Italy on Tuesday.')).toEqual([
      franceRatifiedWithItaly,
    ]);
  });

  it('is not read into "After Germany, France and Italy signed ...": the list runs on into the clause’s subject', () => {
    // Given the three treaties between them, France–Germany registered first.
    const known = [treaty('FR', 'DE'), treaty('FR', 'IT'), treaty('DE', 'IT')];
    // When "After" opens a clause whose subject is the three states, not "After Germany, France and Italy signed".
    const acts = actsOf('After Germany, France and Italy signed the treaty on Monday, the ministers met.', known);
    // Then Germany signed with them: the act fits each treaty alike, so it goes to the first registered, ambiguous.
    expect(acts).toEqual([{ treatyId: 'fr-de', parties: ['FR', 'DE'], type: 'signed', confidence: 0.63 }]);
    // A state alone before the comma still acted first, and counts for its treaty with the one that acts.
    expect(actsOf('After Germany, France ratified the treaty on Tuesday.', known)).toEqual([
      { treatyId: 'fr-de', parties: ['FR', 'DE'], type: 'ratification-completed', party: 'FR', confidence: 0.9 },
    ]);
  });

  it('owns no chamber: "After France, the Senate approved ..." is no French vote', () => {
    const [vote] = actsOf('After France, the Senate approved the treaty with Italy on Tuesday.', WITH_ITALY);
    expect(vote).toMatchObject({ type: 'legislative-approval', body: 'Senate' });
    expect(vote).not.toHaveProperty('party', 'FR');
  });
});

describe('statements and talks: a state named to compare is no state concerned (decision 0113)', () => {
  // Russia–Belarus registered first: a tie between the two goes to it.
  const WITH_RUSSIA = [treaty('RU', 'BY'), treaty('RU', 'IR')];
  const diplomacyOf = (text: string) =>
    extractDevelopments({ text, publishedOn: '2025-04-08' }, WITH_RUSSIA).proposals.map(
      ({ treatyId, parties, type, party, speaker, stage, confidence }) => ({
        treatyId,
        parties,
        type,
        ...(party ? { party } : {}),
        ...(speaker ? { speaker } : {}),
        ...(stage ? { stage } : {}),
        confidence,
      }),
    );

  it('"Like Belarus, Russia’s President Vladimir Putin said ..." concerns Russia and Iran', () => {
    expect(
      diplomacyOf(
        'Like Belarus, Russia’s President Vladimir Putin said on Tuesday that the treaty with Iran was a breakthrough.',
      ),
    ).toEqual([
      {
        treatyId: 'ru-ir',
        parties: ['RU', 'IR'],
        type: 'statement',
        party: 'RU',
        speaker: 'Vladimir Putin',
        confidence: 0.6,
      },
    ]);
  });

  it('"Like Belarus, Russia held talks with Iran ..." are talks of Russia and Iran', () => {
    expect(diplomacyOf('Like Belarus, Russia held talks with Iran on the treaty on Tuesday.')).toEqual([
      { treatyId: 'ru-ir', parties: ['RU', 'IR'], type: 'negotiations', stage: 'held', confidence: 0.6 },
    ]);
  });
});
