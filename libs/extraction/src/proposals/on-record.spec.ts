import { describe, expect, it } from '@jest/globals';
import { extractDevelopments } from '../extract-developments';
import type { KnownDevelopment, Proposal } from '../extraction.types';

const TREATY = {
  id: 'ru-ir-csp',
  title:
    'Treaty on Comprehensive Strategic Partnership between the Russian Federation and the Islamic Republic of Iran',
  parties: ['RU', 'IR'],
};
const VOTE = 'The State Duma ratified the partnership treaty with Iran on Tuesday by 400 votes to 2.';
const WORDS = 'The partnership treaty with Russia opens a new chapter';
const STATEMENT = `“${WORDS},” Iranian Foreign Minister Abbas Araghchi said on Tuesday.`;
const ARTICLE = { publisher: 'TASS', publishedOn: '2025-04-09', url: 'https://tass.com/politics/1' };

const dumaVote = (fields: Partial<KnownDevelopment> = {}): KnownDevelopment => ({
  id: 'duma',
  type: 'legislative-approval',
  party: 'RU',
  body: 'State Duma',
  occurredOn: '2025-04-08',
  ...fields,
});

function proposalFor(text: string, developments: readonly KnownDevelopment[], type: string): Proposal {
  const { proposals } = extractDevelopments({ text, ...ARTICLE }, [{ ...TREATY, developments }]);
  const proposal = proposals.find((candidate) => candidate.type === type);
  if (proposal === undefined) throw new Error(`no ${type} proposed`);
  return proposal;
}

describe('what confirming a proposal on record would do', () => {
  it('names the vote count the article gives and the record lacks, which a corroboration would drop', () => {
    const proposal = proposalFor(VOTE, [dumaVote()], 'legislative-approval');
    expect(proposal.alreadyRecorded).toBe('duma');
    expect(proposal.detailsNotOnRecord).toEqual([
      { field: 'votes', reported: { for: 400, against: 2 }, onRecord: undefined },
    ]);
  });

  it('names a vote count the record holds otherwise, and nothing when the record holds it as given', () => {
    const otherwise = proposalFor(VOTE, [dumaVote({ votes: { for: 399, against: 2 } })], 'legislative-approval');
    expect(otherwise.detailsNotOnRecord).toEqual([
      { field: 'votes', reported: { for: 400, against: 2 }, onRecord: { for: 399, against: 2 } },
    ]);
    const same = proposalFor(VOTE, [dumaVote({ votes: { for: 400, against: 2 } })], 'legislative-approval');
    expect(same).toMatchObject({ alreadyRecorded: 'duma' });
    expect(same).not.toHaveProperty('detailsNotOnRecord');
  });

  it('says when this article is already the source of the sentence with that date: a report again is refused', () => {
    const thisArticle = { source: { ...ARTICLE, quote: VOTE }, occurredOn: '2025-04-08' };
    expect(proposalFor(VOTE, [dumaVote({ reports: [thisArticle] })], 'legislative-approval')).toMatchObject({
      alreadyRecorded: 'duma',
      reportedByThisArticle: true,
    });
    // Another publisher, another address, or the same source for another date: confirming adds it.
    for (const other of [
      { ...thisArticle, source: { ...thisArticle.source, publisher: 'IRNA' } },
      { ...thisArticle, source: { ...thisArticle.source, url: 'https://tass.com/politics/2' } },
      { ...thisArticle, occurredOn: '2025-04' },
    ]) {
      expect(proposalFor(VOTE, [dumaVote({ reports: [other] })], 'legislative-approval')).not.toHaveProperty(
        'reportedByThisArticle',
      );
    }
  });

  it('a reading named for a decisive vote on record without one is what the corroboration adds: no repeat', () => {
    const text = 'The State Duma ratified the partnership treaty with Iran in the third and final reading on Tuesday.';
    const thisArticle = { source: { ...ARTICLE, quote: text }, occurredOn: '2025-04-08' };
    const proposal = proposalFor(text, [dumaVote({ reports: [thisArticle] })], 'legislative-approval');
    expect(proposal).toMatchObject({ alreadyRecorded: 'duma', stage: 'third-reading' });
    expect(proposal).not.toHaveProperty('reportedByThisArticle');
    expect(proposal).not.toHaveProperty('detailsNotOnRecord');
  });

  it('marks a statement on record: the speaker (or their surname) and the words the sentence holds, on that date', () => {
    const onRecord: KnownDevelopment = {
      id: 'said',
      type: 'statement',
      speaker: 'Seyed Abbas Araghchi',
      quote: `${WORDS.toUpperCase()}!`,
      occurredOn: '2025-04-08',
    };
    expect(proposalFor(STATEMENT, [onRecord], 'statement')).toMatchObject({
      alreadyRecorded: 'said',
      statementOnRecord: { speaker: 'Seyed Abbas Araghchi', quote: `${WORDS.toUpperCase()}!` },
    });
    expect(proposalFor(STATEMENT, [onRecord], 'statement')).not.toHaveProperty('detailsNotOnRecord');
    for (const other of [
      { ...onRecord, speaker: 'Vladimir Putin' },
      { ...onRecord, quote: 'The treaty opens a new page' },
      { ...onRecord, occurredOn: '2025-04-01' },
    ]) {
      const proposal = proposalFor(STATEMENT, [other], 'statement');
      expect(proposal.alreadyRecorded).toBeNull();
      expect(proposal).not.toHaveProperty('statementOnRecord');
    }
  });

  it('a consent of another type is another development', () => {
    const text = 'Iran deposited its instrument of ratification of the partnership treaty with Russia on Tuesday.';
    const consent = (consentType: string): KnownDevelopment => ({
      id: consentType,
      type: 'consent-to-be-bound',
      party: 'IR',
      consentType,
      occurredOn: '2025-04-08',
    });
    const proposal = proposalFor(text, [consent('accession'), consent('ratification')], 'consent-to-be-bound');
    expect(proposal).toMatchObject({ consentType: 'ratification', alreadyRecorded: 'ratification' });
  });
});
