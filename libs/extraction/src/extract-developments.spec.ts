import { describe, expect, it } from '@jest/globals';
import { extractDevelopments } from './extract-developments';
import type { KnownTreaty, Proposal } from './extraction.types';

const RU_IR: KnownTreaty = {
  id: 'ru-ir-csp',
  title:
    'Treaty on Comprehensive Strategic Partnership between the Russian Federation and the Islamic Republic of Iran',
  parties: ['RU', 'IR'],
};
const EAEU_IR: KnownTreaty = {
  id: 'eaeu-ir-fta',
  title: 'Free Trade Agreement between the Eurasian Economic Union and the Islamic Republic of Iran',
  parties: ['EAEU', 'IR'],
};
const NEW_START: KnownTreaty = {
  id: 'new-start',
  title: 'Treaty on Measures for the Further Reduction and Limitation of Strategic Offensive Arms',
  parties: ['US', 'RU'],
};
const KNOWN = [RU_IR, EAEU_IR, NEW_START];

function extract(text: string, publishedOn: string, known: readonly KnownTreaty[] = KNOWN): readonly Proposal[] {
  const { proposals } = extractDevelopments({ text, publishedOn }, known);
  for (const proposal of proposals) expect(text.slice(proposal.quoteStart, proposal.quoteEnd)).toBe(proposal.quote);
  return proposals;
}

const acts = (proposals: readonly Proposal[]) =>
  proposals.filter((proposal) => !['statement', 'negotiations', 'context'].includes(proposal.type));

describe('extractDevelopments', () => {
  it('proposes a chamber’s vote with its party, body, day and sentence', () => {
    const text = 'Moscow — Russia’s Federation Council on Wednesday approved the partnership treaty with Iran.';
    expect(extract(text, '2025-04-16')).toEqual([
      expect.objectContaining({
        treatyId: 'ru-ir-csp',
        parties: ['RU', 'IR'],
        type: 'legislative-approval',
        party: 'RU',
        body: 'Federation Council',
        occurredOn: '2025-04-16',
        precision: 'day',
        quoteStart: 0,
        alreadyRecorded: null,
      }),
    ]);
  });

  it('resolves a generic chamber through the country named beside it', () => {
    const [vote] = acts(extract('Iran’s parliament ratified the strategic pact with Moscow on Sunday.', '2025-05-21'));
    expect(vote).toMatchObject({ type: 'legislative-approval', party: 'IR', body: 'Majlis', occurredOn: '2025-05-18' });
  });

  it.each([
    ["Kazakhstan's Mazhilis ratified the free trade agreement with Iran on Monday.", 'KZ', 'Mazhilis'],
    ["Kazakhstan's Senate ratified the free trade agreement with Iran on Monday.", 'KZ', 'Senate'],
    ["Kyrgyzstan's Jogorku Kenesh ratified the free trade agreement with Iran on Monday.", 'KG', 'Jogorku Kenesh'],
    ["Armenia's National Assembly ratified the free trade agreement with Iran on Monday.", 'AM', 'National Assembly'],
    ["Uzbekistan's Oliy Majlis ratified the trade agreement with Iran on Monday.", 'UZ', 'Oliy Majlis'],
    ["Azerbaijan's Milli Majlis ratified the trade agreement with Iran on Monday.", 'AZ', 'Milli Majlis'],
    ["Uzbekistan's Oliy\u00a0Majlis ratified the trade agreement with Iran on Monday.", 'UZ', 'Oliy Majlis'],
    ["Azerbaijan's Milli\u00a0Majlis ratified the trade agreement with Iran on Monday.", 'AZ', 'Milli Majlis'],
    ["Iran's Majlis ratified the trade agreement with Uzbekistan on Monday.", 'IR', 'Majlis'],
    // Other legislatures called Majlis, or a council whose name has the word: none is Iran's.
    ["The People's Majlis of the Maldives ratified the trade agreement with India on Monday.", 'MV', "People's Majlis"],
    ["Tajikistan's Majlisi Oli ratified the trade agreement with Iran on Monday.", 'TJ', 'Majlisi Oli'],
    ["Turkmenistan's Mejlis ratified the trade agreement with Iran on Monday.", 'TM', 'Mejlis'],
    ["Oman's Majlis al-Shura approved the trade agreement with Iran on Monday.", 'OM', 'Shura Council'],
    ["Saudi Arabia's Shura Council approved the trade agreement with Iran on Monday.", 'SA', 'Shura Council'],
    ['The Majlis of Uzbekistan ratified the trade agreement with Iran on Monday.', 'UZ', 'Oliy Majlis'],
    // "The Majlis" beside a country whose parliament is not so called is still Iran's.
    ['The Majlis ratified the trade agreement with Russia on Monday.', 'IR', 'Majlis'],
    // Nor does the country a treaty is made with own "the Majlis", when that country's parliament is also so called.
    ['The Majlis ratified the trade agreement with Uzbekistan on Monday.', 'IR', 'Majlis'],
    ['The Majlis approved the transit agreement with Oman and Tajikistan on Monday.', 'IR', 'Majlis'],
    // A chamber of a parliament called the National Assembly is that chamber, not the whole parliament.
    [
      "The House of Representatives of Belarus's National Assembly ratified the agreement with Iran on Monday.",
      'BY',
      'House of Representatives',
    ],
    [
      "The upper house of Belarus's National Assembly ratified the agreement with Iran on Monday.",
      'BY',
      'Council of the Republic',
    ],
    ["France's National Assembly ratified the agreement with Iran on Monday.", 'FR', 'National Assembly'],
  ])('names the chamber in "%s": %s, %s', (text, party, body) => {
    // No treaty registered: a party of the EAEU's agreement that the record names only as EAEU would be dropped.
    const [vote] = acts(extract(text, '2025-04-08', []));
    expect(vote).toMatchObject({ type: 'legislative-approval', party, body, occurredOn: '2025-04-07' });
  });

  it('reads the ratification law a sentence names as the treaty it ratifies, where the sentence names no treaty', () => {
    const [vote] = acts(
      extract(
        'The lower house, the Mazhilis, approved the ratification law on February 14 by 98 votes to 2.',
        '2023-03-03',
        [],
      ),
    );
    expect(vote).toMatchObject({
      type: 'legislative-approval',
      party: 'KZ',
      body: 'Mazhilis',
      occurredOn: '2023-02-14',
      votes: { for: 98, against: 2 },
      treatyTitle: 'treaty',
    });
    // The president's signature of that law completes ratification; it is no signature of the treaty.
    const [signature] = acts(extract('President Vladimir Putin signed the ratification law on Monday.', '2025-04-08'));
    expect(signature).toMatchObject({ type: 'ratification-completed', party: 'RU', occurredOn: '2025-04-07' });
    // A law that ratifies nothing is no treaty.
    expect(acts(extract('The State Duma approved the budget law on Monday.', '2025-04-08'))).toEqual([]);
  });

  it("gives a chamber's vote the counts its clause writes, and no other act any", () => {
    const text =
      "Kazakhstan's Mazhilis ratified the free trade agreement with Iran on Monday by 98 votes to 2, with 1 abstention, and Kazakhstan signed a trade deal with Iran on Tuesday.";
    const [vote, signature] = acts(extract(text, '2025-04-09', []));
    expect(vote).toMatchObject({ type: 'legislative-approval', votes: { for: 98, against: 2, abstained: 1 } });
    expect(signature).toMatchObject({ type: 'signed' });
    expect(signature).not.toHaveProperty('votes');
  });

  it.each([
    [
      'President Vladimir Putin signed the law on ratifying the treaty with Iran on Monday.',
      'ratification-completed',
      { party: 'RU' },
    ],
    [
      'Russia and Iran exchanged instruments of ratification of their partnership treaty on Monday.',
      'instruments-exchanged',
      {},
    ],
    [
      'Iran deposited its instrument of accession to the treaty with Russia on Monday.',
      'consent-to-be-bound',
      { party: 'IR', consentType: 'accession' },
    ],
    [
      'The free trade agreement between Iran and the Eurasian Economic Union entered into force on Monday.',
      'entered-into-force',
      {},
    ],
    [
      'Russia suspended its participation in the New START treaty with the United States on Monday.',
      'suspended',
      { party: 'RU' },
    ],
    ['The United States withdrew from the strategic arms treaty with Russia on Monday.', 'withdrawn', { party: 'US' }],
    [
      'Russia revoked its notification of withdrawal from the New START treaty with the United States on Monday.',
      'withdrawal-revoked',
      { party: 'RU' },
    ],
    [
      'Russia withdrew its notice of withdrawal from the New START treaty with the United States on Monday.',
      'withdrawal-revoked',
      { party: 'RU' },
    ],
  ])('reads "%s" as %s', (text, type, details) => {
    const [act] = acts(extract(text, '2025-04-08'));
    expect(act).toMatchObject({ type, occurredOn: '2025-04-07', precision: 'day', ...details });
  });

  it('proposes nothing for acts that have not happened', () => {
    const text =
      'The agreement cannot take effect until it is approved by the parliament. Iran will sign the treaty with Russia on Friday. ' +
      'Russia did not ratify the pact with Iran last year.';
    expect(acts(extract(text, '2025-04-08'))).toEqual([]);
  });

  it('proposes nothing for treaties spoken of in the plural', () => {
    expect(acts(extract('Russia has signed agreements with Iran and China in recent years.', '2025-04-08'))).toEqual(
      [],
    );
  });

  it('names a treaty no one has registered by the words of the text', () => {
    const [act] = acts(extract('Last year, Russia and North Korea inked a mutual defence pact.', '2025-04-08'));
    expect(act).toMatchObject({
      treatyId: null,
      treatyTitle: 'mutual defence pact',
      parties: ['RU', 'KP'],
      occurredOn: '2024',
      precision: 'year',
    });
  });

  it('gives the same act reported twice once, and dates an undated report from the dated one', () => {
    const text =
      'Russia and Iran sign a partnership treaty in the Kremlin\n\n' +
      'Putin and Pezeshkian signed the treaty on Friday. The leaders, who signed the pact at a ceremony, hailed it.';
    const signatures = acts(extract(text, '2025-01-18')).filter((proposal) => proposal.type === 'signed');
    expect(signatures).toEqual([expect.objectContaining({ treatyId: 'ru-ir-csp', occurredOn: '2025-01-17' })]);
  });

  it('takes a coordinated clause with its own date and treaty as the same act again', () => {
    const text =
      'In June, Russia signed a partnership treaty with Iran, and in December, a strategic arms treaty with the United States replaced the old one.';
    const signed = acts(extract(text, '2025-01-17')).map((proposal) => [proposal.treatyId, proposal.occurredOn]);
    expect(signed).toEqual([
      ['ru-ir-csp', '2024-06'],
      ['new-start', '2024-12'],
    ]);
  });

  it('marks a proposal already on record with the development’s id, at the coarser precision', () => {
    const recorded: KnownTreaty = {
      ...RU_IR,
      developments: [
        { id: 'dev-1', type: 'legislative-approval', party: 'RU', body: 'State Duma', occurredOn: '2025-04-08' },
      ],
    };
    const text = 'The State Duma ratified the partnership treaty with Iran in April.';
    const [vote] = acts(extract(text, '2025-05-21', [recorded]));
    expect(vote).toMatchObject({ occurredOn: '2025-04', precision: 'month', alreadyRecorded: 'dev-1' });
    const [other] = acts(
      extract('The Federation Council ratified the treaty with Iran in April.', '2025-05-21', [recorded]),
    );
    expect(other).toMatchObject({ body: 'Federation Council', alreadyRecorded: null });
  });

  it('proposes the reading a chamber voted in, and each reading as its own development', () => {
    const text =
      'The State Duma adopted the law on ratifying the partnership treaty with Iran in the first reading on April 1.\n' +
      'A week later, on April 8, the Duma ratified the treaty with Iran in the second and third readings.';
    expect(acts(extract(text, '2025-04-08')).map((vote) => [vote.body, vote.stage, vote.occurredOn])).toEqual([
      ['State Duma', 'first-reading', '2025-04-01'],
      ['State Duma', 'third-reading', '2025-04-08'],
    ]);
    const [single] = acts(
      extract('The Duma ratified the treaty with Iran in the first and final reading on Tuesday.', '2025-04-08'),
    );
    expect(single).toMatchObject({ stage: 'final' });
  });

  it("gives a chamber's decisive vote once, whether or not a sentence names its reading, and dates one from the other", () => {
    // The record takes a report without a stage and one of the third or final reading as one vote: so do proposals.
    const twice =
      'The State Duma ratified the partnership treaty with Iran on Tuesday. ' +
      'The Duma approved the treaty with Iran in the third and final reading on Tuesday, with 400 votes for.';
    expect(acts(extract(twice, '2025-04-09')).map((vote) => [vote.body, vote.occurredOn])).toEqual([
      ['State Duma', '2025-04-08'],
    ]);
    // A headline in the present is the vote its article dates, not news of the publication day.
    const headline =
      "Russia's State Duma ratifies partnership treaty with Iran\n\n" +
      'The State Duma approved the treaty with Iran in the third and final reading on Tuesday.';
    expect(acts(extract(headline, '2025-04-09')).map((vote) => [vote.body, vote.occurredOn])).toEqual([
      ['State Duma', '2025-04-08'],
    ]);
    // A first reading is another vote: never the same act as the decisive one.
    const readings =
      'The State Duma adopted the law on ratifying the treaty with Iran in the first reading on April 1. ' +
      'The State Duma ratified the treaty with Iran on April 8.';
    expect(acts(extract(readings, '2025-04-09')).map((vote) => [vote.stage, vote.occurredOn])).toEqual([
      ['first-reading', '2025-04-01'],
      [undefined, '2025-04-08'],
    ]);
  });

  it('a reading on record is not the decisive vote: only a decisive one counts as already recorded', () => {
    const recorded: KnownTreaty = {
      ...RU_IR,
      developments: [
        {
          id: 'first',
          type: 'legislative-approval',
          party: 'RU',
          body: 'State Duma',
          stage: 'first-reading',
          occurredOn: '2025-04',
        },
        { id: 'decisive', type: 'legislative-approval', party: 'RU', body: 'State Duma', occurredOn: '2025-04-08' },
      ],
    };
    const third = 'The Duma ratified the treaty with Iran in the third and final reading on Tuesday.';
    expect(acts(extract(third, '2025-04-08', [recorded]))).toEqual([
      expect.objectContaining({ stage: 'third-reading', alreadyRecorded: 'decisive' }),
    ]);
    const first = 'The Duma approved the treaty with Iran in the first reading on Tuesday.';
    expect(acts(extract(first, '2025-04-01', [recorded]))).toEqual([
      expect.objectContaining({ stage: 'first-reading', alreadyRecorded: 'first' }),
    ]);
  });

  it('proposes statements with their speaker and talks with their stage', () => {
    const text =
      '“The treaty opens a new chapter,” Iranian Foreign Minister Abbas Araghchi said on Tuesday.\n' +
      'On Monday, the United States announced direct talks with Iran to be held this weekend.';
    const proposals = extract(text, '2025-04-08');
    expect(proposals).toEqual([
      expect.objectContaining({ type: 'statement', speaker: 'Abbas Araghchi', party: 'IR', occurredOn: '2025-04-08' }),
      expect.objectContaining({ type: 'negotiations', stage: 'announced', occurredOn: '2025-04-07', treatyId: null }),
    ]);
  });

  it("matches a statement by how the sentence names the treaty, not by the speaker's word for it", () => {
    // Registered first, with the same parties: the speaker's "a document" is their word for the treaty the article
    // has just named, not "a" treaty other than it.
    const RU_IR_2001: KnownTreaty = {
      id: 'ru-ir-2001',
      title: 'Treaty on the Basis of Mutual Relations and Principles of Cooperation between Russia and Iran',
      parties: ['RU', 'IR'],
    };
    const text =
      'Presidents Masoud Pezeshkian and Vladimir Putin signed the comprehensive strategic partnership treaty in January.\n' +
      'Pezeshkian said it would “open a new chapter in relations between Iran and Russia,” while Putin called it a “breakthrough document.”';
    const statements = extract(text, '2025-04-08', [RU_IR_2001, RU_IR]).filter(
      (proposal) => proposal.type === 'statement',
    );
    expect(statements.map((statement) => [statement.speaker, statement.treatyId])).toEqual([
      ['Pezeshkian', 'ru-ir-csp'],
      ['Putin', 'ru-ir-csp'],
    ]);
    // Matched to the treaty named before, not proposed as a toss-up between the two (which would take 0.7 of the
    // 0.42 an undated statement has).
    for (const statement of statements) expect(statement.confidence).toBe(0.42);
  });

  it('proposes one statement per speaker of a sentence, never a possessive as the speaker', () => {
    const text =
      'In January, Putin called the partnership treaty a “breakthrough document,” while Pezeshkian said it would “open a new chapter”.\n' +
      'Mr Putin called Mr Pezeshkian’s visit important and said the treaty was comprehensive.';
    const statements = extract(text, '2025-04-08').map((proposal) => [proposal.speaker, proposal.occurredOn]);
    expect(statements).toEqual([
      ['Putin', '2025-01'],
      ['Pezeshkian', '2025-01'],
      ['Putin', '2025-04-08'],
    ]);
  });
});
