import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  approved,
  corroborated,
  corrected,
  happened,
  ratified,
  recorded,
  registered,
  retracted,
  signed,
  source,
  uuid,
  withdrew,
} from '../testing/treaty-fixtures';
import { scoped } from '../testing/treaty-law-fixtures';
import { treatyStatusView, type TreatyStatusView } from './treaty-status.view';

const irna = source({ publisher: 'IRNA', url: 'https://irna.ir/news/2', publishedOn: '2025-05-22' });
const [sig, duma, council, ruRatified, majlis, irRatified, inForce] = [2, 3, 4, 5, 6, 7, 8].map(uuid) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

/**
 * Given these events (recorded one a day from 2025-06-01), the status view. Not the shared `statusOf` of
 * `../testing`, which takes only `asOf`: these tests also set the view's other options.
 */
function statusOf(events: readonly TreatyEvent[], options?: Parameters<typeof treatyStatusView>[1]): TreatyStatusView {
  const view = treatyStatusView(recorded(events), options);
  if (view === null) throw new Error('expected a registered treaty');
  return view;
}

const journey: TreatyEvent[] = [
  registered(),
  signed(sig, '2025-01-17'),
  approved(duma, 'RU', 'State Duma', '2025-04-08'),
  approved(council, 'RU', 'Federation Council', '2025-04-16'),
  ratified(ruRatified, 'RU', '2025-04-21'),
  approved(majlis, 'IR', 'Majlis', '2025-05-21'),
  ratified(irRatified, 'IR', '2025-06'),
  happened('TreatyEnteredIntoForce', inForce, '2025-10-02'),
];

describe('treatyStatusView', () => {
  it('is null when no registration is known', () => {
    expect(treatyStatusView([])).toBeNull();
    expect(treatyStatusView(recorded([registered()]), { knownAt: '2025-05-31T00:00:00Z' })).toBeNull();
  });

  it('a registered treaty: profile, every party pending, revision and position of the last event', () => {
    expect(statusOf([registered()])).toEqual({
      id: 'ru-ir-partnership',
      title: 'Treaty on Comprehensive Strategic Partnership',
      parties: ['RU', 'IR'],
      originalParties: ['RU', 'IR'],
      category: 'partnership',
      kind: null,
      depositary: null,
      entryIntoForceClause: null,
      withdrawalNoticeDays: null,
      withdrawalNotice: null,
      identifiers: {},
      relations: [],
      treatiesNotOnRecord: [],
      status: 'registered',
      signedOn: null,
      signedOnPrecision: null,
      instrumentsExchangedOn: null,
      instrumentsExchangedOnPrecision: null,
      enteredIntoForceOn: null,
      enteredIntoForceOnPrecision: null,
      enteredIntoForceOnComputed: false,
      enteredIntoForceOnByClause: null,
      enteredIntoForceOnExpected: null,
      suspendedOn: null,
      suspendedOnPrecision: null,
      resumedOn: null,
      resumedOnPrecision: null,
      terminatedOn: null,
      terminatedOnPrecision: null,
      terminatedOnComputed: false,
      terminatedOnExpected: null,
      ratification: {
        RU: emptyRatification,
        IR: emptyRatification,
      },
      joining: {},
      disagreements: [],
      warnings: [],
      recordedTwice: [],
      asOf: null,
      knownAt: null,
      nextChangeOn: null,
      revision: 0n,
      position: 100n,
    });
  });

  describe('status transitions', () => {
    it.each([
      [2, 'signed'],
      [3, 'ratification-in-progress'],
      [5, 'ratification-in-progress'],
      [6, 'ratification-in-progress'],
      [7, 'ratified'],
      [8, 'in-force'],
    ] as const)('after %d events: %s', (count, status) => {
      expect(statusOf(journey.slice(0, count)).status).toBe(status);
    });

    it('an entry into force needs no signature or ratification on record', () => {
      const view = statusOf([registered(), happened('TreatyEnteredIntoForce', inForce, '2025-10')]);
      expect(view.status).toBe('in-force');
      expect(view.enteredIntoForceOn).toBe('2025-10');
      expect(view.enteredIntoForceOnPrecision).toBe('month');
    });

    it('a completed ratification without an approval on record still counts as progress', () => {
      expect(statusOf([registered(), ratified(ruRatified, 'RU', '2025-04-21')]).status).toBe(
        'ratification-in-progress',
      );
    });

    it('suspended until resumed, by valid time', () => {
      const suspended = [...journey, happened('TreatySuspended', uuid(20), '2025-11-01')];
      expect(statusOf(suspended)).toMatchObject({ status: 'suspended', suspendedOn: '2025-11-01' });
      expect(statusOf([...suspended, happened('TreatyResumed', uuid(21), '2025-11-20')])).toMatchObject({
        status: 'in-force',
        resumedOn: '2025-11-20',
      });
    });

    it("a bilateral treaty is suspended by one party's suspension, until that party resumes it", () => {
      // New START: in force since 2011-02-05; Russia suspended it on 2023-02-21, the United States never did.
      const newStart = [
        registered({ title: 'New START', parties: ['US', 'RU'], kind: 'bilateral' }),
        happened('TreatyEnteredIntoForce', uuid(2), '2011-02-05'),
        scoped('TreatySuspended', uuid(3), '2023-02-21', 'RU'),
      ];
      expect(statusOf(newStart)).toMatchObject({
        status: 'suspended',
        suspendedOn: '2023-02-21',
        resumedOn: null,
        ratification: { RU: { suspended: true, suspendedOn: '2023-02-21' }, US: { suspended: false } },
      });
      expect(statusOf(newStart, { asOf: '2023-02-20' }).status).toBe('in-force');
      const resumed = [...newStart, scoped('TreatyResumed', uuid(4), '2024-03-01', 'RU')];
      expect(statusOf(resumed)).toMatchObject({ status: 'in-force', suspendedOn: null });
    });

    it('a treaty of unknown kind, like a multilateral one, is not suspended by one party', () => {
      const view = statusOf([...journey, scoped('TreatySuspended', uuid(20), '2025-11-01', 'RU')]);
      expect(view).toMatchObject({ status: 'in-force', ratification: { RU: { suspended: true } } });
    });

    it('a resumption dated before the suspension does not end it', () => {
      const view = statusOf([
        ...journey,
        happened('TreatyResumed', uuid(21), '2025-10-20'),
        happened('TreatySuspended', uuid(20), '2025-11-01'),
      ]);
      expect(view.status).toBe('suspended');
    });

    it('a resumption in the same period as the suspension ends it', () => {
      const view = statusOf([
        ...journey,
        happened('TreatySuspended', uuid(20), '2025-11-01'),
        happened('TreatyResumed', uuid(21), '2025-11'),
      ]);
      expect(view.status).toBe('in-force');
    });

    it('terminated, until the termination is retracted', () => {
      const terminated = [...journey, happened('TreatyTerminated', uuid(22), '2025-11')];
      expect(statusOf(terminated)).toMatchObject({
        status: 'terminated',
        terminatedOn: '2025-11',
        terminatedOnPrecision: 'month',
      });
      expect(statusOf([...terminated, retracted(uuid(22))]).status).toBe('in-force');
    });

    it('records the exchange of instruments, which establishes both consents: in force on it with no clause', () => {
      const view = statusOf([...journey.slice(0, 7), happened('InstrumentsExchanged', uuid(23), '2025-09-15')]);
      expect(view).toMatchObject({
        status: 'in-force',
        instrumentsExchangedOn: '2025-09-15',
        enteredIntoForceOn: '2025-09-15',
        enteredIntoForceOnComputed: true,
      });
      // Ratified on both sides, not yet exchanged: ready, not bound.
      expect(statusOf(journey.slice(0, 7))).toMatchObject({ status: 'ratified', enteredIntoForceOn: null });
    });
  });

  describe('ratification per party', () => {
    it('lists each party step in valid-time order with its chamber, date and sources', () => {
      const view = statusOf(journey);
      expect(view.ratification['RU']).toMatchObject({
        status: 'completed',
        completedOn: '2025-04-21',
        completedOnPrecision: 'day',
        withdrawn: false,
      });
      expect(view.ratification['RU']?.steps.map((step) => [step.type, step.body, step.occurredOn])).toEqual([
        ['legislative-approval', 'State Duma', '2025-04-08'],
        ['legislative-approval', 'Federation Council', '2025-04-16'],
        ['ratification-completed', null, '2025-04-21'],
      ]);
      expect(view.ratification['IR']).toMatchObject({
        status: 'completed',
        completedOn: '2025-06',
        completedOnPrecision: 'month',
      });
      expect(view.ratification['IR']?.steps[1]).toMatchObject({
        developmentId: irRatified,
        precision: 'month',
        approximate: true,
      });
    });

    it('a party with an approval only is in progress', () => {
      const view = statusOf(journey.slice(0, 3));
      expect(view.ratification['RU']?.status).toBe('in-progress');
      expect(view.ratification['IR']?.status).toBe('pending');
    });

    it('keeps the votes of an approval', () => {
      const event = approved(duma, 'RU', 'State Duma', '2025-04-08');
      const withVotes = { ...event, data: { ...event.data, votes: { for: 400, against: 0 } } } as TreatyEvent;
      expect(statusOf([registered(), withVotes]).ratification['RU']?.steps[0]?.votes).toEqual({ for: 400, against: 0 });
    });

    it('a withdrawn party is marked, and a treaty without a clause it walked away from will not enter into force', () => {
      // Every original state's consent is needed (VCLT art. 24(2)): without Iran's, Russia's completes nothing
      // (decision 0102).
      const view = statusOf([...journey.slice(0, 5), withdrew(uuid(24), 'IR', '2025-07-01')]);
      expect(view.status).toBe('will-not-enter-into-force');
      expect(view.ratification['IR']).toMatchObject({ status: 'pending', withdrawn: true, withdrewOn: '2025-07-01' });
      expect(view.ratification['IR']?.steps.map((step) => step.type)).toEqual(['withdrawn']);
    });

    it('a treaty every party left is not ratified: it will not enter into force', () => {
      const view = statusOf([
        registered(),
        signed(sig, '2025-01-17'),
        withdrew(uuid(24), 'IR', '2025-07-01'),
        withdrew(uuid(25), 'RU', '2025-07-02'),
      ]);
      expect(view.status).toBe('will-not-enter-into-force');
    });
  });

  describe('asOf (valid time)', () => {
    it('before the first development, the treaty is only registered', () => {
      expect(statusOf(journey, { asOf: '2025-01-16' }).status).toBe('registered');
    });

    it('counts developments on or before the day', () => {
      expect(statusOf(journey, { asOf: '2025-01-17' }).status).toBe('signed');
      expect(statusOf(journey, { asOf: '2025-04-21' })).toMatchObject({
        status: 'ratification-in-progress',
        asOf: '2025-04-21',
      });
    });

    it('a development known only to the month counts from the end of the month, marked approximate', () => {
      expect(statusOf(journey, { asOf: '2025-06-29' }).ratification['IR']?.status).toBe('in-progress');
      const view = statusOf(journey, { asOf: '2025-06-30' });
      expect(view.status).toBe('ratified');
      expect(view.ratification['IR']?.steps.at(-1)).toMatchObject({ occurredOn: '2025-06', approximate: true });
    });

    it('a year counts from its last day', () => {
      const events = [registered(), happened('TreatyEnteredIntoForce', inForce, '2024')];
      expect(statusOf(events, { asOf: '2024-12-30' }).status).toBe('registered');
      expect(statusOf(events, { asOf: '2024-12-31' }).status).toBe('in-force');
    });

    it('refuses an asOf that is not a calendar date', () => {
      expect(() => statusOf(journey, { asOf: '2025-06' })).toThrow(
        expect.objectContaining({ code: 'INVALID_DATE', field: 'asOf' }),
      );
    });
  });

  describe('knownAt (transaction time)', () => {
    // recorded() writes one event a day at noon from 2025-06-01: event n is recorded on June n+1.
    it('keeps only what was recorded by then, and reports the revision and position of the last event kept', () => {
      const view = statusOf(journey, { knownAt: '2025-06-03T12:00:00Z' });
      expect(view).toMatchObject({ status: 'ratification-in-progress', revision: 2n, position: 120n });
      expect(view.knownAt).toEqual(new Date('2025-06-03T12:00:00Z'));
      expect(statusOf(journey, { knownAt: new Date('2025-06-03T11:59:59Z') }).status).toBe('signed');
    });

    it('ignores corrections recorded later', () => {
      const events = [registered(), signed(sig, '2025-01'), corrected(sig, { occurredOn: '2025-01-17' })];
      expect(statusOf(events, { knownAt: '2025-06-02T12:00:00Z' }).signedOn).toBe('2025-01');
      expect(statusOf(events).signedOn).toBe('2025-01-17');
    });

    it('refuses a knownAt that is not a timestamp with a zone', () => {
      for (const knownAt of [
        'yesterday',
        '2025-06-03T12:00:00',
        '2025-06-03',
        '2025-02-30T12:00:00Z',
        '2025-06-31T00:00Z',
      ]) {
        expect(() => statusOf(journey, { knownAt })).toThrow(
          expect.objectContaining({ code: 'INVALID_DATE', field: 'knownAt' }),
        );
      }
      expect(() => statusOf(journey, { knownAt: new Date('x') })).toThrow(
        expect.objectContaining({ code: 'INVALID_DATE' }),
      );
    });
  });

  describe('corrections, retractions and corroboration', () => {
    it('applies corrections', () => {
      const view = statusOf([...journey.slice(0, 5), corrected(ruRatified, { party: 'IR', occurredOn: '2025-05-30' })]);
      expect(view.ratification['RU']?.status).toBe('in-progress');
      expect(view.ratification['IR']).toMatchObject({ status: 'completed', completedOn: '2025-05-30' });
    });

    it('leaves retracted developments out', () => {
      const view = statusOf([...journey.slice(0, 3), retracted(duma)]);
      expect(view.status).toBe('signed');
      expect(view.ratification['RU']?.steps).toEqual([]);
    });

    it('merges corroborating sources into the step, each source once', () => {
      const view = statusOf([
        ...journey.slice(0, 3),
        corroborated(duma, '2025-04', irna),
        corroborated(duma, '2025-04-08', irna),
      ]);
      const sources = view.ratification['RU']?.steps[0]?.sources;
      expect(sources?.map((cited) => [cited.publisher, cited.kind, cited.reportedOccurredOn])).toEqual([
        ['TASS', 'original', '2025-04-08'],
        ['IRNA', 'corroboration', '2025-04'],
      ]);
      expect(sources?.[1]?.recordedAt).toEqual(new Date('2025-06-04T12:00:00Z'));
    });
  });

  describe('disagreeing reports', () => {
    const early = uuid(30);
    const late = uuid(31);

    it('the more precise date speaks for the development, both reports stay visible', () => {
      const view = statusOf([
        registered(),
        ratified(early, 'IR', '2025-05-21'),
        ratified(late, 'IR', '2025-06', { disagreesWith: [early], source: irna }),
      ]);
      expect(view.ratification['IR']).toMatchObject({ completedOn: '2025-05-21', completedOnPrecision: 'day' });
      expect(view.ratification['IR']?.steps.map((step) => [step.developmentId, step.disagreesWith])).toEqual([
        [early, [late]],
        [late, [early]],
      ]);
      expect(view.disagreements).toEqual([
        { type: 'ratification-completed', party: 'IR', body: null, developmentIds: [early, late] },
      ]);
    });

    it('between equally precise dates, the later report', () => {
      const view = statusOf([
        registered(),
        signed(early, '2025-01-17'),
        signed(late, '2025-01-15', { disagreesWith: [early], source: irna }),
      ]);
      expect(view.signedOn).toBe('2025-01-15');
    });

    it('until an editor retracts one', () => {
      const view = statusOf([
        registered(),
        signed(early, '2025-01-17'),
        signed(late, '2025-01-15', { disagreesWith: [early], source: irna }),
        retracted(late),
      ]);
      expect(view.signedOn).toBe('2025-01-17');
      expect(view.disagreements).toEqual([]);
    });

    it('or corrects one so that they agree', () => {
      const view = statusOf([
        registered(),
        ratified(early, 'IR', '2025-05-21'),
        ratified(late, 'IR', '2025-06', { disagreesWith: [early], source: irna }),
        corrected(late, { occurredOn: '2025-05' }),
      ]);
      expect(view.disagreements).toEqual([]);
      expect(view.ratification['IR']?.steps.every((step) => step.disagreesWith === undefined)).toBe(true);
    });
  });
});

const emptyRatification = {
  status: 'pending',
  completedOn: null,
  completedOnPrecision: null,
  consentImplied: false,
  withdrawn: false,
  withdrewOn: null,
  withdrewOnPrecision: null,
  steps: [],
  original: true,
  signedOn: null,
  consent: null,
  inForceOn: null,
  inForceOnComputed: false,
  inForceOnExpected: null,
  earlierEntriesIntoForce: [],
  reservations: [],
  declarations: [],
  objections: [],
  withdrawalNotifiedOn: null,
  withdrawalEffectiveOn: null,
  withdrawalEffectiveOnComputed: false,
  withdrawalEffectiveBetween: null,
  earlierWithdrawals: [],
  provisionalApplication: null,
  suspended: false,
  suspendedOn: null,
};
