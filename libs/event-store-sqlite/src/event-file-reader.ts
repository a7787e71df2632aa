import type { RecordedEvent } from '@timeline/event-store';
import { Sqlite } from '@timeline/sqlite-driver';
import { EVENT_COLUMNS, positionOf, toRecordedEvent, type EventRow } from './event-rows';

const PAGE_SIZE = 512;

/** The first bytes of every SQLite database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether these first bytes of a file are an SQLite database's. */
export function isSqliteFile(firstBytes: Buffer): boolean {
  return firstBytes.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER);
}

/**
 * The events of an embedded store's file, in log order, read without opening it as a store: a read-only connection
 * (SQLite may make its `-wal` and `-shm` files beside it), nothing migrated, no thread started, nothing written into
 * it. For an auditor holding a copy of a data directory or a backup (`npm run backup`), who verifies it with no
 * service running.
 */
export async function* readEventFile(file: string): AsyncGenerator<RecordedEvent> {
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get() === undefined) {
      throw new Error(`${file} is an SQLite file but holds no event log (no events table)`);
    }
    const page = db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .safeIntegers(true)
      .raw(true);
    for (let after = 0n; ;) {
      const rows = page.all(after, PAGE_SIZE) as EventRow[];
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < PAGE_SIZE) return;
      after = positionOf(rows[rows.length - 1]!);
    }
  } finally {
    db.close();
  }
}
