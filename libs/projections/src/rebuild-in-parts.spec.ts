import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import {
  streamPartitionOf,
  type EventStore,
  type RecordedEvent,
  type SubscriptionMessage,
} from '@timeline/event-store';
import { scriptedStore, subscriptionsEndingEarly } from '@timeline/event-store/testing';
import { toEventData, treatyStreamName, type TreatyEvent } from '@timeline/treaty';
import { happened, registered, retracted, signed, statement, uuid } from '@timeline/treaty/testing';
import type { Projection } from './projection';
import { openReadModelDatabase, readCheckpoint } from './read-model-database';
import { rebuildReadModel } from './rebuild';
import { rebuildPart, rebuildReadModelInParts, type PartPlan } from './rebuild-in-parts';
import { treatyStatusProjection } from './treaty-status/treaty-status.projection';
import { diffTreatyReadModels } from './treaty-status/treaty-status.diff';
import { TreatyStatusQueries } from './treaty-status/treaty-status.queries';

const [A, B, C, D, E] = [
  'ru-ir-partnership',
  'eaeu-ir-interim',
  'ru-ir-nuclear',
  'ru-ir-space',
  'ru-ir-energy',
] as const;
const PROJECTIONS = [treatyStatusProjection] as Projection<unknown>[];

/**
 * Five treaties that name each other across parts: relations, statements, a statement retracted, and a treaty
 * deleted for good, then named again by a treaty of another part.
 */
function log(): SubscriptionMessage[] {
  const script: [string, TreatyEvent | 'deleted'][] = [
    [A, registered({ treatyId: A })],
    [
      B,
      registered({
        treatyId: B,
        title: 'EAEU–Iran interim agreement',
        relations: [{ type: 'builds-on', treatyId: A }],
      }),
    ],
    [C, registered({ treatyId: C, title: 'Nuclear cooperation' })],
    [D, registered({ treatyId: D, title: 'Space cooperation' })],
    [A, signed(uuid(1), '2025-01-17')],
    [B, statement(uuid(2), 'A. Overchuk', 'It builds on both.', '2025-05-16', [A, C, D])],
    [C, statement(uuid(3), 'R. Grossi', 'Part of the partnership.', '2025-05-20', [A])],
    [E, registered({ treatyId: E, title: 'Energy cooperation', relations: [{ type: 'builds-on', treatyId: C }] })],
    [D, 'deleted'],
    [C, statement(uuid(4), 'R. Grossi', 'Nothing to do with space.', '2025-06-01', [D, A])],
    [B, retracted(uuid(2))],
    [A, happened('TreatyEnteredIntoForce', uuid(5), '2025-06-05')],
  ];
  return messagesOf(script);
}

/** Each scripted event at a position of its own (10, 20, ...), in its treaty's stream. */
function messagesOf(script: readonly [string, TreatyEvent | 'deleted'][]): SubscriptionMessage[] {
  const revisions = new Map<string, bigint>();
  return script.map(([treatyId, event], index): SubscriptionMessage => {
    const streamName = treatyStreamName(treatyId);
    const position = BigInt((index + 1) * 10);
    if (event === 'deleted')
      return { kind: 'stream-deleted', streamName, position, recordedAt: new Date(2026, 0, index + 1) };
    const revision = revisions.get(streamName) ?? 0n;
    revisions.set(streamName, revision + 1n);
    const recorded: RecordedEvent = {
      id: uuid(100 + index),
      type: event.type,
      data: toEventData(event),
      metadata: { schemaVersion: 1 },
      streamName,
      revision,
      position,
      recordedAt: new Date(Date.UTC(2025, 5, 10, 0, 0, index)),
    };
    return { kind: 'event', event: recorded };
  });
}

describe('a rebuild in parts', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'rebuild-in-parts-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const inParts = (messages: SubscriptionMessage[], parts: number, file: string) => {
    const store = scriptedStore(messages);
    return rebuildReadModelInParts(store, PROJECTIONS, join(directory, file), {
      parts,
      runPart: (plan: PartPlan) => rebuildPart(store, PROJECTIONS, plan),
    });
  };
  const tables = (db: Database) =>
    Object.fromEntries(
      ['treaty_links', 'treaty_linkers', 'treaty_deletions', 'treaty_parties', 'treaties_open_to_joining'].map(
        (table) => [
          table,
          (db.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort(),
        ],
      ),
    );
  const statusRows = (db: Database) =>
    db
      .prepare('SELECT treaty_id, status, category, revision, position, views_position FROM treaty_status ORDER BY 1')
      .all() as { treaty_id: string; position: number; views_position: number }[];

  it('has treaties that name each other across its parts', () => {
    for (const count of [2, 3]) {
      const partOf = (id: string) => streamPartitionOf(treatyStreamName(id), count);
      // B names A, C and D; C names A and (deleted) D; E names C.
      expect(new Set([A, B, C, D, E].map(partOf)).size).toBeGreaterThan(1);
      expect(partOf(B)).not.toBe(partOf(A));
      expect(partOf(C)).not.toBe(partOf(D));
    }
  });

  it.each([2, 3])(
    'in %i parts makes the read model that one thread makes: views, links, deletions, checkpoint',
    async (parts) => {
      const messages = log();
      const whole = await rebuildReadModel(scriptedStore(messages), PROJECTIONS, join(directory, 'whole.db'));
      const split = await inParts(messages, parts, 'split.db');
      expect(split.events).toBe(whole.events);
      const one = openReadModelDatabase(whole.file);
      const many = openReadModelDatabase(split.file);
      expect(diffTreatyReadModels(one, many)).toEqual([]);
      expect(tables(many)).toEqual(tables(one));
      // No link to the deleted treaty, though a treaty of another part named it after its deletion.
      expect(tables(many).treaty_links!.some((row) => row.startsWith(`["${D}"`))).toBe(false);
      const [oneRows, manyRows] = [statusRows(one), statusRows(many)];
      expect(manyRows.map(({ views_position: _, ...row }) => row)).toEqual(
        oneRows.map(({ views_position: _, ...row }) => row),
      );
      expect(manyRows.find((row) => row.treaty_id === C)?.views_position).toBe(
        oneRows.find((row) => row.treaty_id === C)?.views_position,
      );
      expect(new TreatyStatusQueries(many).links(A).items?.map((item) => item.developmentId)).toEqual([
        uuid(3),
        uuid(4),
      ]);
      expect(readCheckpoint(many, 'treaty-status')).toEqual({
        version: treatyStatusProjection.version,
        position: 120n,
      });
      expect(many.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(many.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'part_namings'").pluck().get()).toBe(0);
      one.close();
      many.close();
      expect(readdirSync(directory).filter((name) => name.includes('.part-'))).toEqual([]);
    },
  );

  it("moves a treaty's views where another part's treaty changed them", async () => {
    // C's views change when B (another part) retracts the statement naming it, at 110, after C's own last event.
    const messages = log().filter(
      (message) =>
        message.kind !== 'event' || message.event.streamName !== treatyStreamName(C) || message.event.revision === 0n,
    );
    const split = await inParts(messages, 2, 'split.db');
    const db = openReadModelDatabase(split.file);
    expect(statusRows(db).find((row) => row.treaty_id === C)).toMatchObject({ position: 30, views_position: 110 });
    db.close();
  });

  it('moves the views of a treaty that named one of another part before it was registered (decision 0045)', async () => {
    // B names F (a statement, a relation stated at registration) before F is registered; B's views mark F as not on
    // record until then. F is in another part than B, and than E, which names it after it was registered.
    const F = 'ru-ir-customs';
    const messages = messagesOf([
      [A, registered({ treatyId: A })],
      [B, registered({ treatyId: B, title: 'Interim', relations: [{ type: 'builds-on', treatyId: F }] })],
      [B, statement(uuid(2), 'A. Overchuk', 'It builds on the customs treaty.', '2025-05-16', [F, A])],
      [A, signed(uuid(1), '2025-01-17')],
      [F, registered({ treatyId: F, title: 'Customs' })],
      [E, registered({ treatyId: E, title: 'Energy', relations: [{ type: 'builds-on', treatyId: F }] })],
      [F, signed(uuid(3), '2025-02-01')],
    ]);
    for (const count of [2, 3]) {
      const partOf = (id: string) => streamPartitionOf(treatyStreamName(id), count);
      expect(partOf(F)).not.toBe(partOf(B));
    }
    const whole = await rebuildReadModel(scriptedStore(messages), PROJECTIONS, join(directory, 'whole.db'));
    const one = openReadModelDatabase(whole.file);
    const viewsPosition = (db: Database, id: string) =>
      statusRows(db).find((row) => row.treaty_id === id)!.views_position;
    // In one thread (one batch), F's registration comes after B named it: B changes at F's position in the batch.
    expect(viewsPosition(one, B)).toBe(70);
    expect(new TreatyStatusQueries(one).status(B)?.treatiesNotOnRecord).toEqual([]);
    for (const parts of [2, 3]) {
      const split = await inParts(messages, parts, `split-${parts}.db`);
      const many = openReadModelDatabase(split.file);
      expect(diffTreatyReadModels(one, many)).toEqual([]);
      expect(tables(many)).toEqual(tables(one));
      // Moved to F's registration (50) at least, never left at B's own last event (30): sync and live hear of it.
      expect(viewsPosition(many, B)).toBeGreaterThanOrEqual(50);
      // E named F after its registration: its own event marks its change, F's registration does not move it.
      expect(viewsPosition(many, E)).toBe(viewsPosition(one, E));
      expect(many.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'part_registrations'").pluck().get()).toBe(
        0,
      );
      many.close();
    }
    one.close();
  });

  it('stops the parts at the last event it found, then applies what came after in one thread', async () => {
    const messages = log();
    const last = (messages.at(-1) as { event: RecordedEvent }).event;
    // Appended while the parts ran: past the end they were given, so not theirs.
    const appended = { kind: 'event' as const, event: { ...last, id: uuid(999), revision: 4n, position: 500n } };
    const grown = scriptedStore([...messages, appended]);
    const before = scriptedStore(messages);
    const store: EventStore = { ...grown, readAll: (options) => before.readAll(options) };
    const parts: number[] = [];
    const result = await rebuildReadModelInParts(store, PROJECTIONS, join(directory, 'split.db'), {
      parts: 2,
      runPart: async (plan) => {
        const part = await rebuildPart(grown, PROJECTIONS, plan);
        parts.push(part.events);
        return part;
      },
    });
    expect(parts.reduce((sum, events) => sum + events, 0)).toBe(11);
    expect(result.events).toBe(12);
    const db = openReadModelDatabase(result.file);
    expect(readCheckpoint(db, 'treaty-status')?.position).toBe(500n);
    expect(statusRows(db).find((row) => row.treaty_id === A)).toMatchObject({ position: 500, revision: 4 });
    db.close();
  });

  it('applies a deletion recorded after the last event, which reads of the log do not show', async () => {
    const messages = log();
    const deletion = {
      kind: 'stream-deleted' as const,
      streamName: treatyStreamName(E),
      position: 130n,
      recordedAt: new Date('2026-01-13T00:00:00.000Z'),
    };
    const whole = await rebuildReadModel(scriptedStore([...messages, deletion]), PROJECTIONS, join(directory, 'a.db'));
    const split = await inParts([...messages, deletion], 2, 'b.db');
    const [one, many] = [openReadModelDatabase(whole.file), openReadModelDatabase(split.file)];
    expect(new TreatyStatusQueries(many).deletedAt(E)).toBe(130n);
    expect(diffTreatyReadModels(one, many)).toEqual([]);
    expect(readCheckpoint(many, 'treaty-status')?.position).toBe(130n);
    one.close();
    many.close();
  });

  it('fails when a part fails, and leaves none of the parts behind', async () => {
    const store = scriptedStore(log());
    const file = join(directory, 'split.db');
    const rebuilding = rebuildReadModelInParts(store, PROJECTIONS, file, {
      parts: 3,
      runPart: async (plan) => {
        if (plan.partition.index === 1) throw new Error('the worker died');
        return rebuildPart(store, PROJECTIONS, plan);
      },
    });
    await expect(rebuilding).rejects.toThrow('the worker died');
    expect(readdirSync(directory).filter((name) => name.includes('.part-'))).toEqual([]);
  });

  it('stops the other parts as soon as one fails, and reports that failure, not theirs', async () => {
    const stopped: number[] = [];
    const rebuilding = rebuildReadModelInParts(scriptedStore(log()), PROJECTIONS, join(directory, 'split.db'), {
      parts: 3,
      // Parts 0 and 2 would run for as long as the log is long (or forever, a store that does not answer).
      runPart: (plan, signal) =>
        plan.partition.index === 1
          ? Promise.reject(new Error('the worker died'))
          : new Promise((_, reject) =>
              signal.addEventListener('abort', () => {
                stopped.push(plan.partition.index);
                reject(new Error('stopped'));
              }),
            ),
    });
    await expect(rebuilding).rejects.toThrow('the worker died');
    expect(stopped.sort()).toEqual([0, 2]);
    expect(readdirSync(directory).filter((name) => name.includes('.part-'))).toEqual([]);
  });

  it('fails a part whose subscription ended before the end of the log, rather than merge it as complete', async () => {
    // A's part holds the log's last event (A's, at 120), so it has more than one entry before `through`.
    const partition = { index: streamPartitionOf(treatyStreamName(A), 2), count: 2 };
    const plan = { file: join(directory, 'part.db'), partition, through: 120n };
    await expect(rebuildPart(subscriptionsEndingEarly(scriptedStore(log()), 1), PROJECTIONS, plan)).rejects.toThrow(
      new RegExp(`"treaty-status" \\(part ${partition.index} of 2\\) is incomplete: .* ended after position 10,`),
    );
  });

  it('fails a rebuild in parts whose parts ended early, and leaves none of them behind', async () => {
    const store = subscriptionsEndingEarly(scriptedStore(log()), 2);
    const rebuilding = rebuildReadModelInParts(store, PROJECTIONS, join(directory, 'split.db'), {
      parts: 2,
      runPart: (plan) => rebuildPart(store, PROJECTIONS, plan),
    });
    await expect(rebuilding).rejects.toThrow('is incomplete');
    expect(readdirSync(directory).filter((name) => name.includes('.part-'))).toEqual([]);
  });

  it('counts complete a part whose own last event lies before the end: its subscription still catches up', async () => {
    const partition = { index: 1 - streamPartitionOf(treatyStreamName(A), 2), count: 2 };
    const plan = { file: join(directory, 'part.db'), partition, through: 120n };
    const result = await rebuildPart(scriptedStore(log()), PROJECTIONS, plan);
    expect(result.events).toBeGreaterThan(0);
    const db = openReadModelDatabase(plan.file);
    expect(readCheckpoint(db, 'treaty-status')?.position).toBeLessThan(120n);
    db.close();
  });

  it('runs in one thread for one part, an empty log, or a projection that cannot be split', async () => {
    let parts = 0;
    const runPart = async () => {
      parts += 1;
      return { events: 0 };
    };
    const unsplittable = [{ ...treatyStatusProjection, partitioned: undefined }] as Projection<unknown>[];
    for (const [messages, count, projections] of [
      [log(), 1, PROJECTIONS],
      [[], 4, PROJECTIONS],
      [log(), 2, unsplittable],
    ] as const) {
      const file = join(directory, `one-${parts}-${count}.db`);
      await rebuildReadModelInParts(scriptedStore([...messages]), projections, file, { parts: count, runPart });
      expect(existsSync(file)).toBe(true);
    }
    expect(parts).toBe(0);
  });

  it('runs in one thread for a count of parts that is no number, rather than merging no part at all', async () => {
    const result = await inParts(log(), Number.NaN, 'nan.db');
    expect(result.parts).toBe(1);
    const db = openReadModelDatabase(result.file);
    expect(statusRows(db).map((row) => row.treaty_id)).toEqual([A, B, C, E].sort());
    db.close();
  });

  it('refuses to apply a part of a projection that cannot be split', async () => {
    const plan = { file: join(directory, 'part.db'), partition: { index: 0, count: 2 }, through: 10n };
    const unsplittable = { ...treatyStatusProjection, partitioned: undefined } as Projection<unknown>;
    await expect(rebuildPart(scriptedStore(log()), [unsplittable], plan)).rejects.toThrow('cannot be rebuilt in parts');
  });
});
