import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  consented,
  happened,
  japanAcceded2007,
  recorded,
  registered,
  registeredMultilateral,
  uuid,
  withdrawalNotified,
  withdrew,
} from '../testing';
import { treatyStatusView, type TreatyStatusView } from './treaty-status.view';

/**
 * Entry into force and withdrawal under clauses that count months or years, or run to the first day of the following
 * month (decision 0063), on the real dates of two treaties.
 */

/** Not the shared `statusOf` of `../testing`, which takes only `asOf`: these tests also set the view's `today`. */
function statusOf(events: readonly TreatyEvent[], options: { asOf?: string; today?: string } = {}): TreatyStatusView {
  const view = treatyStatusView(recorded(events), options);
  if (view === null) throw new Error('expected a registered treaty');
  return view;
}

describe('the Paris Agreement: a withdrawal takes effect one year after its notification (art. 28(2))', () => {
  // In force on the thirtieth day after the 55th instrument (5 October 2016: 4 November 2016); here the third, France's.
  // The United States accepted on 3 September 2016, notified its withdrawal on 4 November 2019, and left on
  // 4 November 2020: a year later, across 29 February 2020, which 365 days miss by one.
  const paris = (notice: Partial<Parameters<typeof registeredMultilateral>[0]>) => [
    registeredMultilateral({
      parties: ['US', 'CN', 'FR'],
      entryIntoForce: { instrumentsRequired: 3, daysAfter: 30 },
      withdrawalNoticeDays: undefined,
      ...notice,
    }),
    consented(uuid(2), 'US', 'acceptance', '2016-09-03'),
    consented(uuid(3), 'CN', 'ratification', '2016-09-03'),
    consented(uuid(4), 'FR', 'ratification', '2016-10-05'),
    withdrawalNotified(uuid(5), 'US', '2019-11-04'),
  ];

  it('registered as one year, the US withdrawal takes effect on 2020-11-04', () => {
    const view = statusOf(paris({ withdrawalNotice: { years: 1 } }), { today: '2026-01-01' });
    expect(view.enteredIntoForceOn).toBe('2016-11-04');
    expect(view.withdrawalNotice).toEqual({ years: 1 });
    expect(view.withdrawalNoticeDays).toBeNull();
    expect(view.ratification['US']).toMatchObject({
      inForceOn: '2016-11-04',
      withdrawalNotifiedOn: '2019-11-04',
      withdrawalEffectiveOn: '2020-11-04',
      withdrawalEffectiveOnComputed: true,
      withdrawn: true,
      withdrewOn: '2020-11-04',
    });
  });

  it('the United States is still a party on 2020-11-03 and has left on 2020-11-04', () => {
    const events = paris({ withdrawalNotice: { years: 1 } });
    expect(statusOf(events, { asOf: '2020-11-03' }).ratification['US']).toMatchObject({ withdrawn: false });
    expect(statusOf(events, { asOf: '2020-11-04' }).ratification['US']).toMatchObject({
      withdrawn: true,
      withdrewOn: '2020-11-04',
    });
  });

  it('a registration of 365 days reads as it always did: a day early across the leap year', () => {
    const view = statusOf(paris({ withdrawalNoticeDays: 365 }), { today: '2026-01-01' });
    expect(view.withdrawalNoticeDays).toBe(365);
    expect(view.withdrawalNotice).toEqual({ days: 365 });
    expect(view.ratification['US']).toMatchObject({ withdrawalEffectiveOn: '2020-11-03', withdrewOn: '2020-11-03' });
  });
});

describe('the Rome Statute: the first day of the month after the 60th day following the deposit (art. 126)', () => {
  // Senegal deposited first (2 February 1999); the 60th instrument was deposited on 11 April 2002 (Cambodia's among
  // the ten deposited together that day): 60 days later is 10 June 2002, so the Statute entered into force on
  // 1 July 2002. For a state depositing later, the same from its own deposit: Burundi (21 September 2004) on
  // 1 December 2004, Japan (acceding 17 July 2007) on 1 October 2007. Withdrawal takes effect one year after the
  // notification (art. 127(1)): Burundi notified on 27 October 2016 and left on 27 October 2017.
  const fillers = Array.from({ length: 58 }, (_, index) => `X${String.fromCharCode(65 + (index % 26))}${index}`);
  const rome = [
    registeredMultilateral({
      parties: ['SN', ...fillers, 'KH', 'BI'],
      entryIntoForce: { instrumentsRequired: 60, daysAfter: 60, firstDayOfFollowingMonth: true },
      withdrawalNoticeDays: undefined,
      withdrawalNotice: { years: 1 },
    }),
    consented(uuid(2), 'SN', 'ratification', '1999-02-02'),
    ...fillers.map((party, index) => consented(uuid(100 + index), party, 'ratification', '2001-06-01')),
    consented(uuid(3), 'KH', 'ratification', '2002-04-11'),
    consented(uuid(4), 'BI', 'ratification', '2004-09-21'),
    consented(uuid(5), 'JP', 'accession', '2007-07-17'),
    withdrawalNotified(uuid(6), 'BI', '2016-10-27'),
  ];

  it('entered into force on 2002-07-01, for Senegal and Cambodia too', () => {
    const view = statusOf(rome, { today: '2026-01-01' });
    expect(view).toMatchObject({
      status: 'in-force',
      enteredIntoForceOn: '2002-07-01',
      enteredIntoForceOnComputed: true,
      enteredIntoForceOnByClause: '2002-07-01',
    });
    expect(view.ratification['SN']).toMatchObject({ inForceOn: '2002-07-01', inForceOnComputed: true });
    expect(view.ratification['KH']).toMatchObject({ inForceOn: '2002-07-01', inForceOnComputed: true });
  });

  it('not yet in force on 2002-06-30, nor on 2002-06-10, the day 60 days alone would give', () => {
    for (const asOf of ['2002-06-10', '2002-06-30']) {
      expect(statusOf(rome, { asOf })).toMatchObject({
        enteredIntoForceOn: null,
        enteredIntoForceOnExpected: '2002-07-01',
      });
    }
  });

  it('for a state depositing later, the first day of the month after the 60th day following its own deposit', () => {
    const view = statusOf(rome, { today: '2026-01-01' });
    expect(view.ratification['BI']).toMatchObject({ inForceOn: '2004-12-01', inForceOnComputed: true });
    expect(view.ratification['JP']).toMatchObject({ inForceOn: '2007-10-01', inForceOnComputed: true });
    expect(statusOf(rome, { asOf: '2007-09-30' }).ratification['JP']).toMatchObject({
      inForceOn: null,
      inForceOnExpected: '2007-10-01',
    });
  });

  it("Burundi's withdrawal takes effect a year after its notification", () => {
    expect(statusOf(rome, { today: '2026-01-01' }).ratification['BI']).toMatchObject({
      withdrawalNotifiedOn: '2016-10-27',
      withdrawalEffectiveOn: '2017-10-27',
      withdrawalEffectiveOnComputed: true,
      withdrawn: true,
    });
  });
});

describe('a Council of Europe convention: the first day of the month following a period of months', () => {
  // In force on the first day of the month following three months after the fifth instrument; a denunciation
  // effective on the first day of the month following six months after its notification.
  const convention = [
    registeredMultilateral({
      entryIntoForce: { instrumentsRequired: 5, monthsAfter: 3, firstDayOfFollowingMonth: true },
      withdrawalNoticeDays: undefined,
      withdrawalNotice: { months: 6, firstDayOfFollowingMonth: true },
    }),
    consented(uuid(2), 'AT', 'ratification', '2019-05-02'),
    consented(uuid(3), 'BE', 'ratification', '2019-07-31'),
    consented(uuid(4), 'CZ', 'ratification', '2019-11-30'),
    consented(uuid(5), 'DK', 'ratification', '2020-01-20'),
    consented(uuid(6), 'EE', 'ratification', '2020-03-15'),
    withdrawalNotified(uuid(7), 'BE', '2023-02-10'),
  ];

  it('the fifth instrument on 2020-03-15: in force on 2020-07-01; a denunciation of 2023-02-10 takes effect on 2023-09-01', () => {
    const view = statusOf(convention, { today: '2026-01-01' });
    expect(view).toMatchObject({ enteredIntoForceOn: '2020-07-01', enteredIntoForceOnComputed: true });
    expect(view.ratification['AT']).toMatchObject({ inForceOn: '2020-07-01' });
    expect(view.ratification['BE']).toMatchObject({
      withdrawalEffectiveOn: '2023-09-01',
      withdrawalEffectiveOnComputed: true,
      withdrawn: true,
    });
    expect(statusOf(convention, { asOf: '2023-08-31' }).ratification['BE']).toMatchObject({ withdrawn: false });
  });
});

describe('a notice known only to its month (decision 0105)', () => {
  // Japan acceded on 2007-07-17 to a convention in force since 2002; its notice is reported as of March 2022.
  const noticeOfMarch = (withdrawalNotice: { years: number; firstDayOfFollowingMonth?: true }) => [
    registeredMultilateral({ withdrawalNoticeDays: undefined, withdrawalNotice }),
    consented(uuid(2), 'AT', 'ratification', '2002-01-02'),
    consented(uuid(3), 'BE', 'ratification', '2002-01-02'),
    consented(uuid(4), 'CZ', 'ratification', '2002-01-02'),
    consented(uuid(5), 'JP', 'accession', '2007-07-17'),
    withdrawalNotified(uuid(6), 'JP', '2022-03'),
  ];
  const japan = (events: readonly TreatyEvent[], options: { asOf?: string; today?: string }) => {
    const { withdrawalEffectiveOn, withdrawalEffectiveOnComputed, withdrawn, withdrewOn, withdrewOnPrecision } =
      statusOf(events, options).ratification['JP']!;
    return { withdrawalEffectiveOn, withdrawalEffectiveOnComputed, withdrawn, withdrewOn, withdrewOnPrecision };
  };

  it('takes effect on the day every day of the month gives: a year to the first day of the following month', () => {
    const rome = noticeOfMarch({ years: 1, firstDayOfFollowingMonth: true });
    const effect = { withdrawalEffectiveOn: '2023-04-01', withdrawalEffectiveOnComputed: true };
    expect(japan(rome, { today: '2026-01-01' })).toEqual({
      ...effect,
      withdrawn: true,
      withdrewOn: '2023-04-01',
      withdrewOnPrecision: 'day',
    });
    expect(japan(rome, { asOf: '2023-03-31' })).toMatchObject({ ...effect, withdrawn: false });
    expect(japan(rome, { asOf: '2023-04-01' })).toMatchObject({ ...effect, withdrawn: true });
  });

  it('takes effect in the month every day of it gives, and has once that whole month has come', () => {
    const yearly = noticeOfMarch({ years: 1 });
    const effect = { withdrawalEffectiveOn: '2023-03', withdrawalEffectiveOnComputed: true };
    expect(japan(yearly, { asOf: '2023-03-30' })).toMatchObject({ ...effect, withdrawn: false });
    const gone = { ...effect, withdrawn: true, withdrewOn: '2023-03', withdrewOnPrecision: 'month' };
    expect(japan(yearly, { asOf: '2023-03-31' })).toEqual(gone);
    expect(japan(yearly, { today: '2026-01-01' })).toEqual(gone);
  });

  it('under a notice period in days, has taken effect once its latest possible day has come, not the year out', () => {
    // 180 days from some day of March 2022: between 2022-08-28 and 2022-09-27; the two share only the year.
    const days180 = [...noticeOfMarch({ years: 1 })];
    days180[0] = registeredMultilateral({ withdrawalNoticeDays: 180 });
    expect(japan(days180, { asOf: '2022-09-26' })).toMatchObject({ withdrawn: false });
    const gone = { withdrawalEffectiveOn: '2022', withdrawalEffectiveOnComputed: true, withdrawn: true };
    expect(japan(days180, { asOf: '2022-09-27' })).toMatchObject(gone);
    expect(japan(days180, { asOf: '2022-10-15' })).toMatchObject(gone);
    // The listing's stored status is due for a change on that day, not at the end of the year.
    expect(statusOf(days180, { today: '2022-09-01' }).nextChangeOn).toBe('2022-09-27');
  });

  it('shows the days the effect may fall on where they are more than one, and none known to the day', () => {
    const between = (events: readonly TreatyEvent[]) =>
      statusOf(events, { today: '2026-01-01' }).ratification['JP']!.withdrawalEffectiveBetween;
    const days180 = [...noticeOfMarch({ years: 1 })];
    days180[0] = registeredMultilateral({ withdrawalNoticeDays: 180 });
    expect(between(days180)).toEqual({ earliest: '2022-08-28', latest: '2022-09-27' });
    expect(between(noticeOfMarch({ years: 1 }))).toEqual({ earliest: '2023-03-01', latest: '2023-03-31' });
    expect(between(noticeOfMarch({ years: 1, firstDayOfFollowingMonth: true }))).toBeNull();
  });
});

describe('a notice known only to a month whose possible effects fall in two years (decision 0115)', () => {
  // 180 days from some day of July 2022: between 2022-12-28 and 2023-01-27, which share no month and no year.
  const july = [...japanAcceded2007, withdrawalNotified(uuid(6), 'JP', '2022-07')];
  const japan = (options: { asOf?: string; today?: string }) => {
    const { withdrawalEffectiveOn, withdrawalEffectiveOnComputed, withdrawalEffectiveBetween, withdrawn, withdrewOn } =
      statusOf(july, options).ratification['JP']!;
    return { withdrawalEffectiveOn, withdrawalEffectiveOnComputed, withdrawalEffectiveBetween, withdrawn, withdrewOn };
  };
  const effect = {
    withdrawalEffectiveOn: null,
    withdrawalEffectiveOnComputed: false,
    withdrawalEffectiveBetween: { earliest: '2022-12-28', latest: '2023-01-27' },
  };

  it('shows no period, but the days it may fall on', () => {
    expect(japan({ asOf: '2022-09-15' })).toEqual({ ...effect, withdrawn: false, withdrewOn: null });
  });

  it('has taken effect once the last of those days has come, years after as well', () => {
    expect(japan({ asOf: '2023-01-26' })).toEqual({ ...effect, withdrawn: false, withdrewOn: null });
    expect(japan({ asOf: '2023-01-27' })).toEqual({ ...effect, withdrawn: true, withdrewOn: null });
    expect(japan({ today: '2026-01-01' })).toEqual({ ...effect, withdrawn: true, withdrewOn: null });
    // The listing's stored status is due for a change on that day.
    expect(statusOf(july, { today: '2023-01-01' }).nextChangeOn).toBe('2023-01-27');
  });

  it('counts against a reported termination only if the last of those days came before it', () => {
    const endedOn = (on: string) =>
      statusOf([...july, happened('TreatyTerminated', uuid(8), on)], { today: '2026-01-01' }).ratification['JP']!;
    expect(endedOn('2023-03-01')).toMatchObject({ ...effect, withdrawn: true });
    // Ended on a day the notice may not yet have taken effect by: the party stayed bound until the end.
    expect(endedOn('2023-01-10')).toMatchObject({ withdrawalEffectiveBetween: null, withdrawn: false });
  });

  it('leaves the party bound by a consent given after the last of those days', () => {
    const rejoined = [...july, consented(uuid(7), 'JP', 'accession', '2024-02-01')];
    expect(statusOf(rejoined, { today: '2026-01-01' }).ratification['JP']).toMatchObject({
      withdrawalEffectiveBetween: effect.withdrawalEffectiveBetween,
      withdrawn: false,
      inForceOn: '2024-03-02',
    });
  });

  it('gives way to a report that the party left on a day outside those days, listed as a disagreement', () => {
    const reported = [...july, withdrew(uuid(9), 'JP', '2023-06-01')];
    // Before the report's day the party had not left, as the record says.
    const before = statusOf(reported, { asOf: '2023-03-01' });
    expect(before.ratification['JP']).toMatchObject({ withdrawn: false, withdrewOn: null });
    expect(before.disagreements.map(({ type }) => type)).toContain('withdrawn');
    const present = statusOf(reported, { today: '2026-01-01' });
    expect(present.ratification['JP']).toMatchObject({ withdrawn: true, withdrewOn: '2023-06-01' });
    expect(present.disagreements.map(({ type }) => type)).toContain('withdrawn');
    // A report of a day within the range agrees with it.
    const within = statusOf([...july, withdrew(uuid(9), 'JP', '2023-01-05')], { today: '2026-01-01' });
    expect(within.disagreements.map(({ type }) => type)).not.toContain('withdrawn');
  });
});

describe('a bilateral treaty with a notice whose possible effects fall in two years (decision 0115, amended)', () => {
  const bilateral = [
    registered({ kind: 'bilateral', withdrawalNoticeDays: 180 }),
    consented(uuid(2), 'RU', 'ratification', '2021-01-20'),
    consented(uuid(3), 'IR', 'ratification', '2021-02-10'),
    happened('TreatyEnteredIntoForce', uuid(4), '2021-03-01'),
    withdrawalNotified(uuid(5), 'IR', '2022-07'),
  ];

  it('is in force between both parties or not at all: the treaty and its party agree', () => {
    const view = statusOf(bilateral, { today: '2026-01-01' });
    expect(view.ratification['IR']!.withdrawn).toBe(view.status === 'terminated');
  });

  it('takes effect for neither, as no day can be given for the end: the treaty stays in force', () => {
    const view = statusOf(bilateral, { today: '2026-01-01' });
    expect(view).toMatchObject({ status: 'in-force', terminatedOn: null });
    // Nothing says the party left: no effect, no range (nor a calendar event drawn from it).
    expect(view.ratification['IR']).toMatchObject({
      withdrawalNotifiedOn: '2022-07',
      withdrawalEffectiveOn: null,
      withdrawalEffectiveBetween: null,
      withdrawn: false,
      withdrewOn: null,
    });
    // Nothing ahead for the listing's stored status either.
    expect(statusOf(bilateral, { today: '2023-01-01' }).nextChangeOn).toBeNull();
  });

  it('still ends by a notice whose possible days share a year, once the last of them has come', () => {
    const march = [...bilateral.slice(0, -1), withdrawalNotified(uuid(5), 'IR', '2022-03')];
    const view = statusOf(march, { today: '2026-01-01' });
    expect(view).toMatchObject({ status: 'terminated', terminatedOn: '2022' });
    expect(view.ratification['IR']).toMatchObject({ withdrawn: true, withdrewOn: '2022' });
  });
});
