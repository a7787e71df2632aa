import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@timeline/event-store';
import { treatyIdFromStreamName, treatyStatusView, treatyTimelineView, TREATY_STREAM_PREFIX } from '@timeline/treaty';
import type { Projection } from '../projection';
import { toJsonText, type JsonView } from './json-view';
import { fromRow, toRow, toTreatyEnvelope, type TreatyEventRow } from './treaty-envelopes';

/** What one commit changed for one treaty: its new status, for the live feed. */
export interface TreatyUpdate {
  readonly treatyId: string;
  readonly position: bigint;
  readonly status: JsonView;
}

/**
 * Each treaty's current status and timeline, recomputed by the domain's own views whenever its stream grows,
 * so that a read is one row (O(1) in the treaty's history). The treaty's events are kept beside, already
 * upcast, so that recomputing needs no trip to the event store.
 */
export const treatyStatusProjection: Projection<TreatyUpdate> = {
  name: 'treaty-status',
  version: 1,
  filter: { on: 'stream-name', prefixes: [TREATY_STREAM_PREFIX] },

  setUp(db: Database): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS treaty_events (
        treaty_id   TEXT    NOT NULL,
        revision    INTEGER NOT NULL,
        position    INTEGER NOT NULL,
        event_id    TEXT    NOT NULL,
        type        TEXT    NOT NULL,
        data        TEXT    NOT NULL,
        recorded_at TEXT    NOT NULL,
        PRIMARY KEY (treaty_id, revision)
      );
      CREATE TABLE IF NOT EXISTS treaty_status (
        treaty_id     TEXT    PRIMARY KEY,
        status        TEXT    NOT NULL,
        category      TEXT    NOT NULL,
        revision      INTEGER NOT NULL,
        position      INTEGER NOT NULL,
        status_view   TEXT    NOT NULL,
        timeline_view TEXT    NOT NULL
      );
      CREATE INDEX IF NOT EXISTS treaty_status_by_position ON treaty_status (position);
      CREATE TABLE IF NOT EXISTS treaty_parties (
        party     TEXT NOT NULL,
        treaty_id TEXT NOT NULL,
        PRIMARY KEY (party, treaty_id)
      );
    `);
  },

  apply(db: Database, events: readonly RecordedEvent[]): TreatyUpdate[] {
    const insert = statementsFor(db).insertEvent;
    const touched = new Set<string>();
    for (const event of events) {
      const treatyId = treatyIdFromStreamName(event.streamName);
      if (treatyId === undefined) continue;
      insert.run(toRow(treatyId, toTreatyEnvelope(event)));
      touched.add(treatyId);
    }
    // In log order, so that a feed can resume after the last position it delivered.
    return [...touched]
      .flatMap((treatyId) => recompute(db, treatyId))
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  },
};

/** Statements prepared once per read-model connection: preparing them per event cost more than the work itself. */
const statementCache = new WeakMap<Database, ReturnType<typeof prepareStatements>>();

function statementsFor(db: Database): ReturnType<typeof prepareStatements> {
  let statements = statementCache.get(db);
  if (!statements) {
    statements = prepareStatements(db);
    statementCache.set(db, statements);
  }
  return statements;
}

function prepareStatements(db: Database) {
  return {
    insertEvent: db.prepare(
      `INSERT INTO treaty_events (treaty_id, revision, position, event_id, type, data, recorded_at)
       VALUES (@treaty_id, @revision, @position, @event_id, @type, @data, @recorded_at)
       ON CONFLICT (treaty_id, revision) DO NOTHING`,
    ),
    eventsOf: db.prepare('SELECT * FROM treaty_events WHERE treaty_id = ? ORDER BY revision').safeIntegers(true),
    upsertStatus: db.prepare(
      `INSERT INTO treaty_status (treaty_id, status, category, revision, position, status_view, timeline_view)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (treaty_id) DO UPDATE SET status = excluded.status, category = excluded.category,
         revision = excluded.revision, position = excluded.position, status_view = excluded.status_view,
         timeline_view = excluded.timeline_view`,
    ),
    // A treaty's parties are fixed at registration: rows are only ever added.
    addParty: db.prepare('INSERT OR IGNORE INTO treaty_parties (party, treaty_id) VALUES (?, ?)'),
  };
}

function recompute(db: Database, treatyId: string): TreatyUpdate[] {
  const statements = statementsFor(db);
  const envelopes = (statements.eventsOf.all(treatyId) as TreatyEventRow[]).map(fromRow);
  const status = treatyStatusView(envelopes);
  const timeline = treatyTimelineView(envelopes);
  if (!status || !timeline) return [];
  const statusText = toJsonText(status);
  statements.upsertStatus.run(
    treatyId,
    status.status,
    status.category,
    status.revision,
    status.position,
    statusText,
    toJsonText(timeline),
  );
  for (const code of status.parties) statements.addParty.run(code, treatyId);
  return [{ treatyId, position: status.position, status: JSON.parse(statusText) as JsonView }];
}
