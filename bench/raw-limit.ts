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

/**
 * The limit as an append: one IMMEDIATE transaction per append of one or more events to a stream, revisions counted
 * in memory (the raw limit checks nothing).
 */
export function openRawAppender(file: string): {
  append: (stream: string, events: readonly { id: string; type: string; data: unknown }[]) => void;
  close: () => void;
} {
  const { db, insert } = openRawLimit(file);
  const revisions = new Map<string, number>();
  const append = (stream: string, events: readonly { id: string; type: string; data: unknown }[]) =>
    db
      .transaction(() => {
        for (const next of events) {
          const revision = (revisions.get(stream) ?? -1) + 1;
          revisions.set(stream, revision);
          insert.run(next.id, stream, revision, next.type, JSON.stringify(next.data));
        }
      })
      .immediate();
  return { append, close: () => db.close() };
}
