import { describe, expect, it } from '@jest/globals';
import { extractDevelopments } from './extract-developments';
import type { KnownTreaty } from './extraction.types';

const treaty = (...parties: string[]): KnownTreaty => ({
  id: parties.join('-').toLowerCase(),
  title: `Agreement between ${parties.join(' and ')} on maritime cooperation`,
  parties,
});
// Greece–Cyprus registered first: a tie between it and another goes to it.
const KNOWN = [treaty('GR', 'CY'), treaty('CY', 'EG'), treaty('GR', 'TR'), treaty('BA', 'RS')];

const actsOf = (text: string) =>
  extractDevelopments({ text, publishedOn: '2025-04-08' }, KNOWN).proposals.map(
    ({ treatyId, parties, type, party, confidence }) => ({
      treatyId,
      parties,
      type,
      ...(party ? { party } : {}),
      confidence,
    }),
  );

describe('a community named by two states’ words is one community, not two states (decision 0104)', () => {
  it.each([
    [
      'The Greek Cypriot government ratified the maritime cooperation agreement with Egypt on Tuesday.',
      { treatyId: 'cy-eg', parties: ['CY', 'EG'], type: 'ratification-completed', party: 'CY', confidence: 0.9 },
    ],
    [
      'Greek Cypriot leaders signed the maritime cooperation agreement with Egypt on Tuesday.',
      { treatyId: 'cy-eg', parties: ['CY', 'EG'], type: 'signed', confidence: 0.9 },
    ],
    [
      'Turkey and Turkish Cypriot officials suspended the maritime cooperation agreement with Greece on Tuesday.',
      { treatyId: 'gr-tr', parties: ['GR', 'TR'], type: 'suspended', party: 'TR', confidence: 0.9 },
    ],
  ])('"%s" is %j', (text, proposal) => {
    expect(actsOf(text)).toEqual([proposal]);
  });

  it('names no state for a community of none: Bosnian Serb lawmakers are no chamber of Bosnia’s', () => {
    const [vote] = actsOf('Bosnian Serb lawmakers approved the maritime cooperation agreement with Serbia on Tuesday.');
    expect(vote).toMatchObject({ type: 'legislative-approval', parties: ['RS'] });
    expect(vote).not.toHaveProperty('party');
  });

  it('names no state for the Kurdistan Region: "Iraqi Kurdish" is not Iraq (decision 0114)', () => {
    const known = [treaty('IQ', 'TR'), treaty('GR', 'TR')];
    const acts = extractDevelopments(
      {
        text: 'The Iraqi Kurdish government ratified the maritime cooperation agreement with Turkey on Tuesday.',
        publishedOn: '2025-04-08',
      },
      known,
    ).proposals;
    expect(acts).toEqual([expect.objectContaining({ type: 'ratification-completed', parties: ['TR'] })]);
    expect(acts[0]).not.toHaveProperty('party');
  });
});
