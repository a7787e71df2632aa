import { describe, expect, it } from '@jest/globals';
import { happened, recorded, registered, report, spec, uuid } from '../testing/treaty-fixtures';
import { scoped, withdrawalNotified } from '../testing/treaty-law-fixtures';
import { treatyStatusView } from './treaty-status.view';

describe('decision 0066, a resumption of the whole treaty after one party suspended it', () => {
  it('New START resumed as a whole (reported with no party) reads in force again', () => {
    const events = [
      registered({ title: 'New START', parties: ['US', 'RU'], kind: 'bilateral' }),
      happened('TreatyEnteredIntoForce', uuid(2), '2011-02-05'),
      scoped('TreatySuspended', uuid(3), '2023-02-21', 'RU'),
      // Accepted by the decider: "the treaty's operation resumed", no party named.
      happened('TreatyResumed', uuid(4), '2025-02-01'),
    ];
    spec
      .given(events.slice(0, 3))
      .when(report(uuid(4), { type: 'resumed', occurredOn: '2025-02-01' }))
      .then(events[3]!);
    const view = treatyStatusView(recorded(events))!;
    expect({ status: view.status, resumedOn: view.resumedOn }).toEqual({ status: 'in-force', resumedOn: '2025-02-01' });
  });
});

describe('decision 0105, a party that withdrew after suspending the treaty', () => {
  // CFE-like: Russia suspended the treaty in 2007 and gave notice of withdrawal in 2023, 150 days' notice.
  const events = [
    registered({ title: 'CFE', parties: ['US', 'RU', 'DE'], kind: 'multilateral', withdrawalNoticeDays: 150 }),
    happened('TreatyEnteredIntoForce', uuid(2), '1992-11-09'),
    scoped('TreatySuspended', uuid(3), '2007-12-12', 'RU'),
    withdrawalNotified(uuid(4), 'RU', '2023-06-09'),
  ];
  const russia = (asOf?: string) => {
    const { withdrawn, withdrewOn, suspended, suspendedOn } = treatyStatusView(
      recorded(events),
      asOf === undefined ? {} : { asOf },
    )!.ratification['RU']!;
    return { withdrawn, withdrewOn, suspended, suspendedOn };
  };

  it('is suspended until the withdrawal takes effect', () => {
    expect(russia('2023-11-05')).toEqual({
      withdrawn: false,
      withdrewOn: null,
      suspended: true,
      suspendedOn: '2007-12-12',
    });
  });

  it('has nothing left to suspend once it has (VCLT art. 70): not suspended, the suspension kept as its history', () => {
    const gone = { withdrawn: true, withdrewOn: '2023-11-06', suspended: false, suspendedOn: '2007-12-12' };
    expect(russia('2023-11-06')).toEqual(gone);
    expect(russia()).toEqual(gone);
  });
});
