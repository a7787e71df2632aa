import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import { InMemoryEventStore } from '@timeline/event-store';
import { collect } from '@timeline/event-store/testing';
import {
  EVERY_DEVELOPMENT_FEED,
  openReadModelDatabase,
  TreatyStatusQueries,
  treatyStatusProjection,
} from '@timeline/projections';
import { toEventData, treatyStreamName } from '@timeline/treaty';
import { eventfulLife, TREATY_ID, uuid } from '@timeline/treaty/testing';
import type { ReadModels } from '../read-models/read-models.service';
import { developmentRecords, summaryOf } from './development-records';
import { entryVersionsOf, inLogOrder } from './entry-versions';
import { StoredFeedVersions } from './stored-feed-versions.service';

describe('StoredFeedVersions', () => {
  let dir: string;
  let db: Database;
  let feeds: StoredFeedVersions;
  let queries: TreatyStatusQueries;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'timeline-stored-feeds-'));
    db = openReadModelDatabase(join(dir, 'projections.db'));
    treatyStatusProjection.setUp(db);
    const store = new InMemoryEventStore();
    // A corroboration, a correction and a retraction among its events: versions that are not their entry's latest.
    for (const [index, event] of eventfulLife().entries()) {
      await store.appendToStream(treatyStreamName(TREATY_ID), [
        { id: uuid(700 + index), type: event.type, data: toEventData(event), metadata: { schemaVersion: 1 } },
      ]);
    }
    const log = await collect(store.readAll());
    db.transaction(() => treatyStatusProjection.apply(db, log))();
    queries = new TreatyStatusQueries(db);
    feeds = new StoredFeedVersions({ treaties: queries } as unknown as ReadModels);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("renders the stored versions as decision 0053 derived them from the treaty's records, latest ones marked", () => {
    const records = developmentRecords(summaryOf(queries.status(TREATY_ID)!), queries.timeline(TREATY_ID)!);
    const derived = records.flatMap(entryVersionsOf).sort(inLogOrder);
    const { versions } = feeds.toRender(queries.feedVersions(EVERY_DEVELOPMENT_FEED, 0, 100));
    expect(versions).toEqual(derived);
    expect(versions.filter((version) => !version.latest).length).toBeGreaterThan(0);
    expect(
      feeds
        .archives(EVERY_DEVELOPMENT_FEED)
        .subscription()
        .map((version) => version.entryId),
    ).toEqual(
      derived
        .filter((version) => version.latest)
        .reverse()
        .map((version) => version.entryId),
    );
  });

  it('leaves out the versions of a treaty deleted for good, whose places stay taken', () => {
    const count = queries.feedVersionCount(EVERY_DEVELOPMENT_FEED);
    db.transaction(() =>
      treatyStatusProjection.streamDeleted!(db, {
        kind: 'stream-deleted',
        streamName: treatyStreamName(TREATY_ID),
        position: 1_000n,
      }),
    )();
    expect(queries.feedVersionCount(EVERY_DEVELOPMENT_FEED)).toBe(count);
    const { versions, records } = feeds.toRender(queries.feedVersions(EVERY_DEVELOPMENT_FEED, 0, 100));
    expect(versions).toEqual([]);
    expect(records.size).toBe(0);
  });
});
