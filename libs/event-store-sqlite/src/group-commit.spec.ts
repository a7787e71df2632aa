import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Sqlite } from '@timeline/sqlite-driver';
import {
  EventStoreUnavailableError,
  IdempotencyConflictError,
  NO_STREAM,
  WrongExpectedRevisionError,
  type AppendResult,
} from '@timeline/event-store';
import { collect, newEvents, uniqueStreamName } from '@timeline/event-store/testing';
import { SqliteEventStore } from './sqlite-event-store';

describe('SqliteEventStore group commit', () => {
  let directory: string;
  let file: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'timeline-group-'));
    file = join(directory, 'events.db');
    store = new SqliteEventStore({ file });
  });
  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('starts its commit thread at the first append, not when a process only reads', async () => {
    await collect(store.readAll());
    await store.ping();
    expect(store.commitStats().commitThreadStarted).toBe(false);
    await store.appendToStream(uniqueStreamName(), newEvents(1));
    expect(store.commitStats().commitThreadStarted).toBe(true);
  });

  it('commits appends sent at the same moment together: fewer commits than appends, every one stored', async () => {
    const streams = Array.from({ length: 40 }, () => uniqueStreamName());
    const results = await Promise.all(streams.map((stream) => store.appendToStream(stream, newEvents(2))));
    expect(store.commitStats().appends).toBe(40);
    expect(store.commitStats().commits).toBeLessThan(40);
    expect(new Set(results.map((result) => result.position)).size).toBe(40);
    for (const stream of streams) expect(await collect(store.readStream(stream))).toHaveLength(2);
  });

  it('fails a conflicting append alone: the others of its group are written', async () => {
    const taken = uniqueStreamName();
    await store.appendToStream(taken, newEvents(1));
    const [before, conflicting, after] = await Promise.allSettled([
      store.appendToStream(uniqueStreamName(), newEvents(1)),
      store.appendToStream(taken, newEvents(3), { expectedRevision: NO_STREAM }),
      store.appendToStream(uniqueStreamName(), newEvents(1)),
    ]);
    expect(store.commitStats()).toMatchObject({ commits: 2, appends: 4 });
    expect(before.status).toBe('fulfilled');
    expect(after.status).toBe('fulfilled');
    expect(conflicting).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevisionError) });
    expect(await collect(store.readStream(taken))).toHaveLength(1);
  });

  it('answers a retry sent in the same group as its original with the original result, written once', async () => {
    const stream = uniqueStreamName();
    const events = newEvents(3);
    const partlyStored = [events[0]!, ...newEvents(1)];
    const [original, retry, conflict] = await Promise.allSettled([
      store.appendToStream(stream, events, { expectedRevision: NO_STREAM }),
      store.appendToStream(stream, events, { expectedRevision: NO_STREAM }),
      store.appendToStream(stream, partlyStored),
    ]);
    expect(store.commitStats().commits).toBe(1);
    expect(original.status).toBe('fulfilled');
    expect(retry).toEqual(original);
    expect(conflict).toMatchObject({ status: 'rejected', reason: expect.any(IdempotencyConflictError) });
    expect((await collect(store.readStream(stream))).map((event) => event.id)).toEqual(events.map((e) => e.id));
  });

  it('acknowledges the appends to one stream in the order of their positions and revisions', async () => {
    const stream = uniqueStreamName();
    const acknowledged: AppendResult[] = [];
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        for (let round = 0; round < 10; round++) {
          acknowledged.push(await store.appendToStream(stream, newEvents(1)));
        }
      }),
    );
    expect(store.commitStats().commits).toBeLessThan(30);
    expect(acknowledged.map((result) => result.nextExpectedRevision)).toEqual(
      Array.from({ length: 30 }, (_, index) => BigInt(index)),
    );
    const positions = acknowledged.map((result) => result.position);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('lets a writer read its acknowledged append at once, on the main connection', async () => {
    const streams = Array.from({ length: 20 }, () => uniqueStreamName());
    await Promise.all(
      streams.map(async (stream) => {
        const [event] = newEvents(1);
        await store.appendToStream(stream, [event!]);
        expect((await collect(store.readStream(stream))).map((read) => read.id)).toEqual([event!.id]);
      }),
    );
    expect(store.commitStats().commits).toBeLessThan(20);
  });

  it('commits the appends waiting when it closes, then refuses new ones', async () => {
    const stream = uniqueStreamName();
    const pending = Array.from({ length: 20 }, () => store.appendToStream(stream, newEvents(1)));
    await store.close();
    expect(await Promise.allSettled(pending)).toEqual(
      pending.map(() => expect.objectContaining({ status: 'fulfilled' })),
    );
    await expect(store.appendToStream(stream, newEvents(1))).rejects.toBeInstanceOf(EventStoreUnavailableError);
    store = new SqliteEventStore({ file });
    expect(await collect(store.readStream(stream))).toHaveLength(20);
  });

  it('reports a file locked by another writer past the busy timeout as unavailable, alone or in a group', async () => {
    await store.close();
    store = new SqliteEventStore({ file, busyTimeoutMs: 100 });
    const other = new Sqlite(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(store.appendToStream(uniqueStreamName(), newEvents(1))).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      const group = await Promise.allSettled(
        [1, 2, 3].map(() => store.appendToStream(uniqueStreamName(), newEvents(1))),
      );
      expect(group).toEqual(
        group.map(() => expect.objectContaining({ reason: expect.any(EventStoreUnavailableError) })),
      );
      // What the health details and metrics report: SQLite's code, until a commit succeeds again.
      expect(store.commitStats().failing).toMatchObject({ code: 'SQLITE_BUSY', since: expect.any(Date) });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const again = await Promise.all([1, 2].map(() => store.appendToStream(uniqueStreamName(), newEvents(1))));
    expect(again).toHaveLength(2);
    expect(store.commitStats().failing).toBeUndefined();
  });
});
