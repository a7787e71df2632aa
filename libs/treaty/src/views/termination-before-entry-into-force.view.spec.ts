import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  consented,
  happened,
  ratified,
  registered,
  registeredMultilateral,
  report,
  scoped,
  signed,
  spec,
  uuid,
  beforeEntryIntoForce,
  listedSummaryOf,
  statusOf,
} from '../testing';

/**
 * Decision 0099: termination (VCLT Part V) ends a treaty in force, or one applied provisionally. A treaty reported
 * terminated before it entered into force, no state applying it provisionally, ended nothing in force: its states
 * abandoned it before it bound anyone. The report is kept, the status says `will-not-enter-into-force` (not
 * `terminated`), and a warning says why.
 */

const { convention, signedOn5January, deposits } = beforeEntryIntoForce;
const listedStatusOf = (events: readonly TreatyEvent[]) => listedSummaryOf(events).status;
const warning = { code: 'TERMINATION_BEFORE_ENTRY_INTO_FORCE', party: null, developmentIds: [uuid(9)] };

describe('a treaty reported terminated before it entered into force', () => {
  const terminatedOn1February = happened('TreatyTerminated', uuid(9), '2025-02-01');

  it('is recorded as reported, will not enter into force rather than terminated, and is flagged', () => {
    spec
      .given([convention, signedOn5January])
      .when(report(uuid(9), { type: 'terminated', occurredOn: '2025-02-01' }))
      .then(terminatedOn1February);
    const events = [convention, signedOn5January, terminatedOn1February];
    expect(statusOf(events)).toMatchObject({
      status: 'will-not-enter-into-force',
      terminatedOn: null,
      terminatedOnComputed: false,
      warnings: [warning],
    });
    expect(listedStatusOf(events)).toBe('will-not-enter-into-force');
    // Before the report's date the treaty was signed, and nothing is flagged.
    expect(statusOf(events, '2025-01-20')).toMatchObject({ status: 'signed', warnings: [] });
  });

  it('so with instruments deposited whose count had not come due: it never enters into force', () => {
    const events = [convention, signedOn5January, ...deposits, happened('TreatyTerminated', uuid(9), '2025-04-01')];
    expect(statusOf(events)).toMatchObject({
      status: 'will-not-enter-into-force',
      enteredIntoForceOn: null,
      enteredIntoForceOnExpected: null,
      terminatedOn: null,
      warnings: [warning],
    });
    expect(listedStatusOf(events)).toBe('will-not-enter-into-force');
  });

  it('so for a bilateral treaty signed and never ratified', () => {
    const events = [
      registered({ parties: ['RU', 'IR'], kind: 'bilateral' }),
      signed(uuid(1), '2025-01-17'),
      happened('TreatyTerminated', uuid(9), '2025-06-01'),
    ];
    expect(statusOf(events)).toMatchObject({ status: 'will-not-enter-into-force', warnings: [warning] });
  });
});

describe('a termination that ended a treaty that operated', () => {
  it('of a treaty in force is a termination, not flagged', () => {
    const events = [convention, signedOn5January, ...deposits, happened('TreatyTerminated', uuid(9), '2025-06-01')];
    expect(statusOf(events)).toMatchObject({ status: 'terminated', terminatedOn: '2025-06-01', warnings: [] });
    expect(listedStatusOf(events)).toBe('terminated');
  });

  it('known only to the month the treaty entered into force may have come after it, so is not flagged', () => {
    const events = [convention, signedOn5January, ...deposits, happened('TreatyTerminated', uuid(9), '2025-04')];
    expect(statusOf(events)).toMatchObject({ status: 'terminated', terminatedOn: '2025-04', warnings: [] });
  });

  it('of a treaty applied provisionally ends that application (ILC guideline 9), not flagged', () => {
    const events = [
      convention,
      signedOn5January,
      scoped('ProvisionalApplicationStarted', uuid(5), '2025-01-10', 'AT'),
      happened('TreatyTerminated', uuid(9), '2025-02-01'),
    ];
    expect(statusOf(events)).toMatchObject({ status: 'terminated', terminatedOn: '2025-02-01', warnings: [] });
  });
});

describe('a termination of a treaty the record shows in force by computation only (decision 0111)', () => {
  // The record is incomplete (no entry into force reported), but the instruments on record brought the treaty into
  // force before the termination: it was terminated, not abandoned.
  const terminatedInDecember = happened('TreatyTerminated', uuid(9), '2025-12-01');

  it('under a clause whose count the deposits met', () => {
    const events = [convention, signedOn5January, ...deposits, terminatedInDecember];
    expect(statusOf(events)).toMatchObject({ status: 'terminated', enteredIntoForceOn: '2025-04-08', warnings: [] });
    expect(listedStatusOf(events)).toBe('terminated');
  });

  it('under a clause whose count ratifications completed at home and then exchanged met', () => {
    const events = [
      registered({ kind: 'bilateral', entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } }),
      signed(uuid(1), '2025-01-17'),
      ratified(uuid(2), 'RU', '2025-04-21'),
      ratified(uuid(3), 'IR', '2025-06-10'),
      happened('InstrumentsExchanged', uuid(4), '2025-09-02'),
      terminatedInDecember,
    ];
    expect(statusOf(events)).toMatchObject({ status: 'terminated', enteredIntoForceOn: '2025-10-02', warnings: [] });
    expect(listedStatusOf(events)).toBe('terminated');
  });

  it('without a clause, once every original state had deposited', () => {
    const events = [
      registeredMultilateral({ parties: ['AT', 'BE'], entryIntoForce: undefined }),
      consented(uuid(2), 'AT', 'ratification', '2025-03-01'),
      consented(uuid(3), 'BE', 'ratification', '2025-03-09'),
      terminatedInDecember,
    ];
    expect(statusOf(events)).toMatchObject({ status: 'terminated', enteredIntoForceOn: '2025-03-09', warnings: [] });
    expect(listedStatusOf(events)).toBe('terminated');
  });

  it('under a clause whose count an instrument known only to its month met, months before the termination', () => {
    // BE deposited in March 2025: the treaty entered into force between 31 March and 30 April, whatever the day.
    const events = [
      convention,
      signedOn5January,
      consented(uuid(3), 'AT', 'ratification', '2025-03-01'),
      consented(uuid(4), 'BE', 'ratification', '2025-03'),
      terminatedInDecember,
    ];
    expect(statusOf(events)).toMatchObject({ status: 'terminated', terminatedOn: '2025-12-01', warnings: [] });
    expect(listedStatusOf(events)).toBe('terminated');
    // One dated before the earliest day it may have entered into force (31 March) was an abandonment.
    const early = [...events.slice(0, -1), happened('TreatyTerminated', uuid(9), '2025-03-20')];
    expect(statusOf(early)).toMatchObject({ status: 'will-not-enter-into-force', warnings: [warning] });
  });

  it('without a clause, on all consents, one of them known only to its month', () => {
    const events = [
      registeredMultilateral({ parties: ['AT', 'BE'], entryIntoForce: undefined }),
      consented(uuid(2), 'AT', 'ratification', '2025-03-01'),
      consented(uuid(3), 'BE', 'ratification', '2025-03'),
      terminatedInDecember,
    ];
    expect(statusOf(events)).toMatchObject({ status: 'terminated', enteredIntoForceOn: null, warnings: [] });
    expect(listedStatusOf(events)).toBe('terminated');
    const early = [...events.slice(0, -1), happened('TreatyTerminated', uuid(9), '2025-02-20')];
    expect(statusOf(early)).toMatchObject({ status: 'will-not-enter-into-force', warnings: [warning] });
  });
});
