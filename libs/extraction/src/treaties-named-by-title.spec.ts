import { describe, expect, it } from '@jest/globals';
import { extractDevelopments } from './extract-developments';
import type { KnownTreaty } from './extraction.types';
import { titleSearchWords, treatiesNamedByTitle } from './treaties/named-by-title';

const CBD: KnownTreaty = {
  id: 'cbd',
  title: 'Convention on Biological Diversity',
  parties: ['BY', 'KZ', 'RU'],
  kind: 'multilateral',
};
/** A treaty of the acceding state's own: a candidate by the state it shares, with no word of the title. */
const UZ_RU: KnownTreaty = {
  id: 'uz-ru-partnership',
  title: 'Treaty on Strategic Partnership between Uzbekistan and Russia',
  parties: ['RU', 'UZ'],
  kind: 'bilateral',
};

const ACCESSION = 'Uzbekistan acceded to the Convention on Biological Diversity on 5 March 2025.';

const proposalsOf = (text: string, known: readonly KnownTreaty[]) =>
  extractDevelopments({ text, publishedOn: '2025-04-08' }, known).proposals;

describe('a treaty found by its title, for a state that joins it (none of its parties named)', () => {
  it('matches an accession that names only the acceding state, over a treaty of that state whose title it does not name', () => {
    expect(proposalsOf(ACCESSION, [CBD, UZ_RU])).toEqual([
      expect.objectContaining({
        treatyId: 'cbd',
        type: 'consent-to-be-bound',
        consentType: 'accession',
        party: 'UZ',
        occurredOn: '2025-03-05',
      }),
    ]);
  });

  it('outranks a treaty of the state’s own with a title of one word, or one the clause names part of', () => {
    const ramsar: KnownTreaty = {
      id: 'ramsar',
      title: 'Ramsar Convention',
      parties: ['BY', 'KZ'],
      kind: 'multilateral',
    };
    expect(proposalsOf('Uzbekistan acceded to the Ramsar Convention on 5 March 2025.', [ramsar, UZ_RU])).toEqual([
      expect.objectContaining({ treatyId: 'ramsar', party: 'UZ' }),
    ]);
    // The state's own treaty shares a word of the clause ("strategic"); the convention's title is named whole.
    const text = 'Uzbekistan acceded to the strategic Convention on Biological Diversity on 5 March 2025.';
    const [proposal] = proposalsOf(text, [CBD, UZ_RU]);
    expect(proposal).toMatchObject({ treatyId: 'cbd', party: 'UZ' });
    expect(proposal!.confidence).toBeGreaterThan(0.7);
  });

  it('matches a chamber’s approval of joining a treaty registered multilateral', () => {
    const vote = "Uzbekistan's Oliy Majlis approved joining the Convention on Biological Diversity on Monday.";
    expect(proposalsOf(vote, [CBD])).toEqual([
      expect.objectContaining({ treatyId: 'cbd', type: 'legislative-approval', party: 'UZ', body: 'Oliy Majlis' }),
    ]);
  });

  it('is said with less confidence than a match by parties named', () => {
    const [byTitle] = proposalsOf(ACCESSION, [CBD]);
    const [byParties] = proposalsOf('Russia acceded to the Convention on Biological Diversity on 5 March 2025.', [
      { ...CBD, parties: ['BY', 'KZ', 'RU'] },
    ]);
    expect(byTitle!.confidence).toBeLessThan(byParties!.confidence);
  });

  it('takes no act the decider would refuse from a state not a party, nor a title the clause does not name', () => {
    // A treaty registered bilateral takes no state's accession; a ratification is no joining act.
    const bilateral = { ...CBD, kind: 'bilateral' as const };
    expect(proposalsOf(ACCESSION, [bilateral])).toEqual([expect.objectContaining({ treatyId: null })]);
    const ratified = 'Uzbekistan ratified the Convention on Biological Diversity on 5 March 2025.';
    expect(proposalsOf(ratified, [CBD])).toEqual([expect.objectContaining({ treatyId: null })]);
    // One distinctive word of a title of two is not its name.
    const other = 'Uzbekistan acceded to the Convention on Biological Weapons on 5 March 2025.';
    expect(proposalsOf(other, [CBD])).toEqual([expect.objectContaining({ treatyId: null })]);
    // Nor does an undirected signature name a state.
    const signed = 'Uzbekistan signed the Convention on Biological Diversity on 5 March 2025.';
    expect(proposalsOf(signed, [CBD]).filter((proposal) => proposal.treatyId === 'cbd')).toEqual([]);
  });
});

describe('treatiesNamedByTitle', () => {
  const titles = [
    { id: 'cbd', title: 'Convention on Biological Diversity' },
    { id: 'ramsar', title: 'Ramsar Convention' },
    { id: 'friendship', title: 'Treaty of Friendship and Cooperation' },
    { id: 'npt', title: 'Treaty on the Non-Proliferation of Nuclear Weapons' },
  ];

  it('gives the treaties whose title the article names, the best named first', () => {
    const text =
      'Tashkent joined the Ramsar Convention in 2001 and the Convention on Biological Diversity in 1995; it acceded ' +
      'to the Treaty on the Non-Proliferation of Nuclear Weapons in 1992.';
    expect(treatiesNamedByTitle(text, titles).map((treaty) => treaty.id)).toEqual(['npt', 'cbd', 'ramsar']);
  });

  it('reads a title and an article alike with or without their diacritics', () => {
    const herding = { id: 'herding', title: 'Convention on Sámi Reindeer Herding' };
    expect(treatiesNamedByTitle('Norway joined the Sami reindeer herding convention.', [herding])).toEqual([herding]);
  });

  it('gives none for a title of common words only, one word of a title of two, or an article that names none', () => {
    expect(treatiesNamedByTitle('A treaty of friendship and cooperation was signed.', titles)).toEqual([]);
    expect(treatiesNamedByTitle('Biological research goes on; nuclear power too.', titles)).toEqual([]);
    expect(treatiesNamedByTitle('Nothing here.', titles)).toEqual([]);
  });

  it('gives at most ten, the best named', () => {
    const many = Array.from({ length: 12 }, (_, index) => ({ id: `cbd-${index}`, title: titles[0]!.title }));
    const text = 'The Convention on Biological Diversity and the Treaty on the Non-Proliferation of Nuclear Weapons';
    const named = treatiesNamedByTitle(text, [...many, titles[3]!]);
    expect(named).toHaveLength(10);
    expect(named[0]).toBe(titles[3]);
  });
});

describe('titleSearchWords', () => {
  it('gives the words around the treaty nouns that can tell titles apart, and none from far off', () => {
    const text =
      'A hot summer. Uzbekistan acceded to the Convention on Biological Diversity, the ministry said. ' +
      'Farmers in the Fergana valley worried about the drought all summer long, as every year since the nineties.';
    const words = titleSearchWords(text);
    expect(words).toEqual(expect.arrayContaining(['acceded', 'biological', 'diversity']));
    expect(words).not.toEqual(expect.arrayContaining(['uzbekistan']));
    expect(words).not.toEqual(expect.arrayContaining(['convention']));
    expect(words).not.toEqual(expect.arrayContaining(['the']));
    expect(words).not.toEqual(expect.arrayContaining(['drought']));
    expect(words).not.toEqual(expect.arrayContaining(['hot']));
  });

  it('gives none for a text that names no treaty', () => {
    expect(titleSearchWords('Farmers worried about the drought all summer long.')).toEqual([]);
  });
});
