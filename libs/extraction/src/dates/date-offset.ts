import { precisionOf, type DatePrecision } from '@timeline/treaty';
import { addDays, isoMonth } from './calendar';

/** How far a phrase puts an event from the one it counts from: "two days later" is +2 days, "a month earlier" -1. */
export interface DateOffset {
  readonly amount: number;
  readonly unit: 'day' | 'week' | 'month' | 'year';
}

/** What a unit needs of the date it counts from: days need a day, months a month at least, years a year. */
const NEEDS: Record<DateOffset['unit'], readonly DatePrecision[]> = {
  day: ['day'],
  week: ['day'],
  month: ['day', 'month'],
  year: ['day', 'month', 'year'],
};

/**
 * The date `offset` away from `from` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), as precise as the words are: days and weeks
 * from a day give a day; "a month later" gives a month and "a year later" a year, whatever the day counted from,
 * since neither says which day. Undefined when the date counted from is too coarse ("the next day" after "in
 * March"): no day can then be proposed.
 */
export function shiftedDate(
  from: string,
  offset: DateOffset,
): { occurredOn: string; precision: DatePrecision } | undefined {
  const precision = precisionOf(from);
  if (!NEEDS[offset.unit].includes(precision)) return undefined;
  switch (offset.unit) {
    case 'day':
    case 'week':
      return { occurredOn: addDays(from, offset.amount * (offset.unit === 'week' ? 7 : 1)), precision: 'day' };
    case 'month': {
      const [year, month] = from.split('-').map(Number) as [number, number];
      const months = year * 12 + (month - 1) + offset.amount;
      return { occurredOn: isoMonth(Math.floor(months / 12), (months % 12) + 1), precision: 'month' };
    }
    case 'year':
      return { occurredOn: String(Number(from.slice(0, 4)) + offset.amount).padStart(4, '0'), precision: 'year' };
  }
}
