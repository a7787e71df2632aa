import type { DatePrecision } from '@timeline/treaty';
import { addDays, isoDay, isoMonth, monthName, previousWeek, weekdayOf } from './calendar';
import type { DateMention } from './date-parser';

/** A development's date as the words give it, with how it was worked out. */
export interface ResolvedDate {
  readonly occurredOn: string;
  readonly precision: DatePrecision;
  readonly period?: { readonly from: string; readonly to: string };
  readonly reasoning: string;
}

/**
 * Turns what chrono read into a date of the precision the words give: a weekday or a day of the month is a day,
 * a month name a month, "last year" or "in 2001" a year. "last week" is a week, not a day (chrono answers one day,
 * marked certain): it is kept as its month with the week as `period`, or as its year when the week straddles two
 * months. A past-tense act cannot lie after the publication: chrono picks the nearest Monday or June, which may be
 * ahead, so such a date moves back a week or a year. Returns undefined for a mention with no calendar part.
 */
export function resolveDate(mention: DateMention, publishedOn: string, past: boolean): ResolvedDate | undefined {
  const start = mention.result.start;
  const said = `"${mention.text}"`;
  const published = `the publication date ${publishedOn} (${weekdayOf(publishedOn)})`;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null) return undefined;

  if (/\bweek\b/i.test(mention.text) && mention.result.tags().has('result/relativeDate')) {
    const week = previousWeek(publishedOn);
    const sameMonth = week.from.slice(0, 7) === week.to.slice(0, 7);
    const occurredOn = sameMonth ? week.from.slice(0, 7) : week.from.slice(0, 4);
    return {
      occurredOn,
      precision: sameMonth ? 'month' : 'year',
      period: week,
      reasoning: `${said} with ${published} → the week ${week.from} to ${week.to}; a week, not a day: kept as ${occurredOn}`,
    };
  }
  if (start.isCertain('weekday') && !start.isCertain('day')) {
    let resolved = isoDay(year, month, day);
    let shift = '';
    if (past && resolved > publishedOn) {
      resolved = addDays(resolved, -7);
      shift = ' (the verb is past, so the one before it)';
    }
    const relation = resolved === publishedOn ? 'the same day' : `${resolved} (${weekdayOf(resolved)})`;
    return {
      occurredOn: resolved,
      precision: 'day',
      reasoning: `${said} with ${published} → ${relation}${shift}`,
    };
  }
  if (start.isCertain('day')) {
    const resolved = isoDay(year, month, day);
    const yearSource = start.isCertain('year') ? '' : ` (the year from ${published})`;
    if (past && resolved > publishedOn && !start.isCertain('year')) {
      const earlier = isoDay(year - 1, month, day);
      return {
        occurredOn: earlier,
        precision: 'day',
        reasoning: `${said} → ${earlier} (the last one before ${published})`,
      };
    }
    return { occurredOn: resolved, precision: 'day', reasoning: `${said} → ${resolved}${yearSource}` };
  }
  if (start.isCertain('month')) {
    let resolvedYear = year;
    let note = start.isCertain('year') ? '' : ` of ${resolvedYear}, the most recent one by ${published}`;
    if (past && isoMonth(year, month) > publishedOn.slice(0, 7)) {
      resolvedYear = year - 1;
      note = ` of ${resolvedYear}: the verb is past and ${monthName(month)} ${year} is after ${published}`;
    }
    const resolved = isoMonth(resolvedYear, month);
    return {
      occurredOn: resolved,
      precision: 'month',
      reasoning: `${said} → ${monthName(month)}${note}; month precision, the words give no day`,
    };
  }
  if (start.isCertain('year')) {
    return {
      occurredOn: String(year).padStart(4, '0'),
      precision: 'year',
      reasoning: `${said} with ${published} → ${year}; year precision, the words give no month`,
    };
  }
  return undefined;
}
