import { describe, expect, it } from '@jest/globals';
import { registrationDifferences } from './registration-on-record';

/** What `GET /treaties/{id}` shows of a treaty registered as `{ id, title, parties: [FR, DE], category }`. */
const onRecord = {
  id: 'imp-1',
  title: 'Import test 1',
  parties: ['FR', 'DE', 'PL'],
  originalParties: ['FR', 'DE'],
  category: 'other',
  kind: null,
  depositary: null,
  entryIntoForceClause: { instrumentsRequired: 2, daysAfter: 30, firstDayOfFollowingMonth: false },
  withdrawalNoticeDays: null,
  withdrawalNotice: null,
  identifiers: { untsNumber: '12345' },
  relations: [
    { type: 'amends', treatyId: 'older-treaty', direction: 'outgoing' },
    { type: 'amended-by', treatyId: 'later-treaty', direction: 'incoming' },
  ],
};

const registration = { id: 'imp-1', title: 'Import test 1', parties: ['FR', 'DE'], category: 'other' };

describe('registrationDifferences', () => {
  it('finds none for the same registration, whatever joined since or what the view adds', () => {
    expect(registrationDifferences(registration, onRecord)).toEqual([]);
    expect(
      registrationDifferences(
        {
          ...registration,
          parties: ['DE', 'FR'],
          entryIntoForce: { daysAfter: 30, instrumentsRequired: 2 },
          identifiers: { untsNumber: '12345' },
          relations: [{ treatyId: 'older-treaty', type: 'amends' }],
        },
        onRecord,
      ),
    ).toEqual([]);
  });

  it('compares text as the service keeps it: the spaces around it dropped, one spelling (NFC) of each letter', () => {
    const accented = { ...onRecord, title: 'Convention  de Genève' };
    const typed = { ...registration, title: '  Convention  de Gene\u0300ve '.normalize('NFD') };
    expect(registrationDifferences(typed, accented)).toEqual([]);
    // The spaces inside are kept as sent: another title.
    expect(registrationDifferences({ ...typed, title: 'Convention de Genève' }, accented)).toEqual(['title']);
  });

  it('names each field in which another treaty under the same id differs', () => {
    const other = { id: 'imp-1', title: 'A completely different treaty', parties: ['US', 'GB'], category: 'other' };
    expect(registrationDifferences(other, onRecord)).toEqual(['title', 'parties']);
    expect(registrationDifferences({ ...registration, parties: ['FR', 'DE', 'PL'] }, onRecord)).toEqual(['parties']);
    expect(registrationDifferences({ ...registration, category: 'trade' }, onRecord)).toEqual(['category']);
    expect(registrationDifferences({ ...registration, depositary: 'France' }, onRecord)).toEqual(['depositary']);
  });

  it('compares clauses, identifiers and relations field by field, a field left out being empty on record', () => {
    const clause = (entryIntoForce: object) => registrationDifferences({ ...registration, entryIntoForce }, onRecord);
    expect(clause({ instrumentsRequired: 2, monthsAfter: 1 })).toEqual(['entryIntoForce']);
    expect(clause({ instrumentsRequired: 2, daysAfter: 30, firstDayOfFollowingMonth: true })).toEqual([
      'entryIntoForce',
    ]);
    expect(
      registrationDifferences({ ...registration, identifiers: { untsNumber: '12345', wikidataId: 'Q1' } }, onRecord),
    ).toEqual(['identifiers']);
    expect(registrationDifferences({ ...registration, relations: [] }, onRecord)).toEqual(['relations']);
  });
});
