import { describe, expect, it } from '@jest/globals';
import { consented, happened, registeredMultilateral, uuid, withdrawalNotified, withdrew, statusOf } from '../testing';
import { countInstruments } from './entry-into-force';

/**
 * An instrument withdrawn before the clause's count is reached does not count towards it (decision 0038): the
 * depositary counts the instruments deposited and not withdrawn when the Nth is deposited.
 */

/** Two instruments needed, in force 30 days after the second; 180 days' notice of withdrawal. */
const clause = { instrumentsRequired: 2, daysAfter: 30 };
const atRatified = [
  registeredMultilateral({ entryIntoForce: clause }),
  consented(uuid(2), 'AT', 'ratification', '2025-01-05'),
];

describe('an instrument withdrawn before entry into force', () => {
  it('is not counted: the treaty waits for another instrument', () => {
    const events = [
      ...atRatified,
      withdrawalNotified(uuid(3), 'AT', '2025-02-01'),
      consented(uuid(4), 'BE', 'ratification', '2025-02-27'),
    ];
    const view = statusOf(events);
    expect(view).toMatchObject({ status: 'ratification-in-progress', enteredIntoForceOn: null });
    expect(view.enteredIntoForceOnByClause).toBeNull();
    // Its state was never a party: the notice withdraws the instrument when given, with no notice period to run.
    expect(view.ratification['AT']).toMatchObject({
      withdrawn: true,
      withdrewOn: '2025-02-01',
      withdrawalEffectiveOn: '2025-02-01',
      inForceOn: null,
    });

    // The next instrument is the second that counts.
    const later = statusOf([...events, consented(uuid(5), 'CZ', 'ratification', '2025-04-10')]);
    expect(later).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2025-05-10' });
    expect(later.ratification['AT']).toMatchObject({ withdrewOn: '2025-02-01', inForceOn: null });
    expect(later.ratification['BE']?.inForceOn).toBe('2025-05-10');
  });

  it('is not counted when the record says the withdrawal took effect, rather than its notice', () => {
    const view = statusOf([
      ...atRatified,
      withdrew(uuid(3), 'AT', '2025-02-01'),
      consented(uuid(4), 'BE', 'ratification', '2025-02-27'),
    ]);
    expect(view).toMatchObject({ enteredIntoForceOn: null, enteredIntoForceOnByClause: null });
    expect(view.ratification['AT']).toMatchObject({ withdrewOn: '2025-02-01', inForceOn: null });
  });

  it('counts again from the day the state deposits a new one', () => {
    const view = statusOf([
      ...atRatified,
      withdrawalNotified(uuid(3), 'AT', '2025-02-01'),
      consented(uuid(4), 'BE', 'ratification', '2025-02-27'),
      consented(uuid(5), 'AT', 'ratification', '2025-04-01'),
    ]);
    expect(view).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2025-05-01' });
    expect(view.ratification['AT']).toMatchObject({ withdrawn: false, inForceOn: '2025-05-01' });
  });

  it('still counts once the Nth instrument was deposited: the date is set then, a later notice runs its period', () => {
    const view = statusOf([
      ...atRatified,
      consented(uuid(4), 'BE', 'ratification', '2025-02-27'),
      withdrawalNotified(uuid(3), 'AT', '2025-03-10'),
    ]);
    expect(view).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2025-03-29' });
    expect(view.ratification['AT']).toMatchObject({ inForceOn: '2025-03-29', withdrawalEffectiveOn: '2025-09-06' });
  });

  it('keeps the day its notice withdrew it once the state deposits again: a later instrument rewrites no past', () => {
    // The repro: AT withdraws its instrument before the third counts, then accedes after the entry into force.
    const events = [
      registeredMultilateral({
        entryIntoForce: { instrumentsRequired: 3, daysAfter: 30 },
        withdrawalNoticeDays: undefined,
        withdrawalNotice: { months: 6 },
      }),
      consented(uuid(2), 'AT', 'ratification', '2020-01-10'),
      withdrawalNotified(uuid(3), 'AT', '2020-02-01'),
      consented(uuid(4), 'BE', 'ratification', '2020-02-10'),
      consented(uuid(5), 'CZ', 'ratification', '2020-03-10'),
      consented(uuid(6), 'DK', 'ratification', '2020-03-15'),
      consented(uuid(7), 'AT', 'accession', '2020-05-01'),
    ];
    const left = { withdrawalNotifiedOn: '2020-02-01', withdrawalEffectiveOn: '2020-02-01' };
    expect(statusOf(events, '2020-04-30').ratification['AT']).toMatchObject({ ...left, withdrawn: true });
    for (const view of [statusOf(events, '2020-08-01'), statusOf(events)]) {
      expect(view.ratification['AT']).toMatchObject({ ...left, withdrawn: false, inForceOn: '2020-05-31' });
    }
  });

  it('a view of a day before the withdrawal still counts the instrument', () => {
    const events = [
      ...atRatified,
      consented(uuid(4), 'BE', 'ratification', '2025-01-20'),
      withdrawalNotified(uuid(3), 'AT', '2025-06-01'),
    ];
    expect(statusOf(events, '2025-03-01').enteredIntoForceOn).toBe('2025-02-19');
  });
});

describe('the count', () => {
  it('leaves out an instrument withdrawn before the deciding one, and names it', () => {
    const withdrawn = { party: 'AT', on: '2025-01-05', withdrawnOn: '2025-02-01' };
    const count = countInstruments(clause, [
      withdrawn,
      { party: 'BE', on: '2025-02-27' },
      { party: 'CZ', on: '2025-04-10' },
    ]);
    expect(count).toEqual({ on: '2025-05-10', countedThrough: '2025-04-10', withdrawnBefore: [withdrawn] });
  });

  it('computes nothing when a withdrawal cannot be ordered against the deciding instrument', () => {
    const count = countInstruments(clause, [
      { party: 'AT', on: '2025-01-05', withdrawnOn: '2025-02' },
      { party: 'BE', on: '2025-02-27' },
    ]);
    expect(count.on).toBeNull();
  });
});

describe('a consent withdrawn before a convention without a clause entered into force (decision 0043)', () => {
  const noClause = registeredMultilateral({ entryIntoForce: undefined });

  it('never bound its state: the notice takes effect when given, with no notice period to run', () => {
    const view = statusOf([
      noClause,
      consented(uuid(2), 'AT', 'ratification', '2025-01-05'),
      withdrawalNotified(uuid(3), 'AT', '2025-02-01'),
    ]);
    expect(view.ratification['AT']).toMatchObject({
      withdrawn: true,
      withdrewOn: '2025-02-01',
      withdrawalEffectiveOn: '2025-02-01',
    });
  });

  it('but once the convention is in force, a party that consented runs the notice period', () => {
    const view = statusOf([
      noClause,
      consented(uuid(2), 'AT', 'ratification', '2025-01-05'),
      happened('TreatyEnteredIntoForce', uuid(4), '2025-01-20'),
      withdrawalNotified(uuid(3), 'AT', '2025-02-01'),
    ]);
    expect(view.ratification['AT']).toMatchObject({ withdrawalEffectiveOn: '2025-07-31' });
  });
});
