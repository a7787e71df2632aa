import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import {
  InMemoryEventStore,
  UnreadableEventError,
  type RecordedEvent,
  type StreamDeletedNotice,
  type SubscriptionMessage,
} from '@timeline/event-store';
import {
  collect,
  newEvents,
  scriptedStore,
  subscriptionsEndingEarly,
  subscriptionsFailingAt,
  waitFor,
} from '@timeline/event-store/testing';
import type { Projection } from './projection';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
import { openReadModelDatabase, readCheckpoint } from './read-model-database';

/** Records every event it applies, without a unique key, so that an event applied twice would show. */
function recordingProjection(failOn?: (event: RecordedEvent) => boolean): Projection<string> {
  return {
    name: 'recording',
    version: 1,
    setUp: (db) => db.exec('CREATE TABLE IF NOT EXISTS applied (event_id TEXT NOT NULL, position INTEGER NOT NULL)'),
    apply: (db, events) => {
      const insert = db.prepare('INSERT INTO applied (event_id, position) VALUES (?, ?)');
      for (const event of events) {
        insert.run(event.id, event.position);
        // Throwing after the insert proves the insert is rolled back with the checkpoint.
        if (failOn?.(event)) throw new Error(`cannot apply ${event.type}`);
      }
      return events.map((event) => event.id);
    },
  };
}

/** Keeps the thread busy, as a batch that takes that long does. */
function busyFor(milliseconds: number): void {
  const until = performance.now() + milliseconds;
  while (performance.now() < until);
}

const applied = (db: Database) =>
  (db.prepare('SELECT event_id FROM applied ORDER BY position').all() as { event_id: string }[]).map(
    (row) => row.event_id,
  );

describe('ProjectionRunner', () => {
  let directory: string;
  let store: InMemoryEventStore;
  let stored: string[];
  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'timeline-projection-'));
    store = new InMemoryEventStore();
    stored = [];
    for (let index = 0; index < 20; index++) {
      const events = newEvents(5, index === 13 ? 'Poison' : 'SomethingHappened');
      await store.appendToStream(`stream-${index % 3}`, events);
      stored.push(...events.map((event) => event.id));
    }
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('applies every event once, in log order, and commits its checkpoint with it', async () => {
    const db = openReadModelDatabase(join(directory, 'read.db'));
    const runner = new ProjectionRunner(store, db, recordingProjection(), { stopWhenCaughtUp: true, batchSize: 7 });
    await runner.start();
    expect(applied(db)).toEqual(stored);
    expect(readCheckpoint(db, 'recording')?.position).toBe(runner.position);
    db.close();
  });

  it('lets timers and I/O run between the batches of a catch-up', async () => {
    const db = openReadModelDatabase(join(directory, 'read.db'));
    // Each batch takes longer than the timer's millisecond: without it, a fast machine finished the whole catch-up
    // before a timer was due, and the test failed on timing, not on the runner (seen once on Node 24).
    const recording = recordingProjection();
    const slow: Projection<string> = {
      ...recording,
      apply: (into, events) => (busyFor(2), recording.apply(into, events)),
    };
    const runner = new ProjectionRunner(store, db, slow, { stopWhenCaughtUp: true, batchSize: 10 });
    const seenByATimer: (bigint | undefined)[] = [];
    const timer = setInterval(() => seenByATimer.push(runner.position), 0);
    await runner.start();
    clearInterval(timer);
    const midway = seenByATimer.filter((position) => position !== undefined && position < runner.position!);
    expect(midway.length).toBeGreaterThan(0);
    db.close();
  });

  it('lets timers and I/O run during a burst of live events', async () => {
    const db = openReadModelDatabase(join(directory, 'read.db'));
    const runner = new ProjectionRunner(store, db, recordingProjection(), { batchSize: 10 });
    void runner.start();
    await waitFor(() => runner.status.kind === 'live');
    const before = runner.position!;
    const seenByATimer: bigint[] = [];
    const timer = setInterval(() => seenByATimer.push(runner.position!), 0);
    const burst = await store.appendToStream('stream-burst', newEvents(100));
    await runner.waitForPosition(burst.position, 2000);
    clearInterval(timer);
    expect(seenByATimer.filter((position) => position > before && position < burst.position).length).toBeGreaterThan(0);
    await runner.stop();
    db.close();
  });

  it('says once that it has caught up, after committing all that was in the log, before it goes on live', async () => {
    const db = openReadModelDatabase(join(directory, 'read.db'));
    const seen: string[] = [];
    const runner: ProjectionRunner<string> = new ProjectionRunner(store, db, recordingProjection(), {
      batchSize: 30,
      onCommitted: (ids) => seen.push(`committed ${ids.length}`),
      onCaughtUp: () => seen.push(`caught up at ${applied(db).length} (${runner.status.kind})`),
    });
    void runner.start();
    await waitFor(() => runner.status.kind === 'live');
    const live = await store.appendToStream('stream-live', newEvents(1));
    await runner.waitForPosition(live.position, 2000);
    await runner.stop();
    expect(seen).toEqual([
      'committed 30',
      'committed 30',
      'committed 30',
      'committed 10',
      'caught up at 100 (live)',
      'committed 1',
    ]);
    db.close();
  });

  it('resumes after a stop at any point without applying an event twice or skipping one', async () => {
    const file = join(directory, 'read.db');
    for (const stopAfter of [1, 3, 8]) {
      const db = openReadModelDatabase(file);
      let commits = 0;
      const runner: ProjectionRunner<string> = new ProjectionRunner(store, db, recordingProjection(), {
        batchSize: 4,
        onCommitted: () => {
          commits += 1;
          if (commits === stopAfter) void runner.stop();
        },
      });
      await runner.start();
      db.close();
    }
    const db = openReadModelDatabase(file);
    await new ProjectionRunner(store, db, recordingProjection(), { stopWhenCaughtUp: true }).start();
    expect(applied(db)).toEqual(stored);
    db.close();
  });

  it('stops at an event it cannot apply, names it, keeps what came before and nothing after', async () => {
    const db = openReadModelDatabase(join(directory, 'read.db'));
    const runner = new ProjectionRunner(
      store,
      db,
      recordingProjection((event) => event.type === 'Poison'),
      {
        batchSize: 50,
      },
    );
    await runner.start();
    const poisonIndex = stored.findIndex((_, index) => index >= 65);
    expect(runner.status).toMatchObject({ kind: 'failed', event: { eventId: stored[poisonIndex], type: 'Poison' } });
    expect(applied(db)).toEqual(stored.slice(0, poisonIndex));

    const restarted = new ProjectionRunner(
      store,
      db,
      recordingProjection((event) => event.type === 'Poison'),
    );
    await restarted.start();
    expect(restarted.status).toMatchObject({ kind: 'failed', event: { eventId: stored[poisonIndex] } });
    expect(applied(db)).toEqual(stored.slice(0, poisonIndex));
    db.close();
  });

  it('names an event the store cannot read, as one it cannot apply, having committed those before it', async () => {
    const db = openReadModelDatabase(join(directory, 'read.db'));
    const all = await collect(store.readAll());
    const damaged = all[7]!;
    const unreadable = new UnreadableEventError(
      damaged.streamName,
      damaged.revision,
      damaged.id,
      damaged.position,
      new SyntaxError('Unexpected token'),
      damaged.type,
    );
    const reads = subscriptionsFailingAt(
      store,
      (event) => event.id === damaged.id,
      () => unreadable,
    );
    const runner = new ProjectionRunner(reads, db, recordingProjection());
    await runner.start();
    expect(runner.status).toEqual({
      kind: 'failed',
      event: {
        eventId: damaged.id,
        streamName: damaged.streamName,
        revision: damaged.revision.toString(),
        position: damaged.position.toString(),
        type: damaged.type,
      },
      error: unreadable.message,
    });
    expect(runner.failureCause).toBe(unreadable);
    // As for an event it cannot apply: the read model stands just before the event, which a restart reads again.
    expect(applied(db)).toEqual(all.slice(0, 7).map((event) => event.id));
    expect(readCheckpoint(db, 'recording')?.position).toBe(all[6]!.position);
    db.close();
  });

  it('follows live appends and lets a reader wait for a position', async () => {
    const db = openReadModelDatabase(join(directory, 'read.db'));
    const runner = new ProjectionRunner(store, db, recordingProjection());
    void runner.start();
    await waitFor(() => runner.status.kind === 'live');
    const result = await store.appendToStream('stream-live', newEvents(1));
    await expect(runner.waitForPosition(result.position, 2000)).resolves.toBe(true);
    await expect(runner.waitForPosition(result.position + 100n, 50)).resolves.toBe(false);
    await runner.stop();
    expect(runner.status.kind).toBe('stopped');
    expect(applied(db)).toHaveLength(101);
    db.close();
  });

  it('applies the live events that arrive in one turn in one transaction, not one each', async () => {
    const db = openReadModelDatabase(join(directory, 'read.db'));
    const commits: number[] = [];
    const runner = new ProjectionRunner(store, db, recordingProjection(), {
      onCommitted: (ids) => commits.push(ids.length),
    });
    void runner.start();
    await waitFor(() => runner.status.kind === 'live');
    commits.length = 0;
    const events = newEvents(5);
    const result = await store.appendToStream('stream-many', events);
    await runner.waitForPosition(result.position, 2000);
    expect(commits).toEqual([5]);
    expect(applied(db).slice(-5)).toEqual(events.map((event) => event.id));
    await runner.stop();
    db.close();
  });

  it('touches the read model no more once stopped, even with live events received in that turn', async () => {
    const db = openReadModelDatabase(join(directory, 'read.db'));
    const runner = new ProjectionRunner(store, db, recordingProjection());
    void runner.start();
    await waitFor(() => runner.status.kind === 'live');
    const result = await store.appendToStream('stream-last', newEvents(3));
    // Microtasks only: the events reach the runner, and its end-of-turn commit has not run yet.
    for (let turn = 0; turn < 20; turn++) await Promise.resolve();
    await runner.stop();
    expect(runner.position).toBe(result.position);
    // The caller may close the read model as soon as stop() resolves: a commit left for later would now fail.
    db.close();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runner.status.kind).toBe('stopped');
  });

  it.each([1, 2, 7])(
    "applies a stream's deletion in log order among the events (batches of %i), its checkpoint moving past it",
    async (batchSize) => {
      const events = await collect(store.readAll());
      const deletion = (at: bigint): StreamDeletedNotice => ({
        kind: 'stream-deleted',
        streamName: 'stream-1',
        position: at,
        recordedAt: new Date('2026-01-01T00:00:00.000Z'),
      });
      // Positions of the in-memory store are consecutive: the deletions take the places of two events left out.
      const [middle, last] = [events[10]!, events.at(-1)!];
      const log: SubscriptionMessage[] = [
        ...events.slice(0, 10).map((event) => ({ kind: 'event' as const, event })),
        deletion(middle.position),
        ...events.slice(11, -1).map((event) => ({ kind: 'event' as const, event })),
        deletion(last.position),
      ];
      const db = openReadModelDatabase(join(directory, 'read.db'));
      const projection = recordingProjection();
      const withDeletions: Projection<string> = {
        ...projection,
        streamDeleted: (database, notice) => {
          database.prepare('INSERT INTO applied (event_id, position) VALUES (?, ?)').run('deleted', notice.position);
          return [`deleted at ${notice.position}`];
        },
      };
      const published: string[] = [];
      const runner = new ProjectionRunner(scriptedStore(log), db, withDeletions, {
        stopWhenCaughtUp: true,
        batchSize,
        onCommitted: (updates) => published.push(...updates),
      });
      await runner.start();
      const expected = [...stored.slice(0, 10), 'deleted', ...stored.slice(11, -1), 'deleted'];
      expect(applied(db)).toEqual(expected);
      expect(published).toEqual(
        expected.map((id, index) =>
          id === 'deleted' ? `deleted at ${index === 10 ? middle.position : last.position}` : id,
        ),
      );
      expect(readCheckpoint(db, 'recording')?.position).toBe(last.position);
      db.close();
    },
  );

  it('moves its checkpoint past a deletion that the projection has no use for', async () => {
    const [event] = await collect(store.readAll({ maxCount: 1 }));
    const log: SubscriptionMessage[] = [
      { kind: 'event', event: event! },
      { kind: 'stream-deleted', streamName: 'stream-0', position: event!.position + 1n, recordedAt: event!.recordedAt },
    ];
    const db = openReadModelDatabase(join(directory, 'read.db'));
    const runner = new ProjectionRunner(scriptedStore(log), db, recordingProjection(), { stopWhenCaughtUp: true });
    await runner.start();
    expect(applied(db)).toEqual([event!.id]);
    expect(runner.position).toBe(event!.position + 1n);
    // A deletion is no event: the furthest event seen stays the last one (decision 0064).
    expect(runner.furthestEvent).toBe(event!.position);
    db.close();
  });

  it('follows again, after a restart, a log whose last entry is a deletion: a deletion is no event of the log', async () => {
    const [event] = await collect(store.readAll({ maxCount: 1 }));
    const log: SubscriptionMessage[] = [
      { kind: 'event', event: event! },
      { kind: 'stream-deleted', streamName: 'stream-0', position: event!.position + 1n, recordedAt: event!.recordedAt },
    ];
    const db = openReadModelDatabase(join(directory, 'read.db'));
    await new ProjectionRunner(scriptedStore(log), db, recordingProjection(), { stopWhenCaughtUp: true }).start();

    const restarted = new ProjectionRunner(scriptedStore(log), db, recordingProjection(), { stopWhenCaughtUp: true });
    await restarted.start();
    expect(restarted.status).toEqual({ kind: 'stopped', reason: 'caught-up' });
    expect(restarted.position).toBe(event!.position + 1n);
    // Restarted, it has applied nothing yet: the log's last event, read at its start, is the furthest it has seen.
    expect(restarted.furthestEvent).toBe(event!.position);
    db.close();
  });

  it('says why it stopped: caught up, every event up to stopAfter applied, or asked to', async () => {
    const stopsOf = async (options: ProjectionRunnerOptions<string>, file: string) => {
      const db = openReadModelDatabase(join(directory, file));
      const runner = new ProjectionRunner(store, db, recordingProjection(), options);
      const running = runner.start();
      if (!options.stopWhenCaughtUp && options.stopAfter === undefined) {
        await waitFor(() => runner.status.kind === 'live');
        await runner.stop();
      }
      await running;
      db.close();
      return { status: runner.status, position: runner.position };
    };
    expect(await stopsOf({ stopWhenCaughtUp: true }, 'caught-up.db')).toEqual({
      status: { kind: 'stopped', reason: 'caught-up' },
      position: 99n,
    });
    expect(await stopsOf({ stopAfter: 41n }, 'stop-after.db')).toEqual({
      status: { kind: 'stopped', reason: 'reached-stop-after' },
      position: 41n,
    });
    expect(await stopsOf({}, 'live.db')).toEqual({ status: { kind: 'stopped', reason: 'requested' }, position: 99n });
  });

  it.each([{ stopWhenCaughtUp: true }, { stopAfter: 90n }, {}])(
    'says the subscription ended on its own when the store cuts it short (%j), after committing what it got',
    async (options) => {
      const db = openReadModelDatabase(join(directory, 'read.db'));
      const runner = new ProjectionRunner(subscriptionsEndingEarly(store, 12), db, recordingProjection(), {
        ...options,
        batchSize: 5,
      });
      await runner.start();
      expect(runner.status).toEqual({ kind: 'stopped', reason: 'subscription-ended' });
      expect(applied(db)).toEqual(stored.slice(0, 12));
      expect(runner.position).toBe(11n);
      expect(readCheckpoint(db, 'recording')?.position).toBe(11n);
      db.close();
    },
  );

  it('has reached stopAfter when the subscription ends right after the event at that position', async () => {
    const db = openReadModelDatabase(join(directory, 'read.db'));
    const runner = new ProjectionRunner(subscriptionsEndingEarly(store, 12), db, recordingProjection(), {
      stopAfter: 11n,
    });
    await runner.start();
    expect(runner.status).toEqual({ kind: 'stopped', reason: 'reached-stop-after' });
    db.close();
  });

  it('refuses a read model written by another version of the projection', () => {
    const db = openReadModelDatabase(join(directory, 'read.db'));
    db.prepare("INSERT INTO checkpoints VALUES ('recording', 2, '5', 'now')").run();
    expect(() => new ProjectionRunner(store, db, recordingProjection())).toThrow('projections:rebuild');
    db.close();
  });

  it('refuses it before setting it up: a set-up of another version may not run on its tables', async () => {
    const db = openReadModelDatabase(join(directory, 'read.db'));
    const older = recordingProjection();
    await new ProjectionRunner(store, db, older, { stopWhenCaughtUp: true }).start();
    // The next version indexes a column the older table lacks: set up first, it fails with SQLite's own error.
    const newer: Projection<string> = {
      ...older,
      version: 2,
      setUp: (database) => database.exec('CREATE INDEX IF NOT EXISTS applied_by_kind ON applied (kind)'),
    };
    expect(() => new ProjectionRunner(store, db, newer)).toThrow(
      'Read model "recording" has version 1, this build expects 2: rebuild it with `npm run projections:rebuild`',
    );
    db.close();
  });

  it('refuses to follow a log that ends before its checkpoint (a restored backup), rather than skip what comes next', async () => {
    const db = openReadModelDatabase(join(directory, 'read.db'));
    await new ProjectionRunner(store, db, recordingProjection(), { stopWhenCaughtUp: true }).start();
    const checkpoint = readCheckpoint(db, 'recording')!.position!;

    // The log restored from a backup taken at its tenth event, and written to since: its new events take positions
    // the read model has already passed.
    const restored = new InMemoryEventStore();
    await restored.appendToStream('stream-0', newEvents(10, 'SomethingHappened'));
    const runner = new ProjectionRunner(restored, db, recordingProjection());
    await runner.start();
    expect(runner.status).toMatchObject({ kind: 'failed', event: undefined });
    const error = (runner.status as { error: string }).error;
    expect(error).toContain(`position ${checkpoint}`);
    expect(error).toContain('projections:rebuild');
    expect(applied(db)).toEqual(stored);
    expect(readCheckpoint(db, 'recording')?.position).toBe(checkpoint);
    db.close();
  });
});
