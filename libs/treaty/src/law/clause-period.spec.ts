import { describe, expect, it } from '@jest/globals';
import { addMonths, firstDayOfFollowingMonth } from '../partial-date';
import {
  determinedPeriodEnd,
  determinedPeriodEndRange,
  entryIntoForcePeriod,
  periodEnd,
  withdrawalNoticePeriod,
  type ClausePeriod,
} from './clause-period';

const days = (length: number, firstDay = false): ClausePeriod => ({
  length,
  unit: 'days',
  firstDayOfFollowingMonth: firstDay,
});
const months = (length: number, firstDay = false): ClausePeriod => ({
  length,
  unit: 'months',
  firstDayOfFollowingMonth: firstDay,
});
const years = (length: number, firstDay = false): ClausePeriod => ({
  length,
  unit: 'years',
  firstDayOfFollowingMonth: firstDay,
});

describe('addMonths: the corresponding day, or the last day of a month that has none', () => {
  it.each([
    ['2025-01-15', 1, '2025-02-15'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-31', 1, '2025-04-30'],
    // Counted from the day itself, not month by month through a shorter one.
    ['2025-01-31', 2, '2025-03-31'],
    ['2025-04-30', 1, '2025-05-30'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-03-15', -3, '2024-12-15'],
    ['2025-05-31', 0, '2025-05-31'],
  ])('%s plus %i months is %s', (from, count, expected) => {
    expect(addMonths(from, count)).toBe(expected);
  });

  it('refuses a date that is not a calendar day', () => {
    expect(() => addMonths('2025-02', 1)).toThrow(RangeError);
    expect(() => addMonths('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('firstDayOfFollowingMonth', () => {
  it.each([
    ['2002-06-10', '2002-07-01'],
    ['2020-06-01', '2020-07-01'],
    ['2020-06-30', '2020-07-01'],
    ['2020-12-31', '2021-01-01'],
  ])('after %s is %s', (from, expected) => {
    expect(firstDayOfFollowingMonth(from)).toBe(expected);
  });
});

describe('periodEnd', () => {
  it('a year is a calendar year across a leap day: the Paris Agreement notice of 2019-11-04 takes effect 2020-11-04', () => {
    expect(periodEnd('2019-11-04', years(1))).toBe('2020-11-04');
    expect(periodEnd('2019-11-04', months(12))).toBe('2020-11-04');
    // 365 days, as such a notice had to be registered before, falls a day short across 29 February 2020.
    expect(periodEnd('2019-11-04', days(365))).toBe('2020-11-03');
  });

  it('a year from 29 February ends on 28 February, and four years from it on 29 February', () => {
    expect(periodEnd('2020-02-29', years(1))).toBe('2021-02-28');
    expect(periodEnd('2020-02-29', years(4))).toBe('2024-02-29');
  });

  it('days are added one by one: the thirtieth day following the deposit is the deposit plus 30', () => {
    expect(periodEnd('2025-05-20', days(30))).toBe('2025-06-19');
    expect(periodEnd('2024-02-28', days(1))).toBe('2024-02-29');
    expect(periodEnd('2025-02-28', days(1))).toBe('2025-03-01');
  });

  it('the Council of Europe: three months after a deposit of 2020-03-15, then the first of the month: 2020-07-01', () => {
    expect(periodEnd('2020-03-15', months(3, true))).toBe('2020-07-01');
    // A deposit on the first of a month still waits for the month after the period ends.
    expect(periodEnd('2020-03-01', months(3, true))).toBe('2020-07-01');
    // At the end of a month, the period ends on the last day of a shorter month, and the following month is the next.
    expect(periodEnd('2019-11-30', months(3, true))).toBe('2020-03-01');
    // Istanbul Convention (CETS 210): the tenth ratification on 2014-04-22, in force on 2014-08-01.
    expect(periodEnd('2014-04-22', months(3, true))).toBe('2014-08-01');
  });

  it('the Rome Statute: the 60th instrument on 2002-04-11, 60 days to 2002-06-10, in force on 2002-07-01', () => {
    expect(periodEnd('2002-04-11', days(60, true))).toBe('2002-07-01');
    expect(periodEnd('2002-04-11', days(60))).toBe('2002-06-10');
  });

  it('a period of no days to the first of the following month: in force the first day of the month after deposit', () => {
    expect(periodEnd('2025-01-31', days(0, true))).toBe('2025-02-01');
  });
});

describe('determinedPeriodEnd: counted from a date known only to the month or year (decision 0105)', () => {
  it('is the day itself when every day of the period gives it: the Rome Statute, a notice of March 2022', () => {
    expect(determinedPeriodEnd('2022-03', years(1, true))).toBe('2023-04-01');
    expect(determinedPeriodEnd('2022-12', months(1, true))).toBe('2023-02-01');
  });

  it('is the month, or the year, that every day of the period gives, at the precision that is certain', () => {
    expect(determinedPeriodEnd('2022-03', years(1))).toBe('2023-03');
    expect(determinedPeriodEnd('2022-03', days(30))).toBe('2022');
    expect(determinedPeriodEnd('2022', years(1))).toBe('2023');
  });

  it('is nothing when the days of the period give ends in different years: no guess', () => {
    expect(determinedPeriodEnd('2022', years(1, true))).toBeNull();
    expect(determinedPeriodEnd('2022-12', days(30))).toBeNull();
  });

  it('is the period end of a day known to the day', () => {
    expect(determinedPeriodEnd('2019-11-04', years(1))).toBe('2020-11-04');
  });
});

describe('determinedPeriodEndRange: every day a coarse date gives, from the earliest to the latest (decision 0105)', () => {
  it('keeps both ends where they do not share a month: 180 days from March 2022 end from 2022-08-28 to 2022-09-27', () => {
    expect(determinedPeriodEndRange('2022-03', days(180))).toEqual({ earliest: '2022-08-28', latest: '2022-09-27' });
  });

  it('keeps both ends where they span years, which the common period cannot say: December 2022', () => {
    expect(determinedPeriodEndRange('2022-12', days(180))).toEqual({ earliest: '2023-05-30', latest: '2023-06-29' });
  });

  it('is one day at both ends for a date known to the day, or where every day of the month gives the same end', () => {
    expect(determinedPeriodEndRange('2019-11-04', years(1))).toEqual({ earliest: '2020-11-04', latest: '2020-11-04' });
    expect(determinedPeriodEndRange('2022-03', years(1, true))).toEqual({
      earliest: '2023-04-01',
      latest: '2023-04-01',
    });
  });
});

describe('the periods the registration writes', () => {
  it('an entry-into-force clause of days alone, as every clause before months and years, counts those days', () => {
    expect(entryIntoForcePeriod({ instrumentsRequired: 3, daysAfter: 30 })).toEqual(days(30));
  });

  it('a clause in months or years, perhaps to the first day of the following month', () => {
    expect(entryIntoForcePeriod({ instrumentsRequired: 5, monthsAfter: 3, firstDayOfFollowingMonth: true })).toEqual(
      months(3, true),
    );
    expect(entryIntoForcePeriod({ instrumentsRequired: 2, yearsAfter: 1 })).toEqual(years(1));
    expect(entryIntoForcePeriod({ instrumentsRequired: 60, daysAfter: 60, firstDayOfFollowingMonth: true })).toEqual(
      days(60, true),
    );
  });

  it('the notice of withdrawal: withdrawalNoticeDays as before, or withdrawalNotice, or none', () => {
    expect(withdrawalNoticePeriod({ withdrawalNoticeDays: 365 })).toEqual(days(365));
    expect(withdrawalNoticePeriod({ withdrawalNotice: { years: 1 } })).toEqual(years(1));
    expect(withdrawalNoticePeriod({ withdrawalNotice: { months: 6, firstDayOfFollowingMonth: true } })).toEqual(
      months(6, true),
    );
    expect(withdrawalNoticePeriod({ withdrawalNotice: { days: 90, firstDayOfFollowingMonth: true } })).toEqual(
      days(90, true),
    );
    expect(withdrawalNoticePeriod({})).toBeUndefined();
  });
});
