import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import { InMemoryEventStore, type StreamDeletedNotice } from '@timeline/event-store';
import {
  openReadModelDatabase,
  ProjectionRunner,
  TreatyStatusQueries,
  treatyStatusProjection,
  type TreatyUpdate,
} from '@timeline/projections';
import { toEventData, treatyStreamName, type TreatyEvent } from '@timeline/treaty';
import {
  consented,
  corrected,
  registered,
  registeredMultilateral,
  retracted,
  signed,
  statement,
  uuid,
} from '@timeline/treaty/testing';
import type { ReadModels } from '../read-models/read-models.service';
import { FeedDates } from './feed-dates.service';

const STARTED = new Date('2026-01-05T09:00:00.000Z');

describe('the updated of a feed', () => {
  let dir: string;
  let now: Date;
  let store: InMemoryEventStore;
  let db: Database;
  let runner: ProjectionRunner<TreatyUpdate>;
  let dates: FeedDates;
  let ids = 0;

  /** Appends at `at`, as the store records it, and waits until the read model has it. */
  const append = async (at: string, stream: string, ...events: TreatyEvent[]) => {
    now = new Date(at);
    const result = await store.appendToStream(
      stream,
      events.map((event) => ({ id: uuid(++ids), type: event.type, data: toEventData(event), metadata: {} })),
    );
    expect(await runner.waitForPosition(result.position, 10_000)).toBe(true);
    lastPosition = result.position;
  };
  let lastPosition = -1n;
  const updatedOf = async (scope: Parameters<FeedDates['updatedOf']>[0]) =>
    dates.updatedOf(scope, await dates.logBegan());

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'timeline-feed-dates-'));
    now = new Date('2026-01-01T00:00:00.000Z');
    store = new InMemoryEventStore(() => now);
    db = openReadModelDatabase(join(dir, 'projections.db'));
    runner = new ProjectionRunner(store, db, treatyStatusProjection);
    void runner.start();
    const readModels = { treaties: new TreatyStatusQueries(db) } as unknown as ReadModels;
    dates = new FeedDates(readModels, store, () => STARTED);
  });

  afterEach(async () => {
    await runner.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('with no entry', () => {
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

  describe("of a party's feed that a treaty left", () => {
    const convention = 'convention';
    const stream = treatyStreamName(convention);
    const SIGNED = '2026-03-02T08:00:00.000Z';
    const CORRECTED = '2026-03-05T08:00:00.000Z';
    const RETRACTED = '2026-03-07T08:00:00.000Z';
    const updatedWith = async (party: string, newestEntry?: string) =>
      dates.updatedOf({ party }, await dates.logBegan(), newestEntry);

    beforeEach(async () => {
      // DE's own treaty, whose signature is the newest entry DE's feed keeps.
      const home = treatyStreamName('home');
      await append('2026-03-01T08:00:00.000Z', home, registered({ treatyId: 'home', parties: ['DE', 'AT'] }));
      await append(SIGNED, home, signed(uuid(400), '2025-01-10'));
      // A convention DE was reported to join; the joining was FR's (corrected), then nobody's (retracted).
      await append('2026-03-03T08:00:00.000Z', stream, registeredMultilateral({ treatyId: convention }));
      await append('2026-03-04T08:00:00.000Z', stream, consented(uuid(500), 'DE', 'accession', '2025-11-20'));
      await append(CORRECTED, stream, corrected(uuid(500), { party: 'FR' }));
      await append('2026-03-06T08:00:00.000Z', stream, statement(uuid(501), 'A. Spokesperson', 'Noted.', '2025-12-01'));
      await append(RETRACTED, stream, retracted(uuid(500)));
      await append('2026-03-08T08:00:00.000Z', stream, statement(uuid(502), 'A. Spokesperson', 'Again.', '2025-12-02'));
      expect(new TreatyStatusQueries(db).partiesOnRecord(convention)).not.toContain('DE');
      expect(new TreatyStatusQueries(db).partiesOnRecord(convention)).not.toContain('FR');
    });

    it('is the event that took the treaty out, when the newest entry left is older: it never goes back', async () => {
      expect(await updatedWith('DE', SIGNED)).toBe(CORRECTED);
    });

    it("is the newest entry's when that is later, and a feed with no departure keeps its newest entry's", async () => {
      expect(await updatedWith('DE', '2026-03-09T08:00:00.000Z')).toBe('2026-03-09T08:00:00.000Z');
      expect(await updatedWith('AT', SIGNED)).toBe(SIGNED);
    });

    it("is not moved by the events of a treaty after it left the party's feed, with entries or none", async () => {
      // The statement and the retraction came after the correction had taken the convention out of DE's feed, and the
      // last statement after the retraction took it out of FR's: neither feed changed with them.
      expect(await updatedWith('DE')).toBe(CORRECTED);
      expect(await updatedWith('FR')).toBe(RETRACTED);
    });

    it('is the last departure of a treaty that left the party, came back and left again', async () => {
      expect(await updatedWith('DE', SIGNED)).toBe(CORRECTED);
      await append('2026-03-10T08:00:00.000Z', stream, consented(uuid(503), 'DE', 'ratification', '2025-12-10'));
      expect(new TreatyStatusQueries(db).partiesOnRecord(convention)).toContain('DE');
      expect(await updatedWith('DE', '2026-03-10T08:00:00.000Z')).toBe('2026-03-10T08:00:00.000Z');
      await append('2026-03-11T08:00:00.000Z', stream, retracted(uuid(503)));
      expect(await updatedWith('DE', SIGNED)).toBe('2026-03-11T08:00:00.000Z');
    });
  });

  describe('of a feed that held a treaty deleted for good (on EventStoreDB)', () => {
    const HOME_SIGNED = '2026-04-02T08:00:00.000Z';
    const DELETED = '2026-04-06T08:00:00.000Z';
    const updatedWith = async (scope: Parameters<FeedDates['updatedOf']>[0], newestEntry?: string) =>
      dates.updatedOf(scope, await dates.logBegan(), newestEntry);

    beforeEach(async () => {
      const home = treatyStreamName('home');
      await append('2026-04-01T08:00:00.000Z', home, registered({ treatyId: 'home', parties: ['DE', 'AT'] }));
      await append(HOME_SIGNED, home, signed(uuid(600), '2025-01-10'));
      // The treaty whose signature is the newest entry of DE's feed and of every development's, until deleted.
      const gone = treatyStreamName('gone');
      await append('2026-04-03T08:00:00.000Z', gone, registered({ treatyId: 'gone', parties: ['DE', 'FR'] }));
      await append('2026-04-04T08:00:00.000Z', gone, signed(uuid(601), '2025-02-10'));
      // The operator's tombstone, as the EventStoreDB adapter reports it: where and when the log recorded it.
      await runner.stop();
      const notice: StreamDeletedNotice = {
        kind: 'stream-deleted',
        streamName: gone,
        position: lastPosition + 1n,
        recordedAt: new Date(DELETED),
      };
      db.transaction(() => treatyStatusProjection.streamDeleted!(db, notice))();
      expect(new TreatyStatusQueries(db).treatyIds('DE')).toEqual(['home']);
    });

    it('is the deletion, not the newest entry left, for the feeds of its parties and of every development', async () => {
      expect(await updatedWith({ party: 'DE' }, HOME_SIGNED)).toBe(DELETED);
      expect(await updatedWith({ every: true }, HOME_SIGNED)).toBe(DELETED);
      // FR's feed holds nothing any more: it was emptied by the deletion, not as it was when the log began.
      expect(await updatedWith({ party: 'FR' })).toBe(DELETED);
    });

    it("leaves the feed of a party it never had as it was, and a newer entry's date stands", async () => {
      expect(await updatedWith({ party: 'AT' }, HOME_SIGNED)).toBe(HOME_SIGNED);
      expect(await updatedWith({ party: 'DE' }, '2026-04-07T08:00:00.000Z')).toBe('2026-04-07T08:00:00.000Z');
    });
  });
});
