import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import { InMemoryEventStore } from '@timeline/event-store';
import {
  openReadModelDatabase,
  openReadModelSnapshot,
  ProjectionRunner,
  TreatyStatusQueries,
  treatyStatusProjection,
  type ReadModelSnapshot,
  type TreatyUpdate,
} from '@timeline/projections';
import { latestDateOnEarth, toEventData, treatyStreamName, type TreatyEvent } from '@timeline/treaty';
import { registered, signed, uuid } from '@timeline/treaty/testing';
import { csvLines } from '../exports/csv';
import { DEVELOPMENT_COLUMNS, TREATY_COLUMNS } from '../exports/export-columns';
import type { ReadModels } from '../read-models/read-models.service';
import { DevelopmentReads, recordsIn, statusesIn } from './development-reads.service';

/** More treaties than a page of the read model holds (500): a download reads it in two queries at least. */
const TREATIES = 520;
const treatyId = (n: number) => `treaty-${String(n).padStart(4, '0')}`;
/** Its rows come in the second page, long after the first row has been written. */
const LATE = treatyId(TREATIES - 1);

describe('downloads read one snapshot of the read model', () => {
  let dir: string;
  let store: InMemoryEventStore;
  let db: Database;
  let runner: ProjectionRunner<TreatyUpdate>;
  let reads: DevelopmentReads;
  let snapshots: { closed: boolean }[];
  let mostOpenAtOnce: number;
  let ids = 0;

  const append = async (id: string, ...events: TreatyEvent[]) => {
    const result = await store.appendToStream(
      treatyStreamName(id),
      events.map((event) => ({ id: uuid(++ids), type: event.type, data: toEventData(event), metadata: {} })),
    );
    expect(await runner.waitForPosition(result.position, 10_000)).toBe(true);
  };

  const runnerPosition = () => runner.position;

  /** Writes, while a download is half-way: a development of a treaty still to come, and a treaty after the last. */
  const commitMeanwhile = async () => {
    await append(LATE, signed(uuid(9000), '2025-01-17'));
    await append(treatyId(TREATIES), registered({ treatyId: treatyId(TREATIES) }));
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'timeline-download-snapshot-'));
    const file = join(dir, 'projections.db');
    store = new InMemoryEventStore();
    db = openReadModelDatabase(file);
    runner = new ProjectionRunner(store, db, treatyStatusProjection);
    void runner.start();
    for (let n = 0; n < TREATIES; n++) {
      await store.appendToStream(treatyStreamName(treatyId(n)), [
        { id: uuid(++ids), type: 'TreatyRegistered', data: toEventData(registered({ treatyId: treatyId(n) })) },
      ]);
    }
    await append(treatyId(0), signed(uuid(8000), '2024-12-01'));
    const live = new TreatyStatusQueries(db);
    snapshots = [];
    mostOpenAtOnce = 0;
    const readModels = {
      treaties: live,
      snapshot: (): ReadModelSnapshot => {
        const snapshot = openReadModelSnapshot(file, treatyStatusProjection.name, live);
        const opened = { closed: false };
        snapshots.push(opened);
        mostOpenAtOnce = Math.max(mostOpenAtOnce, snapshots.filter((one) => !one.closed).length);
        return {
          ...snapshot,
          close: () => {
            opened.closed = true;
            snapshot.close();
          },
        };
      },
    } as unknown as ReadModels;
    reads = new DevelopmentReads(readModels);
  });

  afterEach(async () => {
    await runner.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [
      'treaties.csv',
      () => reads.openDownload((treaties) => csvLines(TREATY_COLUMNS, statusesIn(treaties))).rows,
      `${treatyId(TREATIES)},`,
    ],
    [
      'developments.csv',
      () => reads.openDownload((treaties) => csvLines(DEVELOPMENT_COLUMNS, recordsIn(treaties))).rows,
      `${LATE},${uuid(9000)},signed`,
    ],
  ])(
    '%s: a write committed while it streams is in no row of it, neither half-way nor at the end',
    async (_, open, written) => {
      const before = [...open()];
      const download = open();
      const streamed = [download.next().value, download.next().value];
      await commitMeanwhile();
      for (const line of download) streamed.push(line);
      expect(streamed).toEqual(before);
      expect(before.join('')).not.toContain(written);
      // The writes did commit: the next download has them.
      expect([...open()].join('')).toContain(written);
      expect(snapshots.every((snapshot) => snapshot.closed)).toBe(true);
    },
  );

  it('every record, read over turns, is of the moment it was asked: a write committed meanwhile is in the next', async () => {
    const reading = reads.everyRecord();
    await commitMeanwhile();
    const read = await reading;
    expect(read.map((record) => record.developmentId)).toEqual([uuid(8000)]);
    expect((await reads.everyRecord()).map((record) => record.developmentId)).toEqual([uuid(8000), uuid(9000)]);
    expect(snapshots).toEqual([{ closed: true }, { closed: true }]);
  });

  it('reads every record for one request at a time: requests that come together wait in turn', async () => {
    const read = await Promise.all([reads.everyRecord(), reads.everyRecord(), reads.everyRecord('FR')]);
    expect(read.map((records) => records.length)).toEqual([1, 1, 0]);
    expect(snapshots).toEqual([{ closed: true }, { closed: true }, { closed: true }]);
    expect(mostOpenAtOnce).toBe(1);
  });

  it('the live read model would have mixed them: the second page shows the write (what the snapshot keeps out)', async () => {
    const statuses = statusesIn(new TreatyStatusQueries(db));
    statuses.next();
    await commitMeanwhile();
    const rest = [...statuses].map((status) => [status.id, status.status]);
    expect(rest.at(-2)).toEqual([LATE, 'signed']);
    expect(rest.at(-1)).toEqual([treatyId(TREATIES), 'registered']);
  });

  it('closes its snapshot when the stream it feeds is destroyed half-way (a client gone)', async () => {
    const stream = Readable.from(
      reads.openDownload((treaties) => csvLines(TREATY_COLUMNS, statusesIn(treaties))).rows,
      { objectMode: false, highWaterMark: 16 },
    );
    await new Promise<void>((resolve) => stream.once('readable', resolve));
    expect(snapshots).toEqual([{ closed: false }]);
    stream.destroy();
    await new Promise<void>((resolve) => stream.once('close', resolve));
    expect(snapshots).toEqual([{ closed: true }]);
  });

  it('names the moment it holds before a row is read, and closes a download never read (a 304)', async () => {
    const download = reads.openDownload((treaties) => csvLines(TREATY_COLUMNS, statusesIn(treaties)));
    expect(download.moment).toEqual({
      position: runnerPosition(),
      version: treatyStatusProjection.version,
      today: latestDateOnEarth(new Date()),
    });
    await commitMeanwhile();
    expect(download.moment.position).not.toBe(runnerPosition());
    expect(snapshots).toEqual([{ closed: false }]);
    download.close();
    download.close();
    expect(snapshots).toEqual([{ closed: true }]);
  });
});
