/**
 * A date known to the day, the month or only the year ("2025-04-08", "2025-04", "2025"). News often gives no more
 * than a month, so the precision is part of the value and every comparison has to respect it.
 */
export type DatePrecision = 'year' | 'month' | 'day';

export type PartialDate =
  | { readonly precision: 'year'; readonly year: number }
  | { readonly precision: 'month'; readonly year: number; readonly month: number }
  | { readonly precision: 'day'; readonly year: number; readonly month: number; readonly day: number };

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns undefined for anything else, including 2025-02-30. */
export function parsePartialDate(text: unknown): PartialDate | undefined {
  if (typeof text !== 'string') return undefined;
  const match = PARTIAL_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1) return undefined;
  if (match[2] === undefined) return { precision: 'year', year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { precision: 'month', year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { precision: 'day', year, month, day };
}

/** Parses a full calendar date (`YYYY-MM-DD`) only. */
export function parseCalendarDate(text: unknown): PartialDate | undefined {
  const date = parsePartialDate(text);
  return date?.precision === 'day' ? date : undefined;
}

export function isPartialDate(text: unknown): text is string {
  return parsePartialDate(text) !== undefined;
}

export function isCalendarDate(text: unknown): text is string {
  return parseCalendarDate(text) !== undefined;
}

export function formatPartialDate(date: PartialDate): string {
  switch (date.precision) {
    case 'year':
      return pad(date.year, 4);
    case 'month':
      return `${pad(date.year, 4)}-${pad(date.month, 2)}`;
    case 'day':
      return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
    default: {
      const unexpected: never = date;
      throw new Error(`Unexpected partial date ${String(unexpected)}`);
    }
  }
}

/** The precision of a valid partial date string. */
export function precisionOf(text: string): DatePrecision {
  return parseOrThrow(text).precision;
}

export function coarserPrecision(a: DatePrecision, b: DatePrecision): DatePrecision {
  return PRECISION_RANK[a] <= PRECISION_RANK[b] ? a : b;
}

/** Positive when `a` is more precise than `b`. */
export function comparePrecision(a: DatePrecision, b: DatePrecision): number {
  return PRECISION_RANK[a] - PRECISION_RANK[b];
}

/** Cuts a date down to a coarser precision ("2025-04-08" at month is "2025-04"); a finer one is not invented. */
export function truncatePartialDate(date: PartialDate, precision: DatePrecision): PartialDate {
  const target = coarserPrecision(date.precision, precision);
  switch (target) {
    case 'year':
      return { precision: 'year', year: date.year };
    case 'month':
      return date.precision === 'year' ? date : { precision: 'month', year: date.year, month: date.month };
    case 'day':
      return date;
    default: {
      const unexpected: never = target;
      throw new Error(`Unexpected precision ${String(unexpected)}`);
    }
  }
}

/**
 * Compares two dates at the coarser of their precisions: "2025-04" and "2025-04-08" compare equal, because nothing
 * known about the first contradicts the second. Returns -1, 0 or 1.
 */
export function comparePartialDates(a: string, b: string): -1 | 0 | 1 {
  const left = parseOrThrow(a);
  const right = parseOrThrow(b);
  const precision = coarserPrecision(left.precision, right.precision);
  const x = formatPartialDate(truncatePartialDate(left, precision));
  const y = formatPartialDate(truncatePartialDate(right, precision));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Two reports agree when they name the same period at the coarser of their precisions. */
export function partialDatesAgree(a: string, b: string): boolean {
  return comparePartialDates(a, b) === 0;
}

/** The first calendar day of the period, as `YYYY-MM-DD`. */
export function startOfPeriod(text: string): string {
  const date = parseOrThrow(text);
  switch (date.precision) {
    case 'year':
      return `${pad(date.year, 4)}-01-01`;
    case 'month':
      return `${pad(date.year, 4)}-${pad(date.month, 2)}-01`;
    case 'day':
      return formatPartialDate(date);
    default: {
      const unexpected: never = date;
      throw new Error(`Unexpected partial date ${String(unexpected)}`);
    }
  }
}

/** The last calendar day of the period, as `YYYY-MM-DD`. */
export function endOfPeriod(text: string): string {
  const date = parseOrThrow(text);
  switch (date.precision) {
    case 'year':
      return `${pad(date.year, 4)}-12-31`;
    case 'month':
      return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(daysInMonth(date.year, date.month), 2)}`;
    case 'day':
      return formatPartialDate(date);
    default: {
      const unexpected: never = date;
      throw new Error(`Unexpected partial date ${String(unexpected)}`);
    }
  }
}

/**
 * The finest period that holds both calendar days (`YYYY-MM-DD`, `a` not after `b`): the day when they are one, else
 * their month, else their year; null when they fall in different years. What a date computed from a partial date is
 * known to: every day between the two ends gives a day inside this period.
 */
export function commonPeriod(a: string, b: string): string | null {
  if (a === b) return a;
  if (a.slice(0, 7) === b.slice(0, 7)) return a.slice(0, 7);
  if (a.slice(0, 4) === b.slice(0, 4)) return a.slice(0, 4);
  return null;
}

/** A period is in the future when it starts after `today` (a `YYYY-MM-DD`): "this month" is not the future. */
export function isInFuture(text: string, today: string): boolean {
  return startOfPeriod(text) > startOfPeriod(today);
}

/** The UTC calendar day of an instant, for callers that hold a clock (the domain never reads one). */
export function utcCalendarDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function parseOrThrow(text: string): PartialDate {
  const date = parsePartialDate(text);
  if (!date) throw new RangeError(`"${text}" is not a partial date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return date;
}

/**
 * A finer report refines a coarser one: `candidate` when it falls inside `current`'s period and is more precise
 * ("2024-06" refines "2024"), `current` otherwise (a date outside the period is a disagreement, not a refinement).
 */
export function refinedDate(current: string, candidate: string): string {
  return partialDatesAgree(current, candidate) && comparePrecision(precisionOf(candidate), precisionOf(current)) > 0
    ? candidate
    : current;
}

/** A calendar date (`YYYY-MM-DD`) plus a number of days, across months and years. */
export function addDays(date: string, days: number): string {
  const parsed = parseCalendarDate(date);
  if (!parsed || parsed.precision !== 'day') throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  const instant = Date.UTC(parsed.year, parsed.month - 1, parsed.day) + days * 86_400_000;
  return new Date(instant).toISOString().slice(0, 10);
}

/**
 * A calendar date (`YYYY-MM-DD`) plus a number of calendar months: the day of the same number in the month reached,
 * or that month's last day when it has no such day (31 January plus one month is 28 or 29 February; 29 February plus
 * twelve months is 28 February). Counted from `date` itself, not month by month: 31 January plus two months is
 * 31 March. This is the corresponding-day rule of the depositaries and of Regulation (EEC, Euratom) No 1182/71, art.
 * 3(2)(c); a year is twelve months, so a year from 4 November 2019 is 4 November 2020, across 29 February.
 */
export function addMonths(date: string, months: number): string {
  const parsed = parseCalendarDate(date);
  if (!parsed || parsed.precision !== 'day') throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  const index = parsed.year * 12 + (parsed.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  if (year < 1 || year > 9999) throw new RangeError(`"${date}" plus ${months} months leaves the calendar`);
  return formatPartialDate({ precision: 'day', year, month, day: Math.min(parsed.day, daysInMonth(year, month)) });
}

/** The first day of the month after the one `date` (`YYYY-MM-DD`) falls in: 2002-06-10 gives 2002-07-01. */
export function firstDayOfFollowingMonth(date: string): string {
  return `${addMonths(date, 1).slice(0, 7)}-01`;
}
