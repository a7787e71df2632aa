import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  consented,
  happened,
  registered,
  report,
  scoped,
  spec,
  uuid,
  beforeEntryIntoForce,
  listedSummaryOf,
  statusOf,
} from '../testing';

/**
 * Decision 0098: a resumption ends a suspension (VCLT art. 57-58, 72). One reported before the treaty entered into
 * force (no state applying it provisionally), or while nothing of its scope stood suspended, resumed nothing: it is
 * recorded as reported, the status is what it is without it, and a warning says why, as for a suspension that
 * suspended nothing (decision 0085).
 */

const { convention, signedOn5January, deposits } = beforeEntryIntoForce;
const listedStatusOf = (events: readonly TreatyEvent[]) => listedSummaryOf(events).status;

describe('a resumption of the whole treaty reported before it entered into force', () => {
  const resumedOn1February = happened('TreatyResumed', uuid(2), '2025-02-01');

  it('is recorded as reported, leaves the treaty signed, and is flagged with no party', () => {
    spec
      .given([convention, signedOn5January])
      .when(report(uuid(2), { type: 'resumed', occurredOn: '2025-02-01' }))
      .then(resumedOn1February);
    const events = [convention, signedOn5January, resumedOn1February];
    expect(statusOf(events)).toMatchObject({
      status: 'signed',
      suspendedOn: null,
      warnings: [{ code: 'RESUMPTION_BEFORE_ENTRY_INTO_FORCE', party: null, developmentIds: [uuid(2)] }],
    });
    expect(listedStatusOf(events)).toBe('signed');
  });

  it('stays flagged once the treaty is in force, beside the suspension before it that suspended nothing', () => {
    const events = [
      convention,
      signedOn5January,
      happened('TreatySuspended', uuid(5), '2025-01-20'),
      resumedOn1February,
      ...deposits,
    ];
    expect(statusOf(events)).toMatchObject({
      status: 'in-force',
      warnings: [
        { code: 'SUSPENSION_BEFORE_ENTRY_INTO_FORCE', party: null, developmentIds: [uuid(5)] },
        { code: 'RESUMPTION_BEFORE_ENTRY_INTO_FORCE', party: null, developmentIds: [uuid(2)] },
      ],
    });
  });

  it('is not flagged when it resumes the suspension of a treaty applied provisionally', () => {
    const view = statusOf([
      convention,
      signedOn5January,
      scoped('ProvisionalApplicationStarted', uuid(5), '2025-01-10', 'AT'),
      happened('TreatySuspended', uuid(6), '2025-01-20'),
      resumedOn1February,
    ]);
    expect(view.warnings).toEqual([]);
  });
});

describe("a party's resumption reported before the treaty entered into force for it", () => {
  it('is flagged on that party, with the entry into force it came before', () => {
    const events = [
      convention,
      signedOn5January,
      ...deposits,
      happened('TreatyEnteredIntoForce', uuid(5), '2025-04-08'),
      consented(uuid(6), 'CZ', 'accession', '2025-06-01'),
      scoped('TreatyResumed', uuid(7), '2025-06-15', 'CZ'),
    ];
    // CZ is bound 30 days after its accession, on 1 July 2025.
    expect(statusOf(events).warnings).toEqual([
      { code: 'RESUMPTION_BEFORE_ENTRY_INTO_FORCE', party: 'CZ', developmentIds: [uuid(7)] },
    ]);
  });
});

describe('a resumption of a treaty in force while nothing stood suspended', () => {
  const inForce = [
    convention,
    signedOn5January,
    ...deposits,
    happened('TreatyEnteredIntoForce', uuid(5), '2025-04-08'),
  ];

  it('with no suspension on record is flagged, the status in force', () => {
    const events = [...inForce, happened('TreatyResumed', uuid(6), '2025-06-01')];
    expect(statusOf(events)).toMatchObject({
      status: 'in-force',
      warnings: [{ code: 'RESUMPTION_WITHOUT_SUSPENSION', party: null, developmentIds: [uuid(6)] }],
    });
  });

  it('a second resumption of one suspension is flagged, naming the suspension and the resumption that ended it', () => {
    const view = statusOf([
      ...inForce,
      happened('TreatySuspended', uuid(6), '2025-05-01'),
      happened('TreatyResumed', uuid(7), '2025-06-01'),
      happened('TreatyResumed', uuid(8), '2025-07-01'),
    ]);
    expect(view.status).toBe('in-force');
    expect(view.warnings).toEqual([
      { code: 'RESUMPTION_WITHOUT_SUSPENSION', party: null, developmentIds: [uuid(8), uuid(6), uuid(7)] },
    ]);
  });

  it("a party's resumption with only another party's suspension on record is flagged on it", () => {
    const view = statusOf([
      ...inForce,
      scoped('TreatySuspended', uuid(6), '2025-05-01', 'AT'),
      scoped('TreatyResumed', uuid(7), '2025-06-01', 'BE'),
    ]);
    expect(view.warnings).toEqual([{ code: 'RESUMPTION_WITHOUT_SUSPENSION', party: 'BE', developmentIds: [uuid(7)] }]);
  });

  it('a resumption of a suspension that stands, also of its own day or of the whole treaty by a party, is not', () => {
    expect(
      statusOf([
        ...inForce,
        happened('TreatySuspended', uuid(6), '2025-05-01'),
        happened('TreatyResumed', uuid(7), '2025-05-01'),
        happened('TreatySuspended', uuid(8), '2025-06'),
        scoped('TreatyResumed', uuid(9), '2025-06-20', 'AT'),
        scoped('TreatyResumed', uuid(10), '2025-06-25', 'BE'),
      ]).warnings,
    ).toEqual([]);
  });

  it("a bilateral treaty suspended by one party and resumed as a whole is not (New START's reading)", () => {
    const view = statusOf([
      registered({ title: 'New START', parties: ['US', 'RU'], kind: 'bilateral' }),
      happened('TreatyEnteredIntoForce', uuid(2), '2011-02-05'),
      scoped('TreatySuspended', uuid(3), '2023-02-21', 'RU'),
      happened('TreatyResumed', uuid(4), '2025-02-01'),
    ]);
    expect(view.warnings).toEqual([]);
  });
});
