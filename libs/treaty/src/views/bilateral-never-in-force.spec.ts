import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  consented,
  happened,
  recorded,
  registered,
  signed,
  TODAY,
  uuid,
  withdrawalNotified,
  withdrew,
  statusOf,
} from '../testing';
import { foldTreatyHistory } from './treaty-history';
import { statusOn, treatyStatusSummaryOf } from './treaty-status-summary';

/**
 * A bilateral treaty one of whose two signatories says it will not become a party (VCLT art. 18) before it entered
 * into force: it never bound anyone, so it cannot end; it will not enter into force (decision 0038).
 */

const signedByBoth: TreatyEvent[] = [
  registered({ kind: 'bilateral', withdrawalNoticeDays: 365 }),
  signed(uuid(2), '2025-01-17'),
];
const optedOut = [...signedByBoth, withdrawalNotified(uuid(3), 'IR', '2025-03-01')];

describe('a bilateral treaty a signatory walks away from before it entered into force', () => {
  it('will not enter into force: it is not terminated, for it never was in force', () => {
    expect(statusOf(optedOut)).toMatchObject({
      status: 'will-not-enter-into-force',
      enteredIntoForceOn: null,
      terminatedOn: null,
      terminatedOnComputed: false,
      terminatedOnExpected: null,
      disagreements: [],
    });
    expect(statusOf(optedOut).ratification['IR']).toMatchObject({ withdrawn: true, withdrewOn: '2025-03-01' });
    expect(statusOf(optedOut, '2025-02-28').status).toBe('signed');
  });

  it('also after the other party ratified, and when the record says the withdrawal took effect', () => {
    const ratifiedByRussia = [...signedByBoth, consented(uuid(4), 'RU', 'ratification', '2025-02-01')];
    expect(statusOf([...ratifiedByRussia, withdrawalNotified(uuid(3), 'IR', '2025-03-01')]).status).toBe(
      'will-not-enter-into-force',
    );
    expect(statusOf([...ratifiedByRussia, withdrew(uuid(3), 'IR', '2025-03-01')])).toMatchObject({
      status: 'will-not-enter-into-force',
      terminatedOn: null,
    });
  });

  it('a state that ratified, then notifies before the treaty entered into force: its notice runs no period', () => {
    // Russia's ratification bound it to nothing yet: the treaty was not in force. Its notice is that it will not
    // become a party, effective when given (art. 18), not a party's withdrawal from a treaty in force after a year.
    const view = statusOf([
      ...signedByBoth,
      consented(uuid(4), 'RU', 'ratification', '2025-02-01'),
      withdrawalNotified(uuid(3), 'RU', '2025-03-01'),
    ]);
    expect(view.status).toBe('will-not-enter-into-force');
    expect(view.ratification['RU']).toMatchObject({
      withdrawn: true,
      withdrewOn: '2025-03-01',
      withdrawalEffectiveOn: '2025-03-01',
    });
  });

  it('nor does such a notice, given before a reported entry into force, end the treaty a notice period later', () => {
    // The record's report of the entry into force wins, as everywhere; what it must not do is make up an end on the
    // day a party's notice period would have run out, for a state that was never bound when it gave the notice.
    const view = statusOf([
      registered({ kind: 'bilateral', withdrawalNoticeDays: 90 }),
      signed(uuid(2), '2025-01-17'),
      consented(uuid(4), 'RU', 'ratification', '2025-02-01'),
      withdrawalNotified(uuid(3), 'RU', '2025-03-01'),
      consented(uuid(5), 'IR', 'ratification', '2025-03-10'),
      happened('TreatyEnteredIntoForce', uuid(6), '2025-04-01'),
    ]);
    expect(view).toMatchObject({ status: 'in-force', terminatedOn: null, terminatedOnExpected: null });
  });

  it('until the state changes its mind and consents after all', () => {
    const view = statusOf([
      ...optedOut,
      consented(uuid(4), 'RU', 'ratification', '2025-04-01'),
      consented(uuid(5), 'IR', 'ratification', '2025-06-01'),
    ]);
    // Both consents established, no clause: in force on the second (VCLT art. 24(2), decision 0079).
    expect(view).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2025-06-01', terminatedOn: null });
    expect(view.ratification['IR']).toMatchObject({ withdrawn: false });
  });

  it('the listings’ summary says so too', () => {
    const history = foldTreatyHistory(recorded(optedOut), null);
    expect(history && statusOn(treatyStatusSummaryOf(history), TODAY)).toBe('will-not-enter-into-force');
  });
});
