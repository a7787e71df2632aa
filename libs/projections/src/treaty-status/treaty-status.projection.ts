import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@timeline/event-store';
import {
  treatyIdFromStreamName,
  treatyStatusOf,
  treatyTimelineOf,
  TREATY_STREAM_PREFIX,
  type TreatyEventEnvelope,
  type TreatyHistoryFold,
} from '@timeline/treaty';
import type { Projection } from '../projection';
import { toJsonText } from './json-view';
import { OpenTreatyFolds } from './open-treaty-folds';
import { fromRow, toRow, toTreatyEnvelope, type TreatyEventRow } from './treaty-envelopes';
import { incomingLinks, indexOutgoingLinks, TREATY_LINKS_TABLE } from './treaty-links.table';
import { treatyUpdate, type TreatyUpdate } from './treaty-update';

/**
 * Each treaty's current status and timeline, rendered by the domain's own views whenever its stream grows, so
 * that a read is one row (O(1) in the treaty's history). The folds behind the views stay open for the treaties
 * being written to (OpenTreatyFolds). The treaty's events are kept beside, already upcast, so that a fold that is
 * not open is folded again with no trip to the event store.
 */
export const treatyStatusProjection: Projection<TreatyUpdate> = {
  name: 'treaty-status',
  // 2: treaty_links, and the status and timeline of issue 13 (treaty law) in the stored views.
  version: 2,
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
      ${TREATY_LINKS_TABLE}
    `);
  },

  apply(db: Database, events: readonly RecordedEvent[]): TreatyUpdate[] {
    const insert = statementsFor(db).insertEvent;
    const added = new Map<string, TreatyEventEnvelope[]>();
    for (const event of events) {
      const treatyId = treatyIdFromStreamName(event.streamName);
      if (treatyId === undefined) continue;
      const envelope = toTreatyEnvelope(event);
      insert.run(toRow(treatyId, envelope));
      const forTreaty = added.get(treatyId);
      if (forTreaty) forTreaty.push(envelope);
      else added.set(treatyId, [envelope]);
    }
    try {
      // First every changed treaty's fold and what it says about others, then the views, so that a treaty named
      // by another in this batch is rendered with what that one says.
      const folds = [...added].map(
        ([treatyId, envelopes]) => [treatyId, openFolds(db).foldIn(treatyId, envelopes)] as const,
      );
      const named = new Set<string>();
      for (const [, fold] of folds) {
        const history = fold.history();
        if (history) for (const target of indexOutgoingLinks(db, history)) named.add(target);
      }
      // Treaties only named by others are rendered again without an update for the feed: their own position did
      // not change, and the feed resumes by position.
      for (const target of named) {
        if (added.has(target)) continue;
        const fold = openFolds(db).current(target);
        if (fold) render(db, target, fold);
      }
      // In log order, so that a feed can resume after the last position it delivered.
      return folds
        .flatMap(([treatyId, fold]) => render(db, treatyId, fold))
        .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    } catch (error) {
      // The transaction rolls back, leaving the folds that took this batch's events in ahead of the tables. Their
      // revision would refuse them (as after a failed commit, which never reaches here); dropping them all is
      // simply the plainest answer to a failure.
      openFolds(db).clear();
      throw error;
    }
  },
};

/**
 * How many treaties' folds stay open per read model: the treaties being written to. A replay touches each treaty
 * about once and gains nothing from more.
 */
const OPEN_FOLDS = 256;

const openFoldsCache = new WeakMap<Database, OpenTreatyFolds>();

function openFolds(db: Database): OpenTreatyFolds {
  let folds = openFoldsCache.get(db);
  if (!folds) {
    const eventsBefore = statementsFor(db).eventsBefore;
    folds = new OpenTreatyFolds(OPEN_FOLDS, function* (treatyId, revision) {
      for (const row of eventsBefore.iterate(treatyId, revision) as Iterable<TreatyEventRow>) yield fromRow(row);
    });
    openFoldsCache.set(db, folds);
  }
  return folds;
}

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
    eventsBefore: db
      .prepare('SELECT * FROM treaty_events WHERE treaty_id = ? AND revision < ? ORDER BY revision')
      .safeIntegers(true),
    upsertStatus: db.prepare(
      `INSERT INTO treaty_status (treaty_id, status, category, revision, position, status_view, timeline_view)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (treaty_id) DO UPDATE SET status = excluded.status, category = excluded.category,
         revision = excluded.revision, position = excluded.position, status_view = excluded.status_view,
         timeline_view = excluded.timeline_view`,
    ),
    // Parties join (signature, accession, succession) and may leave again if that report is retracted: a listing
    // by party may keep a treaty whose joining party was retracted, the view itself is always current.
    addParty: db.prepare('INSERT OR IGNORE INTO treaty_parties (party, treaty_id) VALUES (?, ?)'),
  };
}

function render(db: Database, treatyId: string, fold: TreatyHistoryFold): TreatyUpdate[] {
  const history = fold.history();
  if (history === null) return [];
  const now = { asOf: null, knownAt: null };
  const links = incomingLinks(db, treatyId);
  const status = treatyStatusOf(history, now, links);
  const statusText = toJsonText(status);
  const statements = statementsFor(db);
  statements.upsertStatus.run(
    treatyId,
    status.status,
    status.category,
    status.revision,
    status.position,
    statusText,
    toJsonText(treatyTimelineOf(history, now, links)),
  );
  for (const code of status.parties) statements.addParty.run(code, treatyId);
  return [treatyUpdate(treatyId, status.position, statusText)];
}
