import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import { InMemoryEventStore } from '@timeline/event-store';
import { toEventData, treatyStreamName, type TreatyEvent } from '@timeline/treaty';
import { happened, registered, signed, uuid } from '@timeline/treaty/testing';
import { ProjectionRunner } from './projection-runner';
import { openReadModelDatabase } from './read-model-database';
import { openReadModelSnapshot } from './read-model-snapshot';
import { TreatyStatusQueries } from './treaty-status/treaty-status.queries';
import { treatyStatusProjection } from './treaty-status/treaty-status.projection';
import type { TreatyUpdate } from './treaty-status/treaty-update';

const TREATY = registered().data.treatyId;

describe('a snapshot of the read model', () => {
  let dir: string;
  let file: string;
  let store: InMemoryEventStore;
  let db: Database;
  let runner: ProjectionRunner<TreatyUpdate>;
  let live: TreatyStatusQueries;
  let ids = 0;

  const append = async (event: TreatyEvent) => {
    const result = await store.appendToStream(treatyStreamName(TREATY), [
      { id: uuid(++ids), type: event.type, data: toEventData(event) },
    ]);
    expect(await runner.waitForPosition(result.position, 10_000)).toBe(true);
    return result.position;
  };
  const statusOf = (queries: TreatyStatusQueries) => queries.status(TREATY)?.status;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'timeline-read-model-snapshot-'));
    file = join(dir, 'projections.db');
    store = new InMemoryEventStore();
    db = openReadModelDatabase(file);
    runner = new ProjectionRunner(store, db, treatyStatusProjection);
    void runner.start();
    live = new TreatyStatusQueries(db);
  });
  afterEach(async () => {
    await runner.stop();
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the moment it was opened at, whatever the projection commits meanwhile, and reports its position', async () => {
    const registeredAt = await append(registered());
    const snapshot = openReadModelSnapshot(file, treatyStatusProjection.name, live);
    await append(signed(uuid(100), '2025-01-17'));
    expect(snapshot.position).toBe(registeredAt);
    expect(snapshot.version).toBe(treatyStatusProjection.version);
    expect(statusOf(snapshot.treaties)).toBe('registered');
    expect(snapshot.treaties.list({ limit: 10 }).items.map((item) => item.status)).toEqual(['registered']);
    expect(statusOf(live)).toBe('signed');
    snapshot.close();
  });

  it("shares the live connection's views only at the same moment: neither serves the other's", async () => {
    await append(registered());
    // The live connection has rendered the view the snapshot is about to read.
    expect(statusOf(live)).toBe('registered');
    const first = openReadModelSnapshot(file, treatyStatusProjection.name, live);
    await append(signed(uuid(100), '2025-01-17'));
    expect(statusOf(first.treaties)).toBe('registered');
    expect(statusOf(live)).toBe('signed');
    expect(statusOf(first.treaties)).toBe('registered');

    // And the other way round: the live one renders first, the snapshot renders its own and offers it in vain.
    const second = openReadModelSnapshot(file, treatyStatusProjection.name, live);
    await append(happened('TreatyEnteredIntoForce', uuid(101), '2025-01-18'));
    expect(statusOf(live)).toBe('in-force');
    expect(statusOf(second.treaties)).toBe('signed');
    expect(statusOf(live)).toBe('in-force');
    first.close();
    second.close();
  });

  it('outlives the live connection it shares views with: a download open while a rebuilt file is promoted', async () => {
    await append(registered());
    const snapshot = openReadModelSnapshot(file, treatyStatusProjection.name, live);
    // The service switches to the promoted file: it stops the old projection and closes its connection.
    await runner.stop();
    db.close();
    expect(statusOf(snapshot.treaties)).toBe('registered');
    expect(snapshot.treaties.timeline(TREATY)).toBeDefined();
    snapshot.close();
  });
});
