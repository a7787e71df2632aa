import type { DevelopmentRecord } from '../feeds/development-records';
import { basicDateTime } from './icalendar';

/**
 * The DTSTAMP of the events computed from each treaty's record (an entry into force by the clause, a withdrawal's
 * effect, a bilateral treaty's end): when that record last changed, as a development's own event is stamped with
 * its last change. What they show follows from the record alone, so the calendar's bytes, and its ETag, then change
 * only when the record does. Stamped with the moment of the request, a calendar holding one changed every second:
 * no `If-None-Match` ever matched, and a client polling it downloaded it whole each time.
 */
export class RecordStamps {
  private readonly lastChange = new Map<string, string>();

  constructor(records: Iterable<DevelopmentRecord>) {
    for (const record of records) {
      const seen = this.lastChange.get(record.treatyId);
      if (seen === undefined || Date.parse(record.updatedAt) > Date.parse(seen)) {
        this.lastChange.set(record.treatyId, record.updatedAt);
      }
    }
  }

  /** The treaty's record's last change as an iCalendar DATE-TIME, or `fallback` for a treaty with no development. */
  of(treatyId: string, fallback: () => string): string {
    const last = this.lastChange.get(treatyId);
    return last === undefined ? fallback() : basicDateTime(last);
  }
}
