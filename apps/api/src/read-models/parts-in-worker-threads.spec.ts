import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import { ReplayStoppedError, openReadModelDatabase } from '@timeline/projections';
import { Sqlite } from '@timeline/sqlite-driver';
import { toEventData, treatyStreamName } from '@timeline/treaty';
import { registered, signed, uuid } from '@timeline/treaty/testing';
import { partsInWorkerThreads, rebuildPartsFor } from './parts-in-worker-threads';

describe('a rebuild part in a worker thread', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'rebuild-part-worker-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('opens the store itself and applies its part of the log to its own file', async () => {
    const file = join(directory, 'events.db');
    const store = new SqliteEventStore({ file });
    const treatyIds = Array.from({ length: 6 }, (_, index) => `ru-xx-${index}`);
    let through = 0n;
    for (const [index, treatyId] of treatyIds.entries()) {
      const appended = await store.appendToStream(
        treatyStreamName(treatyId),
        [registered({ treatyId }), signed(uuid(index), '2025-01-17')].map((event, revision) => ({
          id: uuid(100 + index * 2 + revision),
          type: event.type,
          data: toEventData(event),
          metadata: { schemaVersion: 1 },
        })),
      );
      through = appended.position;
    }
    await store.close();
    const partFile = join(directory, 'part.db');
    const result = await partsInWorkerThreads({ kind: 'embedded', file })(
      { file: partFile, partition: { index: 0, count: 1 }, through },
      new AbortController().signal,
    );
    expect(result).toEqual({ events: 12 });
    const db = openReadModelDatabase(partFile);
    expect(db.prepare('SELECT treaty_id FROM treaty_status ORDER BY 1').pluck().all()).toEqual(treatyIds);
    db.close();
  });

  it("fails with the worker's reason when its part cannot be rebuilt", async () => {
    const notADirectory = join(directory, 'a-file');
    writeFileSync(notADirectory, '');
    const part = partsInWorkerThreads({ kind: 'embedded', file: join(notADirectory, 'events.db') })(
      { file: join(directory, 'part.db'), partition: { index: 0, count: 2 }, through: 10n },
      new AbortController().signal,
    );
    await expect(part).rejects.toThrow(/EEXIST|ENOTDIR/);
  });

  it('carries where its replay stopped across the thread: the event the store cannot read, named', async () => {
    const file = join(directory, 'events.db');
    const store = new SqliteEventStore({ file });
    const events = [registered({ treatyId: 'ru-xx-0' }), signed(uuid(0), '2025-01-17')];
    const appended = await store.appendToStream(
      treatyStreamName('ru-xx-0'),
      events.map((event, revision) => ({
        id: uuid(100 + revision),
        type: event.type,
        data: toEventData(event),
        metadata: { schemaVersion: 1 },
      })),
    );
    await store.close();
    const db = new Sqlite(file);
    db.prepare("UPDATE events SET data = '{not json' WHERE event_id = ?").run(uuid(101));
    db.close();
    const part = partsInWorkerThreads({ kind: 'embedded', file })(
      { file: join(directory, 'part.db'), partition: { index: 0, count: 1 }, through: appended.position },
      new AbortController().signal,
    );
    const failure = await part.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ReplayStoppedError);
    expect((failure as ReplayStoppedError).stop).toEqual({
      kind: 'unreadable-event',
      projection: 'treaty-status',
      event: {
        eventId: uuid(101),
        streamName: treatyStreamName('ru-xx-0'),
        revision: '1',
        position: appended.position.toString(),
        type: 'TreatySigned',
      },
      error: expect.stringContaining(uuid(101)),
    });
  });

  it('terminates its thread when told to stop (another part failed), and rejects once the thread is gone', async () => {
    const stop = new AbortController();
    const part = partsInWorkerThreads({ kind: 'embedded', file: join(directory, 'events.db') })(
      { file: join(directory, 'part.db'), partition: { index: 0, count: 2 }, through: 10n },
      stop.signal,
    );
    stop.abort();
    await expect(part).rejects.toThrow("The rebuild's worker for part 0 was stopped: another part failed");
  });

  it('takes one part per core unless told, and never more than eight', () => {
    expect(rebuildPartsFor(1)).toBe(1);
    expect(rebuildPartsFor(3)).toBe(3);
    expect(rebuildPartsFor(12)).toBe(8);
    expect(rebuildPartsFor(undefined)).toBeGreaterThanOrEqual(1);
  });
});
