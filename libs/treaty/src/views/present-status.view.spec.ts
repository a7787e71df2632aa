import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  consented,
  happened,
  recorded,
  registered,
  registeredMultilateral,
  scoped,
  signedBy,
  TODAY,
  uuid,
  withdrawalNotified,
} from '../testing';
import { foldTreatyHistory } from './treaty-history';
import { statusOn, treatyStatusSummaryOf } from './treaty-status-summary';
import { treatyStatusView, type TreatyStatusView } from './treaty-status.view';
import type { ViewOptions } from './view-options';

/** Not the shared `statusOf` of `../testing`, which takes only `asOf`: these tests also set the view's `today`. */
function statusOf(events: readonly TreatyEvent[], options: ViewOptions = {}): TreatyStatusView {
  const view = treatyStatusView(recorded(events), options);
  if (view === null) throw new Error('expected a registered treaty');
  return view;
}

/** Two instruments, in force 30 days after the second: the second came on 20 November 2025, so 20 December. */
const enteringIntoForce: TreatyEvent[] = [
  registeredMultilateral({ entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } }),
  consented(uuid(2), 'AT', 'ratification', '2025-11-10'),
  consented(uuid(3), 'BE', 'ratification', '2025-11-20'),
];

/** A bilateral treaty in force, whose party notified its withdrawal with a year's notice on 10 November 2025. */
const leaving: TreatyEvent[] = [
  registered({ kind: 'bilateral', withdrawalNoticeDays: 365 }),
  consented(uuid(2), 'RU', 'ratification', '2025-01-20'),
  consented(uuid(3), 'IR', 'ratification', '2025-02-10'),
  happened('TreatyEnteredIntoForce', uuid(4), '2025-03-01'),
  withdrawalNotified(uuid(5), 'IR', '2025-11-10'),
];

describe('the present: the status today (decision 0035)', () => {
  it('is not in force before the day its clause computes, and says when that comes', () => {
    const today = statusOf(enteringIntoForce, { today: TODAY });
    expect(today).toMatchObject({
      status: 'ratification-in-progress',
      enteredIntoForceOn: null,
      enteredIntoForceOnExpected: '2025-12-20',
      nextChangeOn: '2025-12-20',
    });
    // The states whose instruments bring it into force are expected in force on that day too, as a later one is.
    expect(today.ratification['AT']).toMatchObject({ inForceOn: null, inForceOnExpected: '2025-12-20' });
    expect(today.ratification['BE']).toMatchObject({ inForceOn: null, inForceOnExpected: '2025-12-20' });
    // So on a day before it, read with asOf.
    const before = statusOf(enteringIntoForce, { asOf: '2025-12-01' });
    expect(before).toMatchObject({ enteredIntoForceOn: null, enteredIntoForceOnExpected: '2025-12-20' });
    expect(before.ratification['AT']).toMatchObject({ inForceOn: null, inForceOnExpected: '2025-12-20' });
  });

  it('is in force from that day, with nothing ahead', () => {
    const then = statusOf(enteringIntoForce, { today: '2025-12-20' });
    expect(then).toMatchObject({
      status: 'in-force',
      enteredIntoForceOn: '2025-12-20',
      enteredIntoForceOnComputed: true,
      enteredIntoForceOnExpected: null,
      nextChangeOn: null,
    });
    expect(then.ratification['BE']).toMatchObject({ inForceOn: '2025-12-20', inForceOnComputed: true });
  });

  it('a withdrawal notified counts from the day it takes effect: the party is bound, the treaty in force, until then', () => {
    const today = statusOf(leaving, { today: TODAY });
    expect(today).toMatchObject({
      status: 'in-force',
      terminatedOn: null,
      terminatedOnExpected: '2026-11-10',
      nextChangeOn: '2026-11-10',
    });
    expect(today.ratification['IR']).toMatchObject({ withdrawn: false, withdrawalEffectiveOn: '2026-11-10' });
    const then = statusOf(leaving, { today: '2026-11-10' });
    expect(then).toMatchObject({ status: 'terminated', terminatedOn: '2026-11-10', nextChangeOn: null });
    expect(then.ratification['IR']).toMatchObject({ withdrawn: true, withdrewOn: '2026-11-10' });
  });

  it('a state acceding to the treaty in force is expected in force for it on the day its clause computes', () => {
    const events = [...enteringIntoForce, consented(uuid(4), 'CZ', 'accession', '2026-01-05')];
    const today = statusOf(events, { today: '2026-01-10' });
    expect(today).toMatchObject({ status: 'in-force', nextChangeOn: '2026-02-04' });
    expect(today.ratification['CZ']).toMatchObject({ inForceOn: null, inForceOnExpected: '2026-02-04' });
    expect(statusOf(events, { today: '2026-02-04' }).ratification['CZ']).toMatchObject({
      inForceOn: '2026-02-04',
      inForceOnExpected: null,
    });
  });

  it('counts every report on record, one known only to this month too, which asOf today does not', () => {
    const events = [...enteringIntoForce.slice(0, 2), consented(uuid(3), 'BE', 'ratification', '2025-12')];
    expect(statusOf(events, { today: TODAY }).ratification['BE']).toMatchObject({ status: 'completed' });
    expect(statusOf(events, { asOf: TODAY }).ratification['BE']).toMatchObject({ status: 'pending' });
  });

  it('counts a party’s date that is a report’s, one known only to this month too: only its own instrument’s is set ahead', () => {
    // The treaty reported in force in December 2025 (this month); BE's instrument came before it, so the clause puts
    // BE in force with the treaty: the report's month, not a day still to come.
    const withClause = [
      registeredMultilateral({ entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } }),
      consented(uuid(2), 'AT', 'ratification', '2025-09'),
      consented(uuid(3), 'BE', 'ratification', '2025-10-20'),
      happened('TreatyEnteredIntoForce', uuid(4), '2025-12'),
    ];
    const today = statusOf(withClause, { today: TODAY });
    expect(today).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2025-12', nextChangeOn: null });
    expect(today.ratification['BE']).toMatchObject({ inForceOn: '2025-12', inForceOnExpected: null });
    // Without a clause, a state acceding after the treaty entered into force is bound from its consent: a report.
    const acceding = [
      registeredMultilateral({ entryIntoForce: undefined }),
      happened('TreatyEnteredIntoForce', uuid(2), '2025-06-01'),
      consented(uuid(3), 'FI', 'accession', '2025-12'),
    ];
    const later = statusOf(acceding, { today: TODAY });
    expect(later.ratification['FI']).toMatchObject({ inForceOn: '2025-12', inForceOnExpected: null });
    expect(later.nextChangeOn).toBeNull();
  });

  it('waits for no date that a report of the party already agrees with: its coming changes nothing', () => {
    // In force on 9 November by the clause, as reported; CZ accedes on 20 November, in force for it by the clause on
    // 20 December, and a report says December.
    const events = [
      registeredMultilateral({ entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } }),
      consented(uuid(2), 'AT', 'ratification', '2025-10-01'),
      consented(uuid(3), 'BE', 'ratification', '2025-10-10'),
      happened('TreatyEnteredIntoForce', uuid(4), '2025-11-09'),
      consented(uuid(5), 'CZ', 'accession', '2025-11-20'),
      scoped('TreatyEnteredIntoForce', uuid(6), '2025-12', 'CZ'),
    ];
    const today = statusOf(events, { today: TODAY });
    expect(today).toMatchObject({ status: 'in-force', nextChangeOn: null });
    expect(today.ratification['CZ']).toMatchObject({ inForceOn: '2025-12', inForceOnExpected: null });
  });

  it('counts a signatory’s notice that it will not become a party from the notice, a report known only to this month too', () => {
    // BE only signed: released on the notification itself (December 2025), not at the month's end. AT alone remains,
    // its one instrument short of the clause's two: not ratified, the count goes on (decision 0102).
    const events = [
      registeredMultilateral({ parties: ['AT', 'BE'], entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } }),
      signedBy(uuid(2), 'BE', '2025-09-01'),
      consented(uuid(3), 'AT', 'ratification', '2025-10-01'),
      withdrawalNotified(uuid(4), 'BE', '2025-12'),
    ];
    const today = statusOf(events, { today: TODAY });
    expect(today).toMatchObject({ status: 'ratification-in-progress', nextChangeOn: null });
    expect(today.ratification['BE']).toMatchObject({ withdrawn: true, withdrewOn: '2025-12' });
    const summary = treatyStatusSummaryOf(foldTreatyHistory(recorded(events), null)!);
    expect(statusOn(summary, TODAY)).toBe('ratification-in-progress');
  });

  it('without today (and without asOf) shows every date the record determines, those ahead too', () => {
    expect(statusOf(enteringIntoForce)).toMatchObject({ status: 'in-force', nextChangeOn: null });
    expect(statusOf(leaving)).toMatchObject({ status: 'terminated', nextChangeOn: null });
  });

  it('asOf speaks for its own day and says nothing of what comes after it', () => {
    const asOf = statusOf(enteringIntoForce, { asOf: TODAY, today: '2030-01-01' });
    expect(asOf).toMatchObject({ status: 'ratification-in-progress', asOf: TODAY, nextChangeOn: null });
  });

  it('refuses a today that is no date', () => {
    expect(() => statusOf(enteringIntoForce, { today: '2025-02-30' })).toThrow(/today must be a real date/);
  });

  it('the listings’ summary gives the status before any date ahead has come, and from each day one changes it', () => {
    const left = treatyStatusSummaryOf(foldTreatyHistory(recorded(leaving), null)!);
    expect(left).toMatchObject({ status: 'in-force', ahead: [{ on: '2026-11-10', status: 'terminated' }] });
    expect([TODAY, '2026-11-09', '2026-11-10'].map((day) => statusOn(left, day))).toEqual([
      'in-force',
      'in-force',
      'terminated',
    ]);
    const entering = treatyStatusSummaryOf(foldTreatyHistory(recorded(enteringIntoForce), null)!);
    expect(entering).toMatchObject({
      status: 'ratification-in-progress',
      ahead: [{ on: '2025-12-20', status: 'in-force' }],
    });
    expect(statusOn(entering, '2026-01-01')).toBe('in-force');
  });
});
