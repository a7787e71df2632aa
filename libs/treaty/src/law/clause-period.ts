import {
  addDays,
  addMonths,
  commonPeriod,
  endOfPeriod,
  firstDayOfFollowingMonth,
  isCalendarDate,
  startOfPeriod,
} from '../partial-date';
import type { EntryIntoForceClause, WithdrawalNotice } from './treaty-law.vocabulary';

/**
 * The period a treaty's clause counts from a day (a deposit, a notification of withdrawal) to the day something takes
 * effect: `length` days, months or years on the calendar, then, with `firstDayOfFollowingMonth`, the first day of the
 * month after the one the period ends in (decision 0063). The registration writes clauses in their own words
 * (`EntryIntoForceClause`, `withdrawalNoticeDays`, `WithdrawalNotice`); the views count with this.
 */
export type ClausePeriod = {
  readonly length: number;
  readonly unit: 'days' | 'months' | 'years';
  readonly firstDayOfFollowingMonth: boolean;
};

/**
 * The day the period ends, or the first of the following month where the clause says so, counted from `from`
 * (`YYYY-MM-DD`). Days are added one by one ("the thirtieth day following the date of deposit" is the deposit plus
 * 30); months and years by the corresponding-day rule (`addMonths`): one year from 2019-11-04 is 2020-11-04, one
 * month from 31 January the last day of February.
 */
export function periodEnd(from: string, period: ClausePeriod): string {
  const end =
    period.unit === 'days'
      ? addDays(from, period.length)
      : addMonths(from, period.unit === 'years' ? period.length * 12 : period.length);
  return period.firstDayOfFollowingMonth ? firstDayOfFollowingMonth(end) : end;
}

/**
 * The end of the period counted from `from`, a date perhaps known only to the month or year, as far as it is
 * determined: the day when every day `from` may be gives the same end (a year to the first day of the following month
 * from any day of March 2022 is 2023-04-01), else the month or year all those ends fall in (a year from March 2022 is
 * some day of March 2023), at the precision that is certain; null when they span years. Never a guess: a later day
 * gives a later or the same end (`periodEnd` keeps the order), so the ends of the first and last days bound them all.
 */
export function determinedPeriodEnd(from: string, period: ClausePeriod): string | null {
  const { earliest, latest } = determinedPeriodEndRange(from, period);
  return commonPeriod(earliest, latest);
}

/**
 * The earliest and latest ends the days `from` may be give (`YYYY-MM-DD` both; one day for a date known to the day).
 * What decides, where `determinedPeriodEnd` only displays: 180 days from March 2022 end between 2022-08-28 and
 * 2022-09-27, which share only the year, so "2022" says too little to tell whether an act of April came before the
 * end, or whether the end had come by October (decision 0105).
 */
export function determinedPeriodEndRange(
  from: string,
  period: ClausePeriod,
): { readonly earliest: string; readonly latest: string } {
  if (isCalendarDate(from)) {
    const end = periodEnd(from, period);
    return { earliest: end, latest: end };
  }
  return { earliest: periodEnd(startOfPeriod(from), period), latest: periodEnd(endOfPeriod(from), period) };
}

/** The period of an entry-into-force clause: its days, months or years after the deposit (`daysAfter` before 0063). */
export function entryIntoForcePeriod(clause: EntryIntoForceClause): ClausePeriod {
  const firstDayOfFollowingMonth = clause.firstDayOfFollowingMonth === true;
  if (clause.yearsAfter !== undefined) return { length: clause.yearsAfter, unit: 'years', firstDayOfFollowingMonth };
  if (clause.monthsAfter !== undefined) return { length: clause.monthsAfter, unit: 'months', firstDayOfFollowingMonth };
  // The registration requires one of the three; a clause written before months and years had `daysAfter` only.
  return { length: clause.daysAfter ?? 0, unit: 'days', firstDayOfFollowingMonth };
}

/** The registration's notice of withdrawal as a period, or undefined when it states none. */
export function withdrawalNoticePeriod(terms: {
  readonly withdrawalNoticeDays?: number;
  readonly withdrawalNotice?: WithdrawalNotice;
}): ClausePeriod | undefined {
  if (terms.withdrawalNoticeDays !== undefined) {
    return { length: terms.withdrawalNoticeDays, unit: 'days', firstDayOfFollowingMonth: false };
  }
  const notice = terms.withdrawalNotice;
  if (notice === undefined) return undefined;
  const firstDayOfFollowingMonth = notice.firstDayOfFollowingMonth === true;
  if (notice.years !== undefined) return { length: notice.years, unit: 'years', firstDayOfFollowingMonth };
  if (notice.months !== undefined) return { length: notice.months, unit: 'months', firstDayOfFollowingMonth };
  return { length: notice.days ?? 0, unit: 'days', firstDayOfFollowingMonth };
}
