import { describe, it } from '@jest/globals';
import {
  approved,
  corrected,
  happened,
  ratified,
  registered,
  report,
  retracted,
  signed,
  source,
  spec,
  TODAY,
  uuid,
  withdrew,
} from '../testing/treaty-fixtures';

const id = uuid(10);
const signature = uuid(2);

describe('valid time', () => {
  describe('nothing is dated in the future', () => {
    it.each(['2025-12-02', '2026-01', '2026'])('refuses a development on %s (today is 2025-12-01)', (occurredOn) => {
      spec
        .given([registered()])
        .when(report(id, { type: 'signed', occurredOn }))
        .thenThrows('DATE_IN_FUTURE', { field: 'occurredOn', message: /today is 2025-12-01/ });
    });

    it.each(['2025-12-01', '2025-12', '2025'])('accepts a development on %s: its period has begun', (occurredOn) => {
      spec
        .given([registered()])
        .when(report(id, { type: 'signed', occurredOn, source: source({ publishedOn: TODAY }) }))
        .then(signed(id, occurredOn, { source: source({ publishedOn: TODAY }) }));
    });

    it('refuses a source published in the future', () => {
      spec
        .given([registered()])
        .when(report(id, { type: 'signed', occurredOn: '2025-01-17', source: source({ publishedOn: '2025-12-02' }) }))
        .thenThrows('DATE_IN_FUTURE', { field: 'source.publishedOn' });
    });

    it('takes today from the context', () => {
      spec
        .given([registered()])
        .when(report(id, { type: 'signed', occurredOn: '2025-01-17' }), { today: '2025-01-16' })
        .thenThrows('DATE_IN_FUTURE', { field: 'occurredOn' });
    });
  });

  describe('nothing that follows a signature is dated before one on record', () => {
    it.each([
      ['legislative-approval', { party: 'RU', body: 'State Duma' }],
      ['ratification-completed', { party: 'RU' }],
      ['instruments-exchanged', {}],
      ['entered-into-force', {}],
    ])('refuses a %s dated before the signature', (type, fields) => {
      spec
        .given([registered(), signed(signature, '2025-01-17')])
        .when(report(id, { type, occurredOn: '2025-01-16', ...fields }))
        .thenThrows('DATE_BEFORE_SIGNATURE', {
          field: 'occurredOn',
          message: /before the signature on record \(2025-01-17/,
        });
    });

    it('compares at the coarser precision: January 2025 is not before 17 January 2025', () => {
      spec
        .given([registered(), signed(signature, '2025-01-17')])
        .when(report(id, { type: 'ratification-completed', party: 'RU', occurredOn: '2025-01' }))
        .then(ratified(id, 'RU', '2025-01'));
    });

    it('compares at the coarser precision: 2024 is before a signature in January 2025', () => {
      spec
        .given([registered(), signed(signature, '2025-01')])
        .when(report(id, { type: 'entered-into-force', occurredOn: '2024' }))
        .thenThrows('DATE_BEFORE_SIGNATURE');
    });

    it('accepts a development on the day of the signature', () => {
      spec
        .given([registered(), signed(signature, '2025-01-17')])
        .when(report(id, { type: 'entered-into-force', occurredOn: '2025-01-17' }))
        .then(happened('TreatyEnteredIntoForce', id, '2025-01-17'));
    });

    it.each([
      ['withdrawn', { party: 'IR' }, withdrew(id, 'IR', '2024-12')],
      ['suspended', {}, happened('TreatySuspended', id, '2024-12')],
    ])('does not bound a %s by the signature', (type, fields, expected) => {
      spec
        .given([registered(), signed(signature, '2025-01-17')])
        .when(report(id, { type, occurredOn: '2024-12', ...fields }))
        .then(expected);
    });

    it('a termination is bounded by every act under the treaty, the signature among them (termination-rules.ts)', () => {
      spec
        .given([registered(), signed(signature, '2025-01-17')])
        .when(report(id, { type: 'terminated', occurredOn: '2024-12' }))
        .thenThrows('TREATY_TERMINATED', { field: 'occurredOn', message: /signed on record/ });
    });

    it('ignores a retracted signature', () => {
      spec
        .given([registered(), signed(signature, '2025-01-17'), retracted(signature)])
        .when(report(id, { type: 'ratification-completed', party: 'RU', occurredOn: '2024-12-01' }))
        .then(ratified(id, 'RU', '2024-12-01'));
    });

    it('uses the corrected date of the signature', () => {
      spec
        .given([registered(), signed(signature, '2025-01-17'), corrected(signature, { occurredOn: '2024-11-20' })])
        .when(report(id, { type: 'ratification-completed', party: 'RU', occurredOn: '2024-12-01' }))
        .then(ratified(id, 'RU', '2024-12-01'));
    });

    it('holds a development to every signature report on record while they disagree', () => {
      spec
        .given([
          registered(),
          signed(signature, '2025-01-17'),
          signed(uuid(3), '2025-03-01', { disagreesWith: [signature] }),
        ])
        .when(report(id, { type: 'ratification-completed', party: 'RU', occurredOn: '2025-02' }))
        .thenThrows('DATE_BEFORE_SIGNATURE', { message: /2025-03-01/ });
    });
  });

  describe('no signature is dated after what follows it', () => {
    it.each([
      [approved(uuid(4), 'RU', 'State Duma', '2025-04-08'), 'legislative-approval'],
      [ratified(uuid(4), 'IR', '2025-04-08'), 'ratification-completed'],
      [happened('InstrumentsExchanged', uuid(4), '2025-04-08'), 'instruments-exchanged'],
      [happened('TreatyEnteredIntoForce', uuid(4), '2025-04'), 'entered-into-force'],
    ])('refuses a signature after a %s on record', (recordedDevelopment, type) => {
      spec
        .given([registered(), recordedDevelopment])
        .when(report(id, { type: 'signed', occurredOn: '2025-05-01' }))
        .thenThrows('SIGNATURE_AFTER_DEVELOPMENT', { field: 'occurredOn', message: new RegExp(`after the ${type}`) });
    });

    it('accepts a signature in the same month as an approval known only to the month', () => {
      spec
        .given([registered(), approved(uuid(4), 'RU', 'State Duma', '2025-04')])
        .when(report(id, { type: 'signed', occurredOn: '2025-04-20' }))
        .then(signed(id, '2025-04-20'));
    });

    it('ignores a retracted approval', () => {
      spec
        .given([registered(), approved(uuid(4), 'RU', 'State Duma', '2025-04-08'), retracted(uuid(4))])
        .when(report(id, { type: 'signed', occurredOn: '2025-05-01' }))
        .then(signed(id, '2025-05-01'));
    });

    it('is not bounded by a withdrawal', () => {
      spec
        .given([registered(), withdrew(uuid(4), 'IR', '2025-04-08')])
        .when(report(id, { type: 'signed', occurredOn: '2025-05-01' }))
        .then(signed(id, '2025-05-01'));
    });
  });
});
