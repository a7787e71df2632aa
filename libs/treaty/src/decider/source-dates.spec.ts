import { describe, it } from '@jest/globals';
import {
  approved,
  corrected,
  correct,
  corroborated,
  registered,
  report,
  signed,
  source,
  spec,
  TREATY_ID,
  uuid,
} from '../testing/treaty-fixtures';

const id = uuid(10);
const duma = uuid(2);
/** Another source than the one on record: the same source giving its date again adds nothing (decision 0040). */
const secondSource = source({ publisher: 'Interfax', url: 'https://www.interfax.ru/1' });
const onRecord = [registered(), signed(uuid(1), '2025-01-17'), approved(duma, 'RU', 'State Duma', '2025-04-08')];
/** The Moscow Times of 8 April 2025. */
const ofTheEighth = source({
  publisher: 'The Moscow Times',
  url: 'https://example.org/duma',
  publishedOn: '2025-04-08',
});
const councilVote = (occurredOn: string, by = ofTheEighth) =>
  report(id, { type: 'legislative-approval', party: 'RU', body: 'Federation Council', occurredOn, source: by });

describe('a source cannot report an act before it was done', () => {
  it('refuses a vote dated after the article that reports it, naming the source’s date', () => {
    spec
      .given(onRecord)
      .when(councilVote('2025-04-16'))
      .thenThrows('SOURCE_BEFORE_DEVELOPMENT', { field: 'source.publishedOn', message: /2025-04-08.*2025-04-16/ });
  });

  it('allows a day for time zones: a vote of the 9th in Tehran is in a paper dated the 8th in America', () => {
    spec
      .given(onRecord)
      .when(councilVote('2025-04-09'))
      .then(approved(id, 'RU', 'Federation Council', '2025-04-09', { source: ofTheEighth }));
    spec.given(onRecord).when(councilVote('2025-04-10')).thenThrows('SOURCE_BEFORE_DEVELOPMENT');
  });

  it('reads a partial date from its first day: April in a paper of 31 March, not in one of 20 March', () => {
    const lateMarch = source({ publishedOn: '2025-03-31' });
    spec
      .given(onRecord)
      .when(councilVote('2025-04', lateMarch))
      .then(approved(id, 'RU', 'Federation Council', '2025-04', { source: lateMarch }));
    spec
      .given(onRecord)
      .when(councilVote('2025-04', source({ publishedOn: '2025-03-20' })))
      .thenThrows('SOURCE_BEFORE_DEVELOPMENT');
  });

  it('holds a second report of an act on record to it too, before it could corroborate', () => {
    spec
      .given(onRecord)
      .when(
        report(id, {
          type: 'legislative-approval',
          party: 'RU',
          body: 'State Duma',
          occurredOn: '2025-04-08',
          source: secondSource,
        }),
      )
      .then(corroborated(duma, '2025-04-08', secondSource));
    spec
      .given(onRecord)
      .when(
        report(id, {
          type: 'legislative-approval',
          party: 'RU',
          body: 'State Duma',
          occurredOn: '2025-04-08',
          source: source({ publishedOn: '2025-04-01' }),
        }),
      )
      .thenThrows('SOURCE_BEFORE_DEVELOPMENT');
  });

  it('accepts an entry into force that a source announced before it came: its date is set beforehand', () => {
    spec
      .given(onRecord)
      .when(report(id, { type: 'entered-into-force', occurredOn: '2025-05-15', source: ofTheEighth }))
      .then({
        type: 'TreatyEnteredIntoForce',
        data: { treatyId: TREATY_ID, developmentId: id, occurredOn: '2025-05-15', source: ofTheEighth },
      });
  });

  it('refuses a correction that moves an act after the source the correction cites', () => {
    spec
      .given(onRecord)
      .when(correct(id, duma, { occurredOn: '2025-04-15' }, { source: ofTheEighth }))
      .thenThrows('SOURCE_BEFORE_DEVELOPMENT', {
        field: 'source.publishedOn',
        message: /changes\.occurredOn 2025-04-15/,
      });
    spec
      .given(onRecord)
      .when(correct(id, duma, { occurredOn: '2025-04-15' }, { source: source({ publishedOn: '2025-04-16' }) }))
      .then(corrected(duma, { occurredOn: '2025-04-15' }, source({ publishedOn: '2025-04-16' })));
  });
});
