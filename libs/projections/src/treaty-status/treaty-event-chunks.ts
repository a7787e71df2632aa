import type { Database } from 'better-sqlite3';
import type { TreatyEvent, TreatyEventEnvelope } from '@timeline/treaty';
import { statementsPerDatabase } from '../statements-per-database';

/**
 * What a treaty's fold is made from, kept in the read model so that a fold that is not open is made again with no
 * trip to the event store: the treaty's events, upcast, one row per treaty per applied batch (a chunk). A replay
 * writes a treaty's events in one or two rows instead of one row each; a live event is a row of its own, so a
 * write never rewrites what came before it, however long the history.
 */
export const TREATY_EVENT_CHUNKS_TABLE = `
  CREATE TABLE IF NOT EXISTS treaty_event_chunks (
    treaty_id      TEXT    NOT NULL,
    first_revision INTEGER NOT NULL,
    events         TEXT    NOT NULL,
    PRIMARY KEY (treaty_id, first_revision)
  );
`;

/** One event in a chunk: [eventId, revision, position, recordedAt, type, data], numbers as decimal strings. */
type StoredEvent = [string, string, string, string, TreatyEvent['type'], unknown];

const statements = statementsPerDatabase((db: Database) => ({
  insert: db.prepare(
    `INSERT INTO treaty_event_chunks (treaty_id, first_revision, events) VALUES (?, ?, ?)
       ON CONFLICT (treaty_id, first_revision) DO NOTHING`,
  ),
  deleteAll: db.prepare('DELETE FROM treaty_event_chunks WHERE treaty_id = ?'),
  first: db
    .prepare('SELECT events FROM treaty_event_chunks WHERE treaty_id = ? ORDER BY first_revision LIMIT 1')
    .pluck(),
  before: db
    .prepare(
      'SELECT events FROM treaty_event_chunks WHERE treaty_id = ? AND first_revision < ? ORDER BY first_revision',
    )
    .pluck(),
  latestFirst: db
    .prepare('SELECT events FROM treaty_event_chunks WHERE treaty_id = ? ORDER BY first_revision DESC')
    .pluck(),
  latest: db
    .prepare('SELECT events FROM treaty_event_chunks WHERE treaty_id = ? ORDER BY first_revision DESC LIMIT 1')
    .pluck(),
}));

/** Keeps a treaty's next events (in stream order) as one chunk. */
export function writeEventChunk(db: Database, treatyId: string, envelopes: readonly TreatyEventEnvelope[]): void {
  const first = envelopes[0];
  if (first === undefined) return;
  // The events of one append share their time: written once per run of equal times, not once per event.
  let time = NaN;
  let recordedAt = '';
  const stored = envelopes.map((envelope): StoredEvent => {
    if (envelope.recordedAt.getTime() !== time) {
      time = envelope.recordedAt.getTime();
      recordedAt = envelope.recordedAt.toISOString();
    }
    return [
      envelope.eventId,
      envelope.revision.toString(),
      envelope.position.toString(),
      recordedAt,
      envelope.event.type,
      envelope.event.data,
    ];
  });
  statements(db).insert.run(treatyId, first.revision, JSON.stringify(stored));
}

/** Drops a treaty's events: its stream was deleted for good, and nothing folds it again. */
export function deleteEventChunks(db: Database, treatyId: string): void {
  statements(db).deleteAll.run(treatyId);
}

/** When the treaty's first event (its registration) was recorded; undefined when the read model holds none. */
export function firstRecordedAt(db: Database, treatyId: string): Date | undefined {
  const text = statements(db).first.get(treatyId) as string | undefined;
  const first = text === undefined ? undefined : (JSON.parse(text) as StoredEvent[])[0];
  return first === undefined ? undefined : new Date(first[3]);
}

/** When the treaty's last event was recorded; undefined when the read model holds none. */
export function lastRecordedAt(db: Database, treatyId: string): Date | undefined {
  const text = statements(db).latest.get(treatyId) as string | undefined;
  const last = text === undefined ? undefined : (JSON.parse(text) as StoredEvent[]).at(-1);
  return last === undefined ? undefined : new Date(last[3]);
}

/**
 * The types of the treaty's events after a log position, latest first: only the chunks that hold them are read and
 * parsed, not the treaty's whole history.
 */
export function* eventTypesAfter(db: Database, treatyId: string, position: bigint): Iterable<TreatyEvent['type']> {
  for (const text of statements(db).latestFirst.iterate(treatyId) as Iterable<string>) {
    const events = JSON.parse(text) as StoredEvent[];
    for (let index = events.length - 1; index >= 0; index--) {
      const [, , eventPosition, , type] = events[index]!;
      if (BigInt(eventPosition) <= position) return;
      yield type;
    }
  }
}

/** The treaty's events before `revision`, in stream order. */
export function* eventsBefore(db: Database, treatyId: string, revision: bigint): Iterable<TreatyEventEnvelope> {
  for (const text of statements(db).before.all(treatyId, revision) as string[]) {
    for (const [eventId, eventRevision, position, recordedAt, type, data] of JSON.parse(text) as StoredEvent[]) {
      const envelope: TreatyEventEnvelope = {
        event: { type, data } as TreatyEvent,
        eventId,
        recordedAt: new Date(recordedAt),
        revision: BigInt(eventRevision),
        position: BigInt(position),
      };
      if (envelope.revision < revision) yield envelope;
    }
  }
}
