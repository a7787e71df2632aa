import type { Database } from 'better-sqlite3';

interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/**
 * Forward-only migrations of the event log's schema. Append new ones at the end; never edit a released one,
 * since files in the field have already applied it.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'the event log',
    sql: `
      CREATE TABLE events (
        position     INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id     TEXT    NOT NULL UNIQUE,
        stream_name  TEXT    NOT NULL,
        revision     INTEGER NOT NULL,
        type         TEXT    NOT NULL,
        data         TEXT    NOT NULL,
        metadata     TEXT    NOT NULL,
        recorded_at  TEXT    NOT NULL,
        UNIQUE (stream_name, revision)
      );
      CREATE INDEX events_by_type ON events (type, position);
    `,
  },
  {
    // Nothing reads through it (a filter on type is a prefix match, which SQLite runs along the position key), and
    // every append paid for it: an index entry and a dirty page per commit (decision 0017).
    version: 2,
    description: 'drop the unused index of events by type',
    sql: 'DROP INDEX events_by_type;',
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export class UnsupportedSchemaVersionError extends Error {
  constructor(file: string, found: number) {
    super(
      `${file} has event-log schema version ${found}, newer than this build supports (${LATEST_SCHEMA_VERSION}): ` +
        'run a newer version of the service, or restore a backup taken by this one',
    );
    this.name = 'UnsupportedSchemaVersionError';
  }
}

/**
 * Brings the file's schema up to date in one transaction, so a crash mid-way leaves the old schema intact. `target`
 * stops at an older version: tests use it to write files as earlier releases did.
 */
export function migrate(db: Database, file: string, target: number = LATEST_SCHEMA_VERSION): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    applied_at TEXT    NOT NULL,
    description TEXT   NOT NULL
  )`);
  db.transaction(() => {
    const row = db.prepare('SELECT max(version) AS version FROM schema_version').get() as { version: number | null };
    const current = row.version ?? 0;
    if (current > LATEST_SCHEMA_VERSION) throw new UnsupportedSchemaVersionError(file, current);
    const record = db.prepare('INSERT INTO schema_version (version, applied_at, description) VALUES (?, ?, ?)');
    for (const migration of MIGRATIONS.filter(
      (candidate) => candidate.version > current && candidate.version <= target,
    )) {
      db.exec(migration.sql);
      record.run(migration.version, new Date().toISOString(), migration.description);
    }
  }).immediate();
}
