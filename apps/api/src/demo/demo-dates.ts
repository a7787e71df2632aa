/**
 * How the demo data's dates follow from the articles. Each development says which words of its quote date it and
 * by which rule; `resolveDate` recomputes the date from those words and the article's publication date, so that
 * the spec checks every `occurredOn` instead of trusting it. Dates keep the precision the words give: YYYY-MM-DD,
 * YYYY-MM or YYYY.
 */

/** Dates the articles point at without giving them; each is a public fact, and the only ones the demo relies on. */
export const PUBLIC_FACTS = {
  /** US Constitution, 20th Amendment: a presidential term begins at noon on 20 January; Trump's second in 2025. */
  'trump-took-office': '2025-01-20',
} as const;
export type PublicFact = keyof typeof PUBLIC_FACTS;

/** A date the resolution starts from: another entry of the demo data (by its README ref) or a public fact. */
export type Anchor = { readonly ref: string } | { readonly fact: PublicFact };

export type DateEvidence =
  /** The words name the date: "in 2001", "in February 2022", "On January 17", "in April" (year from publication). */
  | { readonly rule: 'stated'; readonly phrase: string }
  /** "on Friday", "voted Tuesday": that weekday, on or before the publication date. */
  | { readonly rule: 'weekday'; readonly phrase: string }
  /** "last year": the year before the publication's. */
  | { readonly rule: 'last-year'; readonly phrase: string }
  /** "last week": the calendar week before; its month when it lies in one month, otherwise its year. */
  | { readonly rule: 'last-week'; readonly phrase: string }
  /** "almost three years ago": between N and N - 1/2 years before publication, at the precision that spans. */
  | { readonly rule: 'almost-years-ago'; readonly phrase: string }
  /** "three days before <fact>": the fact's day minus the days. */
  | { readonly rule: 'days-before'; readonly phrase: string; readonly anchor: Anchor }
  /** The words point at a public fact ("took office"). */
  | { readonly rule: 'public-fact'; readonly phrase: string; readonly fact: PublicFact }
  /** The words tie it to another entry's occasion ("at the time", "after the signing"): that entry's date. */
  | { readonly rule: 'same-as'; readonly phrase: string; readonly ref: string }
  /**
   * No date of its own: after `after` and no later than `before` (default: the publication), at the coarsest
   * precision that holds both ends.
   */
  | { readonly rule: 'between'; readonly after: Anchor; readonly before?: Anchor };

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const DAY_MS = 86_400_000;

/** Resolves the evidence's date; `dateOf` gives another entry's date by ref. Throws when the words do not date it. */
export function resolveDate(evidence: DateEvidence, publishedOn: string, dateOf: (ref: string) => string): string {
  const published = toUtc(publishedOn);
  switch (evidence.rule) {
    case 'stated':
      return stated(evidence.phrase, published);
    case 'weekday': {
      const weekday = findWord(evidence.phrase, WEEKDAYS);
      const back = (published.getUTCDay() - weekday + 7) % 7;
      return day(new Date(published.getTime() - back * DAY_MS));
    }
    case 'last-year':
      requireWords(evidence.phrase, /\blast year\b/i);
      return String(published.getUTCFullYear() - 1);
    case 'last-week': {
      requireWords(evidence.phrase, /\blast week\b/i);
      const monday = published.getTime() - ((published.getUTCDay() + 6) % 7) * DAY_MS - 7 * DAY_MS;
      return spanning(day(new Date(monday)), day(new Date(monday + 6 * DAY_MS)));
    }
    case 'almost-years-ago': {
      const years = findWord(requireWords(evidence.phrase, /\balmost (\w+) years ago\b/i)[1]!, NUMBERS);
      const from = shiftMonths(published, -12 * years);
      const to = shiftMonths(published, -12 * years + 6);
      return spanning(day(from), day(to));
    }
    case 'days-before': {
      const days = findWord(requireWords(evidence.phrase, /\b(\w+) days before\b/i)[1]!, NUMBERS);
      const anchor = anchorDate(evidence.anchor, dateOf);
      return day(new Date(toUtc(anchor).getTime() - days * DAY_MS));
    }
    case 'public-fact':
      return PUBLIC_FACTS[evidence.fact];
    case 'same-as':
      return dateOf(evidence.ref);
    case 'between': {
      const before = evidence.before === undefined ? publishedOn : anchorDate(evidence.before, dateOf);
      return spanning(firstDay(anchorDate(evidence.after, dateOf)), lastDay(before));
    }
    default: {
      const unexpected: never = evidence;
      throw new Error(`Unexpected date evidence ${JSON.stringify(unexpected)}`);
    }
  }
}

/** The finest of YYYY-MM-DD, YYYY-MM and YYYY that holds both days; undefined-free: throws across years. */
export function spanning(from: string, to: string): string {
  if (from > to) throw new Error(`${from} is after ${to}`);
  if (from === to) return from;
  if (from.slice(0, 7) === to.slice(0, 7)) return from.slice(0, 7);
  if (from.slice(0, 4) === to.slice(0, 4)) return from.slice(0, 4);
  throw new Error(`${from} to ${to} spans more than a year: no date`);
}

function stated(phrase: string, published: Date): string {
  const year = /\b(\d{4})\b/.exec(phrase)?.[1];
  const monthMatch = new RegExp(`\\b(${MONTHS.join('|')})\\b(?:\\s+(\\d{1,2})\\b)?`, 'i').exec(phrase);
  if (monthMatch === null) {
    if (year === undefined) throw new Error(`"${phrase}" states no date`);
    return year;
  }
  const month = MONTHS.indexOf(monthMatch[1]!.toLowerCase()) + 1;
  const dayOfMonth = monthMatch[2] === undefined ? undefined : Number(monthMatch[2]);
  // Without a year: the latest such month (or day) no later than the publication.
  let resolvedYear = year === undefined ? published.getUTCFullYear() : Number(year);
  if (year === undefined) {
    const candidate = Date.UTC(resolvedYear, month - 1, dayOfMonth ?? 1);
    if (candidate > published.getTime()) resolvedYear -= 1;
  }
  const yearMonth = `${pad(resolvedYear, 4)}-${pad(month, 2)}`;
  return dayOfMonth === undefined ? yearMonth : `${yearMonth}-${pad(dayOfMonth, 2)}`;
}

function anchorDate(anchor: Anchor, dateOf: (ref: string) => string): string {
  return 'ref' in anchor ? dateOf(anchor.ref) : PUBLIC_FACTS[anchor.fact];
}

function findWord(phrase: string, words: readonly string[]): number {
  const found = words.findIndex((word) => new RegExp(`\\b${word}\\b`, 'i').test(phrase));
  if (found < 0) throw new Error(`"${phrase}" has none of ${words.join(', ')}`);
  return found;
}

function requireWords(phrase: string, pattern: RegExp): RegExpExecArray {
  const match = pattern.exec(phrase);
  if (match === null) throw new Error(`"${phrase}" does not say ${String(pattern)}`);
  return match;
}

/** The first and last day of a partial date's period. */
function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

function lastDay(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [year, month] = date.split('-').map(Number);
    return day(new Date(Date.UTC(year!, month, 0)));
  }
  return date;
}

function shiftMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
}

function toUtc(date: string): Date {
  const [year, month, dayOfMonth] = firstDay(date).split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, dayOfMonth));
}

function day(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
