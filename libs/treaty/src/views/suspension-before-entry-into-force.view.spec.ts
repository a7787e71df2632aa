import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  consented,
  happened,
  recorded,
  registered,
  registeredMultilateral,
  report,
  scoped,
  signed,
  spec,
  uuid,
} from '../testing';
import { foldTreatyHistory } from './treaty-history';
import { statusOn, treatyStatusSummaryOf } from './treaty-status-summary';
import { treatyStatusView, type TreatyStatusView } from './treaty-status.view';

/**
 * Decision 0085: a suspension suspends the operation of a treaty (VCLT art. 57-58, 72), in force or provisionally
 * applied (art. 25). One reported before the treaty entered into force, and while no state applied it
 * provisionally, had nothing to suspend: it is recorded as reported, the status stays what it is, and a warning says
 * why.
 */

function statusOf(events: readonly TreatyEvent[], asOf?: string): TreatyStatusView {
  const view = treatyStatusView(recorded(events), asOf === undefined ? {} : { asOf });
  if (view === null) throw new Error('expected a registered treaty');
  return view;
}

/** The status a listing stores (the projection's summary), before any date the record sets ahead has come. */
const listedStatusOf = (events: readonly TreatyEvent[]) =>
  treatyStatusSummaryOf(foldTreatyHistory(recorded(events), null)!);

/** In force 30 days after the second instrument: AT on 1 March, BE on 9 March 2025, so on 8 April 2025. */
const convention = registeredMultilateral({
  parties: ['AT', 'BE', 'CZ'],
  entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
});
const signedOn5January = signed(uuid(1), '2025-01-05');
const suspendedOn1February = happened('TreatySuspended', uuid(2), '2025-02-01');
const deposits = [
  consented(uuid(3), 'AT', 'ratification', '2025-03-01'),
  consented(uuid(4), 'BE', 'ratification', '2025-03-09'),
];

describe('a suspension of the whole treaty reported before it entered into force', () => {
  it('is recorded as reported, leaves the treaty signed, and is flagged with no party: it concerns the treaty', () => {
    // The decider refuses nothing merely odd that the record does not contradict.
    spec
      .given([convention, signedOn5January])
      .when(report(uuid(2), { type: 'suspended', occurredOn: '2025-02-01' }))
      .then(suspendedOn1February);
    const events = [convention, signedOn5January, suspendedOn1February];
    expect(statusOf(events)).toMatchObject({
      status: 'signed',
      suspendedOn: null,
      warnings: [{ code: 'SUSPENSION_BEFORE_ENTRY_INTO_FORCE', party: null, developmentIds: [uuid(2)] }],
    });
    expect(listedStatusOf(events).status).toBe('signed');
  });

  it('does not suspend the treaty when it enters into force later, the suspension never resumed', () => {
    const events = [convention, signedOn5January, suspendedOn1February, ...deposits];
    const warning = { code: 'SUSPENSION_BEFORE_ENTRY_INTO_FORCE', party: null, developmentIds: [uuid(2)] };
    expect(statusOf(events, '2025-03-20')).toMatchObject({
      status: 'ratification-in-progress',
      enteredIntoForceOnExpected: '2025-04-08',
      warnings: [warning],
    });
    expect(statusOf(events)).toMatchObject({
      status: 'in-force',
      enteredIntoForceOn: '2025-04-08',
      suspendedOn: null,
      warnings: [warning],
    });
    // Listed as the present reads it: in force from the day its date comes.
    expect(statusOn(listedStatusOf(events), '2025-04-07')).toBe('ratification-in-progress');
    expect(statusOn(listedStatusOf(events), '2025-04-08')).toBe('in-force');
    // A reported entry into force is named beside it: the report it is measured against.
    const reported = [...events, happened('TreatyEnteredIntoForce', uuid(5), '2025-04-08')];
    const measured = { ...warning, developmentIds: [uuid(2), uuid(5)] };
    expect(statusOf(reported).warnings).toEqual([measured]);
    // Whereas one dated once it is in force, or in the month it entered into force (which may be after), suspends it.
    for (const on of ['2025-05-01', '2025-04']) {
      const view = statusOf([...reported, happened('TreatySuspended', uuid(6), on)]);
      expect(view).toMatchObject({ status: 'suspended', suspendedOn: on, warnings: [measured] });
    }
  });
});

describe('a suspension of a treaty applied provisionally before it entered into force (art. 25)', () => {
  const applied = scoped('ProvisionalApplicationStarted', uuid(7), '2025-01-10', 'AT');

  it('suspends its provisional application while it lasts, and nothing once it has ended', () => {
    const events = [convention, signedOn5January, applied, suspendedOn1February];
    expect(statusOf(events)).toMatchObject({ status: 'suspended', suspendedOn: '2025-02-01', warnings: [] });
    expect(listedStatusOf(events).status).toBe('suspended');
    // It stands until a resumption is reported, the entry into force that ends provisional application included.
    expect(statusOf([...events, ...deposits]).status).toBe('suspended');

    const ended = scoped('ProvisionalApplicationEnded', uuid(8), '2025-01-20', 'AT');
    const afterTheEnd = [convention, signedOn5January, applied, ended, suspendedOn1February];
    expect(statusOf(afterTheEnd)).toMatchObject({
      status: 'signed',
      warnings: [{ code: 'SUSPENSION_BEFORE_ENTRY_INTO_FORCE', party: null, developmentIds: [uuid(2)] }],
    });
    expect(listedStatusOf(afterTheEnd).status).toBe('signed');
  });
});

describe('a suspension by one party reported before the treaty entered into force for it', () => {
  it('leaves a bilateral treaty signed (decision 0066 needs a treaty in force), flagged on that party', () => {
    const bilateral = [registered({ kind: 'bilateral' }), signed(uuid(1), '2025-01-17')];
    const suspension = scoped('TreatySuspended', uuid(2), '2025-02-01', 'RU');
    spec
      .given(bilateral)
      .when(report(uuid(2), { type: 'suspended', party: 'RU', occurredOn: '2025-02-01' }))
      .then(suspension);
    const events = [...bilateral, suspension];
    const warning = { code: 'SUSPENSION_BEFORE_ENTRY_INTO_FORCE', party: 'RU', developmentIds: [uuid(2)] };
    expect(statusOf(events)).toMatchObject({
      status: 'signed',
      suspendedOn: null,
      ratification: { RU: { suspended: false, suspendedOn: null } },
      warnings: [warning],
    });
    expect(listedStatusOf(events).status).toBe('signed');
    // In force later, Russia's earlier suspension standing: in force, the entry into force named beside it.
    const inForce = [...events, happened('TreatyEnteredIntoForce', uuid(3), '2025-10-02')];
    expect(statusOf(inForce)).toMatchObject({
      status: 'in-force',
      ratification: { RU: { suspended: false } },
      warnings: [{ ...warning, developmentIds: [uuid(2), uuid(3)] }],
    });
    expect(listedStatusOf(inForce).status).toBe('in-force');
  });

  it('leaves a state of a multilateral treaty not in force for it unsuspended, the others as they are', () => {
    const events = [
      convention,
      signedOn5January,
      ...deposits,
      scoped('TreatySuspended', uuid(5), '2025-05-01', 'CZ'),
      scoped('TreatySuspended', uuid(6), '2025-05-01', 'AT'),
    ];
    const view = statusOf(events);
    expect(view).toMatchObject({
      status: 'in-force',
      ratification: { AT: { suspended: true, suspendedOn: '2025-05-01' }, CZ: { suspended: false, suspendedOn: null } },
      warnings: [{ code: 'SUSPENSION_BEFORE_ENTRY_INTO_FORCE', party: 'CZ', developmentIds: [uuid(5)] }],
    });
  });
});
