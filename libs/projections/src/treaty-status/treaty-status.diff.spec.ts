import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import { InMemoryEventStore, type RecordedEvent } from '@timeline/event-store';
import { collect } from '@timeline/event-store/testing';
import { toEventData, treatyStreamName, type TreatyEvent } from '@timeline/treaty';
import { consented, registeredMultilateral, uuid } from '@timeline/treaty/testing';
import { openReadModelDatabase } from '../read-model-database';
import { diffTreatyReadModels } from './treaty-status.diff';
import { treatyStatusProjection } from './treaty-status.projection';

const X = 'sample-convention';

async function logOf(events: readonly TreatyEvent[]): Promise<RecordedEvent[]> {
  const store = new InMemoryEventStore();
  for (const [index, event] of events.entries()) {
    await store.appendToStream(treatyStreamName(X), [
      { id: uuid(900 + index), type: event.type, data: toEventData(event), metadata: { schemaVersion: 1 } },
    ]);
  }
  return collect(store.readAll());
}

function readModelOf(log: readonly RecordedEvent[]): Database {
  const db = openReadModelDatabase(':memory:');
  treatyStatusProjection.setUp(db);
  db.transaction(() => treatyStatusProjection.apply(db, log))();
  return db;
}

// What reads filter on is not always in a view: damage to those rows answers listings wrongly while every view
// renders as it should, and the dry run must name it all the same.
describe('diffTreatyReadModels', () => {
  let live: Database;
  let rebuilt: Database;
  beforeEach(async () => {
    const log = await logOf([
      registeredMultilateral({ treatyId: X }),
      consented(uuid(2), 'FR', 'accession', '2025-09-01'),
    ]);
    [live, rebuilt] = [readModelOf(log), readModelOf(log)];
  });
  afterEach(() => {
    live.close();
    rebuilt.close();
  });

  it('finds nothing between two read models of the same log', () => {
    expect(diffTreatyReadModels(live, rebuilt)).toEqual([]);
  });

  it.each([
    ['listing', `UPDATE treaty_status SET status = 'in-force' WHERE treaty_id = '${X}'`],
    ['listing', `UPDATE treaty_status SET category = 'trade' WHERE treaty_id = '${X}'`],
    ['parties', `INSERT INTO treaty_parties (party, treaty_id, on_record) VALUES ('JP', '${X}', 1)`],
    ['parties', `UPDATE treaty_parties SET on_record = 0 WHERE treaty_id = '${X}' AND party = 'FR'`],
    [
      'ahead',
      `INSERT INTO treaty_status_ahead (treaty_id, on_day, status) VALUES ('${X}', '2030-01-01', 'terminated')`,
    ],
    [
      'links',
      `INSERT INTO treaty_links (target_treaty_id, source_treaty_id, link_key, kind, data)
        VALUES ('${X}', 'other', 'relation:amends', 'relation', '{"type":"amends"}')`,
    ],
    ['linkers', `INSERT INTO treaty_linkers (target_treaty_id, source_treaty_id) VALUES ('${X}', 'other')`],
    ['open-to-joining', `DELETE FROM treaties_open_to_joining WHERE treaty_id = '${X}'`],
    ['events', `UPDATE treaty_event_chunks SET events = json_remove(events, '$[#-1]') WHERE treaty_id = '${X}'`],
  ])('names damage to %s rows: %s', (part, damage) => {
    live.exec(damage);
    expect(diffTreatyReadModels(live, rebuilt)).toEqual(
      expect.arrayContaining([expect.objectContaining({ treatyId: X, part })]),
    );
  });

  it('says what each side holds', () => {
    live.exec(`UPDATE treaty_status SET status = 'in-force' WHERE treaty_id = '${X}'`);
    expect(diffTreatyReadModels(live, rebuilt)).toEqual([
      {
        treatyId: X,
        part: 'listing',
        live: expect.objectContaining({ status: 'in-force' }),
        rebuilt: expect.not.objectContaining({ status: 'in-force' }),
      },
    ]);
  });
});
