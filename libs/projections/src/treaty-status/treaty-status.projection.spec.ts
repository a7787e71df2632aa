import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import { InMemoryEventStore, type RecordedEvent } from '@timeline/event-store';
import { collect } from '@timeline/event-store/testing';
import {
  toEventData,
  treatyStatusView,
  treatyStreamName,
  treatyTimelineView,
  type TreatyEvent,
} from '@timeline/treaty';
import { eventfulLife, happened, registered, signed, uuid } from '@timeline/treaty/testing';
import { openReadModelDatabase } from '../read-model-database';
import { toJsonText } from './json-view';
import { toTreatyEnvelope } from './treaty-envelopes';
import { treatyStatusProjection } from './treaty-status.projection';

/** Two treaties' lives, interleaved in the log: corroborations, a correction and a retraction among them. */
const FIRST: TreatyEvent[] = eventfulLife();
const SECOND: TreatyEvent[] = [
  registered({ treatyId: 'eaeu-ir-fta', title: 'EAEU–Iran free-trade agreement', parties: ['EAEU', 'IR'] }),
  signed(uuid(11), '2023-12-25'),
  happened('TreatyEnteredIntoForce', uuid(12), '2025-05-15'),
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

const rows = (db: Database) =>
  db
    .prepare('SELECT treaty_id, status, revision, status_view, timeline_view FROM treaty_status ORDER BY treaty_id')
    .all() as StatusRow[];

/** What a read of each treaty must find: the domain's views folded over its whole stream at once. */
function expectedRows(log: readonly RecordedEvent[]): StatusRow[] {
  const byTreaty = new Map<string, RecordedEvent[]>();
  for (const event of log) byTreaty.set(event.streamName, [...(byTreaty.get(event.streamName) ?? []), event]);
  return [...byTreaty.values()]
    .map((events) => {
      const envelopes = events.map(toTreatyEnvelope);
      const status = treatyStatusView(envelopes)!;
      return {
        treaty_id: status.id,
        status: status.status,
        revision: Number(status.revision),
        status_view: toJsonText(status),
        timeline_view: toJsonText(treatyTimelineView(envelopes)!),
      };
    })
    .sort((a, b) => a.treaty_id.localeCompare(b.treaty_id));
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
});
