import { describe, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import { happened, registered, report, signed, source, spec, TREATY_ID, uuid } from '../testing/treaty-fixtures';

const id = uuid(10);

describe('ReportDevelopment', () => {
  describe('records each development type as its own event, with the event id as developmentId', () => {
    const common = { treatyId: TREATY_ID, developmentId: id, occurredOn: '2025-04-08', source: source() };
    it.each<[string, Record<string, unknown>, TreatyEvent]>([
      ['signed', {}, { type: 'TreatySigned', data: common }],
      [
        'legislative-approval',
        { party: 'RU', body: 'State Duma' },
        { type: 'LegislativeApprovalGiven', data: { ...common, party: 'RU', body: 'State Duma' } },
      ],
      ['ratification-completed', { party: 'IR' }, { type: 'RatificationCompleted', data: { ...common, party: 'IR' } }],
      ['instruments-exchanged', {}, { type: 'InstrumentsExchanged', data: common }],
      ['entered-into-force', {}, { type: 'TreatyEnteredIntoForce', data: common }],
      ['suspended', {}, { type: 'TreatySuspended', data: common }],
      ['resumed', {}, { type: 'TreatyResumed', data: common }],
      ['withdrawn', { party: 'IR' }, { type: 'PartyWithdrew', data: { ...common, party: 'IR' } }],
      ['terminated', {}, { type: 'TreatyTerminated', data: common }],
    ])('%s', (type, fields, expected) => {
      spec
        .given([registered()])
        .when(report(id, { type, occurredOn: '2025-04-08', ...fields }))
        .then(expected);
    });
  });

  it('keeps the optional details of a signature', () => {
    spec
      .given([registered()])
      .when(
        report(id, {
          type: 'signed',
          occurredOn: '2025-01-17',
          place: ' Moscow ',
          signatories: ['V. Putin', 'M. Pezeshkian'],
        }),
      )
      .then({
        type: 'TreatySigned',
        data: {
          treatyId: TREATY_ID,
          developmentId: id,
          occurredOn: '2025-01-17',
          source: source(),
          place: 'Moscow',
          signatories: ['V. Putin', 'M. Pezeshkian'],
        },
      });
  });

  it('keeps the votes of an approval, and a source with a document reference and a verbatim quote', () => {
    const cited = {
      publisher: 'State Duma',
      publishedOn: '2025-04-08',
      document: 'Bill No. 869427-8',
      quote: '  "adopted"  ',
    };
    spec
      .given([registered()])
      .when(
        report(id, {
          type: 'legislative-approval',
          party: 'RU',
          body: 'State Duma',
          occurredOn: '2025-04-08',
          votes: { for: 400, against: 0, abstained: 1 },
          source: cited,
        }),
      )
      .then({
        type: 'LegislativeApprovalGiven',
        data: {
          treatyId: TREATY_ID,
          developmentId: id,
          occurredOn: '2025-04-08',
          source: cited,
          party: 'RU',
          body: 'State Duma',
          votes: { for: 400, against: 0, abstained: 1 },
        },
      });
  });

  it('reads null as "not given", as JSON clients send it', () => {
    spec
      .given([registered()])
      .when(
        report(id, {
          type: 'signed',
          occurredOn: '2025-01-17',
          place: null,
          party: null,
          source: { publisher: 'TASS', publishedOn: '2025-01-18', url: null, quote: null },
        }),
      )
      .then(signed(id, '2025-01-17', { source: { publisher: 'TASS', publishedOn: '2025-01-18' } }));
  });

  it('accepts an entry into force with no signature or ratification on record', () => {
    spec
      .given([registered()])
      .when(report(id, { type: 'entered-into-force', occurredOn: '2025-10' }))
      .then(happened('TreatyEnteredIntoForce', id, '2025-10'));
  });

  it('accepts a signature reported after the treaty entered into force, when it is dated before it', () => {
    spec
      .given([registered(), happened('TreatyEnteredIntoForce', uuid(2), '2025-10-02')])
      .when(report(id, { type: 'signed', occurredOn: '2025-01-17' }))
      .then(signed(id, '2025-01-17'));
  });

  it('refuses a report on a treaty that is not registered', () => {
    spec
      .given([])
      .when(report(id, { type: 'signed', occurredOn: '2025-01-17' }))
      .thenThrows('TREATY_NOT_FOUND');
  });

  it('refuses an unknown development type', () => {
    spec
      .given([registered()])
      .when(report(id, { type: 'ratified', occurredOn: '2025-01-17' }))
      .thenThrows('UNKNOWN_DEVELOPMENT_TYPE', { field: 'type', message: /"ratified".*signed, legislative-approval/ });
  });

  it('needs a type', () => {
    spec
      .given([registered()])
      .when(report(id, { occurredOn: '2025-01-17' }))
      .thenThrows('MISSING_FIELD', { field: 'type' });
  });

  it.each([
    ['legislative-approval', { body: 'State Duma' }, 'party'],
    ['legislative-approval', { party: 'RU' }, 'body'],
    ['legislative-approval', { party: 'RU', body: '  ' }, 'body'],
    ['ratification-completed', {}, 'party'],
    ['withdrawn', {}, 'party'],
  ])('a %s needs the fields it is about (%j lacks %s)', (type, fields, field) => {
    spec
      .given([registered()])
      .when(report(id, { type, occurredOn: '2025-04-08', ...fields }))
      .thenThrows('MISSING_FIELD', { field });
  });

  it('refuses a party that is not a party of the treaty', () => {
    spec
      .given([registered()])
      .when(report(id, { type: 'ratification-completed', party: 'CN', occurredOn: '2025-04-08' }))
      .thenThrows('PARTY_NOT_IN_TREATY', { field: 'party', message: /CN is not a party of treaty ru-ir-partnership/ });
  });

  it('refuses a malformed party code', () => {
    spec
      .given([registered()])
      .when(report(id, { type: 'ratification-completed', party: 'ru', occurredOn: '2025-04-08' }))
      .thenThrows('INVALID_PARTY_CODE', { field: 'party' });
  });

  it.each([
    ['signed', { votes: { for: 1 } }, 'votes'],
    ['instruments-exchanged', { party: 'RU' }, 'party'],
    ['entered-into-force', { body: 'Majlis' }, 'body'],
    ['ratification-completed', { party: 'RU', votes: { for: 1 } }, 'votes'],
    ['legislative-approval', { party: 'RU', body: 'Duma', place: 'Moscow' }, 'place'],
  ])('refuses on a %s a field %j that does not apply', (type, fields, field) => {
    spec
      .given([registered()])
      .when(report(id, { type, occurredOn: '2025-04-08', ...fields }))
      .thenThrows('FIELD_NOT_APPLICABLE', { field });
  });

  it('refuses a field no development has', () => {
    spec
      .given([registered()])
      .when(report(id, { type: 'signed', occurredOn: '2025-04-08', comment: 'hi' }))
      .thenThrows('INVALID_FIELD', { field: 'comment' });
  });

  it.each([
    [{ occurredOn: undefined }, 'MISSING_FIELD', 'occurredOn'],
    [{ occurredOn: '2025-02-30' }, 'INVALID_DATE', 'occurredOn'],
    [{ occurredOn: '2025-13' }, 'INVALID_DATE', 'occurredOn'],
    [{ occurredOn: '08/04/2025' }, 'INVALID_DATE', 'occurredOn'],
    [{ source: undefined }, 'MISSING_FIELD', 'source'],
    [{ source: { publishedOn: '2025-01-18' } }, 'MISSING_FIELD', 'source.publisher'],
    [{ source: { publisher: 'TASS' } }, 'MISSING_FIELD', 'source.publishedOn'],
    [{ source: { publisher: 'TASS', publishedOn: '2025-01' } }, 'INVALID_DATE', 'source.publishedOn'],
    [{ source: { publisher: 'TASS', publishedOn: '2025-01-18', url: 'tass.com/x' } }, 'INVALID_FIELD', 'source.url'],
    [
      { source: { publisher: 'TASS', publishedOn: '2025-01-18', url: 'ftp://tass.com/x' } },
      'INVALID_FIELD',
      'source.url',
    ],
    [{ source: { publisher: 'TASS', publishedOn: '2025-01-18', quote: '' } }, 'INVALID_FIELD', 'source.quote'],
    [{ signatories: 'V. Putin' }, 'INVALID_FIELD', 'signatories'],
    [{ signatories: ['V. Putin', ''] }, 'MISSING_FIELD', 'signatories[1]'],
  ])('checks the input %j', (fields, code, field) => {
    spec
      .given([registered()])
      .when(report(id, { type: 'signed', occurredOn: '2025-01-17', ...fields }))
      .thenThrows(code, { field });
  });

  it.each([
    [{ for: -1 }, 'votes.for'],
    [{ against: 1.5 }, 'votes.against'],
    [{ abstained: '3' }, 'votes.abstained'],
    [{}, 'votes'],
    [{ present: 3 }, 'votes'],
  ])('checks the votes %j', (votes, field) => {
    spec
      .given([registered()])
      .when(
        report(id, { type: 'legislative-approval', party: 'RU', body: 'State Duma', occurredOn: '2025-04-08', votes }),
      )
      .thenThrows('INVALID_FIELD', { field });
  });

  it('needs the id of the event it will record', () => {
    spec
      .given([registered()])
      .when(report('42', { type: 'signed', occurredOn: '2025-01-17' }))
      .thenThrows('INVALID_EVENT_ID', { field: 'eventId' });
  });
});
