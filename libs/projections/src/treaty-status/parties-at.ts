import type { Database } from 'better-sqlite3';
import { TreatyHistoryFold, treatyStatusSummaryOf } from '@timeline/treaty';
import { eventsBefore } from './treaty-event-chunks';

/** Past any revision a stream can have (SQLite integers are 64-bit, signed). */
const ALL_REVISIONS = 2n ** 63n - 1n;

/**
 * The parties the treaty's status showed at a log position: folded from its own events up to that position, as the
 * read model holds them (nothing stored is added for it), with the summary's rule, which is the status view's. What
 * a resume or a sync by party asks (decision 0059): did the client, at its position, hold the treaty under the party?
 * Undefined when the treaty was not registered by then. Parties depend on no day and on no other treaty.
 */
export function partiesAt(db: Database, treatyId: string, position: bigint): readonly string[] | undefined {
  const fold = new TreatyHistoryFold();
  for (const envelope of eventsBefore(db, treatyId, ALL_REVISIONS)) {
    if (envelope.position > position) break;
    fold.add(envelope);
  }
  const history = fold.history();
  return history ? treatyStatusSummaryOf(history).parties : undefined;
}
