import type { Database } from 'better-sqlite3';
import { statementsPerDatabase } from '../statements-per-database';

/**
 * A rebuild in parts (decision 0027) applies the treaty-status projection to each part of the log (a set of
 * treaties) in a file of its own, then moves every part's rows into one read model. Almost everything the
 * projection writes belongs to one treaty and so to one part: its event chunks, status, parties, deletion, and the
 * links it states to others. Two effects cross parts:
 *
 * - a treaty naming another (a relation, a statement) changes the named treaty's views at the namer's position.
 *   A part records each naming in `part_namings`, and the merge moves the named treaties' `views_position` as the
 *   whole-log projection would have (a row that does not exist when named gets a later position of its own anyway);
 * - a treaty registered or deleted for good changes the views of the treaties that named it (they list the treaties
 *   they name that are not on record, decision 0045) at the registration's or deletion's position. A part records
 *   its registrations in `part_registrations`; the merge moves the `views_position` of every linker of a treaty
 *   registered or deleted to that position (a linker that named it after that has a later position of its own);
 * - a treaty deleted for good takes no links from anyone (see `indexOutgoingLinks`); a part does not know what the
 *   other parts delete, so the merge drops the links and linkers that name a deleted treaty.
 */
export const PART_NAMINGS_TABLE = `
  CREATE TABLE IF NOT EXISTS part_namings (
    target_treaty_id TEXT    PRIMARY KEY,
    position         INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS part_registrations (
    treaty_id TEXT    PRIMARY KEY,
    position  INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

/**
 * The tables a part writes, each treaty's rows in exactly one part: every table of the part's file but the runner's
 * checkpoints and the namings, read from the file itself so that a table the projection adds is never left behind.
 * A virtual table (a full-text index) is copied through itself, which fills its shadow tables, never written to.
 */
function partTables(db: Database, schema: string): string[] {
  return db
    .prepare(
      `SELECT name FROM pragma_table_list WHERE schema = ? AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%'
         AND name NOT IN ('checkpoints', 'part_namings', 'part_registrations') ORDER BY name`,
    )
    .pluck()
    .all(schema) as string[];
}

const statements = statementsPerDatabase((db: Database) => ({
  recordNaming: db.prepare(
    `INSERT INTO part_namings (target_treaty_id, position) VALUES (?, ?)
       ON CONFLICT (target_treaty_id) DO UPDATE SET position = max(position, excluded.position)`,
  ),
  // A stream has one registration: the first batch to hold it stands.
  recordRegistration: db.prepare('INSERT OR IGNORE INTO part_registrations (treaty_id, position) VALUES (?, ?)'),
}));

/** A treaty of this part named `target` at `position` (the target may be in another part). */
export function recordNaming(db: Database, target: string, position: bigint): void {
  statements(db).recordNaming.run(target, position);
}

/**
 * A treaty of this part was registered at `position` (its registration's own position: a treaty that named it later
 * has a later position of its own, so the merge moves only those that named it before).
 */
export function recordRegistration(db: Database, treatyId: string, position: bigint): void {
  statements(db).recordRegistration.run(treatyId, position);
}

/**
 * Moves the parts attached to `db` under `schemas` into it (`db` holds a part of its own), then applies what
 * crosses parts. Runs inside the caller's transaction. The tables have the same columns in the same order
 * everywhere: every part's are made by the same `setUp`.
 */
export function mergeTreatyStatusParts(db: Database, schemas: readonly string[]): void {
  for (const schema of schemas) {
    for (const table of partTables(db, schema)) db.exec(`INSERT INTO main.${table} SELECT * FROM ${schema}.${table}`);
    db.exec(
      `INSERT INTO main.part_namings (target_treaty_id, position)
         SELECT target_treaty_id, position FROM ${schema}.part_namings WHERE true
         ON CONFLICT (target_treaty_id) DO UPDATE SET position = max(position, excluded.position)`,
    );
    db.exec(`INSERT INTO main.part_registrations SELECT * FROM ${schema}.part_registrations`);
  }
  db.exec(`
    UPDATE treaty_status SET views_position = part_namings.position
      FROM part_namings
      WHERE part_namings.target_treaty_id = treaty_status.treaty_id
        AND part_namings.position > treaty_status.views_position;
    UPDATE treaty_status SET views_position = changed.position
      FROM (SELECT l.source_treaty_id AS treaty_id, max(c.position) AS position
              FROM treaty_linkers l
              JOIN (SELECT treaty_id, position FROM part_registrations
                    UNION ALL SELECT treaty_id, position FROM treaty_deletions) c ON c.treaty_id = l.target_treaty_id
             GROUP BY l.source_treaty_id) AS changed
      WHERE changed.treaty_id = treaty_status.treaty_id AND changed.position > treaty_status.views_position;
    DELETE FROM treaty_links WHERE target_treaty_id IN (SELECT treaty_id FROM treaty_deletions);
    DELETE FROM treaty_linkers WHERE target_treaty_id IN (SELECT treaty_id FROM treaty_deletions);
    DROP TABLE part_namings;
    DROP TABLE part_registrations;
  `);
}
