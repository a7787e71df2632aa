import { precisionOf } from '@timeline/treaty';
import { citeSource, describeDevelopment, detailLines, type DevelopmentRecord } from '../feeds/development-records';

export const PRODID = '-//Treaty Timeline//Treaty Timeline//EN';

/**
 * The all-day span of a date as precise as its source: a day, a whole month (`2025-04` → 1 to 30 April), or a
 * whole year. `DTEND` is exclusive, as RFC 5545 says for `VALUE=DATE`.
 */
export function allDaySpan(occurredOn: string): { start: string; end: string } {
  const [year, month, day] = occurredOn.split('-').map(Number) as [number, number?, number?];
  const start = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const end =
    day !== undefined
      ? new Date(Date.UTC(year, month! - 1, day + 1))
      : month !== undefined
        ? new Date(Date.UTC(year, month, 1))
        : new Date(Date.UTC(year + 1, 0, 1));
  return { start: basicDate(start), end: basicDate(end) };
}

const basicDate = (date: Date): string => date.toISOString().slice(0, 10).replace(/-/g, '');
export const basicDateTime = (iso: string): string =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * A development's VEVENTs: one on its date; and, for a notified withdrawal whose notification gives the day it takes
 * effect, one on that day too, as reported (a computed one is the tentative `expectedEvent`). A retracted
 * development's are kept, cancelled, so that calendars that imported them drop them; so is the day of effect of a
 * notice revoked before it (`revokedOn`, VCLT art. 68): that day never came.
 */
export function developmentEvents(record: DevelopmentRecord, baseUrl: string, revokedOn?: string): string[][] {
  const events = [developmentEvent(record, baseUrl)];
  if (record.type === 'withdrawal-notified' && record.effectiveOn !== undefined) {
    const what = `Withdrawal takes effect${record.party ? ` (${record.party})` : ''}: ${record.treatyTitle}`;
    events.push(
      developmentEvent(record, baseUrl, {
        uid: `${record.developmentId}.effect`,
        on: record.effectiveOn,
        what,
        category: 'withdrawn',
        dateLabel: 'Notified on',
        ...(revokedOn === undefined ? {} : { revokedOn }),
      }),
    );
  }
  return events;
}

/** What an event of a development is: its UID, its day, its summary and category, and what its date is called. */
interface Occurrence {
  readonly uid: string;
  readonly on: string;
  readonly what: string;
  readonly category: string;
  readonly dateLabel: string;
  /** The notice whose effect this is was revoked on this day: the event is cancelled. */
  readonly revokedOn?: string;
}

/** An event of a development: by default the development itself, on its date, as `describeDevelopment` names it. */
function developmentEvent(
  record: DevelopmentRecord,
  baseUrl: string,
  occurrence: Occurrence = {
    uid: record.developmentId,
    on: record.occurredOn,
    what: `${describeDevelopment(record)}: ${record.treatyTitle}`,
    category: record.type,
    dateLabel: 'Date',
  },
): string[] {
  const { start, end } = allDaySpan(occurrence.on);
  const precision = precisionOf(occurrence.on);
  const { what } = occurrence;
  const description = [
    `${occurrence.dateLabel}: ${record.occurredOn}${record.precision === 'day' ? '' : ` (known only to the ${record.precision})`}`,
    ...detailLines(record),
    ...record.sources.map((source) => `Source: ${citeSource(source)}`),
    ...record.corrections.map((correction) => `Corrected: ${correction.reason}`),
    ...(record.retraction ? [`Retracted: ${record.retraction.reason}`] : []),
    ...(occurrence.revokedOn ? [`Notice revoked on: ${occurrence.revokedOn}`] : []),
  ].join('\n');
  const cancelled = record.retraction !== null || occurrence.revokedOn !== undefined;
  return [
    'BEGIN:VEVENT',
    `UID:${occurrence.uid}@treaty-timeline`,
    `DTSTAMP:${basicDateTime(record.updatedAt)}`,
    `CREATED:${basicDateTime(record.recordedAt)}`,
    `LAST-MODIFIED:${basicDateTime(record.updatedAt)}`,
    `SEQUENCE:${record.corrections.length + (record.retraction ? 1 : 0) + (occurrence.revokedOn ? 1 : 0)}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    `SUMMARY:${text(precision === 'day' ? what : `${what} (${precision})`)}`,
    `DESCRIPTION:${text(description)}`,
    `URL;VALUE=URI:${baseUrl}/treaties/${encodeURIComponent(record.treatyId)}/developments/${record.developmentId}`,
    `CATEGORIES:${text(occurrence.category)}`,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:TRANSPARENT',
    `X-TREATY-TIMELINE-PRECISION:${precision}`,
    'END:VEVENT',
  ];
}

export function renderCalendar(name: string, events: Iterable<string[]>): string {
  return [...calendarText(name, [events])].join('');
}

/**
 * A calendar's text a piece at a time, for one written as it is made: its head, then each group of events (a
 * treaty's), then its end. Lines folded, each ended by CRLF.
 */
export function* calendarText(name: string, eventGroups: Iterable<Iterable<string[]>>): Generator<string> {
  const head = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(name)}`,
  ];
  yield contentLines(head);
  let empty = true;
  for (const events of eventGroups) {
    const lines: string[] = [];
    for (const event of events) lines.push(...event);
    if (lines.length === 0) continue;
    empty = false;
    yield contentLines(lines);
  }
  if (empty) yield contentLines(NO_EVENTS);
  yield contentLines(['END:VCALENDAR']);
}

/**
 * The one component of a calendar with no event (a treaty with no development yet, a party in no treaty): RFC 5545
 * (3.6) wants at least one (`icalbody = calprops component`, `component = 1*(...)`), so a VCALENDAR without is
 * invalid, however lenient most parsers are with it. An experimental component (`x-comp`) is valid there, and the
 * RFC says applications MUST ignore one they do not know: ical.js keeps it as a component of its own, node-ical as
 * an entry whose `type` is not VEVENT, libical (Thunderbird, Evolution) as an X component, and none shows it. A
 * placeholder VEVENT would show an event that never happened; a VTIMEZONE would declare a zone no all-day event uses.
 */
export const NO_EVENTS = [
  'BEGIN:X-TREATY-TIMELINE-NO-EVENTS',
  'DESCRIPTION:Nothing on record here has a date yet',
  'END:X-TREATY-TIMELINE-NO-EVENTS',
];

const contentLines = (lines: readonly string[]): string => lines.map(fold).join('\r\n') + '\r\n';

/** Control characters a TEXT value cannot hold (RFC 5545 3.3.11: TSAFE-CHAR allows only the tab among them). */
// eslint-disable-next-line no-control-regex -- removing what iCalendar cannot carry is the point
const NOT_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * TEXT escaping (RFC 5545 3.3.11). Every line break, a carriage return alone included (the API keeps a quote's line
 * breaks as pasted), becomes `\n`: a bare CR left in a value ends the content line for many calendar clients, which
 * then read the rest of the quote as a property of its own, or drop the event.
 */
export function text(value: string): string {
  return value
    .replace(NOT_IN_TEXT, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Lines longer than 75 octets are folded (3.1), never inside a UTF-8 sequence. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character);
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
