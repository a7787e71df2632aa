import type { Database } from 'better-sqlite3';
import { mayChangeParties, TreatyHistoryFold, treatyStatusSummaryOf } from '@timeline/treaty';
import { eventsBefore } from './treaty-event-chunks';

/** Past any revision a stream can have (SQLite integers are 64-bit, signed). */
const ALL_REVISIONS = 2n ** 63n - 1n;

/**
 * The states that were parties of the treaty and are not now, each with when the event that last took it out was
 * recorded (a correction that moved a joining to another state, a retraction of it): the last change a party's
 * feed saw of the treaty, whose later events are no longer that party's (decision 0096). Folded from the treaty's
 * events as the read model holds them, with the listing's own rule for parties (as `partiesAt`), after each event
 * that may change them; parties depend on no day and on no other treaty, so the answer is the log's alone.
 */
export function partyDepartures(db: Database, treatyId: string): Map<string, Date> {
  const fold = new TreatyHistoryFold();
  const departed = new Map<string, Date>();
  let parties: readonly string[] = [];
  for (const envelope of eventsBefore(db, treatyId, ALL_REVISIONS)) {
    fold.add(envelope);
    if (!mayChangeParties(envelope.event.type)) continue;
    const history = fold.history();
    const now = history ? treatyStatusSummaryOf(history).parties : [];
    for (const party of parties) if (!now.includes(party)) departed.set(party, envelope.recordedAt);
    for (const party of now) departed.delete(party);
    parties = now;
  }
  return departed;
}
