import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  happened,
  registered,
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
