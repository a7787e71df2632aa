import { describe, expect, it } from '@jest/globals';
import { toJsonView, type JsonView } from '@timeline/projections';
import { treatyStatusView } from '@timeline/treaty';
import {
  consented,
  japanAcceded2007,
  parisAgreementRejoined,
  recorded,
  TREATY_ID,
  uuid,
  withdrawalNotified,
  withdrew,
} from '@timeline/treaty/testing';
import { expectedDatesOf, expectedEvent } from './expected-dates';

/** A status view as the read model renders it, with what expectedDatesOf reads. */
function status(entryIntoForceClause: unknown): JsonView {
  return {
    id: 'a-convention',
    title: 'A convention',
    entryIntoForceClause,
    enteredIntoForceOn: '2021-07-09',
    enteredIntoForceOnComputed: true,
    ratification: { AT: { inForceOn: '2021-07-09', inForceOnComputed: true, consent: { successionOn: null } } },
  };
}

describe('expectedDatesOf', () => {
  it('says a date computed under a clause comes from the clause', () => {
    const dates = expectedDatesOf(status({ instrumentsRequired: 2, daysAfter: 30 }));
    expect(dates.map(({ computedFrom }) => computedFrom)).toEqual([
      "the treaty's entry-into-force clause and the instruments on record",
      "the treaty's entry-into-force clause and the instruments on record",
    ]);
  });

  it('says a date computed with no clause registered comes from the consents (decision 0079)', () => {
    const dates = expectedDatesOf(status(null));
    expect(dates).toHaveLength(2);
    for (const { computedFrom } of dates) expect(computedFrom).toMatch(/consents on record.*VCLT art\. 24/);
  });
});

describe('a state that left and rejoined (decision 0106)', () => {
  // The Paris Agreement: the United States in force 2016-11-04, gone 2020-11-04, in force again 2021-02-19.
  const paris = treatyStatusView(recorded(parisAgreementRejoined), { today: '2026-12-01' });
  const status = toJsonView(paris!);
  const events = expectedDatesOf(status, 'US').map((expected) =>
    expectedEvent(expected, 'https://timeline.example', '20261201T000000Z'),
  );
  const line = (event: string[], name: string) => event.find((entry) => entry.startsWith(`${name}`))!;

  it('has an event for each entry into force, the first under the UID a single one always had', () => {
    const entries = events.filter((event) => line(event, 'CATEGORIES:') === 'CATEGORIES:entered-into-force');
    expect(entries.map((event) => [line(event, 'UID:'), line(event, 'DTSTART;VALUE=DATE:')])).toEqual([
      [`UID:${TREATY_ID}.entry-into-force.US@treaty-timeline`, 'DTSTART;VALUE=DATE:20161104'],
      [`UID:${TREATY_ID}.entry-into-force.US.2@treaty-timeline`, 'DTSTART;VALUE=DATE:20210219'],
    ]);
  });

  it('so the calendar shows the state in force before it shows it leave', () => {
    expect(events.map((event) => line(event, 'DTSTART;VALUE=DATE:'))).toEqual([
      'DTSTART;VALUE=DATE:20161104',
      'DTSTART;VALUE=DATE:20210219',
      'DTSTART;VALUE=DATE:20201104',
    ]);
  });
});

describe("a withdrawal's computed effect known only to a span of days (decision 0115)", () => {
  // Japan's notice is reported as of a month; 180 days from some day of it.
  const noticeOf = (month: string) =>
    toJsonView(
      treatyStatusView(recorded([...japanAcceded2007, withdrawalNotified(uuid(6), 'JP', month)]), {
        today: '2026-12-01',
      })!,
    );
  const withdrawalEvents = (status: JsonView) =>
    expectedDatesOf(status, 'JP')
      .filter(({ what }) => what === 'withdrawal')
      .map((expected) => expectedEvent(expected, 'https://timeline.example', '20261201T000000Z'));
  const span = (event: string[]) =>
    event.filter((entry) => /^(UID|DTSTART|DTEND)/.test(entry) || entry.startsWith('DESCRIPTION'));

  it('spans the days of its possible effect where they fall in two years, which no period shown can say', () => {
    // July 2022: between 2022-12-28 and 2023-01-27.
    expect(withdrawalEvents(noticeOf('2022-07')).map(span)).toEqual([
      [
        `UID:${TREATY_ID}.withdrawal.JP@treaty-timeline`,
        'DTSTART;VALUE=DATE:20221228',
        'DTEND;VALUE=DATE:20230128',
        "DESCRIPTION:Computed from the notification of withdrawal and the treaty's notice period\\; on one day " +
          'from 2022-12-28 to 2023-01-27\\, which the record does not tell\\; no source has reported it yet.',
      ],
    ]);
  });

  it('spans those days, not the whole year, where the effect is shown as its year', () => {
    // March 2022: between 2022-08-28 and 2022-09-27, shown as "2022"; December 2022: 2023-05-30 to 2023-06-29, "2023".
    const first = (month: string) => span(withdrawalEvents(noticeOf(month))[0]!).slice(0, 3);
    expect(first('2022-03')).toEqual([
      `UID:${TREATY_ID}.withdrawal.JP@treaty-timeline`,
      'DTSTART;VALUE=DATE:20220828',
      'DTEND;VALUE=DATE:20220928',
    ]);
    expect(first('2022-12').slice(1)).toEqual(['DTSTART;VALUE=DATE:20230530', 'DTEND;VALUE=DATE:20230630']);
  });
});

describe('a state that left twice (decision 0116)', () => {
  // The Paris Agreement: the United States gone 2020-11-04, back 2021-02-19, and notified again on 2025-01-27.
  const paris = parisAgreementRejoined;
  const withdrawalEvents = (events: Parameters<typeof recorded>[0]) =>
    expectedDatesOf(toJsonView(treatyStatusView(recorded(events), { today: '2026-12-01' })!), 'US')
      .filter(({ what }) => what === 'withdrawal')
      .map((expected) => expectedEvent(expected, 'https://timeline.example', '20261201T000000Z'));
  const line = (event: string[], name: string) => event.find((entry) => entry.startsWith(`${name}`))!;

  it('has an event for each withdrawal, the first under the UID a single one always had, which stays where it was', () => {
    const once = withdrawalEvents(paris);
    const twice = withdrawalEvents([...paris, withdrawalNotified(uuid(7), 'US', '2025-01-27')]);
    expect(twice.map((event) => [line(event, 'UID:'), line(event, 'DTSTART;VALUE=DATE:')])).toEqual([
      [`UID:${TREATY_ID}.withdrawal.US@treaty-timeline`, 'DTSTART;VALUE=DATE:20201104'],
      [`UID:${TREATY_ID}.withdrawal.US.2@treaty-timeline`, 'DTSTART;VALUE=DATE:20260127'],
    ]);
    expect(twice[0]).toEqual(once[0]);
  });

  it('numbers a withdrawal reported to have taken effect too, so that the computed one after it keeps its number', () => {
    const reported = withdrawalEvents([
      ...paris.slice(0, 5),
      withdrew(uuid(8), 'US', '2020-11-04'),
      paris[5]!,
      withdrawalNotified(uuid(7), 'US', '2025-01-27'),
    ]);
    expect(reported.map((event) => line(event, 'UID:'))).toEqual([`UID:${TREATY_ID}.withdrawal.US.2@treaty-timeline`]);
  });
});

describe('a consent that revoked a notice before its effect (decisions 0022, 0116)', () => {
  const jp = (asOf?: string) =>
    toJsonView(
      treatyStatusView(
        recorded([
          ...japanAcceded2007,
          withdrawalNotified(uuid(6), 'JP', '2015-01-10'),
          consented(uuid(7), 'JP', 'accession', '2015-03-01'),
        ]),
        asOf === undefined ? { today: '2026-12-01' } : { asOf },
      )!,
    );
  const events = (status: JsonView) =>
    expectedDatesOf(status, 'JP').map((expected) =>
      expectedEvent(expected, 'https://timeline.example', '20261201T000000Z'),
    );
  const line = (event: string[], name: string) => event.find((entry) => entry.startsWith(name))!;

  it('keeps the entry into force where it was, and schedules no effect of the revoked notice', () => {
    for (const status of [jp(), jp('2015-03-15')]) {
      expect(events(status).map((event) => [line(event, 'UID:'), line(event, 'DTSTART;VALUE=DATE:')])).toEqual([
        [`UID:${TREATY_ID}.entry-into-force.JP@treaty-timeline`, 'DTSTART;VALUE=DATE:20070816'],
      ]);
    }
  });
});
