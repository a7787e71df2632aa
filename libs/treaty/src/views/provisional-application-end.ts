import { partyOf } from '../development';
import { comparePartialDates, precisionOf } from '../partial-date';
import type { DevelopmentHistory } from './treaty-history';

/**
 * Provisional application (VCLT art. 25) runs from a state's agreement to apply the treaty until it enters into force
 * for it, or until the state notifies that it will not become a party. An end of it reported while the state was not
 * applying the treaty ended nothing: most likely a misdated report, or a reporter's "no longer applies" for something
 * else (an entry into force, a withdrawal). The record keeps it as reported, the decider accepts it, and the status view
 * flags it (`PROVISIONAL_APPLICATION_END_WITHOUT_START`), as it flags a resumption with nothing suspended (decision
 * 0098).
 *
 * Read generously, so as not to cry wolf: a start of the state's on record not known to come after the end is taken to
 * be the application it ended, unless another end of the state's, known to come before this one and after that start,
 * had ended it already. Dates compare at the coarser precision: an end known only to the year of a start, or a start
 * known only to the year of an end, is not known to come after it. Of two acts of the same day, both known to the
 * day, the one recorded later came later (the views' valid-time order).
 */

/**
 * The ids the end is measured against (the state's latest start known to come before it, and the end that had already
 * closed that one, where the record has them) when it ended no provisional application; null when it ended one.
 */
export function endWithoutProvisionalApplication(
  onRecord: readonly DevelopmentHistory[],
  end: DevelopmentHistory,
): readonly string[] | null {
  const { current } = end;
  if (current.type !== 'provisional-application-ended') return null;
  const ofParty = (type: 'provisional-application-started' | 'provisional-application-ended') =>
    onRecord.filter((report) => report.current.type === type && partyOf(report.current) === current.party);
  const starts = ofParty('provisional-application-started').filter(
    (start) => comparePartialDates(start.current.occurredOn, current.occurredOn) <= 0,
  );
  // Another end of the state's, known to come after `start`, that closed it before this one did.
  const endedBefore = (start: DevelopmentHistory) =>
    ofParty('provisional-application-ended').find(
      (other) =>
        other !== end &&
        knownAfter(other, start) &&
        comparePartialDates(other.current.occurredOn, current.occurredOn) < 0,
    );
  if (starts.some((start) => endedBefore(start) === undefined)) return null;
  const latest = starts.at(-1);
  const ended = latest === undefined ? undefined : endedBefore(latest);
  return [latest, ended].flatMap((report) => (report === undefined ? [] : [report.developmentId]));
}

/** Whether `later` is known to come after `earlier`: a later date, or the same day recorded after it. */
function knownAfter(later: DevelopmentHistory, earlier: DevelopmentHistory): boolean {
  const order = comparePartialDates(later.current.occurredOn, earlier.current.occurredOn);
  if (order !== 0) return order > 0;
  const toTheDay = [later, earlier].every((report) => precisionOf(report.current.occurredOn) === 'day');
  return toTheDay && later.revision > earlier.revision;
}
