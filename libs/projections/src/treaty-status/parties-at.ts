import type { Database } from 'better-sqlite3';
import { mayChangeParties, TreatyHistoryFold, treatyStatusSummaryOf } from '@timeline/treaty';
import { statementsPerDatabase } from '../statements-per-database';
import { eventTypesAfter, eventsBefore } from './treaty-event-chunks';

/** Past any revision a stream can have (SQLite integers are 64-bit, signed). */
const ALL_REVISIONS = 2n ** 63n - 1n;

const statements = statementsPerDatabase((db: Database) => ({
  partiesNow: db.prepare('SELECT party FROM treaty_parties WHERE treaty_id = ? AND on_record = 1').pluck(),
}));

/**
 * The parties the treaty's status showed at a log position (as a set: in no set order), undefined when the treaty
 * was not registered by then: what a resume or a sync by party asks (decision 0059), did the client, at its position,
 * hold the treaty under the party? Read from the treaty's events as the read model holds them (nothing stored is
 * added for it). When none of its events since can change its parties (the common case: a treaty that left the party
 * long before and changed otherwise since), they are its parties now, and only those events are read; else its events
 * up to the position are folded and summarised with the listing's and the status view's own rule. Parties depend on
 * no day and on no other treaty.
 */
export function partiesAt(db: Database, treatyId: string, position: bigint): readonly string[] | undefined {
  let moved = false;
  for (const type of eventTypesAfter(db, treatyId, position)) {
    if (mayChangeParties(type)) {
      moved = true;
      break;
    }
  }
  if (!moved) {
    const now = statements(db).partiesNow.all(treatyId) as string[];
    if (now.length > 0) return now;
  }
  const fold = new TreatyHistoryFold();
  for (const envelope of eventsBefore(db, treatyId, ALL_REVISIONS)) {
    if (envelope.position > position) break;
    fold.add(envelope);
  }
  const history = fold.history();
  return history ? treatyStatusSummaryOf(history).parties : undefined;
}
