import { describe, expect, it } from '@jest/globals';
import { extractDevelopments } from '../extract-developments';
import type { KnownTreaty, Proposal } from '../extraction.types';

const RU_IR: KnownTreaty = {
  id: 'ru-ir-csp',
  title: 'Treaty on Comprehensive Strategic Partnership between Russia and Iran',
  parties: ['RU', 'IR'],
};
const SIGNED_ON_RECORD: KnownTreaty = {
  ...RU_IR,
  developments: [{ id: 'd1', type: 'signed', party: null, body: null, stage: null, occurredOn: '2025-01-17' }],
};
const PUBLISHED = '2025-04-10';
/** A vote dated in its sentence, then the signing dated in the next: the nearest act before is the signing. */
const VOTE_THEN_SIGNING =
  'The State Duma ratified the Treaty on Comprehensive Strategic Partnership between Russia and Iran on April 8. ' +
  'The treaty was signed in Moscow on January 17, 2025. ';

function extract(text: string, known: readonly KnownTreaty[] = [RU_IR]): readonly Proposal[] {
  const { proposals } = extractDevelopments({ text, publishedOn: PUBLISHED, publisher: 'TASS' }, known);
  for (const proposal of proposals) expect(text.slice(proposal.quoteStart, proposal.quoteEnd)).toBe(proposal.quote);
  return proposals;
}

const statement = (proposals: readonly Proposal[]) => proposals.find((proposal) => proposal.type === 'statement');

describe('a date pointed back to ("said at the time")', () => {
  it('takes the date of the act the sentence before dates, less surely than a date of its own', () => {
    const text = `${VOTE_THEN_SIGNING}Vladimir Putin said at the time that the treaty was "a real breakthrough".`;
    const said = statement(extract(text, [SIGNED_ON_RECORD]));
    expect(said).toMatchObject({ speaker: 'Vladimir Putin', occurredOn: '2025-01-17', precision: 'day' });
    expect(said?.dateReasoning).toMatch(/^"at the time" → 2025-01-17, the date of the signing in the sentence before/);
    const dated = statement(extract('Vladimir Putin said on January 17 that the treaty was a breakthrough.'));
    expect(said!.confidence).toBeLessThan(dated!.confidence);
  });

  it.each([
    'Vladimir Putin said at that time that the treaty was a real breakthrough.',
    'Vladimir Putin said then that the treaty was a real breakthrough.',
    'Vladimir Putin called the treaty a real breakthrough, as he put it then.',
    'Back then, Vladimir Putin said the treaty was a real breakthrough.',
    'On that occasion, Vladimir Putin said the treaty was a real breakthrough.',
    'Vladimir Putin said during the visit that the treaty was a real breakthrough.',
    'At the ceremony, Vladimir Putin said the treaty was a real breakthrough.',
    'On the same day, Vladimir Putin said the treaty was a real breakthrough.',
    'That day, Vladimir Putin said the treaty was a real breakthrough.',
  ])('dates "%s" by the signing before it', (sentence) => {
    const said = statement(extract(VOTE_THEN_SIGNING + sentence));
    expect(said).toMatchObject({ occurredOn: '2025-01-17', precision: 'day' });
    expect(said?.dateReasoning).toContain('the date of the signing in the sentence before');
  });

  it('takes the act a phrase names ("at the signing"), from the article even when another act is nearer', () => {
    const text =
      'The treaty was signed in Moscow on January 17, 2025. ' +
      'The State Duma ratified the partnership treaty with Iran on April 8. ' +
      'At the signing ceremony, Vladimir Putin said the treaty was a real breakthrough.';
    const said = statement(extract(text));
    expect(said).toMatchObject({ occurredOn: '2025-01-17' });
    expect(said?.dateReasoning).toContain(
      '"At the signing ceremony" → 2025-01-17, the date of the signing in "The treaty',
    );
  });

  it('takes the signing from the record when the article does not date it', () => {
    const text =
      'The State Duma ratified the partnership treaty with Iran on April 8. ' +
      'At the signing, Vladimir Putin said the treaty was a real breakthrough.';
    const said = statement(extract(text, [SIGNED_ON_RECORD]));
    expect(said).toMatchObject({ occurredOn: '2025-01-17', precision: 'day' });
    expect(said?.dateReasoning).toBe('"At the signing" → 2025-01-17, the date of the signing on record');
    // Not the vote's date: the phrase names the signing, which neither the article nor the record then dates.
    expect(statement(extract(text))).toMatchObject({ occurredOn: PUBLISHED });
  });

  it('takes the time a sentence without a development names ("in a speech in February 2018")', () => {
    const text =
      'Ali Khamenei outlined his vision in a speech in February 2018. ' +
      'Khamenei said at the time that any treaty with Russia must serve Iran.';
    const said = statement(extract(text));
    expect(said).toMatchObject({ occurredOn: '2018-02', precision: 'month' });
    expect(said?.dateReasoning).toContain('"at the time" → 2018-02, the time named in the sentence before');
  });

  it('says when the date pointed back to is not found, and keeps the publication date less surely', () => {
    const alone = statement(extract('Vladimir Putin said at the time that the treaty was a real breakthrough.'));
    expect(alone).toMatchObject({ occurredOn: PUBLISHED, precision: 'day' });
    expect(alone?.dateReasoning).toContain('the date "at the time" refers to was not found');
    expect(alone?.dateReasoning).toContain(`taken as of the publication date ${PUBLISHED}`);
    const plain = statement(extract('Vladimir Putin said that the treaty was a real breakthrough.'));
    expect(alone!.confidence).toBeLessThan(plain!.confidence);
    // Two paragraphs back is too far: the paragraph before says nothing of a date.
    const far = statement(
      extract(
        'The treaty was signed on January 17, 2025.\n\nThe pact is long.\n\n' +
          'Vladimir Putin said at the time that the treaty was a real breakthrough.',
      ),
    );
    expect(far).toMatchObject({ occurredOn: PUBLISHED });
    expect(far?.dateReasoning).toContain('was not found');
  });

  it("leaves a sentence's own date alone, in the sentence itself and after one that points back", () => {
    const text =
      'The treaty was signed on January 17, 2025. ' +
      'Vladimir Putin said at the time that the treaty was a real breakthrough. ' +
      'Masoud Pezeshkian, who was at the time in Moscow, said on April 9 that the treaty was historic. ' +
      'The State Duma ratified the treaty with Iran on April 8.';
    const proposals = extract(text);
    expect(proposals.map((proposal) => [proposal.type, proposal.speaker, proposal.occurredOn])).toEqual([
      ['signed', undefined, '2025-01-17'],
      ['statement', 'Vladimir Putin', '2025-01-17'],
      ['statement', 'Masoud Pezeshkian', '2025-04-09'],
      ['legislative-approval', undefined, '2025-04-08'],
    ]);
  });

  it('dates an act that points back the same way, and drops one whose date is not found', () => {
    for (const phrase of ['on the same day', 'that day']) {
      const text = `The State Duma ratified the treaty with Iran on April 8. The Federation Council approved the treaty ${phrase}.`;
      const vote = extract(text).find((proposal) => proposal.body === 'Federation Council');
      expect(vote).toMatchObject({ type: 'legislative-approval', occurredOn: '2025-04-08', precision: 'day' });
      expect(vote?.dateReasoning).toContain(`"${phrase}" → 2025-04-08, the date of the State Duma's vote`);
      expect(vote!.confidence).toBeLessThan(0.9);
    }
    // As any act with a past verb and no date anywhere: no date can be proposed.
    expect(extract('The Federation Council approved the treaty with Iran on the same day.')).toEqual([]);
  });

  it('dates talks that point back the same way, and says so when the date is not found', () => {
    const sentence = 'Russia and Iran held talks on gas supplies during the visit.';
    const talks = (text: string) => extract(text).find((proposal) => proposal.type === 'negotiations');
    expect(talks(`The treaty was signed in Moscow on January 17, 2025. ${sentence}`)).toMatchObject({
      stage: 'held',
      occurredOn: '2025-01-17',
    });
    const alone = talks(sentence);
    expect(alone).toMatchObject({ stage: 'held', occurredOn: PUBLISHED });
    expect(alone?.dateReasoning).toContain('the date "during the visit" refers to was not found');
  });

  it('does not take "at the time of" another event, or "since then", for a date pointed back to', () => {
    for (const sentence of [
      'Vladimir Putin said at the time of the vote that the treaty was historic.',
      'Since then, Vladimir Putin said, the treaty has been a breakthrough.',
    ]) {
      const said = statement(extract(`The treaty was signed on January 17, 2025. ${sentence}`));
      expect(said).toMatchObject({ occurredOn: PUBLISHED });
      expect(said?.dateReasoning).toBe(
        `no date in the sentence: reported speech taken as of the publication date ${PUBLISHED}`,
      );
    }
  });
});

describe('a date counted from an earlier event ("two days later")', () => {
  const SIGNED = 'The treaty was signed in Moscow on January 17, 2025. ';
  const vote = (text: string) => extract(text).find((proposal) => proposal.type === 'legislative-approval');

  it.each([
    ['the next day', '2025-01-18', '1 day later'],
    ['on the following day', '2025-01-18', '1 day later'],
    ['two days later', '2025-01-19', '2 days later'],
    ['a week later', '2025-01-24', '1 week later'],
    ['three days after the signing', '2025-01-20', '3 days later'],
  ])('dates a vote "%s" from the signing before it', (phrase, occurredOn, moved) => {
    const found = vote(`${SIGNED}The State Duma ratified the partnership treaty with Iran ${phrase}.`);
    expect(found).toMatchObject({ body: 'State Duma', occurredOn, precision: 'day' });
    expect(found?.dateReasoning).toBe(
      `"${phrase}" counts from 2025-01-17, the date of the signing in the sentence before: ` +
        `"January 17, 2025" → 2025-01-17; ${moved} → ${occurredOn}`,
    );
    expect(found!.confidence).toBeLessThan(0.9);
  });

  it('counts from an act earlier in its own sentence, which the clause after ", and" does not take as its date', () => {
    const text =
      'The State Duma ratified the partnership treaty with Iran on April 1, ' +
      'and the Federation Council approved the treaty two days later.';
    expect(extract(text).map((proposal) => [proposal.body, proposal.occurredOn])).toEqual([
      ['State Duma', '2025-04-01'],
      ['Federation Council', '2025-04-03'],
    ]);
  });

  it('counts from the act a phrase names, even where the article tells it after', () => {
    const text =
      'The State Duma ratified the partnership treaty with Iran the day before the signing. ' +
      'The treaty was signed in Moscow on January 17, 2025.';
    expect(vote(text)).toMatchObject({ occurredOn: '2025-01-16', precision: 'day' });
  });

  it('counts months and years as precisely as the words say: a month, a year', () => {
    expect(vote(`${SIGNED}The State Duma ratified the partnership treaty with Iran a month later.`)).toMatchObject({
      occurredOn: '2025-02',
      precision: 'month',
    });
  });

  it('proposes no date where it cannot count: from a month, past the publication, from an event it does not name', () => {
    const inJanuary = 'The treaty was signed in Moscow in January 2025. ';
    expect(vote(`${inJanuary}The State Duma ratified the partnership treaty with Iran the next day.`)).toBeUndefined();
    const lateInMarch = 'The treaty was signed in Moscow on March 30, 2025. ';
    expect(
      vote(`${lateInMarch}The State Duma ratified the partnership treaty with Iran 12 days later.`),
    ).toBeUndefined();
    expect(vote(`${SIGNED}The State Duma ratified the partnership treaty with Iran two days after Iran did.`)).toBe(
      undefined,
    );
  });
});
