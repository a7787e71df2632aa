import type { Database } from 'better-sqlite3';
import type { RecordedEvent, StreamDeletedNotice } from '@timeline/event-store';
import {
  mayChangeOutgoingLinks,
  treatiesNamedBy,
  treatyIdFromStreamName,
  statusOn,
  treatyStatusSummaryAfter,
  TREATY_STREAM_PREFIX,
  type TreatyEvent,
  type TreatyEventEnvelope,
  type TreatyHistoryFold,
  type TreatyStatusSummary,
} from '@timeline/treaty';
import type { Projection } from '../projection';
import { statementsPerDatabase } from '../statements-per-database';
import { openTreatyFolds } from './open-treaty-folds';
import { presentDay } from './present-day';
import { toTreatyEnvelope } from './treaty-envelopes';
import { addDeletionTimes, recordTreatyDeletion, TREATY_DELETIONS_TABLE } from './treaty-deletions.table';
import { deleteEventChunks, TREATY_EVENT_CHUNKS_TABLE, writeEventChunk } from './treaty-event-chunks';
import { forgetLinksOf, indexOutgoingLinks, linkersOf, recordLinkers, TREATY_LINKS_TABLE } from './treaty-links.table';
import { mergeTreatyStatusParts, PART_NAMINGS_TABLE, recordNaming, recordRegistration } from './treaty-status.parts';
import {
  forgetOpenToJoining,
  recordOpenToJoining,
  TREATIES_OPEN_TO_JOINING_TABLE,
} from './treaties-open-to-joining.table';
import { updatesInLogOrder, type TreatyBefore, type TreatyUpdate } from './treaty-update';
import { treatyViews } from './treaty-views';

/**
 * Each treaty's fold, kept one event at a time, and what queries filter on (status, category, parties, the links
 * between treaties); the status and timeline views are rendered when first read after a change (TreatyViews), not
 * here. The folds of the treaties being written to stay open (OpenTreatyFolds); the others are made again from
 * the treaty's events, kept beside in chunks, with no trip to the event store.
 *
 * A rebuild may apply it in parts, each part of the log (by treaty) in a thread of its own (decision 0027): see
 * `treaty-status.parts.ts`.
 */
export const treatyStatusProjection: Projection<TreatyUpdate> = {
  ...treatyStatusOf('whole-log'),
  partitioned: { part: treatyStatusOf('one-part'), merge: mergeTreatyStatusParts },
};

/**
 * `one-part`: the projection as a rebuild's worker applies it to one part of the log. A treaty of another part
 * has no row here, so where this part's treaties name another treaty (and so change its views), it also records
 * that in `part_namings`, for the merge to apply once every part's rows are together.
 */
function treatyStatusOf(scope: 'whole-log' | 'one-part'): Projection<TreatyUpdate> {
  return {
    name: 'treaty-status',
    // 2: treaty_links, and the status and timeline of issue 13 (treaty law) in the stored views.
    // 3: folds and event chunks instead of stored views, which are rendered on read (decision 0013).
    // 4: treaty_linkers, every treaty that has ever linked another (what others said at a past moment, `knownAt`).
    // 5: views_position is where the views last changed (own event, or another's naming it), for sync and live.
    // 6: treaty_deletions, the treaties whose stream the operator deleted for good (decision 0024).
    // 7: linkers and namings from every event that names a treaty, not a batch's last state (a statement and its
    //    retraction in one batch); no links to a treaty deleted for good (decision 0027).
    // 8: a party bound by an entry into force on record is `completed` though no consent of its is on record (its
    //    consent is implied), and a treaty in force for one party is `in-force` (decision 0030).
    // 9: the stored status follows the treaty-law fixes of decision 0031 and the amendments of 0007 and 0023 (a
    //    signatory's notice takes effect when given, so a bilateral treaty's computed end can move; a later consent
    //    without a clause is in force from it); views and downloads rendered before say otherwise.
    // 10: the stored status is the present's before any date the record sets ahead has come, with
    //    treaty_status_ahead for each day one comes and changes it (decision 0035); before, those dates already
    //    counted. The views of decision 0036 (contradictions listed, moot objections) change with it.
    // 11: an instrument withdrawn before the clause's count was reached is not counted (decision 0038): a treaty
    //    stored `in-force` on it may not be; a bilateral treaty stored `terminated` by a withdrawal before it entered
    //    into force is `will-not-enter-into-force`.
    // 12: without a clause, a consent binds only once the treaty is in force (decision 0043): a notice given before
    //    takes effect when given, so a stored withdrawal's effect, and a bilateral treaty's computed end, can move.
    // 13: a treaty's views say which treaties it names are not on record, so they change when one of those is
    //    registered or deleted for good: its views_position moves there (decision 0045). A read model built before
    //    left it where the treaty's own events put it, and sync and live never told of the change. The status also
    //    lists acts recorded twice (`recordedTwice`, decision 0049), which a view rendered before lacks.
    // 14: treaty_parties holds every party a listing may ever have shown the treaty under, `on_record` marking those
    //    it has now (decision 0055): a file built before kept a party whose joining was retracted, listed under it.
    // 15: a bilateral treaty suspended by one of its parties is `suspended` (decision 0066): a file built before
    //    stored it `in-force`, and a listing by status missed it. A state whose consent is on record is a party of a
    //    multilateral treaty (decision 0067): one whose joining was retracted after it ratified was not listed.
    // 16: the status view lists the steps of states that are not parties (`joining`, decision 0070), which a view
    //    rendered before lacks.
    // 17: treaties_open_to_joining, the titles of the treaties a state may join, searched by the desk's extraction
    //    (decision 0077). Filling it in a file built before would leave it wrong once an older build wrote there.
    // 18: without a clause, a treaty is in force once every original party's consent is established, and an exchange
    //    of instruments establishes the ratifications completed before it (decision 0079): a treaty stored
    //    `ratified` may be `in-force`, and a withdrawal's effect (hence a bilateral treaty's end) can move.
    // 19: a suspension dated before the treaty entered into force, while no state applied it provisionally, suspends
    //    nothing (decision 0085): a treaty stored `suspended` on one may be `signed`, `ratified` or `in-force`, and a
    //    start or end of provisional application now moves the stored status.
    // 20: a termination dated before the treaty entered into force, while no state applied it provisionally, ended
    //    nothing in force (decision 0099): a treaty stored `terminated` on one is `will-not-enter-into-force`.
    //    Reservations formulated at signature are not made until confirmed (decision 0100), and resumptions with
    //    nothing suspended are flagged (decision 0098): views rendered before say otherwise. An entry-into-force
    //    clause counts only instruments that establish consent (decision 0101), and a treaty without one that an
    //    original state walked away from will not enter into force (decision 0102), and a notice known only to its
    //    month takes effect when that determines it (decision 0105): stored statuses move.
    version: 20,
    filter: { on: 'stream-name', prefixes: [TREATY_STREAM_PREFIX] },

    setUp(db: Database): void {
      db.exec(`
      ${TREATY_EVENT_CHUNKS_TABLE}
      CREATE TABLE IF NOT EXISTS treaty_status (
        treaty_id      TEXT    PRIMARY KEY,
        status         TEXT    NOT NULL,
        category       TEXT    NOT NULL,
        revision       INTEGER NOT NULL,
        position       INTEGER NOT NULL,
        views_position INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS treaty_status_by_views_position ON treaty_status (views_position, treaty_id);
      -- The status from each day a date the record sets ahead comes and changes it (status: before any has come).
      CREATE TABLE IF NOT EXISTS treaty_status_ahead (
        treaty_id TEXT NOT NULL,
        on_day    TEXT NOT NULL,
        status    TEXT NOT NULL,
        PRIMARY KEY (treaty_id, on_day)
      ) WITHOUT ROWID;
      -- The treaties a day changes, which the live feed and webhooks announce (decision 0039). Created on the next
      -- start in a file built before: it is derived from the rows, so no rebuild.
      CREATE INDEX IF NOT EXISTS treaty_status_ahead_by_day ON treaty_status_ahead (on_day, treaty_id);
      -- Every party a listing by party may ever have shown the treaty under; on_record: a party of it now (0: its
      -- joining retracted or corrected away, kept so that a client following the party is told, decision 0055).
      CREATE TABLE IF NOT EXISTS treaty_parties (
        party     TEXT    NOT NULL,
        treaty_id TEXT    NOT NULL,
        on_record INTEGER NOT NULL,
        PRIMARY KEY (party, treaty_id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS treaty_parties_by_treaty ON treaty_parties (treaty_id, on_record);
      ${TREATY_LINKS_TABLE}
      ${TREATY_DELETIONS_TABLE}
      ${TREATIES_OPEN_TO_JOINING_TABLE}
    `);
      addDeletionTimes(db);
      if (scope === 'one-part') db.exec(PART_NAMINGS_TABLE);
    },

    apply(db: Database, events: readonly RecordedEvent[]): TreatyUpdate[] {
      const added = new Map<string, TreatyEventEnvelope[]>();
      for (const event of events) {
        const treatyId = treatyIdFromStreamName(event.streamName);
        if (treatyId === undefined) continue;
        const envelope = toTreatyEnvelope(event);
        const forTreaty = added.get(treatyId);
        if (forTreaty) forTreaty.push(envelope);
        else added.set(treatyId, [envelope]);
      }
      const statements = statementsFor(db);
      const views = treatyViews(db);
      // Where each treaty's views last changed in this batch: at its own last event, or at the last event of a
      // treaty that names it (relations, statements), whichever is later.
      const changed = new Map<string, bigint>();
      const named = new Map<string, bigint>();
      // Each treaty's status (today's) and parties before this batch, so that a filter can tell one that leaves it.
      const before = new Map<string, TreatyBefore>();
      const today = presentDay(db);
      try {
        for (const [treatyId, envelopes] of added) {
          writeEventChunk(db, treatyId, envelopes);
          const fold = openTreatyFolds(db).foldIn(treatyId, envelopes);
          const history = fold.history();
          if (history === null) continue;
          if (envelopes.some((envelope) => mayChangeOutgoingLinks(envelope.event))) {
            // What the treaty names now, and what it named on the way: a statement and its retraction applied
            // together (a rebuild's batch) change the named treaty's views as surely as one at a time, and a
            // client that saw the statement must hear of the retraction.
            const namedOnTheWay = envelopes.flatMap((envelope) => treatiesNamedBy(envelope.event));
            recordLinkers(db, treatyId, namedOnTheWay);
            for (const target of new Set([...indexOutgoingLinks(db, history), ...namedOnTheWay])) {
              if (target === treatyId) continue;
              if ((named.get(target) ?? -1n) < history.position) named.set(target, history.position);
            }
          }
          // The status and the parties are what listings filter on; links from others do not change them. Kept
          // beside the fold, so that an event that cannot change them costs nothing to account for.
          const previous = summaries.get(fold);
          // A fold made again (evicted) has no summary: its row still holds the status before this batch. A treaty
          // registered in this batch had none (most treaties of a replay's batch: no query for them).
          const previousStatus =
            previous !== undefined
              ? statusOn(previous, today)
              : envelopes[0]!.revision === 0n
                ? undefined
                : (statements.statusOn.get(treatyId, today, treatyId) as string | undefined);
          const previousParties =
            previous !== undefined
              ? previous.parties
              : previousStatus === undefined
                ? []
                : partiesOnRecord(db, treatyId);
          if (previousStatus !== undefined) before.set(treatyId, { status: previousStatus, parties: previousParties });
          const summary = treatyStatusSummaryAfter(previous ?? null, history, envelopes);
          summaries.set(fold, summary);
          const { status, category, parties, ahead } = summary;
          statements.upsertStatus.run(treatyId, status, category, history.revision, history.position, history.position);
          if (ahead !== previous?.ahead) {
            statements.deleteAhead.run(treatyId);
            for (const { on, status: then } of ahead) statements.addAhead.run(treatyId, on, then);
          }
          // The parties' rows change only with the parties: most batches of a long history leave them as they are.
          if (parties !== previousParties) {
            writeParties(db, treatyId, summary, previous?.partiesOnceNamed ?? previousParties, previousParties);
          }
          changed.set(treatyId, history.position);
          const registration = registrationIn(envelopes);
          if (registration !== undefined) {
            recordOpenToJoining(db, treatyId, registration.data.title, registration.data.kind);
            // The treaties that named it before it was registered showed it as not on record: no longer. A part
            // records where: a treaty of another part that named it before then changes there (the merge).
            if (scope === 'one-part') recordRegistration(db, treatyId, registration.position);
            for (const linker of linkersOf(db, treatyId)) {
              if (linker !== treatyId && (named.get(linker) ?? -1n) < history.position)
                named.set(linker, history.position);
            }
          }
        }
        // What a changed treaty says about others shows in their views: their views changed at its position. No row
        // changes for a treaty not registered yet (it has no views), or one whose own later event in this batch has
        // already moved its views past that position.
        for (const [target, position] of named) {
          if (touchViews(db, scope, target, position)) changed.set(target, position);
        }
      } catch (error) {
        // The transaction rolls back, leaving the folds that took this batch's events in ahead of the tables. Their
        // revision would refuse them (as after a failed commit, which never reaches here); dropping them all is
        // simply the plainest answer to a failure.
        openTreatyFolds(db).clear();
        throw error;
      }
      // In log order, so that a feed can resume after the last position it delivered.
      return updatesInLogOrder(changed, (treatyId) => views.text(treatyId, 'status'), undefined, before);
    },

    /**
     * A treaty whose stream the operator deleted for good leaves the read model (listings, party filters, exports
     * read it), remembered as deleted so that its reads say so, and is published as deleted; the treaties it named lose
     * what it said of them, so their views change at the deletion's position and are published like any other change
     * (decision 0024).
     */
    streamDeleted(db: Database, notice: StreamDeletedNotice): TreatyUpdate[] {
      const treatyId = treatyIdFromStreamName(notice.streamName);
      if (treatyId === undefined) return [];
      const statements = statementsFor(db);
      // The treaties that named it show it as not on record from now on (decision 0045): read before its linkers go.
      const namers = linkersOf(db, treatyId);
      // The parties whose feeds held it, read before its rows go: their feeds changed at its deletion (decision 0108).
      const parties = partiesOnRecord(db, treatyId);
      recordTreatyDeletion(db, treatyId, { position: notice.position, recordedAt: notice.recordedAt, parties });
      statements.deleteStatus.run(treatyId);
      statements.deleteAhead.run(treatyId);
      statements.deleteParties.run(treatyId);
      deleteEventChunks(db, treatyId);
      forgetOpenToJoining(db, treatyId);
      openTreatyFolds(db).forget(treatyId);
      const changed = new Map<string, bigint>([[treatyId, notice.position]]);
      for (const target of new Set([...forgetLinksOf(db, treatyId), ...namers])) {
        if (target !== treatyId && touchViews(db, scope, target, notice.position)) changed.set(target, notice.position);
      }
      const views = treatyViews(db);
      return updatesInLogOrder(changed, (target) => views.text(target, 'status'), new Set([treatyId]));
    },
  };
}

/**
 * Another treaty named `target` at `position` (or one `target` names was registered or deleted there): its views
 * changed there, unless its own later events moved them further. False when no row changed (a treaty not
 * registered yet, or in another part of a rebuild: recorded).
 */
/** The treaty's registration, when this batch holds it (a stream holds one, and every stream begins with it). */
function registrationIn(
  envelopes: readonly TreatyEventEnvelope[],
): { position: bigint; data: Extract<TreatyEvent, { type: 'TreatyRegistered' }>['data'] } | undefined {
  for (const { event, position } of envelopes) {
    if (event.type === 'TreatyRegistered') return { position, data: event.data };
  }
  return undefined;
}

function touchViews(db: Database, scope: 'whole-log' | 'one-part', target: string, position: bigint): boolean {
  if (scope === 'one-part') recordNaming(db, target, position);
  return statementsFor(db).touchViews.run(position, target, position).changes > 0;
}

/** The parties of the treaty now, as its rows hold them: for a fold made again, which has no summary. */
function partiesOnRecord(db: Database, treatyId: string): string[] {
  return statementsFor(db).partiesOnRecord.all(treatyId) as string[];
}

/**
 * The treaty's parties' rows: every party a listing by party may ever have shown it under, marked as a party now or
 * not (decision 0055). Written again only when they differ from the rows before.
 */
function writeParties(
  db: Database,
  treatyId: string,
  { parties, partiesOnceNamed }: TreatyStatusSummary,
  namedBefore: readonly string[],
  partiesBefore: readonly string[],
): void {
  if (sameMembers(parties, partiesBefore) && sameMembers(partiesOnceNamed, namedBefore)) return;
  const statements = statementsFor(db);
  statements.deleteParties.run(treatyId);
  for (const party of partiesOnceNamed) statements.addParty.run(party, treatyId, parties.includes(party) ? 1 : 0);
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((member) => b.includes(member));
}

/** Each open fold's summary: a fold folded again (evicted, or after a rollback) starts without one. */
const summaries = new WeakMap<TreatyHistoryFold, TreatyStatusSummary>();

const statementsFor = statementsPerDatabase(prepareStatements);

function prepareStatements(db: Database) {
  return {
    upsertStatus: db.prepare(
      `INSERT INTO treaty_status (treaty_id, status, category, revision, position, views_position)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (treaty_id) DO UPDATE SET status = excluded.status, category = excluded.category,
         revision = excluded.revision, position = excluded.position, views_position = excluded.views_position`,
    ),
    touchViews: db.prepare('UPDATE treaty_status SET views_position = ? WHERE treaty_id = ? AND views_position < ?'),
    addParty: db.prepare('INSERT INTO treaty_parties (party, treaty_id, on_record) VALUES (?, ?, ?)'),
    partiesOnRecord: db.prepare('SELECT party FROM treaty_parties WHERE treaty_id = ? AND on_record = 1').pluck(),
    deleteStatus: db.prepare('DELETE FROM treaty_status WHERE treaty_id = ?'),
    // Today's status as the row has it: the last of its days ahead that has come, else the one last summarised.
    statusOn: db
      .prepare(
        `SELECT COALESCE(
          (SELECT a.status FROM treaty_status_ahead a WHERE a.treaty_id = ? AND a.on_day <= ?
            ORDER BY a.on_day DESC LIMIT 1),
          s.status) FROM treaty_status s WHERE s.treaty_id = ?`,
      )
      .pluck(),
    addAhead: db.prepare('INSERT INTO treaty_status_ahead (treaty_id, on_day, status) VALUES (?, ?, ?)'),
    deleteAhead: db.prepare('DELETE FROM treaty_status_ahead WHERE treaty_id = ?'),
    deleteParties: db.prepare('DELETE FROM treaty_parties WHERE treaty_id = ?'),
  };
}
