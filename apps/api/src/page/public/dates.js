// Dates as the API gives them (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), and days as numbers (UTC days since 1970-01-01).

const DAY_MS = 86_400_000;

const formats = {
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  year: new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'UTC' }),
  tick: new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  shortDay: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** The days a partial date covers: one day, a month or a year. */
export function periodOf(occurredOn) {
  const [year, month, day] = occurredOn.split('-').map(Number);
  if (day !== undefined) return { first: utcDay(year, month - 1, day), last: utcDay(year, month - 1, day) };
  if (month !== undefined) return { first: utcDay(year, month - 1, 1), last: utcDay(year, month, 0) };
  return { first: utcDay(year, 0, 1), last: utcDay(year, 11, 31) };
}

export const utcDay = (year, monthIndex, day) => Date.UTC(year, monthIndex, day) / DAY_MS;
export const dayOfIso = (iso) => periodOf(iso).first;
export const isoOfDay = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const today = () => Math.floor(Date.now() / DAY_MS);

/** `17 January 2025`, `April 2025`, `2001`: as precise as the date is, no more. */
export function formatPartial(occurredOn) {
  const precision = occurredOn.length === 10 ? 'day' : occurredOn.length === 7 ? 'month' : 'year';
  return formats[precision].format(new Date(periodOf(occurredOn).first * DAY_MS));
}

/** `17 Jan 2025`, `Apr 2025`, `2001`: for a dense table. */
export function formatCompact(occurredOn) {
  const precision = occurredOn.length === 10 ? 'day' : occurredOn.length === 7 ? 'month' : 'year';
  const format = precision === 'day' ? formats.shortDay : precision === 'month' ? formats.tick : formats.year;
  return format.format(new Date(periodOf(occurredOn).first * DAY_MS));
}

export const formatDay = (day) => formats.day.format(new Date(day * DAY_MS));

/** Month starts between two days, every `months` months (on calendar boundaries: quarters, years, decades). */
export function monthTicks(first, last, months) {
  const start = new Date(first * DAY_MS);
  let index = Math.ceil((start.getUTCFullYear() * 12 + start.getUTCMonth()) / months) * months;
  const ticks = [];
  for (let day = monthStart(index); day <= last; day = monthStart((index += months))) {
    if (day < first) continue;
    const date = new Date(day * DAY_MS);
    ticks.push({ day, label: months >= 12 ? formats.year.format(date) : formats.tick.format(date) });
  }
  return ticks;
}

const monthStart = (index) => utcDay(Math.floor(index / 12), index % 12, 1);
