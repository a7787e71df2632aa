import { createHash } from 'node:crypto';
import type { ViewsMoment } from '../feeds/development-reads.service';

/**
 * Bumped whenever a calendar's events are written differently from the same views (a property added, a summary
 * worded otherwise), so that a client holding a calendar of the previous writing is not told it is current.
 */
export const CALENDAR_FORMAT = 2;

/**
 * A calendar's ETag, known before a byte of it is rendered (decision 0069): weak, since it names what the events say,
 * not their bytes (a DTSTAMP of a treaty with no development is the moment it was made). It moves when a treaty
 * shown changes (its own event or another's that names it), joins or leaves the calendar, with the day, with the
 * projection's and the calendar's rendering, and with `variant`: what else the bytes depend on (the address the
 * links are made of, the calendar's name).
 */
export function calendarEtag(moment: ViewsMoment, variant: string): string {
  const digest = createHash('sha256').update(`${CALENDAR_FORMAT}\n${moment.projectionVersion}\n${moment.today}\n`);
  digest.update(`${variant}\n`);
  for (const [treatyId, viewsPosition] of moment.treaties) digest.update(`${treatyId} ${viewsPosition}\n`);
  return `W/"${moment.treaties.length}-${digest.digest('base64url').slice(0, 22)}"`;
}
