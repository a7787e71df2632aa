import { describe, expect, it } from '@jest/globals';
import { extractDevelopments } from './extract-developments';
import type { KnownTreaty } from './extraction.types';

const treaty = (id: string, title: string, ...parties: string[]): KnownTreaty => ({ id, title, parties });
const KNOWN = [
  treaty('ng-gn', 'Agreement between Nigeria and Guinea on maritime security', 'NG', 'GN'),
  treaty('gh-ng', 'Agreement between Ghana and Nigeria on maritime security', 'GH', 'NG'),
  treaty('ir-om', 'Agreement between Iran and Oman on maritime security', 'IR', 'OM'),
  treaty('jp-ru', 'Agreement between Japan and Russia on fisheries', 'JP', 'RU'),
  treaty('cn-vn', 'Agreement between China and Viet Nam on fisheries', 'CN', 'VN'),
];

/** What the extraction proposes from `text` against the treaties `known`, the fields these tests compare. */
const actsOf = (text: string, known: readonly KnownTreaty[] = KNOWN) =>
  extractDevelopments({ text, publishedOn: '2025-04-08' }, known).proposals.map(
    ({ treatyId, parties, type, party, confidence }) => ({
      treatyId,
      parties,
      type,
      ...(party ? { party } : {}),
      confidence,
    }),
  );

describe('a place named after a state is not the state (decision 0088)', () => {
  it.each([
    [
      'Off the Gulf of Guinea, Nigeria withdrew from the maritime security agreement with Ghana on Tuesday.',
      { treatyId: 'gh-ng', parties: ['GH', 'NG'], type: 'withdrawn', party: 'NG', confidence: 0.9 },
    ],
    [
      'Ghana and Nigeria on Tuesday signed a maritime security agreement for the Gulf of Guinea.',
      { treatyId: 'gh-ng', parties: ['GH', 'NG'], type: 'signed', confidence: 0.9 },
    ],
    [
      'In the Persian Gulf, Oman suspended the maritime security agreement on Tuesday.',
      { treatyId: 'ir-om', parties: ['OM'], type: 'suspended', party: 'OM', confidence: 0.9 },
    ],
    [
      'The Gulf of Oman maritime security agreement was suspended by Iran on Tuesday.',
      { treatyId: 'ir-om', parties: ['IR'], type: 'suspended', party: 'IR', confidence: 0.9 },
    ],
    [
      'In the Sea of Japan, Russia suspended the fisheries agreement on Tuesday.',
      { treatyId: 'jp-ru', parties: ['RU'], type: 'suspended', party: 'RU', confidence: 0.9 },
    ],
    [
      'In the South China Sea, Vietnam suspended the fisheries agreement on Tuesday.',
      { treatyId: 'cn-vn', parties: ['VN'], type: 'suspended', party: 'VN', confidence: 0.9 },
    ],
  ])('"%s" is %j', (text, proposal) => {
    expect(actsOf(text)).toEqual([proposal]);
  });

  it('names no treaty from a place alone: the editor chooses, rather than a treaty of Guinea’s', () => {
    expect(actsOf('The Gulf of Guinea states signed the maritime security agreement on Tuesday.')).toEqual([
      expect.objectContaining({ treatyId: null, parties: [], type: 'signed' }),
    ]);
  });
});

describe('an American town written with its state is not the state its name holds (decision 0104)', () => {
  // Registered so that a tie goes to the wrong treaty: Georgia's, then Lebanon's before Jordan's.
  const AMERICAN = [
    treaty('ge-us', 'Trade agreement between Georgia and the United States', 'GE', 'US'),
    treaty('lb-us', 'Trade agreement between Lebanon and the United States', 'LB', 'US'),
    treaty('jo-us', 'Trade agreement between Jordan and the United States', 'JO', 'US'),
    treaty('fr-us', 'Trade agreement between France and the United States', 'FR', 'US'),
  ];
  const americanActsOf = (text: string) => actsOf(text, AMERICAN);

  it.each([
    [
      'In Atlanta, Georgia, the United States and France signed the trade agreement on Tuesday.',
      { treatyId: 'fr-us', parties: ['FR', 'US'], type: 'signed', confidence: 0.9 },
    ],
    [
      'The United States signed the trade agreement with Jordan in Atlanta, Georgia, on Tuesday.',
      { treatyId: 'jo-us', parties: ['JO', 'US'], type: 'signed', confidence: 0.9 },
    ],
    [
      'The United States and Jordan signed the trade agreement in Lebanon, Pennsylvania, on Tuesday.',
      { treatyId: 'jo-us', parties: ['JO', 'US'], type: 'signed', confidence: 0.9 },
    ],
    [
      'In Jordan, Minnesota, Lebanon ratified the trade agreement with the United States on Tuesday.',
      { treatyId: 'lb-us', parties: ['LB', 'US'], type: 'ratification-completed', party: 'LB', confidence: 0.9 },
    ],
    [
      'In Paris, Texas, Jordan ratified the trade agreement with the United States on Tuesday.',
      { treatyId: 'jo-us', parties: ['JO', 'US'], type: 'ratification-completed', party: 'JO', confidence: 0.9 },
    ],
    // A postal code, a town of Georgia's that news names, a town whose state ends the sentence (decision 0114).
    [
      'In Paris, TX, Jordan ratified the trade agreement with the United States on Tuesday.',
      { treatyId: 'jo-us', parties: ['JO', 'US'], type: 'ratification-completed', party: 'JO', confidence: 0.9 },
    ],
    [
      'The United States and France signed the trade agreement in Dahlonega, Georgia, on Tuesday.',
      { treatyId: 'fr-us', parties: ['FR', 'US'], type: 'signed', confidence: 0.9 },
    ],
    [
      'Jordan ratified the trade agreement with the United States on Tuesday in Paris, Texas.',
      { treatyId: 'jo-us', parties: ['JO', 'US'], type: 'ratification-completed', party: 'JO', confidence: 0.9 },
    ],
  ])('"%s" is %j', (text, proposal) => {
    expect(americanActsOf(text)).toEqual([proposal]);
  });

  it('still reads Georgia after a town abroad that bears the name of one of its towns: "In Bremen, Georgia and ..."', () => {
    // Given a treaty of Georgia and Moldova, when the two sign it in the German city.
    const known = [treaty('ge-md', 'Treaty between Georgia and Moldova', 'GE', 'MD')];
    const text = 'In Bremen, Georgia and Moldova signed the treaty on Monday.';
    const [signature] = extractDevelopments({ text, publishedOn: '2025-04-08' }, known).proposals;
    // Then both are its parties: Bremen is no town of the American state.
    expect(signature).toMatchObject({ treatyId: 'ge-md', parties: ['GE', 'MD'], type: 'signed' });
  });

  it('still reads Georgia in "Tbilisi, Georgia"', () => {
    expect(
      americanActsOf('In Tbilisi, Georgia ratified the trade agreement with the United States on Tuesday.'),
    ).toEqual([
      { treatyId: 'ge-us', parties: ['GE', 'US'], type: 'ratification-completed', party: 'GE', confidence: 0.9 },
    ]);
  });
});
