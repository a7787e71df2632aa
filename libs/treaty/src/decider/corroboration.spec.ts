import { describe, it } from '@jest/globals';
import {
  approved,
  corroborated,
  corrected,
  happened,
  ratified,
  registered,
  report,
  retracted,
  signed,
  source,
  spec,
  uuid,
} from '../testing/treaty-fixtures';

const id = uuid(10);
const first = uuid(2);
const irna = source({ publisher: 'IRNA', url: 'https://irna.ir/news/2', publishedOn: '2025-04-09' });
/** IRNA's later report, of acts after its first. */
const irnaInJune = source({ publisher: 'IRNA', url: 'https://irna.ir/news/3', publishedOn: '2025-06-02' });

/** A report of the State Duma's vote with `fields` (its date, source, count, reading). */
const dumaVote = (fields: Record<string, unknown>) =>
  report(id, { type: 'legislative-approval', party: 'RU', body: 'State Duma', ...fields });

describe('corroboration and disagreement', () => {
  describe('a report of a development on record whose date agrees corroborates it', () => {
    it('same date: adds its source to the development instead of recording a second one', () => {
      spec
        .given([registered(), approved(first, 'RU', 'State Duma', '2025-04-08')])
        .when(dumaVote({ occurredOn: '2025-04-08', source: irna }))
        .then(corroborated(first, '2025-04-08', irna));
    });

    it('a month agrees with a day in it, and keeps the date the source gave', () => {
      spec
        .given([registered(), ratified(first, 'IR', '2025-04-08')])
        .when(report(id, { type: 'ratification-completed', party: 'IR', occurredOn: '2025-04', source: irna }))
        .then(corroborated(first, '2025-04', irna));
    });

    it('a day agrees with the year it falls in', () => {
      spec
        .given([registered(), happened('TreatyEnteredIntoForce', first, '2025')])
        .when(report(id, { type: 'entered-into-force', occurredOn: '2025-10-02', source: irna }))
        .then(corroborated(first, '2025-10-02', irna));
    });

    it('compares the chamber ignoring case and spaces', () => {
      spec
        .given([registered(), approved(first, 'RU', 'State Duma', '2025-04-08')])
        .when(
          report(id, {
            type: 'legislative-approval',
            party: 'RU',
            body: ' state  DUMA',
            occurredOn: '2025-04-08',
            source: irna,
          }),
        )
        .then(corroborated(first, '2025-04-08', irna));
    });

    it('a signature has no party: any signature report is the same development', () => {
      spec
        .given([registered(), signed(first, '2025-01-17', { place: 'Moscow' })])
        .when(report(id, { type: 'signed', occurredOn: '2025-01', source: irna }))
        .then(corroborated(first, '2025-01', irna));
    });

    it('a source the development already has, giving a finer date, corroborates it and narrows it', () => {
      spec
        .given([registered(), approved(first, 'RU', 'State Duma', '2025-04')])
        .when(dumaVote({ occurredOn: '2025-04-08' }))
        .then(corroborated(first, '2025-04-08', source()));
    });

    it('the same source giving the same date again adds nothing: refused, naming the development', () => {
      // A retry without an Idempotency-Key, or a batch holding the line twice: once recorded, it listed the same
      // source twice in the timeline (decision 0040).
      const repeat = dumaVote({ occurredOn: '2025-04-08' });
      spec
        .given([registered(), approved(first, 'RU', 'State Duma', '2025-04-08')])
        .when(repeat)
        .thenThrows('REPORT_ALREADY_RECORDED', { field: 'source', message: new RegExp(first) });
      spec
        .given([registered(), approved(first, 'RU', 'State Duma', '2025-04'), corroborated(first, '2025-04-08', irna)])
        .when(
          report(id, {
            type: 'legislative-approval',
            party: 'RU',
            body: ' state duma',
            occurredOn: '2025-04-08',
            source: irna,
          }),
        )
        .thenThrows('REPORT_ALREADY_RECORDED', { field: 'source' });
    });

    it('the date alone decides: the same source reporting another date is a second report that disagrees', () => {
      spec
        .given([registered(), approved(first, 'RU', 'State Duma', '2025-04-08')])
        .when(dumaVote({ occurredOn: '2025-04-10' }))
        .then(approved(id, 'RU', 'State Duma', '2025-04-10', { disagreesWith: [first] }));
    });

    it('matches the development as corrected', () => {
      spec
        .given([
          registered(),
          approved(first, 'RU', 'Duma', '2025-04-01'),
          corrected(first, { occurredOn: '2025-04-08', body: 'State Duma' }),
        ])
        .when(dumaVote({ occurredOn: '2025-04-08', source: irna }))
        .then(corroborated(first, '2025-04-08', irna));
    });
  });

  describe('a corroboration records its source and date, so a report with details the record lacks is refused', () => {
    const onRecord = signed(first, '2025-01-17', { place: 'Kremlin, Moscow', signatories: ['Vladimir Putin'] });

    it('another place, naming the detail, what is on record and the development (decision 0041)', () => {
      spec
        .given([registered(), onRecord])
        .when(report(id, { type: 'signed', occurredOn: '2025-01-17', place: 'Tehran', source: irna }))
        .thenThrows('DETAILS_NOT_ON_RECORD', {
          field: 'place',
          message: new RegExp(`${first}.*place "Tehran" \\(on record: "Kremlin, Moscow"\\)`),
        });
    });

    it('a signatory the record does not name, and a vote count the record lacks', () => {
      spec
        .given([registered(), onRecord])
        .when(
          report(id, { type: 'signed', occurredOn: '2025-01-17', signatories: ['Masoud Pezeshkian'], source: irna }),
        )
        .thenThrows('DETAILS_NOT_ON_RECORD', { field: 'signatories', message: /on record: \["Vladimir Putin"\]/ });
      spec
        .given([registered(), approved(first, 'RU', 'State Duma', '2025-04-08')])
        .when(dumaVote({ occurredOn: '2025-04-08', votes: { for: 400, against: 1 }, source: irna }))
        .thenThrows('DETAILS_NOT_ON_RECORD', { field: 'votes', message: /on record: none/ });
    });

    it('a report that says no more than the record corroborates it: part of the place, some signatories, any case', () => {
      spec
        .given([registered(), onRecord])
        .when(
          report(id, {
            type: 'signed',
            occurredOn: '2025-01-17',
            place: 'moscow',
            signatories: [' vladimir  putin'],
            source: irna,
          }),
        )
        .then(corroborated(first, '2025-01-17', irna));
    });

    it('a decisive reading corroborates a vote on record at another name of the decisive reading', () => {
      spec
        .given([registered(), approved(first, 'RU', 'State Duma', '2025-04-08', { stage: 'third-reading' })])
        .when(dumaVote({ occurredOn: '2025-04-08', stage: 'final', source: irna }))
        .then(corroborated(first, '2025-04-08', irna));
    });
  });

  describe('different developments are not corroborations', () => {
    it('another chamber of the same party', () => {
      spec
        .given([registered(), approved(first, 'RU', 'State Duma', '2025-04-08')])
        .when(
          report(id, {
            type: 'legislative-approval',
            party: 'RU',
            body: 'Federation Council',
            occurredOn: '2025-04-16',
            source: irnaInJune,
          }),
        )
        .then(approved(id, 'RU', 'Federation Council', '2025-04-16', { source: irnaInJune }));
    });

    it('the same step by another party', () => {
      spec
        .given([registered(), ratified(first, 'RU', '2025-04-21')])
        .when(report(id, { type: 'ratification-completed', party: 'IR', occurredOn: '2025-04-21', source: irnaInJune }))
        .then(ratified(id, 'IR', '2025-04-21', { source: irnaInJune }));
    });

    it('a retracted report is not on record', () => {
      spec
        .given([registered(), ratified(first, 'RU', '2025-04-21'), retracted(first)])
        .when(report(id, { type: 'ratification-completed', party: 'RU', occurredOn: '2025-04-21', source: irnaInJune }))
        .then(ratified(id, 'RU', '2025-04-21', { source: irnaInJune }));
    });
  });

  describe('a report whose date does not agree is kept as a second report that says so', () => {
    it('names the report it disagrees with', () => {
      spec
        .given([registered(), ratified(first, 'IR', '2025-05-21')])
        .when(report(id, { type: 'ratification-completed', party: 'IR', occurredOn: '2025-06-01', source: irnaInJune }))
        .then(ratified(id, 'IR', '2025-06-01', { source: irnaInJune, disagreesWith: [first] }));
    });

    it('names every non-retracted report of that development', () => {
      const second = uuid(3);
      const third = uuid(4);
      spec
        .given([
          registered(),
          happened('TreatyEnteredIntoForce', first, '2025-09'),
          happened('TreatyEnteredIntoForce', second, '2025-10-02', { disagreesWith: [first] }),
          happened('TreatyEnteredIntoForce', third, '2025-10-05', { disagreesWith: [first, second] }),
          retracted(third),
        ])
        .when(report(id, { type: 'entered-into-force', occurredOn: '2025-11', source: irna }))
        .then(happened('TreatyEnteredIntoForce', id, '2025-11', { source: irna, disagreesWith: [first, second] }));
    });

    it('corroborates the first report it agrees with when others disagree', () => {
      const second = uuid(3);
      spec
        .given([
          registered(),
          happened('TreatyEnteredIntoForce', first, '2025-09'),
          happened('TreatyEnteredIntoForce', second, '2025-10-02', { disagreesWith: [first] }),
        ])
        .when(report(id, { type: 'entered-into-force', occurredOn: '2025-10', source: irna }))
        .then(corroborated(second, '2025-10', irna));
    });
  });
});
