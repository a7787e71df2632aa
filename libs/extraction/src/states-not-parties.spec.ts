import { describe, expect, it } from '@jest/globals';
import { extractDevelopments } from './extract-developments';
import type { KnownTreaty } from './extraction.types';

const FTA: KnownTreaty = {
  id: 'eaeu-ir-fta',
  title: 'Free Trade Agreement between the Eurasian Economic Union and the Islamic Republic of Iran',
  parties: ['AM', 'BY', 'IR', 'KG', 'KZ', 'RU'],
};
const VOTE = "Uzbekistan's Oliy Majlis approved the free trade agreement with Iran on Monday.";
const ACCESSION = 'Uzbekistan acceded to the free trade agreement with Iran on Monday.';

const proposalsOf = (text: string, treaty: KnownTreaty) =>
  extractDevelopments({ text, publishedOn: '2025-04-08' }, [treaty]).proposals.filter(
    (proposal) => proposal.treatyId === treaty.id,
  );

describe('a state that is not (yet) a party of the treaty an article matches (decisions 0067, 0070)', () => {
  it('is named as the party of its chamber’s vote and its consent on a treaty registered multilateral', () => {
    const multilateral = { ...FTA, kind: 'multilateral' as const };
    expect(proposalsOf(VOTE, multilateral)).toEqual([
      expect.objectContaining({ type: 'legislative-approval', party: 'UZ', body: 'Oliy Majlis' }),
    ]);
    expect(proposalsOf(ACCESSION, multilateral)).toEqual([
      expect.objectContaining({ type: 'consent-to-be-bound', consentType: 'accession', party: 'UZ' }),
    ]);
  });

  it('is named for an accession on a treaty of unknown kind, but not for a vote, which the decider would refuse', () => {
    expect(proposalsOf(ACCESSION, FTA)).toEqual([
      expect.objectContaining({ type: 'consent-to-be-bound', party: 'UZ' }),
    ]);
    const [vote] = proposalsOf(VOTE, FTA);
    expect(vote).toMatchObject({ type: 'legislative-approval', body: 'Oliy Majlis' });
    expect(vote).not.toHaveProperty('party');
  });

  it('is named for nothing on a treaty registered bilateral: the editor names the party, or the report is wrong', () => {
    const bilateral = { ...FTA, parties: ['KZ', 'IR'], kind: 'bilateral' as const };
    const proposals = [...proposalsOf(VOTE, bilateral), ...proposalsOf(ACCESSION, bilateral)];
    expect(proposals.map((proposal) => proposal.type)).toEqual(['legislative-approval', 'consent-to-be-bound']);
    for (const proposal of proposals) {
      expect(proposal).not.toHaveProperty('party');
    }
  });
});
