import type { Database } from 'better-sqlite3';
import { statementsPerDatabase } from '../statements-per-database';

/**
 * The treaties whose stream the store's operator deleted for good, and where the log says so: their reads answer
 * that they are gone (410), not that they never were (404). Only grows; a deleted stream is never written again.
 */
export const TREATY_DELETIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS treaty_deletions (
    treaty_id TEXT    PRIMARY KEY,
    position  INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS treaty_deletions_by_position ON treaty_deletions (position, treaty_id);
`;

const statements = statementsPerDatabase((db: Database) => ({
  // The first deletion stands: a log holds one tombstone per stream, but a replayed one must not move it.
  insert: db.prepare('INSERT OR IGNORE INTO treaty_deletions (treaty_id, position) VALUES (?, ?)'),
  position: db.prepare('SELECT position FROM treaty_deletions WHERE treaty_id = ?').pluck().safeIntegers(true),
  after: db
    .prepare('SELECT treaty_id, position FROM treaty_deletions WHERE position > ? AND position <= ? ORDER BY position')
    .raw()
    .safeIntegers(true),
}));

export function recordTreatyDeletion(db: Database, treatyId: string, position: bigint): void {
  statements(db).insert.run(treatyId, position);
}

/** The treaties deleted after `position`, up to `upTo` (included) when given, with where each was. */
export function treatyDeletionsAfter(db: Database, position: bigint, upTo?: bigint): Map<string, bigint> {
  const rows = statements(db).after.all(position, upTo ?? MAX_POSITION) as [string, bigint][];
  return new Map(rows);
}

/** Past any position a log can have (SQLite integers are 64-bit, signed). */
const MAX_POSITION = 2n ** 63n - 1n;

/** Where the log records the treaty's deletion, or undefined when it was not deleted. */
export function treatyDeletedAt(db: Database, treatyId: string): bigint | undefined {
  return statements(db).position.get(treatyId) as bigint | undefined;
}
