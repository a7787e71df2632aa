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
import { END, type RecordedEvent, type SubscriptionFilter, type SubscriptionMessage } from '@timeline/event-store';
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

// The same again with followers that always read the file: above, they take this store's own appends from memory.
describeEventStoreConformance('embedded SQLite, followers reading the file', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'timeline-sqlite-'));
  const store = new SqliteEventStore({ file: join(directory, 'events.db'), recentAppendsKept: 0 });
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
    // The appends come from another connection, so that the follower reads them from the file.
    const store = new SqliteEventStore({ file, pollIntervalMs: 10 });
    const writer = new SqliteEventStore({ file });
    const filteredReadsAfter = watchReads('substr(stream_name');
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
      const skipped = await writer.appendToStream(uniqueStreamName('common'), newEvents(100));
      await waitFor(() => filteredReadsAfter.length > readsBefore);
      await writer.appendToStream(rare, newEvents(1));
      await reading;
      expect(filteredReadsAfter.at(-1)).toBe(skipped.position);
    } finally {
      filteredReadsAfter.stop();
      await writer.close();
      await store.close();
    }
  });

  it('hands its followers what it has just appended without reading it back from the file', async () => {
    // No poll: the followers read only when this store appends (a poll during a group's commit reads the file).
    // Memory for the append of 300 events below, which a store's default (256) sends to the file.
    const store = new SqliteEventStore({ file, pollIntervalMs: NO_POLL, recentAppendsKept: 1024 });
    const logReads = watchReads('FROM events WHERE position >');
    try {
      const stream = uniqueStreamName('followed');
      const marker = await store.appendToStream(stream, newEvents(1));
      const earlierStream = uniqueStreamName('earlier');
      const earlier = newEvents(2, 'WantedHappened');
      await store.appendToStream(earlierStream, earlier);
      const all = follow(store, marker.position, 337);
      const wanted = follow(store, marker.position, 322, { on: 'event-type', prefixes: ['Wanted'] });
      await waitFor(() => all.caughtUp() && wanted.caughtUp());
      const readsBefore = logReads.length;
      for (let round = 0; round < 5; round++) {
        await store.appendToStream(stream, newEvents(1, 'WantedHappened'));
        await store.appendToStream(uniqueStreamName('other'), newEvents(3, 'OtherHappened'));
        // Appends committed in one group, among them one with a wrong expected revision, a retry of an earlier
        // append, and one of two events whose second id is stored already (its first insert is undone).
        const group = await Promise.allSettled([
          store.appendToStream(uniqueStreamName('group'), newEvents(2, 'WantedHappened')),
          store.appendToStream(stream, newEvents(1), { expectedRevision: 0n }),
          store.appendToStream(earlierStream, earlier),
          store.appendToStream(uniqueStreamName('clash'), [...newEvents(1), earlier[0]!]),
          store.appendToStream(uniqueStreamName('group'), newEvents(1, 'WantedHappened')),
        ]);
        expect(group.map((outcome) => outcome.status)).toEqual([
          'fulfilled',
          'rejected',
          'fulfilled',
          'rejected',
          'fulfilled',
        ]);
      }
      // More events in one append than a subscription's page holds (256).
      await store.appendToStream(uniqueStreamName('large'), newEvents(300, 'WantedHappened'));
      await Promise.all([all.reading, wanted.reading]);
      expect(logReads.length).toBe(readsBefore);
      const stored = await collect(store.readAll({ fromPosition: marker.position + 1n }));
      expect(stored).toHaveLength(337);
      expect(all.events).toEqual(stored);
      expect(wanted.events).toEqual(stored.filter((event) => event.type === 'WantedHappened'));
    } finally {
      logReads.stop();
      await store.close();
    }
  });

  it('reads from the file what has left memory, and from memory what follows', async () => {
    const store = new SqliteEventStore({ file, pollIntervalMs: NO_POLL, recentAppendsKept: 4 });
    const logReads = watchReads('FROM events WHERE position >');
    try {
      const marker = await store.appendToStream(uniqueStreamName('start'), newEvents(1));
      const subscription = store.subscribeToAll({ fromPosition: marker.position })[Symbol.asyncIterator]();
      const next = async () => (await subscription.next()).value as SubscriptionMessage;
      expect(await next()).toEqual({ kind: 'caught-up' });
      const delivered: SubscriptionMessage[] = [];
      const readsBefore = logReads.length;
      // The follower does not read while six are appended: the first two of them leave memory.
      for (let index = 0; index < 6; index++) await store.appendToStream(uniqueStreamName('away'), newEvents(1));
      for (let index = 0; index < 6; index++) delivered.push(await next());
      expect(logReads.length).toBe(readsBefore + 1);
      for (let index = 0; index < 3; index++) await store.appendToStream(uniqueStreamName('back'), newEvents(1));
      for (let index = 0; index < 3; index++) delivered.push(await next());
      expect(logReads.length).toBe(readsBefore + 1);
      await subscription.return?.(undefined);
      const stored = await collect(store.readAll({ fromPosition: marker.position + 1n }));
      expect(delivered).toEqual(stored.map((event) => ({ kind: 'event', event })));
    } finally {
      logReads.stop();
      await store.close();
    }
  });

  it('sends its followers to the file for an append of more events than it keeps, and to memory after it', async () => {
    const store = new SqliteEventStore({ file, pollIntervalMs: NO_POLL });
    const logReads = watchReads('FROM events WHERE position >');
    try {
      await store.appendToStream(uniqueStreamName('start'), newEvents(1));
      const follower = follow(store, END, 303);
      await waitFor(() => follower.caughtUp());
      const readsBefore = logReads.length;
      await store.appendToStream(uniqueStreamName('large'), newEvents(300));
      await waitFor(() => follower.events.length === 300);
      // Two pages of a subscription (256, then 44), both from the file.
      expect(logReads.length).toBe(readsBefore + 2);
      for (let index = 0; index < 3; index++) await store.appendToStream(uniqueStreamName('after'), newEvents(1));
      await follower.reading;
      expect(logReads.length).toBe(readsBefore + 2);
      expect(follower.events.map((event) => event.streamName.split('-')[0])).toEqual([
        ...Array.from({ length: 300 }, () => 'large'),
        'after',
        'after',
        'after',
      ]);
    } finally {
      logReads.stop();
      await store.close();
    }
  });

  it('moves a filtered follower on past what memory held that it skipped, so that it need not read the file', async () => {
    const store = new SqliteEventStore({ file, pollIntervalMs: NO_POLL, recentAppendsKept: 8 });
    const logReads = watchReads('FROM events WHERE position >');
    try {
      const rare = uniqueStreamName('rare');
      await store.appendToStream(uniqueStreamName('common'), newEvents(1));
      const follower = follow(store, END, 1, { on: 'stream-name', prefixes: [rare] });
      await waitFor(() => follower.caughtUp());
      const readsBefore = logReads.length;
      // Far more skipped events than memory holds, one append at a time: each read looks through the head.
      for (let index = 0; index < 20; index++) await store.appendToStream(uniqueStreamName('common'), newEvents(1));
      await store.appendToStream(rare, newEvents(1));
      await follower.reading;
      expect(follower.events.map((event) => event.streamName)).toEqual([rare]);
      expect(logReads.length).toBe(readsBefore);
    } finally {
      logReads.stop();
      await store.close();
    }
  });

  it("reads from the file what another connection appended between this store's own appends", async () => {
    const store = new SqliteEventStore({ file, pollIntervalMs: 10 });
    const other = new SqliteEventStore({ file });
    try {
      const marker = await store.appendToStream(uniqueStreamName('start'), newEvents(1));
      const delivered: RecordedEvent[] = [];
      let caughtUp = false;
      const reading = readUntil(store.subscribeToAll({ fromPosition: marker.position }), (message) => {
        if (message.kind === 'caught-up') caughtUp = true;
        else if (message.kind === 'event') delivered.push(message.event);
        return delivered.length === 30;
      });
      await waitFor(() => caughtUp);
      for (let round = 0; round < 10; round++) {
        await store.appendToStream(uniqueStreamName('ours'), newEvents(1));
        // Theirs is read (by the poll) while the last of ours is the end of what the store holds, then after ours.
        await other.appendToStream(uniqueStreamName('theirs'), newEvents(1));
        await waitFor(() => delivered.length === 3 * round + 2);
        await store.appendToStream(uniqueStreamName('ours'), newEvents(1));
      }
      await reading;
      expect(delivered).toEqual(await collect(store.readAll({ fromPosition: marker.position + 1n, maxCount: 30 })));
    } finally {
      await other.close();
      await store.close();
    }
  });

  it('filters from the file as from memory: a prefix outside the Basic Multilingual Plane', async () => {
    const writer = new SqliteEventStore({ file });
    const prefix = `${uniqueStreamName('astral')}-\u{1F30D}`;
    const marker = await writer.appendToStream(uniqueStreamName('before'), newEvents(1));
    await writer.appendToStream(`${prefix}-wanted`, newEvents(2));
    await writer.appendToStream(uniqueStreamName('after'), newEvents(1));
    const filter: SubscriptionFilter = { on: 'stream-name', prefixes: [prefix] };
    const matchesOf = async (store: SqliteEventStore) => {
      const seen: string[] = [];
      await readUntil(store.subscribeToAll({ fromPosition: marker.position, filter }), (message) => {
        if (message.kind === 'event') seen.push(`${message.event.streamName}@${message.event.revision}`);
        return message.kind === 'caught-up';
      });
      return seen;
    };
    // The writer holds the events it appended; a store opened afterwards holds none and reads the file.
    const reader = new SqliteEventStore({ file });
    try {
      const expected = [`${prefix}-wanted@0`, `${prefix}-wanted@1`];
      expect(await matchesOf(writer)).toEqual(expected);
      expect(await matchesOf(reader)).toEqual(expected);
    } finally {
      await reader.close();
      await writer.close();
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

/**
 * Records the first parameter of every read (`all`) of a statement whose SQL contains `sql`, on any connection,
 * until `stop`.
 */
function watchReads(sql: string): unknown[] & { stop: () => void } {
  type Read = (this: { source: string }, ...parameters: unknown[]) => unknown;
  const statements = Object.getPrototypeOf(new Sqlite(':memory:').prepare('SELECT 1')) as { all: Read };
  const all = Object.getOwnPropertyDescriptor(statements, 'all')!.value as Read;
  const reads: unknown[] = [];
  const spy = jest.spyOn(statements, 'all').mockImplementation(function (this: { source: string }, ...parameters) {
    if (this.source.includes(sql)) reads.push(parameters[0]);
    return all.apply(this, parameters);
  });
  return Object.assign(reads, { stop: () => spy.mockRestore() });
}

/** A poll interval no test waits for: followers read when the store they follow appends, and only then. */
const NO_POLL = 3_600_000;

/** Follows `$all` after `from` until `count` events have come; `caughtUp` says whether it has caught up yet. */
function follow(store: SqliteEventStore, from: bigint | typeof END, count: number, filter?: SubscriptionFilter) {
  const events: RecordedEvent[] = [];
  let caughtUp = false;
  const reading = readUntil(store.subscribeToAll({ fromPosition: from, ...(filter ? { filter } : {}) }), (message) => {
    if (message.kind === 'caught-up') caughtUp = true;
    else if (message.kind === 'event') events.push(message.event);
    return events.length === count;
  });
  return { events, reading, caughtUp: () => caughtUp };
}
