import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { Sqlite } from '@timeline/sqlite-driver';
import { statementsPerDatabase } from './statements-per-database';

/**
 * Opens a read-model file. `synchronous=NORMAL` is enough here: WAL keeps the file consistent, and since a
 * checkpoint is committed with the changes it covers, losing the last transactions to a power cut only moves the
 * projection back to a checkpoint that matches its tables; it re-applies the rest from the log.
 */
export function openReadModelDatabase(file: string): Database {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Sqlite(file, { timeout: 10_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS checkpoints (
    projection  TEXT    PRIMARY KEY,
    version     INTEGER NOT NULL,
    position    TEXT,
    updated_at  TEXT    NOT NULL
  )`);
  return db;
}

export interface Checkpoint {
  readonly version: number;
  /** The position of the last event applied, or undefined when none has been. */
  readonly position: bigint | undefined;
}

export function readCheckpoint(db: Database, projection: string): Checkpoint | undefined {
  const row = db.prepare('SELECT version, position FROM checkpoints WHERE projection = ?').get(projection) as
    { version: number; position: string | null } | undefined;
  return row && { version: row.version, position: row.position === null ? undefined : BigInt(row.position) };
}

/** Called once per applied batch: the statement is prepared once per database, not once per call. */
const checkpointWrite = statementsPerDatabase((db) =>
  db.prepare(
    `INSERT INTO checkpoints (projection, version, position, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (projection) DO UPDATE SET version = excluded.version, position = excluded.position,
       updated_at = excluded.updated_at`,
  ),
);

export function writeCheckpoint(db: Database, projection: string, version: number, position: bigint | undefined): void {
  checkpointWrite(db).run(
    projection,
    version,
    position === undefined ? null : position.toString(),
    new Date().toISOString(),
  );
}
