import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import { InMemoryEventStore, type RecordedEvent } from '@timeline/event-store';
import { collect } from '@timeline/event-store/testing';
import { toEventData, treatyStreamName, treatyTimelineView } from '@timeline/treaty';
import { eventfulLife, registered, uuid } from '@timeline/treaty/testing';
import { openReadModelDatabase } from '../read-model-database';
import { toJsonView } from './json-view';
import { toTreatyEnvelope } from './treaty-envelopes';
import { treatyStatusProjection } from './treaty-status.projection';
import { TreatyStatusQueries } from './treaty-status.queries';

const TREATY = registered().data.treatyId;

async function logOf(): Promise<RecordedEvent[]> {
  const store = new InMemoryEventStore();
  for (const [index, event] of eventfulLife().entries()) {
    await store.appendToStream(treatyStreamName(TREATY), [
      { id: uuid(700 + index), type: event.type, data: toEventData(event), metadata: { schemaVersion: 1 } },
    ]);
  }
  return collect(store.readAll());
}

describe('timelinesAt', () => {
  let directory: string;
  let db: Database;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'timeline-timelines-at-'));
    db = openReadModelDatabase(join(directory, 'projections.db'));
    treatyStatusProjection.setUp(db);
  });
  afterEach(() => {
    db.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("gives each position the items a fold of the treaty's events up to it gives, later changes unknown", async () => {
    const log = await logOf();
    db.transaction(() => treatyStatusProjection.apply(db, log))();
    const positions = log.map((event) => event.position);
    const timelines = new TreatyStatusQueries(db).timelinesAt(TREATY, [...positions].reverse());
    expect([...timelines.keys()]).toEqual(positions);
    for (const [index, position] of positions.entries()) {
      const upTo = log.slice(0, index + 1).map(toTreatyEnvelope);
      expect(timelines.get(position)!.items).toEqual(toJsonView(treatyTimelineView(upTo)!).items);
    }
    // The Majlis vote (uuid 3) before its correction, then after.
    const majlis = (position: bigint) =>
      (timelines.get(position)!.items as { developmentId: string; occurredOn: string }[]).find(
        (item) => item.developmentId === uuid(3),
      )!.occurredOn;
    expect(majlis(positions[4]!)).toBe('2025-05');
    expect(majlis(positions[5]!)).toBe('2025-05-21');
  });

  it('has none before the registration, and none for a treaty it does not hold', async () => {
    const log = await logOf();
    db.transaction(() => treatyStatusProjection.apply(db, log))();
    const queries = new TreatyStatusQueries(db);
    expect(queries.timelinesAt(TREATY, [log[0]!.position - 1n]).size).toBe(0);
    expect(queries.timelinesAt('not-on-record', [log[0]!.position]).size).toBe(0);
  });
});
