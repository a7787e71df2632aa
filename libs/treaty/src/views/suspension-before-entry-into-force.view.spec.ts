import { describe, expect, it } from '@jest/globals';
import {
  consented,
  happened,
  registered,
  registeredMultilateral,
  report,
  scoped,
  signed,
  spec,
  uuid,
  withdrawalNotified,
  beforeEntryIntoForce,
  listedSummaryOf,
  statusOf,
} from '../testing';
import { statusOn } from './treaty-status-summary';

/**
 * Decision 0085: a suspension suspends the operation of a treaty (VCLT art. 57-58, 72), in force or provisionally
 * applied (art. 25). One reported before the treaty entered into force, and while no state applied it
 * provisionally, had nothing to suspend: it is recorded as reported, the status stays what it is, and a warning says
 * why.
 */

const { convention, signedOn5January, deposits } = beforeEntryIntoForce;
/** The status a listing stores (the projection's summary), before any date the record sets ahead has come. */
const listedStatusOf = listedSummaryOf;
const suspendedOn1February = happened('TreatySuspended', uuid(2), '2025-02-01');

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
    // CZ, of which no consent is on record, before the treaty entered into force on 8 April (after it, see below).
    const events = [
      convention,
      signedOn5January,
      ...deposits,
      scoped('TreatySuspended', uuid(5), '2025-03-20', 'CZ'),
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

describe('a suspension by a party of a multilateral treaty whose consent is not on record', () => {
  // Decision 0085, amended: the record of a treaty's entry into force often lacks an original party's ratification
  // (a news record is incomplete). A state that suspends a treaty asserts that it is bound by it; once the treaty is in
  // force, the record does not contradict it.
  const threeParties = registeredMultilateral({ parties: ['AT', 'BE', 'CZ'] });
  const inForceOn1January2010 = happened('TreatyEnteredIntoForce', uuid(11), '2010-01-01');

  it('suspends the treaty for that party when dated after the treaty entered into force', () => {
    // Given a treaty reported in force since 2010, no consent of the Czech Republic on record,
    const given = [threeParties, inForceOn1January2010];
    // when the Czech Republic is reported to suspend it in 2023,
    const suspension = scoped('TreatySuspended', uuid(12), '2023-11-07', 'CZ');
    spec
      .given(given)
      .when(report(uuid(12), { type: 'suspended', party: 'CZ', occurredOn: '2023-11-07' }))
      .then(suspension);
    const events = [...given, suspension];
    // then the treaty is suspended for it, with no warning, and stays in force between the others.
    expect(statusOf(events)).toMatchObject({
      status: 'in-force',
      ratification: { CZ: { suspended: true, suspendedOn: '2023-11-07', inForceOn: null } },
      warnings: [],
    });
    expect(listedStatusOf(events).status).toBe('in-force');
    // As a view before the suspension reads it, nothing is suspended; after it, it is.
    expect(statusOf(events, '2023-11-06').ratification['CZ']).toMatchObject({ suspended: false });
    expect(statusOf(events, '2023-11-08')).toMatchObject({
      ratification: { CZ: { suspended: true, suspendedOn: '2023-11-07' } },
      warnings: [],
    });
  });

  it('counts from the entry into force the clause computes as well as from a reported one', () => {
    // Given AT and BE in force by the clause on 8 April 2025 and no consent of CZ on record,
    const events = [convention, signedOn5January, ...deposits];
    // when CZ is reported to suspend the treaty in May, then it is suspended for CZ (one in March is flagged, above).
    expect(statusOf([...events, scoped('TreatySuspended', uuid(5), '2025-05-01', 'CZ')])).toMatchObject({
      ratification: { CZ: { suspended: true, suspendedOn: '2025-05-01' } },
      warnings: [],
    });
  });

  it('is flagged when dated before the treaty entered into force, the entry into force named beside it', () => {
    // Given the same treaty, when CZ, which never consented, is reported to suspend it in 2009,
    const events = [threeParties, inForceOn1January2010, scoped('TreatySuspended', uuid(12), '2009-06-01', 'CZ')];
    // then it suspended nothing, and the warning names the entry into force it came before.
    expect(statusOf(events)).toMatchObject({
      status: 'in-force',
      ratification: { CZ: { suspended: false, suspendedOn: null } },
      warnings: [{ code: 'SUSPENSION_BEFORE_ENTRY_INTO_FORCE', party: 'CZ', developmentIds: [uuid(12), uuid(11)] }],
    });
  });

  it('is flagged when the party consented and the treaty enters into force for it after the suspension', () => {
    // Given the treaty in force since 2010 and CZ's accession on record in 2024, in force for it 30 days after,
    const accession = consented(uuid(13), 'CZ', 'accession', '2024-03-01');
    // when CZ is reported to suspend it in 2023, before it was bound,
    const events = [
      threeParties,
      inForceOn1January2010,
      accession,
      scoped('TreatySuspended', uuid(12), '2023-11-07', 'CZ'),
    ];
    // then it suspended nothing: the record dates CZ's entry into force later.
    expect(statusOf(events)).toMatchObject({
      ratification: { CZ: { suspended: false, suspendedOn: null, inForceOn: '2024-03-31' } },
      warnings: [{ code: 'SUSPENSION_BEFORE_ENTRY_INTO_FORCE', party: 'CZ', developmentIds: [uuid(12)] }],
    });
  });

  it('is flagged when the party, with no consent on record, made clear that it would not become a party', () => {
    // Given a signatory's notice (VCLT art. 18) in 2005, before the treaty entered into force among the others,
    const notice = withdrawalNotified(uuid(14), 'CZ', '2005-05-06');
    // when CZ is reported to suspend the treaty in 2023,
    const events = [
      threeParties,
      notice,
      inForceOn1January2010,
      scoped('TreatySuspended', uuid(12), '2023-11-07', 'CZ'),
    ];
    // then the record says it is not bound: the suspension suspended nothing.
    expect(statusOf(events)).toMatchObject({
      ratification: { CZ: { suspended: false, suspendedOn: null } },
      warnings: [{ code: 'SUSPENSION_BEFORE_ENTRY_INTO_FORCE', party: 'CZ', developmentIds: [uuid(12)] }],
    });
  });
});
