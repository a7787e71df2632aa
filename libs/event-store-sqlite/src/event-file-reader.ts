import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@timeline/event-store';
import { immutableFileName, Sqlite } from '@timeline/sqlite-driver';
import { EVENT_COLUMNS, positionOf, toRecordedEvent, type EventRow } from './event-rows';

const PAGE_SIZE = 512;

/** The first bytes of every SQLite database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether these first bytes of a file are an SQLite database's. */
export function isSqliteFile(firstBytes: Buffer): boolean {
  return firstBytes.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER);
}

/**
 * The events of an embedded store's file, in log order, read without opening it as a store: nothing migrated, no
 * thread started, nothing written into it or beside it, so that it reads on read-only media. For an auditor holding a
 * copy of a data directory or a backup (`npm run backup`), who verifies it with no service running: it is opened
 * immutable, or, with a `-wal` beside it (a copy taken while the service ran), read from a private copy of the pair
 * (decision 0082). A file that changes while it is read (a running store's) is refused: back it up first.
 */
export async function* readEventFile(file: string): AsyncGenerator<RecordedEvent> {
  const opened = openEvidence(file);
  const db = opened.db;
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
      if (rows.length < PAGE_SIZE) break;
      after = positionOf(rows[rows.length - 1]!);
    }
    opened.refuseIfChanged();
  } finally {
    opened.close();
  }
}

interface Evidence {
  readonly db: Database;
  /** Throws if the file (or its `-wal`) is not as it was when opened: what was read may be torn. */
  refuseIfChanged(): void;
  close(): void;
}

function openEvidence(file: string): Evidence {
  const wal = `${file}-wal`;
  const opened = stamp(file, wal);
  const refuseIfChanged = () => {
    if (stamp(file, wal) !== opened) {
      throw new Error(
        `${file} changed while it was read: a running store's file is verified from a backup (npm run backup)`,
      );
    }
  };
  if ((statSync(wal, { throwIfNoEntry: false })?.size ?? 0) === 0) {
    const db = new Sqlite(immutableFileName(file), { readonly: true, fileMustExist: true });
    return { db, refuseIfChanged, close: () => db.close() };
  }
  // The last appends are in the -wal, which SQLite reads only through an -shm it makes beside it: the pair is read
  // from a copy in a folder of our own instead, removed once read.
  const directory = mkdtempSync(join(tmpdir(), 'timeline-event-file-'));
  try {
    const copy = join(directory, 'events.db');
    copyFileSync(file, copy);
    copyFileSync(wal, `${copy}-wal`);
    refuseIfChanged();
    const db = new Sqlite(copy, { readonly: true, fileMustExist: true });
    return {
      db,
      refuseIfChanged: () => undefined,
      close: () => {
        db.close();
        rmSync(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
}

/** The sizes and modification times of the file and its -wal. */
function stamp(file: string, wal: string): string {
  return [file, wal]
    .map((path) => statSync(path, { bigint: true, throwIfNoEntry: false }))
    .map((stats) => (stats === undefined ? '-' : `${stats.size}@${stats.mtimeNs}`))
    .join(' ');
}
