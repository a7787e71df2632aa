import type { JsonView, TreatyStatusQueries } from '@timeline/projections';
import { developmentRecords, summaryOf, type DevelopmentRecord } from '../feeds/development-records';
import { statusesIn } from '../feeds/development-reads.service';
import { expectedDatesOf, expectedEvent } from './expected-dates';
import { developmentEvents } from './icalendar';
import { RecordStamps } from './record-stamp';
import { revokedNotices } from './revoked-notices';

/** When this calendar was made: the DTSTAMP of events that no record dates (RFC 5545, 3.8.7.2). */
const calendarStamp = (): string =>
  new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * One treaty's VEVENTs: each development's, then the dates its record sets ahead (a party's only, when given), which
 * are stamped with the record's last change.
 */
export function treatyCalendarEvents(
  status: JsonView,
  records: readonly DevelopmentRecord[],
  baseUrl: string,
  party?: string,
): string[][] {
  const stamps = new RecordStamps(records);
  const revoked = revokedNotices(records);
  return [
    ...records.flatMap((record) => developmentEvents(record, baseUrl, revoked.get(record.developmentId))),
    ...expectedDatesOf(status, party).map((expected) =>
      expectedEvent(expected, baseUrl, stamps.of(expected.treatyId, calendarStamp)),
    ),
  ];
}

/** The VEVENTs of each of a party's treaties, treaty by treaty in id order: a party's calendar, a group at a time. */
export function* partyCalendarEvents(
  treaties: TreatyStatusQueries,
  party: string,
  baseUrl: string,
): Generator<string[][]> {
  for (const status of statusesIn(treaties, party)) {
    const timeline = treaties.timeline(String(status.id));
    if (timeline) yield treatyCalendarEvents(status, developmentRecords(summaryOf(status), timeline), baseUrl, party);
  }
}
