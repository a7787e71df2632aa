import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { SQLITE_DRIVER_PACKAGE, Sqlite } from '@timeline/sqlite-driver';
import {
  collect,
  describeEventStoreConformance,
  newEvents,
  readUntil,
  uniqueIdsAcrossStreamsSpec,
  uniqueStreamName,
  waitFor,
} from '@timeline/event-store/testing';
import { LATEST_SCHEMA_VERSION, UnsupportedSchemaVersionError } from './schema-migrations';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreConformance('embedded SQLite', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'timeline-sqlite-'));
  const store = new SqliteEventStore({ file: join(directory, 'events.db') });
  return {
    store,
    teardown: async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
});

describe('SqliteEventStore', () => {
  let directory: string;
  let file: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'timeline-sqlite-'));
    file = join(directory, 'events.db');
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  uniqueIdsAcrossStreamsSpec(async () => new SqliteEventStore({ file: join(directory, 'unique-ids.db') }));

  it('opens the log in WAL mode with synchronous=FULL, so acknowledged appends survive power loss', async () => {
    const store = new SqliteEventStore({ file });
    await store.close();
    const db = new Sqlite(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      // synchronous is a per-connection setting: read it back through the store's own connection instead.
    } finally {
      db.close();
    }
    const reopened = new SqliteEventStore({ file });
    expect(reopened.settings()).toEqual({ journalMode: 'wal', synchronous: 'full' });
    await reopened.close();
  });

  it('reads a filtered follower on from the head it looked through, not again from its last match', async () => {
    const store = new SqliteEventStore({ file });
    // Every statement's reads are seen here; the filtered ones are told by their SQL.
    type Read = (this: { source: string }, ...parameters: unknown[]) => unknown;
    const statements = Object.getPrototypeOf(new Sqlite(':memory:').prepare('SELECT 1')) as { all: Read };
    const all = Object.getOwnPropertyDescriptor(statements, 'all')!.value as Read;
    const filteredReadsAfter: bigint[] = [];
    const spy = jest.spyOn(statements, 'all').mockImplementation(function (this: { source: string }, ...parameters) {
      if (this.source.includes('substr(stream_name')) filteredReadsAfter.push(parameters[0] as bigint);
      return all.apply(this, parameters);
    });
    try {
      const rare = uniqueStreamName('rare');
      let caughtUp = false;
      const reading = readUntil(
        store.subscribeToAll({ fromPosition: 'end', filter: { on: 'stream-name', prefixes: [rare] } }),
        (message) => {
          if (message.kind === 'caught-up') caughtUp = true;
          return message.kind === 'event';
        },
      );
      await waitFor(() => caughtUp);
      const readsBefore = filteredReadsAfter.length;
      const skipped = await store.appendToStream(uniqueStreamName('common'), newEvents(100));
      await waitFor(() => filteredReadsAfter.length > readsBefore);
      await store.appendToStream(rare, newEvents(1));
      await reading;
      expect(filteredReadsAfter.at(-1)).toBe(skipped.position);
    } finally {
      spy.mockRestore();
      await store.close();
    }
  });

  it('keeps what was appended across a reopen, and records its schema version', async () => {
    const store = new SqliteEventStore({ file });
    const stream = uniqueStreamName();
    await store.appendToStream(stream, newEvents(3));
    await store.close();
    const reopened = new SqliteEventStore({ file });
    expect(await collect(reopened.readStream(stream))).toHaveLength(3);
    await reopened.close();
    const db = new Sqlite(file, { readonly: true });
    expect(db.prepare('SELECT max(version) AS version FROM schema_version').get()).toEqual({
      version: LATEST_SCHEMA_VERSION,
    });
    db.close();
  });

  it('refuses a file written by a newer schema, naming the file and the versions', async () => {
    await new SqliteEventStore({ file }).close();
    const db = new Sqlite(file);
    db.prepare("INSERT INTO schema_version (version, applied_at, description) VALUES (?, 'now', 'future')").run(
      LATEST_SCHEMA_VERSION + 1,
    );
    db.close();
    expect(() => new SqliteEventStore({ file })).toThrow(UnsupportedSchemaVersionError);
    expect(() => new SqliteEventStore({ file })).toThrow(file);
  });

  it('shares one file between two connections: both write, positions stay unique, subscribers see both', async () => {
    const first = new SqliteEventStore({ file, pollIntervalMs: 20 });
    const second = new SqliteEventStore({ file, pollIntervalMs: 20 });
    const stream = uniqueStreamName();
    const seen: string[] = [];
    const reading = readUntil(first.subscribeToStream(stream), (message) => {
      if (message.kind === 'event') seen.push(message.event.id);
      return seen.length === 20;
    });
    for (let index = 0; index < 10; index++) {
      await first.appendToStream(stream, newEvents(1));
      await second.appendToStream(stream, newEvents(1));
    }
    await reading;
    const events = await collect(second.readStream(stream));
    expect(events.map((event) => event.revision)).toEqual(events.map((_, index) => BigInt(index)));
    expect(new Set(events.map((event) => event.position)).size).toBe(20);
    expect(seen).toEqual(events.map((event) => event.id));
    await first.close();
    await second.close();
  });

  it('stays intact while another process reads it during writes', async () => {
    const store = new SqliteEventStore({ file });
    await store.appendToStream(uniqueStreamName(), newEvents(1));
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `const Database = require(process.argv[2]);
         const db = new Database(process.argv[1], { readonly: true, timeout: 5000 });
         let reads = 0; const until = Date.now() + 1500;
         while (Date.now() < until) { db.prepare('SELECT count(*) AS n FROM events').get(); reads++; }
         process.stdout.write(String(reads));`,
        file,
        SQLITE_DRIVER_PACKAGE,
      ],
      { cwd: process.cwd() },
    );
    let output = '';
    reader.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => reader.on('exit', resolve));
    const stream = uniqueStreamName();
    for (let index = 0; index < 100; index++) await store.appendToStream(stream, newEvents(5));
    expect(await exited).toBe(0);
    expect(Number(output)).toBeGreaterThan(0);
    expect(store.integrityCheck()).toBe('ok');
    await store.close();
  });
});
