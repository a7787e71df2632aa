import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import {
  InMemoryEventStore,
  type RecordedEvent,
  type StreamDeletedNotice,
  type SubscriptionMessage,
} from '@timeline/event-store';
import { collect, scriptedStore } from '@timeline/event-store/testing';
import {
  latestDateOnEarth,
  linksFromOthers,
  toEventData,
  treatyIdFromStreamName,
  TreatyHistoryFold,
  treatyStatusView,
  treatyStreamName,
  treatyTimelineView,
  type TreatyEvent,
} from '@timeline/treaty';
import {
  consented,
  eventfulLife,
  happened,
  registered,
  registeredMultilateral,
  retracted,
  signed,
  source,
  statement,
  uuid,
} from '@timeline/treaty/testing';
import { ProjectionRunner } from '../projection-runner';
import { openReadModelDatabase } from '../read-model-database';
import { openReadModelSnapshot } from '../read-model-snapshot';
import { toJsonText } from './json-view';
import { toTreatyEnvelope } from './treaty-envelopes';
import { treatyStatusProjection } from './treaty-status.projection';
import { openTreatyFolds } from './open-treaty-folds';
import { diffTreatyReadModels } from './treaty-status.diff';
import { TreatyStatusQueries } from './treaty-status.queries';

/** Two treaties' lives, interleaved in the log: corroborations, a correction and a retraction among them. */
const FIRST: TreatyEvent[] = eventfulLife();
const SECOND_ID = 'eaeu-ir-fta';
/** It names the first: a relation from its registration, and a statement (what the first's views show of it). */
const SECOND: TreatyEvent[] = [
  registered({
    treatyId: SECOND_ID,
    title: 'EAEU–Iran free-trade agreement',
    parties: ['EAEU', 'IR'],
    relations: [{ type: 'builds-on', treatyId: registered().data.treatyId }],
  }),
  signed(uuid(11), '2023-12-25'),
  happened('TreatyEnteredIntoForce', uuid(12), '2025-05-15'),
  statement(uuid(13), 'A. Overchuk', 'It builds on the partnership treaty.', '2025-05-16', [
    registered().data.treatyId,
  ]),
];

async function interleavedLog(): Promise<RecordedEvent[]> {
  const store = new InMemoryEventStore();
  for (let index = 0; index < Math.max(FIRST.length, SECOND.length); index++) {
    for (const [treatyId, events] of [
      [registered().data.treatyId, FIRST],
      ['eaeu-ir-fta', SECOND],
    ] as const) {
      const event = events[index];
      if (!event) continue;
      await store.appendToStream(treatyStreamName(treatyId), [
        {
          id: uuid(500 + index * 2 + (events === FIRST ? 0 : 1)),
          type: event.type,
          data: toEventData(event),
          metadata: { schemaVersion: 1 },
        },
      ]);
    }
  }
  return collect(store.readAll());
}

type StatusRow = { treaty_id: string; status: string; revision: number; status_view: string; timeline_view: string };

/** Each treaty's row and its views as a read renders them. */
function rows(db: Database): StatusRow[] {
  const queries = new TreatyStatusQueries(db);
  const stored = db.prepare('SELECT treaty_id, status, revision FROM treaty_status ORDER BY treaty_id').all() as {
    treaty_id: string;
    status: string;
    revision: number;
  }[];
  return stored.map((row) => ({
    ...row,
    status_view: toJsonText(queries.status(row.treaty_id)!),
    timeline_view: toJsonText(queries.timeline(row.treaty_id)!),
  }));
}

/** What a read of each treaty must find: the domain's views folded over its whole stream at once. */
function expectedRows(log: readonly RecordedEvent[]): StatusRow[] {
  const byTreaty = new Map<string, RecordedEvent[]>();
  for (const event of log) byTreaty.set(event.streamName, [...(byTreaty.get(event.streamName) ?? []), event]);
  const streams = [...byTreaty.values()].map((events) => events.map(toTreatyEnvelope));
  const links = linksFromOthers(
    streams.map((envelopes) => {
      const fold = new TreatyHistoryFold();
      envelopes.forEach((envelope) => fold.add(envelope));
      return fold.history()!;
    }),
  );
  return streams
    .map((envelopes) => {
      const today = latestDateOnEarth(new Date());
      const status = treatyStatusView(envelopes, { today })!;
      return {
        treaty_id: status.id,
        status: status.status,
        revision: Number(status.revision),
        status_view: toJsonText(treatyStatusView(envelopes, { today }, links.get(status.id))!),
        timeline_view: toJsonText(treatyTimelineView(envelopes, {}, links.get(status.id))!),
      };
    })
    .sort((a, b) => a.treaty_id.localeCompare(b.treaty_id));
}

/** The two histories as if the second treaty's events were all appended after the first's, positions renumbered. */
function oneAfterTheOther(
  first: readonly RecordedEvent[],
  second: readonly RecordedEvent[],
): [RecordedEvent[], RecordedEvent[]] {
  const log = [...first, ...second].map((event, index) => ({ ...event, position: BigInt(index + 1) }));
  return [log.slice(0, first.length), log.slice(first.length)];
}

function applyInBatches(db: Database, log: readonly RecordedEvent[], size: number): void {
  for (let start = 0; start < log.length; start += size) {
    db.transaction(() => treatyStatusProjection.apply(db, log.slice(start, start + size)))();
  }
}

describe('the treaty-status projection', () => {
  let log: RecordedEvent[];
  let directory: string;
  const open = (): Database => {
    const db = openReadModelDatabase(join(directory, 'projections.db'));
    treatyStatusProjection.setUp(db);
    return db;
  };
  beforeAll(async () => {
    log = await interleavedLog();
  });
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'timeline-treaty-status-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it.each([1, 2, 3, 5, 13])('renders what a fold of the whole stream renders, in batches of %i', (size) => {
    const db = open();
    applyInBatches(db, log, size);
    expect(rows(db)).toEqual(expectedRows(log));
    expect(rows(db).map((row) => row.status)).toEqual(['in-force', 'in-force']);
    db.close();
  });

  it('folds again from its own tables when the open fold is gone (a restart)', () => {
    const half = Math.floor(log.length / 2);
    const before = open();
    applyInBatches(before, log.slice(0, half), 2);
    before.close();
    const after = open();
    applyInBatches(after, log.slice(half), 2);
    expect(rows(after)).toEqual(expectedRows(log));
    after.close();
  });

  it('is not led astray by a batch whose transaction rolled back after it was applied', () => {
    const db = open();
    applyInBatches(db, log.slice(0, 6), 3);
    const next = log.slice(6, 10);
    expect(() =>
      db.transaction(() => {
        treatyStatusProjection.apply(db, next);
        throw new Error('the checkpoint could not be written');
      })(),
    ).toThrow('the checkpoint could not be written');
    applyInBatches(db, log.slice(6), 4);
    expect(rows(db)).toEqual(expectedRows(log));
    db.close();
  });

  it('publishes each changed treaty once per batch, in log order, with its status', () => {
    const db = open();
    const updates = db.transaction(() => treatyStatusProjection.apply(db, log))();
    expect(updates.map((update) => update.treatyId)).toEqual(['eaeu-ir-fta', registered().data.treatyId]);
    expect(updates.map((update) => update.status.status)).toEqual(['in-force', 'in-force']);
    expect(updates[1]!.position).toBe(log.at(-1)!.position);
    db.close();
  });

  it('publishes the status a treaty showed before its own event: from its open fold, or from its row once that is gone', () => {
    const db = open();
    const shown = new Map<string, string>();
    const turns: string[] = [];
    for (const [index, event] of log.entries()) {
      if (index % 3 === 2) openTreatyFolds(db).clear();
      for (const update of db.transaction(() => treatyStatusProjection.apply(db, [event]))()) {
        const status = update.status.status as string;
        // Named by another's event only, its status did not change there: nothing to tell a filter.
        const own = treatyIdFromStreamName(event.streamName) === update.treatyId;
        expect(update.previousStatus).toBe(own ? shown.get(update.treatyId) : undefined);
        if (own && update.previousStatus !== undefined && update.previousStatus !== status)
          turns.push(`${update.previousStatus}>${status}`);
        shown.set(update.treatyId, status);
      }
    }
    expect(turns).toEqual(expect.arrayContaining(['registered>signed']));
    db.close();
  });

  it('publishes a treaty that another comes to name, at the position of the event that names it', () => {
    const db = open();
    const named = registered().data.treatyId;
    const [first, second] = oneAfterTheOther(
      log.filter((event) => event.streamName === treatyStreamName(named)),
      log.filter((event) => event.streamName === treatyStreamName(SECOND_ID)),
    );
    applyInBatches(db, first, first.length);
    expect(new TreatyStatusQueries(db).viewPositions()).toEqual([[named, first.at(-1)!.position]]);
    // The second treaty's registration states that it builds on the first.
    const at = second[0]!.position;
    const updates = db.transaction(() => treatyStatusProjection.apply(db, second.slice(0, 1)))();
    // Both treaties' views last changed there: what is rendered from the first's is known to have moved.
    expect(new TreatyStatusQueries(db).viewPositions()).toEqual([
      [SECOND_ID, at],
      [named, at],
    ]);
    expect(updates.map(({ treatyId, position, lastAtPosition }) => ({ treatyId, position, lastAtPosition }))).toEqual([
      { treatyId: SECOND_ID, position: at, lastAtPosition: false },
      { treatyId: named, position: at, lastAtPosition: true },
    ]);
    expect(updates[1]!.status.relations).toEqual([{ type: 'built-on-by', treatyId: SECOND_ID, direction: 'incoming' }]);
    // Listed as changed at that position, both in one page however small: a page never ends inside a position.
    const changed = new TreatyStatusQueries(db).changedAfter(first.at(-1)!.position, 1);
    expect(changed.map((update) => [update.treatyId, update.position, update.lastAtPosition])).toEqual([
      [SECOND_ID, at, false],
      [named, at, true],
    ]);
    // An event that names no one changes only its own treaty.
    const next = db.transaction(() => treatyStatusProjection.apply(db, second.slice(1, 2)))();
    expect(next.map((update) => [update.treatyId, update.position])).toEqual([[SECOND_ID, second[1]!.position]]);
    db.close();
  });

  it('publishes a named treaty only when what is said of it changes, not with every event that may say something', () => {
    const db = open();
    const named = registered().data.treatyId;
    const [first, second] = oneAfterTheOther(
      log.filter((event) => event.streamName === treatyStreamName(named)),
      log.filter((event) => event.streamName === treatyStreamName(SECOND_ID)),
    );
    applyInBatches(db, [...first, ...second.slice(0, 2)], 100);
    // The second treaty's signature corroborated: it may change what the second says of others, and does not.
    const signature = second[1]!;
    const corroboration: RecordedEvent = {
      ...signature,
      id: uuid(700),
      type: 'DevelopmentCorroborated',
      data: toEventData({
        type: 'DevelopmentCorroborated',
        data: { treatyId: SECOND_ID, developmentId: uuid(11), occurredOn: '2025-05-17', source: source() },
      }),
      revision: signature.revision + 1n,
      position: second.at(-1)!.position + 1n,
    };
    const updates = db.transaction(() => treatyStatusProjection.apply(db, [corroboration]))();
    expect(updates.map((update) => [update.treatyId, update.position])).toEqual([[SECOND_ID, corroboration.position]]);
    db.close();
  });

  it('counts a treaty that a statement lists twice as named once: a later event leaves it as it was', () => {
    const db = open();
    const named = registered().data.treatyId;
    const [first, second] = oneAfterTheOther(
      log.filter((event) => event.streamName === treatyStreamName(named)),
      log.filter((event) => event.streamName === treatyStreamName(SECOND_ID)),
    );
    const registration = second[0]!;
    const next = (event: TreatyEvent, step: bigint): RecordedEvent => ({
      ...registration,
      id: uuid(710 + Number(step)),
      type: event.type,
      data: toEventData(event),
      revision: registration.revision + step,
      position: second.at(-1)!.position + step,
    });
    const twice = next(statement(uuid(14), 'A. Overchuk', 'It builds on it.', '2025-05-16', [named, named]), 1n);
    applyInBatches(db, [...first, registration, twice], 100);
    // Another statement, naming no one: what the second says of the first stays as it was.
    const another = next(statement(uuid(15), 'M. Jalali', 'Trade grows.', '2025-05-18'), 2n);
    const updates = db.transaction(() => treatyStatusProjection.apply(db, [another]))();
    expect(updates.map((update) => update.treatyId)).toEqual([SECOND_ID]);
    db.close();
  });

  describe('renders views on read', () => {
    const FIRST_ID = registered().data.treatyId;
    const ofTreaty = (id: string) => log.filter((event) => event.streamName === treatyStreamName(id));

    it('renders a view when first read and serves it as rendered until the treaty changes', () => {
      const db = open();
      applyInBatches(db, log, 4);
      const queries = new TreatyStatusQueries(db);
      const first = [queries.status(FIRST_ID), queries.timeline(FIRST_ID)];
      // Nothing left to render from: only the views read before can answer.
      db.exec('DELETE FROM treaty_event_chunks');
      openTreatyFolds(db).clear();
      expect([queries.status(FIRST_ID), queries.timeline(FIRST_ID)]).toEqual(first);
      expect(() => queries.status(SECOND_ID)).toThrow(`The read model holds ${SECOND_ID} but none of its events`);
      db.close();
    });

    it("renders a treaty's views again after its own events", () => {
      const db = open();
      const events = ofTreaty(FIRST_ID);
      applyInBatches(db, events.slice(0, 3), 3);
      const queries = new TreatyStatusQueries(db);
      expect([queries.status(FIRST_ID)?.revision, queries.timeline(FIRST_ID)?.revision]).toEqual(['2', '2']);
      applyInBatches(db, events.slice(3), 1);
      const last = String(events.length - 1);
      expect([queries.status(FIRST_ID)?.revision, queries.timeline(FIRST_ID)?.revision]).toEqual([last, last]);
      expect(rows(db)).toEqual(expectedRows(events));
      db.close();
    });

    it('renders the views of a treaty again when another treaty comes to name it', () => {
      const db = open();
      const [first, second] = oneAfterTheOther(ofTreaty(FIRST_ID), ofTreaty(SECOND_ID));
      applyInBatches(db, first, 5);
      const queries = new TreatyStatusQueries(db);
      expect(queries.status(FIRST_ID)?.relations).toEqual([]);
      expect(queries.timeline(FIRST_ID)?.linkedItems).toEqual([]);
      // Its revision does not move: only the views of the first treaty show what the second says of it.
      const revision = queries.status(FIRST_ID)?.revision;
      applyInBatches(db, second, 1);
      expect(queries.status(FIRST_ID)?.relations).toEqual([
        { type: 'built-on-by', treatyId: SECOND_ID, direction: 'incoming' },
      ]);
      expect(queries.timeline(FIRST_ID)?.linkedItems).toEqual([
        expect.objectContaining({ type: 'statement', fromTreatyId: SECOND_ID, developmentId: uuid(13) }),
      ]);
      expect(queries.status(FIRST_ID)?.revision).toBe(revision);
      db.close();
    });

    it('forgets what a treaty said of another once that is retracted, in a later batch', () => {
      const db = open();
      const second = ofTreaty(SECOND_ID);
      const last = second.at(-1)!;
      const retraction: RecordedEvent = {
        ...last,
        id: uuid(600),
        type: 'DevelopmentRetracted',
        data: toEventData(retracted(uuid(13))),
        revision: last.revision + 1n,
        position: log.at(-1)!.position + 1n,
      };
      // The stream's first batch indexes its links from nothing; the later one must replace them.
      applyInBatches(db, [...ofTreaty(FIRST_ID), ...second], log.length);
      const queries = new TreatyStatusQueries(db);
      expect(queries.timeline(FIRST_ID)?.linkedItems).toHaveLength(1);
      const updates = db.transaction(() => treatyStatusProjection.apply(db, [retraction]))();
      // What the second no longer says of the first is a change of the first's, published at the retraction.
      expect(updates.map((update) => [update.treatyId, update.position])).toEqual([
        [SECOND_ID, retraction.position],
        [FIRST_ID, retraction.position],
      ]);
      expect(queries.timeline(FIRST_ID)?.linkedItems).toEqual([]);
      expect(queries.status(FIRST_ID)?.relations).toEqual([
        { type: 'built-on-by', treatyId: SECOND_ID, direction: 'incoming' },
      ]);
      db.close();
    });

    it('remembers a treaty named and unnamed again within one batch: its linker, and the change to the named views', async () => {
      // Y states something about X, then retracts it: applied one event at a time (live) or in one batch (a rebuild).
      const [X, Y] = ['ir-tm-gas', 'ru-by-union'];
      const store = new InMemoryEventStore();
      const append = (treatyId: string, event: TreatyEvent, id: number) =>
        store.appendToStream(treatyStreamName(treatyId), [
          { id: uuid(id), type: event.type, data: toEventData(event), metadata: { schemaVersion: 1 } },
        ]);
      await append(X, registered({ treatyId: X, title: 'Gas' }), 700);
      await append(Y, registered({ treatyId: Y, title: 'Union' }), 701);
      await append(Y, statement(uuid(702), 'A. Lukashenko', 'Gas matters.', '2025-07-01', [X]), 702);
      await append(Y, retracted(uuid(702)), 703);
      const events = await collect(store.readAll());
      const retraction = events.at(-1)!.position;
      for (const size of [1, events.length]) {
        const db = openReadModelDatabase(join(directory, `batches-of-${size}.db`));
        treatyStatusProjection.setUp(db);
        applyInBatches(db, events, size);
        const queries = new TreatyStatusQueries(db);
        expect(queries.linkers(X)).toEqual([Y]);
        expect(queries.timeline(X)?.linkedItems).toEqual([]);
        // A client that saw the statement (live, or before a rebuild) must hear of the retraction.
        expect(db.prepare('SELECT views_position FROM treaty_status WHERE treaty_id = ?').pluck().get(X)).toBe(
          Number(retraction),
        );
        db.close();
      }
    });

    it('a rebuild renders, for every treaty, the views that applying one event at a time renders', () => {
      const incremental = open();
      const queries = new TreatyStatusQueries(incremental);
      for (const event of log) {
        incremental.transaction(() => treatyStatusProjection.apply(incremental, [event]))();
        // Read every view after every event, so that each cached view must give way to the next.
        for (const id of [FIRST_ID, SECOND_ID]) {
          queries.status(id);
          queries.timeline(id);
        }
      }
      const rebuilt = openReadModelDatabase(join(directory, 'rebuilt.db'));
      treatyStatusProjection.setUp(rebuilt);
      rebuilt.transaction(() => treatyStatusProjection.apply(rebuilt, log))();
      expect(rows(incremental)).toEqual(rows(rebuilt));
      expect(rows(rebuilt)).toEqual(expectedRows(log));
      expect(diffTreatyReadModels(incremental, rebuilt)).toEqual([]);
      incremental.close();
      rebuilt.close();
    });
  });

  describe("a treaty's parties, as listings filter on them (decision 0055)", () => {
    const ID = 'parties-convention';
    /** FR accedes, the report is retracted, then GR accedes: FR was once a party, and is not any more. */
    const life = [
      registeredMultilateral({ treatyId: ID }),
      consented(uuid(2), 'FR', 'accession', '2025-09-01'),
      retracted(uuid(2)),
      consented(uuid(3), 'GR', 'accession', '2025-10-01'),
    ];
    const logOf = async (): Promise<RecordedEvent[]> => {
      const store = new InMemoryEventStore();
      for (const [index, event] of life.entries()) {
        await store.appendToStream(treatyStreamName(ID), [
          { id: uuid(800 + index), type: event.type, data: toEventData(event), metadata: { schemaVersion: 1 } },
        ]);
      }
      return collect(store.readAll());
    };
    const partyRows = (db: Database) =>
      db.prepare('SELECT party, on_record FROM treaty_parties WHERE treaty_id = ? ORDER BY party').all(ID);
    const listedUnder = (db: Database, party: string) =>
      new TreatyStatusQueries(db).list({ party, limit: 10 }).items.map((item) => item['id']);

    it('lists the treaty under its parties now, and keeps the one it lost, in any batches', async () => {
      const events = await logOf();
      for (const size of [1, 2, events.length]) {
        const db = open();
        applyInBatches(db, events, size);
        expect({ size, rows: partyRows(db) }).toEqual({
          size,
          rows: ['AT', 'BE', 'CZ', 'DK', 'EE', 'FR', 'GR'].map((party) => ({
            party,
            on_record: party === 'FR' ? 0 : 1,
          })),
        });
        expect(listedUnder(db, 'FR')).toEqual([]);
        expect(listedUnder(db, 'GR')).toEqual([ID]);
        expect(new TreatyStatusQueries(db).viewPositions('FR')).toEqual([]);
        expect(new TreatyStatusQueries(db).viewPositions('GR')).toEqual([[ID, events.at(-1)!.position]]);
        expect(new TreatyStatusQueries(db).partiesOnceNamed(ID)).toContain('FR');
        db.close();
        rmSync(join(directory, 'projections.db'), { force: true });
      }
    });

    it('publishes the parties a treaty had before its own event: from its open fold, or from its rows once gone', async () => {
      for (const evict of [false, true]) {
        const db = open();
        const seen: (readonly string[] | undefined)[] = [];
        for (const event of await logOf()) {
          if (evict) openTreatyFolds(db).clear();
          const [update] = db.transaction(() => treatyStatusProjection.apply(db, [event]))();
          seen.push(update!.previousParties);
        }
        const originals = ['AT', 'BE', 'CZ', 'DK', 'EE'];
        expect({ evict, seen }).toEqual({
          evict,
          seen: [undefined, originals, [...originals, 'FR'], originals],
        });
        db.close();
        rmSync(join(directory, 'projections.db'), { force: true });
      }
    });
  });

  describe('the present, as the calendar moves (decision 0035)', () => {
    const ID = 'sample-convention';
    /** In force 30 days after the second instrument, 20 November 2025: on 20 December 2025. */
    const entering = [
      registeredMultilateral({ treatyId: ID, entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } }),
      consented(uuid(2), 'AT', 'ratification', '2025-11-10'),
      consented(uuid(3), 'BE', 'ratification', '2025-11-20'),
    ];
    /** Only Date is faked: the store and the database keep their timers. */
    const onlyDate = (now: string) =>
      jest.useFakeTimers({
        now: new Date(now),
        doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout'],
      });
    afterEach(() => {
      jest.useRealTimers();
    });

    async function logOf(events: readonly TreatyEvent[]): Promise<RecordedEvent[]> {
      const store = new InMemoryEventStore();
      await store.appendToStream(
        treatyStreamName(ID),
        events.map((event, index) => ({
          id: uuid(700 + index),
          type: event.type,
          data: toEventData(event),
          metadata: { schemaVersion: 1 },
        })),
      );
      return collect(store.readAll());
    }

    it('renders the status again on the day a date it computes comes, and lists the treaty by that day’s status', async () => {
      onlyDate('2025-12-01T12:00:00Z');
      const db = open();
      applyInBatches(db, await logOf(entering), 3);
      const queries = new TreatyStatusQueries(db);
      const listed = (status: string) => queries.list({ status, limit: 10 }).items.map((item) => item['id']);
      expect(queries.status(ID)).toMatchObject({ status: 'ratification-in-progress', nextChangeOn: '2025-12-20' });
      expect([listed('in-force'), listed('ratification-in-progress')]).toEqual([[], [ID]]);

      // 09:59 UTC on 19 December: 20 December has begun nowhere yet.
      jest.setSystemTime(new Date('2025-12-19T09:59:00Z'));
      expect(queries.status(ID)).toMatchObject({ status: 'ratification-in-progress' });
      // 10:00 UTC: midnight of 20 December at UTC+14, the present's day (the decider's too).
      jest.setSystemTime(new Date('2025-12-19T10:00:00Z'));
      expect(queries.status(ID)).toMatchObject({
        status: 'in-force',
        enteredIntoForceOn: '2025-12-20',
        nextChangeOn: null,
      });
      expect([listed('in-force'), listed('ratification-in-progress')]).toEqual([[ID], []]);
      db.close();
    });

    it('names the treaties a day changes, with their status from it and before it, and no other day (decision 0039)', async () => {
      onlyDate('2025-12-01T12:00:00Z');
      const db = open();
      applyInBatches(db, await logOf(entering), 3);
      const queries = new TreatyStatusQueries(db);
      const turn = { treatyId: ID, day: '2025-12-20', status: 'in-force', previousStatus: 'ratification-in-progress' };
      expect(queries.statusTurns('2025-12-19', '2025-12-20')).toEqual([turn]);
      expect(queries.statusTurns('2025-12-01', '2026-01-01')).toEqual([turn]);
      expect(queries.statusTurns('2025-12-18', '2025-12-19')).toEqual([]);
      expect(queries.statusTurns('2025-12-20', '2025-12-31')).toEqual([]);
      expect(queries.statusTurns('2025-12-20', '2025-12-20')).toEqual([]);
      db.close();
    });

    it('a snapshot (a download) keeps the day it was opened on, though midnight passes while it is read', async () => {
      onlyDate('2025-12-19T09:00:00Z');
      const db = open();
      applyInBatches(db, await logOf(entering), 3);
      const live = new TreatyStatusQueries(db);
      const snapshot = openReadModelSnapshot(join(directory, 'projections.db'), treatyStatusProjection.name, live);
      try {
        // 10:00 UTC: 20 December has begun at UTC+14, the day the convention enters into force.
        jest.setSystemTime(new Date('2025-12-19T10:00:00Z'));
        expect(live.status(ID)).toMatchObject({ status: 'in-force' });
        expect(snapshot.treaties.today()).toBe('2025-12-19');
        expect(snapshot.treaties.status(ID)).toMatchObject({ status: 'ratification-in-progress' });
        expect(snapshot.treaties.list({ status: 'ratification-in-progress', limit: 10 }).items).toHaveLength(1);
      } finally {
        snapshot.close();
        db.close();
      }
    });

    it('keeps the days ahead through events that leave the status as it is, and drops them when the status is computed again', async () => {
      onlyDate('2025-12-01T12:00:00Z');
      const db = open();
      const log = await logOf([
        ...entering,
        statement(uuid(4), 'A. Spokesperson', 'We look forward to it.', '2025-11-30', []),
        happened('TreatyEnteredIntoForce', uuid(5), '2025-11-30'),
      ]);
      const ahead = () => db.prepare('SELECT on_day, status FROM treaty_status_ahead').all();
      applyInBatches(db, log.slice(0, 4), 1);
      expect(ahead()).toEqual([{ on_day: '2025-12-20', status: 'in-force' }]);
      // A report that it entered into force already: in force today, nothing ahead.
      applyInBatches(db, log.slice(4), 1);
      expect(ahead()).toEqual([]);
      expect(new TreatyStatusQueries(db).list({ status: 'in-force', limit: 10 }).items).toHaveLength(1);
      db.close();
    });
  });

  describe('a treaty named before it is registered (decision 0045)', () => {
    const FIRST_ID = registered().data.treatyId;
    /** The second treaty's events (it names the first) before any of the first's, then the first's. */
    const namedFirst = () =>
      oneAfterTheOther(
        log.filter((event) => event.streamName === treatyStreamName(SECOND_ID)),
        log.filter((event) => event.streamName === treatyStreamName(FIRST_ID)),
      );
    const notOnRecord = (queries: TreatyStatusQueries) => [
      queries.status(SECOND_ID)?.treatiesNotOnRecord,
      queries.timeline(SECOND_ID)?.treatiesNotOnRecord,
    ];

    it("is marked not on record in the namer's views until registered, which changes the namer there", () => {
      const db = open();
      const queries = new TreatyStatusQueries(db);
      const [namer, named] = namedFirst();
      applyInBatches(db, namer, 1);
      const marked = {
        treatyId: FIRST_ID,
        reason: 'not-registered',
        relations: ['builds-on'],
        developmentIds: [uuid(13)],
      };
      expect(notOnRecord(queries)).toEqual([[marked], [marked]]);
      expect(queries.linkers(FIRST_ID)).toEqual([SECOND_ID]);
      // The registration changes the namer's views at its position, published beside the registered treaty's.
      const at = named[0]!.position;
      const updates = db.transaction(() => treatyStatusProjection.apply(db, named.slice(0, 1)))();
      expect(updates.map(({ treatyId, position, lastAtPosition }) => [treatyId, position, lastAtPosition])).toEqual([
        [SECOND_ID, at, false],
        [FIRST_ID, at, true],
      ]);
      expect((updates[0]!.status as { treatiesNotOnRecord: unknown }).treatiesNotOnRecord).toEqual([]);
      expect(notOnRecord(queries)).toEqual([[], []]);
      // Sync lists it there, and its ETag (its own revision) no longer names what its views show.
      expect(queries.changedAfter(namer.at(-1)!.position, 10).map((update) => update.treatyId)).toEqual([
        SECOND_ID,
        FIRST_ID,
      ]);
      expect(queries.changedByOthers(SECOND_ID)).toBe(true);
      // The first's later events do not concern the namer.
      const next = db.transaction(() => treatyStatusProjection.apply(db, named.slice(1, 2)))();
      expect(next.map((update) => update.treatyId)).toEqual([FIRST_ID]);
      db.close();
    });

    it.each([1, 3, 100])('is rebuilt in batches of %i as applied one event at a time', async (batchSize) => {
      const [namer, named] = namedFirst();
      const ordered = [...namer, ...named];
      const live = open();
      applyInBatches(live, ordered, 1);
      const rebuilt = openReadModelDatabase(join(directory, 'rebuilt.db'));
      const runner = new ProjectionRunner(
        scriptedStore(ordered.map((event) => ({ kind: 'event' as const, event }))),
        rebuilt,
        treatyStatusProjection,
        { stopWhenCaughtUp: true, batchSize },
      );
      await runner.start();
      expect(diffTreatyReadModels(live, rebuilt)).toEqual([]);
      // Both know the namer changed no earlier than the registration.
      for (const db of [live, rebuilt]) {
        const viewsPosition = db
          .prepare('SELECT views_position FROM treaty_status WHERE treaty_id = ?')
          .pluck()
          .safeIntegers(true)
          .get(SECOND_ID) as bigint;
        expect(viewsPosition).toBeGreaterThanOrEqual(named[0]!.position);
      }
      for (const db of [live, rebuilt]) db.close();
    });
  });

  describe('a treaty whose stream the operator deleted for good', () => {
    const FIRST_ID = registered().data.treatyId;
    /** The deletion of the second treaty (which names the first), recorded after the whole log. */
    const deletionOfSecond = (): StreamDeletedNotice => ({
      kind: 'stream-deleted',
      streamName: treatyStreamName(SECOND_ID),
      position: log.at(-1)!.position + 1n,
      recordedAt: new Date(log.at(-1)!.recordedAt.getTime() + 1000),
    });
    const messages = (events: readonly RecordedEvent[], notice: StreamDeletedNotice): SubscriptionMessage[] => [
      ...events.map((event) => ({ kind: 'event' as const, event })),
      notice,
    ];

    it('leaves the read model, is remembered as deleted, and the treaty it named changes at the deletion', () => {
      const db = open();
      applyInBatches(db, log, 5);
      const queries = new TreatyStatusQueries(db);
      expect(queries.status(FIRST_ID)?.relations).toHaveLength(1);
      const notice = deletionOfSecond();
      const updates = db.transaction(() => treatyStatusProjection.streamDeleted!(db, notice))();
      // Published: its deletion, and the first's change, at the deletion's position.
      expect(
        updates.map((update) => [update.treatyId, update.position, update.lastAtPosition, update.deleted]),
      ).toEqual([
        [SECOND_ID, notice.position, false, true],
        [FIRST_ID, notice.position, true, false],
      ]);
      expect(updates[0]!.status).toEqual({ id: SECOND_ID, deleted: true });
      expect(queries.status(SECOND_ID)).toBeUndefined();
      expect(queries.timeline(SECOND_ID)).toBeUndefined();
      expect(queries.deletedAt(SECOND_ID)).toBe(notice.position);
      expect(queries.deletedAt(FIRST_ID)).toBeUndefined();
      expect(queries.list({ limit: 10 }).items.map((item) => item.id)).toEqual([FIRST_ID]);
      expect(queries.list({ party: 'EAEU', limit: 10 }).items).toEqual([]);
      // The first shows nothing of the second any more, as if the second had never been: what a rebuild after a
      // scavenge (which removes the second's events) makes of it.
      expect(updates[1]!.status.relations).toEqual([]);
      expect(rows(db)).toEqual(expectedRows(log.filter((event) => event.streamName !== treatyStreamName(SECOND_ID))));
      // Its views changed although its revision did not: sync lists it at the deletion, and says it changed; and the
      // deletion itself, for a client resuming before it.
      const changed = queries.changedAfter(log.at(-1)!.position, 1);
      expect(changed.map((update) => [update.treatyId, update.deleted, update.lastAtPosition])).toEqual([
        [SECOND_ID, true, false],
        [FIRST_ID, false, true],
      ]);
      expect(queries.changedAfter(notice.position, 10)).toEqual([]);
      expect(queries.changedByOthers(FIRST_ID)).toBe(true);
      expect(queries.links(FIRST_ID)).toEqual({ incomingRelations: [], items: [] });
      expect(queries.linkers(FIRST_ID)).toEqual([]);
      db.close();
    });

    it('is recorded, and read, in a file an earlier build of version 20 made without its time (decision 0108)', () => {
      const db = openReadModelDatabase(join(directory, 'projections.db'));
      // treaty_deletions as it was, with a deletion of then: no time, no parties.
      db.exec('CREATE TABLE treaty_deletions (treaty_id TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID');
      db.prepare('INSERT INTO treaty_deletions (treaty_id, position) VALUES (?, ?)').run('gone-before', 1);
      treatyStatusProjection.setUp(db);
      applyInBatches(db, log, 5);
      const notice = deletionOfSecond();
      db.transaction(() => treatyStatusProjection.streamDeleted!(db, notice))();
      const queries = new TreatyStatusQueries(db);
      expect(queries.deletedAt('gone-before')).toBe(1n);
      expect(queries.deletedAt(SECOND_ID)).toBe(notice.position);
      expect(queries.lastDeletion()).toEqual(notice.recordedAt);
      expect(queries.lastDeletion('EAEU')).toEqual(notice.recordedAt);
      expect(queries.lastDeletion('CN')).toBeUndefined();
      db.close();
    });

    it('changes only the treaties that named it when it named no one, and nothing at all for a stream that is no treaty', () => {
      const db = open();
      applyInBatches(db, log, 5);
      const deletion = { ...deletionOfSecond(), streamName: treatyStreamName(FIRST_ID) };
      const updates = db.transaction(() => treatyStatusProjection.streamDeleted!(db, deletion))();
      // The second names the first (a relation, a statement): it now names a treaty deleted for good (decision 0045).
      expect(updates.map((update) => [update.treatyId, update.deleted])).toEqual([
        [SECOND_ID, false],
        [FIRST_ID, true],
      ]);
      expect(updates[0]!.status.treatiesNotOnRecord).toEqual([
        { treatyId: FIRST_ID, reason: 'deleted', relations: ['builds-on'], developmentIds: [uuid(13)] },
      ]);
      const other = { ...deletionOfSecond(), streamName: 'webhook-1' };
      expect(db.transaction(() => treatyStatusProjection.streamDeleted!(db, other))()).toEqual([]);
      const queries = new TreatyStatusQueries(db);
      expect(queries.list({ limit: 10 }).items.map((item) => item.id)).toEqual([SECOND_ID]);
      expect(queries.deletedAt('webhook-1')).toBeUndefined();
      db.close();
    });

    it.each([1, 3, 2000])(
      'makes in a rebuild (batches of %i) the read model that the live projection made, before and after a scavenge',
      async (batchSize) => {
        const notice = deletionOfSecond();
        const live = open();
        applyInBatches(live, log, 1);
        live.transaction(() => treatyStatusProjection.streamDeleted!(live, notice))();
        const rebuild = async (file: string, replayed: SubscriptionMessage[]): Promise<Database> => {
          const db = openReadModelDatabase(join(directory, file));
          const runner = new ProjectionRunner(scriptedStore(replayed), db, treatyStatusProjection, {
            stopWhenCaughtUp: true,
            batchSize,
          });
          await runner.start();
          expect(runner.status).toEqual({ kind: 'stopped', reason: 'caught-up' });
          expect(runner.position).toBe(notice.position);
          return db;
        };
        const rebuilt = await rebuild('rebuilt.db', messages(log, notice));
        // A scavenge removes the deleted stream's events and keeps its tombstone.
        const scavenged = log.filter((event) => event.streamName !== treatyStreamName(SECOND_ID));
        const afterScavenge = await rebuild('scavenged.db', messages(scavenged, notice));
        expect(diffTreatyReadModels(live, rebuilt)).toEqual([]);
        expect(diffTreatyReadModels(live, afterScavenge)).toEqual([]);
        for (const db of [rebuilt, afterScavenge]) {
          expect(new TreatyStatusQueries(db).deletedAt(SECOND_ID)).toBe(notice.position);
        }
        // A rebuild that missed the deletion would differ, and say so.
        const missed = await rebuild('missed.db', messages(log, { ...notice, streamName: 'webhook-1' }));
        expect(diffTreatyReadModels(live, missed).map(({ treatyId, part }) => [treatyId, part])).toEqual([
          [SECOND_ID, 'deletion'],
          // What the deleted treaty said of the first, which the first's views show: the rows and the views.
          [FIRST_ID, 'links'],
          [FIRST_ID, 'linkers'],
          [FIRST_ID, 'status'],
          [FIRST_ID, 'timeline'],
        ]);
        missed.close();
        for (const db of [live, rebuilt, afterScavenge]) db.close();
      },
    );
  });
});
