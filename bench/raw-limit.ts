import type { Database, Statement } from 'better-sqlite3';
import { Sqlite } from '@timeline/sqlite-driver';

/**
 * The limit our store is measured against: better-sqlite3 with the same durability (WAL, synchronous FULL) and
 * the least an event log needs (a position, a unique id, a unique revision per stream), without our metadata
 * columns. `insert` takes the event id, stream, revision, type and data.
 */
export function openRawLimit(file: string): { db: Database; insert: Statement } {
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT UNIQUE, stream TEXT, revision INTEGER, type TEXT, data TEXT, UNIQUE (stream, revision))',
  );
  return {
    db,
    insert: db.prepare('INSERT INTO events (event_id, stream, revision, type, data) VALUES (?, ?, ?, ?, ?)'),
  };
}
