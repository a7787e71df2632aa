import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Sqlite } from '@timeline/sqlite-driver';
import { collect } from '@timeline/event-store/testing';
import { createGroupWriter } from './group-writer';
import { LATEST_SCHEMA_VERSION, migrate } from './schema-migrations';
import { SqliteEventStore } from './sqlite-event-store';

/** A file as the first release left it: schema version 1, with a stream of three events written by its writer. */
function writeVersionOneFile(file: string, stream: string): string[] {
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  migrate(db, file, 1);
  const ids = [randomUUID(), randomUUID(), randomUUID()];
  createGroupWriter(db).writeOne({
    streamName: stream,
    expected: 'no_stream',
    ids,
    types: ['Opened', 'Noted', 'Noted'],
    data: ids.map((_, index) => JSON.stringify({ index })),
    metadata: ids.map(() => '{}'),
    recordedAt: new Date(0).toISOString(),
  });
  db.close();
  return ids;
}

function schemaOf(file: string): { versions: number[]; indexes: string[] } {
  const db = new Sqlite(file, { readonly: true });
  try {
    const versions = db.prepare('SELECT version FROM schema_version ORDER BY version').pluck().all() as number[];
    const indexes = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'events' ORDER BY name")
      .pluck()
      .all() as string[];
    return { versions, indexes };
  } finally {
    db.close();
  }
}

describe('event-log schema migrations', () => {
  let directory: string;
  let file: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'timeline-migrations-'));
    file = join(directory, 'events.db');
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('creates a new file at the latest version, without the index of events by type', async () => {
    await new SqliteEventStore({ file }).close();

    expect(LATEST_SCHEMA_VERSION).toBe(2);
    expect(schemaOf(file)).toEqual({
      versions: [1, 2],
      indexes: ['sqlite_autoindex_events_1', 'sqlite_autoindex_events_2'],
    });
  });

  it('upgrades a version 1 file at open: its events kept, the unused index dropped, appends carry on', async () => {
    const stream = 'written-by-version-1';
    const ids = writeVersionOneFile(file, stream);
    expect(schemaOf(file).indexes).toContain('events_by_type');

    const store = new SqliteEventStore({ file });
    try {
      expect((await collect(store.readStream(stream))).map((event) => [event.id, event.revision])).toEqual(
        ids.map((id, index) => [id, BigInt(index)]),
      );
      await expect(store.appendToStream(stream, [{ id: ids[2]!, type: 'Noted', data: {} }])).resolves.toEqual({
        nextExpectedRevision: 2n,
        position: 3n,
      });
      await expect(
        store.appendToStream(stream, [{ id: randomUUID(), type: 'Noted', data: {} }], { expectedRevision: 2n }),
      ).resolves.toEqual({ nextExpectedRevision: 3n, position: 4n });
      expect(store.integrityCheck()).toBe('ok');
    } finally {
      await store.close();
    }
    expect(schemaOf(file)).toEqual({
      versions: [1, 2],
      indexes: ['sqlite_autoindex_events_1', 'sqlite_autoindex_events_2'],
    });
  });

  it('leaves a file it has upgraded as it is when opened again', async () => {
    writeVersionOneFile(file, 'upgraded-once');
    await new SqliteEventStore({ file }).close();
    const upgraded = schemaOf(file);

    await new SqliteEventStore({ file }).close();

    expect(schemaOf(file)).toEqual(upgraded);
  });
});
