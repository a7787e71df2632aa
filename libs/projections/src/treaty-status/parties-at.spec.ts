import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import { InMemoryEventStore, type RecordedEvent } from '@timeline/event-store';
import { collect } from '@timeline/event-store/testing';
import { toEventData, treatyStreamName } from '@timeline/treaty';
import { consented, registeredMultilateral, retracted, signedBy, statement, uuid } from '@timeline/treaty/testing';
import { openReadModelDatabase } from '../read-model-database';
import { treatyStatusProjection } from './treaty-status.projection';
import { TreatyStatusQueries } from './treaty-status.queries';

const TREATY = registeredMultilateral().data.treatyId;

async function logOf(): Promise<RecordedEvent[]> {
  const store = new InMemoryEventStore();
  // DE accedes to a convention of five, FR too; DE's accession is retracted (decision 0055): its parties move.
  const life = [
    registeredMultilateral(),
    signedBy(uuid(1), 'AT', '2025-01-10'),
    consented(uuid(2), 'DE', 'accession', '2025-03-01'),
    consented(uuid(3), 'FR', 'accession', '2025-04-01'),
    retracted(uuid(2)),
    signedBy(uuid(4), 'BE', '2025-05-10'),
    // Events that leave the parties as they were: read back to the position, not folded.
    statement(uuid(5), 'A. Spokesperson', 'In good hands.', '2025-06-01'),
    statement(uuid(6), 'A. Spokesperson', 'Still in good hands.', '2025-06-02'),
  ];
  for (const [index, event] of life.entries()) {
    await store.appendToStream(treatyStreamName(TREATY), [
      { id: uuid(800 + index), type: event.type, data: toEventData(event), metadata: { schemaVersion: 1 } },
    ]);
  }
  return collect(store.readAll());
}

describe('partiesAt', () => {
  let directory: string;
  let db: Database;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'timeline-parties-at-'));
    db = openReadModelDatabase(join(directory, 'projections.db'));
    treatyStatusProjection.setUp(db);
  });
  afterEach(() => {
    db.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('gives at each position the parties the status view showed once the events up to it were applied', async () => {
    const log = await logOf();
    const queries = new TreatyStatusQueries(db);
    const shown = new Map<bigint, unknown>();
    for (const event of log) {
      db.transaction(() => treatyStatusProjection.apply(db, [event]))();
      shown.set(event.position, queries.status(TREATY)?.['parties']);
    }
    // Asked after the whole history was applied: later events do not count.
    for (const [position, parties] of shown)
      expect([position, queries.partiesAt(TREATY, position)]).toEqual([position, parties]);
    expect(new Set([...shown.values()].map((parties) => JSON.stringify(parties))).size).toBeGreaterThan(1);
    expect(queries.partiesAt(TREATY, log[0]!.position - 1n)).toBeUndefined();
    expect(queries.partiesAt('not-on-record', log.at(-1)!.position)).toBeUndefined();
  });
});
