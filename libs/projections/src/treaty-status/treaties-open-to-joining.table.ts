import type { Database } from 'better-sqlite3';
import type { TreatyKind } from '@timeline/treaty';
import { statementsPerDatabase } from '../statements-per-database';

/**
 * The title and kind, as registered (neither changes after), of each treaty that a state not yet a party may join:
 * all but those registered bilateral, whose titles are searched by their words (SQLite's FTS5). What finds such a
 * treaty by its name rather than by its parties, as a state joining a convention is reported ("Uzbekistan acceded
 * to the Convention on ..." names none of its parties). A bilateral treaty has no row: nobody joins it.
 */
export const TREATIES_OPEN_TO_JOINING_TABLE = `
  CREATE VIRTUAL TABLE IF NOT EXISTS treaties_open_to_joining USING fts5(
    treaty_id UNINDEXED,
    title,
    kind UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
  );
`;

/**
 * Fills the table in a read model built before it existed: a treaty's registration is its first event, the first
 * of its first chunk, kept upcast ([eventId, revision, position, recordedAt, type, data]). Derived from rows the
 * file holds, so such a file needs no rebuild (a treaty deleted for good has no chunks left, and no title).
 */
const FILL_FROM_EVENT_CHUNKS = `
  INSERT INTO treaties_open_to_joining (treaty_id, title, kind)
    SELECT treaty_id, json_extract(events, '$[0][5].title'), json_extract(events, '$[0][5].kind')
      FROM treaty_event_chunks
     WHERE first_revision = 0 AND json_extract(events, '$[0][4]') = 'TreatyRegistered'
       AND json_extract(events, '$[0][5].kind') IS NOT 'bilateral'
`;

/** Creates the table; in a file that had treaty chunks but no such table (built by an older build), fills it. */
export function setUpTreatiesOpenToJoining(db: Database): void {
  const existed = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'treaties_open_to_joining'").get();
  db.exec(TREATIES_OPEN_TO_JOINING_TABLE);
  if (!existed) db.exec(FILL_FROM_EVENT_CHUNKS);
}

const statements = statementsPerDatabase((db: Database) => ({
  record: db.prepare('INSERT INTO treaties_open_to_joining (treaty_id, title, kind) VALUES (?, ?, ?)'),
  // By a column the index does not hold: it reads every row, once, when the operator deletes a stream for good.
  forget: db.prepare('DELETE FROM treaties_open_to_joining WHERE treaty_id = ?'),
  named: db
    .prepare(
      `SELECT treaty_id, title, kind FROM treaties_open_to_joining WHERE treaties_open_to_joining MATCH ?
        ORDER BY rank LIMIT ?`,
    )
    .raw(),
}));

/**
 * The treaty was registered: kept unless bilateral. Applied once per registration (a stream holds one, and the
 * runner applies each event once, in the transaction that moves its checkpoint).
 */
export function recordOpenToJoining(db: Database, treatyId: string, title: string, kind: TreatyKind | undefined): void {
  if (kind !== 'bilateral') statements(db).record.run(treatyId, title, kind ?? null);
}

/** The treaty's stream was deleted for good. */
export function forgetOpenToJoining(db: Database, treatyId: string): void {
  statements(db).forget.run(treatyId);
}

/** A treaty as its registration names it. */
export interface TreatyTitle {
  readonly id: string;
  readonly title: string;
  /** Null: registered without a kind. */
  readonly kind: TreatyKind | null;
}

/**
 * The treaties open to joining whose titles have any of `words`, those with the most (and the rarest) first, at most
 * `limit`: the candidates for a closer look, not an answer. No words, no treaties.
 */
export function treatiesOpenToJoiningWith(db: Database, words: readonly string[], limit: number): TreatyTitle[] {
  if (words.length === 0) return [];
  // Each word a phrase of its own: FTS5's query syntax (AND, NEAR, *, ^, quotes) is never read from a text.
  const query = words.map((word) => `"${word.replaceAll('"', '""')}"`).join(' OR ');
  return (statements(db).named.all(query, limit) as [string, string, TreatyKind | null][]).map(([id, title, kind]) => ({
    id,
    title,
    kind,
  }));
}
