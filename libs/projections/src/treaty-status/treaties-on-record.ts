import type { Database } from 'better-sqlite3';
import type { NotOnRecordReason } from '@timeline/treaty';
import { statementsPerDatabase } from '../statements-per-database';
import { treatyDeletedAt } from './treaty-deletions.table';
import { firstRecordedAt } from './treaty-event-chunks';

/**
 * The registry a view asks of the treaties its treaty names (decision 0045): a treaty is on record when the read
 * model holds its status row, which its registration makes; one deleted for good is gone, and says so.
 */
const statements = statementsPerDatabase((db: Database) => ({
  registered: db.prepare('SELECT 1 FROM treaty_status WHERE treaty_id = ?').pluck(),
}));

/**
 * Of `treatyIds`, those the record does not hold, and why: as it stands now, or as it stood at `knownAt` (a treaty
 * whose first event was recorded after it was not registered then).
 */
export function treatiesNotOnRecordAmong(
  db: Database,
  treatyIds: Iterable<string>,
  knownAt?: Date,
): Map<string, NotOnRecordReason> {
  const missing = new Map<string, NotOnRecordReason>();
  for (const treatyId of treatyIds) {
    if (statements(db).registered.get(treatyId) === undefined) {
      missing.set(treatyId, treatyDeletedAt(db, treatyId) === undefined ? 'not-registered' : 'deleted');
    } else if (knownAt !== undefined && (firstRecordedAt(db, treatyId)?.getTime() ?? Infinity) > knownAt.getTime()) {
      missing.set(treatyId, 'not-registered');
    }
  }
  return missing;
}
