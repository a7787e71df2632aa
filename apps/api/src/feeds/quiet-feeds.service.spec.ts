import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import { InMemoryEventStore } from '@timeline/event-store';
import {
  openReadModelDatabase,
  ProjectionRunner,
  TreatyStatusQueries,
  treatyStatusProjection,
  type TreatyUpdate,
} from '@timeline/projections';
import { toEventData, treatyStreamName, type TreatyEvent } from '@timeline/treaty';
import { consented, registered, registeredMultilateral, retracted, uuid } from '@timeline/treaty/testing';
import type { ReadModels } from '../read-models/read-models.service';
import { QuietFeeds } from './quiet-feeds.service';

const STARTED = new Date('2026-01-05T09:00:00.000Z');

describe('the updated of a feed with no entry', () => {
  let dir: string;
  let now: Date;
  let store: InMemoryEventStore;
  let db: Database;
  let runner: ProjectionRunner<TreatyUpdate>;
  let quiet: QuietFeeds;
  let ids = 0;

  /** Appends at `at`, as the store records it, and waits until the read model has it. */
  const append = async (at: string, stream: string, ...events: TreatyEvent[]) => {
    now = new Date(at);
    const result = await store.appendToStream(
      stream,
      events.map((event) => ({ id: uuid(++ids), type: event.type, data: toEventData(event), metadata: {} })),
    );
    expect(await runner.waitForPosition(result.position, 10_000)).toBe(true);
  };
  const updatedOf = async (scope: Parameters<QuietFeeds['updatedOf']>[0]) =>
    quiet.updatedOf(scope, await quiet.logBegan());

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'timeline-quiet-feeds-'));
    now = new Date('2026-01-01T00:00:00.000Z');
    store = new InMemoryEventStore(() => now);
    db = openReadModelDatabase(join(dir, 'projections.db'));
    runner = new ProjectionRunner(store, db, treatyStatusProjection);
    void runner.start();
    const readModels = { treaties: new TreatyStatusQueries(db) } as unknown as ReadModels;
    quiet = new QuietFeeds(readModels, store, () => STARTED);
  });

  afterEach(async () => {
    await runner.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is when the service started while the log holds nothing, never the epoch', async () => {
    expect(await updatedOf({ every: true })).toBe(STARTED.toISOString());
    expect(await updatedOf({ party: 'CN' })).toBe(STARTED.toISOString());
  });

  it("is a treaty's registration, and for a party's or every development's feed the latest of its treaties'", async () => {
    await append('2026-02-01T10:00:00.000Z', treatyStreamName('first'), registered({ treatyId: 'first' }));
    await append(
      '2026-02-03T10:00:00.000Z',
      treatyStreamName('second'),
      registered({ treatyId: 'second', parties: ['RU', 'KZ'] }),
    );
    expect(await updatedOf({ treatyId: 'first' })).toBe('2026-02-01T10:00:00.000Z');
    expect(await updatedOf({ party: 'IR' })).toBe('2026-02-01T10:00:00.000Z');
    expect(await updatedOf({ party: 'RU' })).toBe('2026-02-03T10:00:00.000Z');
    expect(await updatedOf({ every: true })).toBe('2026-02-03T10:00:00.000Z');
    // A party no treaty ever named: its feed has been empty since the log began, and stays dated so.
    expect(await updatedOf({ party: 'CN' })).toBe('2026-02-01T10:00:00.000Z');
  });

  it('is, for a party whose joining was retracted, never earlier than the retraction that emptied its feed', async () => {
    const convention = 'convention';
    const stream = treatyStreamName(convention);
    await append('2026-03-01T08:00:00.000Z', stream, registeredMultilateral({ treatyId: convention }));
    await append('2026-03-02T08:00:00.000Z', stream, consented(uuid(500), 'FR', 'accession', '2025-11-20'));
    expect(new TreatyStatusQueries(db).partiesOnRecord(convention)).toContain('FR');
    await append('2026-03-09T08:00:00.000Z', stream, retracted(uuid(500)));
    expect(new TreatyStatusQueries(db).partiesOnRecord(convention)).not.toContain('FR');
    expect(await updatedOf({ party: 'FR' })).toBe('2026-03-09T08:00:00.000Z');
  });
});
