import type { JsonView } from '@timeline/projections';
import { allDaySpan, text } from './icalendar';

/** A date the service computed from a treaty's clause, not one a source reported. */
export interface ExpectedDate {
  readonly treatyId: string;
  readonly treatyTitle: string;
  /** The party it is computed for; absent for the treaty-wide entry into force. */
  readonly party?: string;
  readonly on: string;
}

type PartyEntry = { inForceOn?: unknown; inForceOnComputed?: unknown };

/**
 * The computed entry-into-force dates in a status view: treaty-wide, and per party (`only` keeps one party's),
 * while no report has confirmed them.
 */
export function expectedDatesOf(status: JsonView, only?: string): ExpectedDate[] {
  const treatyId = String(status.id);
  const treatyTitle = String(status.title);
  const dates: ExpectedDate[] = [];
  if (
    only === undefined &&
    status.enteredIntoForceOnComputed === true &&
    typeof status.enteredIntoForceOn === 'string'
  ) {
    dates.push({ treatyId, treatyTitle, on: status.enteredIntoForceOn });
  }
  const parties = (status.ratification ?? {}) as Record<string, PartyEntry>;
  for (const [party, entry] of Object.entries(parties)) {
    if (only !== undefined && party !== only) continue;
    if (entry.inForceOnComputed === true && typeof entry.inForceOn === 'string') {
      dates.push({ treatyId, treatyTitle, party, on: entry.inForceOn });
    }
  }
  return dates;
}

/**
 * A computed date as a tentative all-day event: calendars show it as expected, and its UID stays the same while the
 * computation moves, so that a changed deposit date moves the event instead of adding one.
 */
export function expectedEvent(expected: ExpectedDate, baseUrl: string, stamp: string): string[] {
  const { start, end } = allDaySpan(expected.on);
  const who = expected.party ? ` for ${expected.party}` : '';
  const uid = `${expected.treatyId}.entry-into-force${expected.party ? `.${expected.party}` : ''}@treaty-timeline`;
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    `SUMMARY:${text(`Expected entry into force${who}: ${expected.treatyTitle}`)}`,
    `DESCRIPTION:${text("Computed from the treaty's entry-into-force clause and the instruments on record; no source has reported it yet.")}`,
    `URL;VALUE=URI:${baseUrl}/treaties/${encodeURIComponent(expected.treatyId)}`,
    'CATEGORIES:entered-into-force',
    'STATUS:TENTATIVE',
    'TRANSP:TRANSPARENT',
    'X-TREATY-TIMELINE-COMPUTED:TRUE',
    'END:VEVENT',
  ];
}
