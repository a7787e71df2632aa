import type { Database } from 'better-sqlite3';
import { statementsPerDatabase } from '../statements-per-database';

/**
 * The treaties whose stream the store's operator deleted for good, where the log says so and when it was recorded:
 * their reads answer that they are gone (410), not that they never were (404), and the feeds they left are dated no
 * earlier than their deletion (decisions 0096, 0108). `treaty_deletion_parties`: the parties the treaty had then,
 * whose feeds it left. Only grows; a deleted stream is never written again.
 */
export const TREATY_DELETIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS treaty_deletions (
    treaty_id   TEXT    PRIMARY KEY,
    position    INTEGER NOT NULL,
    recorded_at TEXT    NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS treaty_deletions_by_position ON treaty_deletions (position, treaty_id);
  CREATE TABLE IF NOT EXISTS treaty_deletion_parties (
    party     TEXT NOT NULL,
    treaty_id TEXT NOT NULL,
    PRIMARY KEY (party, treaty_id)
  ) WITHOUT ROWID;
`;

/**
 * Gives `treaty_deletions` its `recorded_at` in a file an earlier build of version 20 made without it (decision 0108):
 * the statements below would not prepare there, and every read that asks whether a treaty was deleted would fail.
 * Deletions recorded before have no time (NULL) and date no feed; a rebuild gives them theirs.
 */
export function addDeletionTimes(db: Database): void {
  const columns = db.prepare("SELECT name FROM pragma_table_info('treaty_deletions')").pluck().all() as string[];
  if (!columns.includes('recorded_at')) db.exec('ALTER TABLE treaty_deletions ADD COLUMN recorded_at TEXT');
}

/**
 * Each query prepared on its own, so that a reader of a file an earlier build of version 20 left (a dry run's
 * read-only comparison, which sets nothing up) prepares only what it reads: the position of a deletion needs neither
 * `recorded_at` nor `treaty_deletion_parties`.
 */
const writes = statementsPerDatabase((db: Database) => ({
  // The first deletion stands: a log holds one tombstone per stream, but a replayed one must not move it.
  insert: db.prepare('INSERT OR IGNORE INTO treaty_deletions (treaty_id, position, recorded_at) VALUES (?, ?, ?)'),
  insertParty: db.prepare('INSERT OR IGNORE INTO treaty_deletion_parties (party, treaty_id) VALUES (?, ?)'),
}));
const positionOf = statementsPerDatabase((db: Database) =>
  db.prepare('SELECT position FROM treaty_deletions WHERE treaty_id = ?').pluck().safeIntegers(true),
);
const deletedBetween = statementsPerDatabase((db: Database) =>
  db
    .prepare('SELECT treaty_id, position FROM treaty_deletions WHERE position > ? AND position <= ? ORDER BY position')
    .raw()
    .safeIntegers(true),
);
const lastRecorded = statementsPerDatabase((db: Database) => ({
  // ISO 8601 instants of one format compare as text.
  ofAny: db.prepare('SELECT max(recorded_at) FROM treaty_deletions').pluck(),
  ofParty: db
    .prepare(
      `SELECT max(treaty_deletions.recorded_at) FROM treaty_deletion_parties
         JOIN treaty_deletions ON treaty_deletions.treaty_id = treaty_deletion_parties.treaty_id
        WHERE treaty_deletion_parties.party = ?`,
    )
    .pluck(),
}));

/**
 * The treaty's deletion at `position`, recorded at `recordedAt`, while `parties` were its parties (whose feeds held
 * it). Only the first deletion of a treaty is kept.
 */
export function recordTreatyDeletion(
  db: Database,
  treatyId: string,
  deletion: { readonly position: bigint; readonly recordedAt: Date; readonly parties: readonly string[] },
): void {
  const { insert, insertParty } = writes(db);
  if (insert.run(treatyId, deletion.position, deletion.recordedAt.toISOString()).changes === 0) return;
  for (const party of deletion.parties) insertParty.run(party, treatyId);
}

/** The treaties deleted after `position`, up to `upTo` (included) when given, with where each was. */
export function treatyDeletionsAfter(db: Database, position: bigint, upTo?: bigint): Map<string, bigint> {
  const rows = deletedBetween(db).all(position, upTo ?? MAX_POSITION) as [string, bigint][];
  return new Map(rows);
}

/** Past any position a log can have (SQLite integers are 64-bit, signed). */
const MAX_POSITION = 2n ** 63n - 1n;

/** Where the log records the treaty's deletion, or undefined when it was not deleted. */
export function treatyDeletedAt(db: Database, treatyId: string): bigint | undefined {
  return positionOf(db).get(treatyId) as bigint | undefined;
}

/**
 * When the last deletion of a treaty was recorded: of any treaty, or of one that `party` was a party of when it was
 * deleted (a treaty of its feed); undefined when there was none.
 */
export function lastTreatyDeletion(db: Database, party?: string): Date | undefined {
  const { ofAny, ofParty } = lastRecorded(db);
  const at = (party === undefined ? ofAny.get() : ofParty.get(party)) as string | null;
  return at === null ? undefined : new Date(at);
}
