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

/** A word in more titles than this tells none apart: it is not searched for (ranking its titles costs). */
export const MOST_TITLES_PER_WORD = 1_000;

/** How many titles of the treaties open to joining have each word, read from the index's own vocabulary. */
const titlesWithTerm = statementsPerDatabase((db: Database) => {
  // A table of this connection only (TEMP): nothing is written to the file.
  db.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.treaties_open_to_joining_terms
       USING fts5vocab(main, treaties_open_to_joining, row)`,
  );
  return db.prepare('SELECT doc FROM temp.treaties_open_to_joining_terms WHERE term = ?').pluck();
});

/**
 * The treaties open to joining whose titles have any of `words`, those with the most (and the rarest) first, at most
 * `limit`: the candidates for a closer look, not an answer. A word in more than `mostTitlesPerWord` titles is left
 * out, so that a search costs what its rarer words find, not the registry. No words, no treaties.
 */
export function treatiesOpenToJoiningWith(
  db: Database,
  words: readonly string[],
  limit: number,
  mostTitlesPerWord = MOST_TITLES_PER_WORD,
): TreatyTitle[] {
  const telling = words.filter(
    (word) => ((titlesWithTerm(db).get(asIndexed(word)) as number | undefined) ?? 0) <= mostTitlesPerWord,
  );
  if (telling.length === 0) return [];
  // Each word a phrase of its own: FTS5's query syntax (AND, NEAR, *, ^, quotes) is never read from a text.
  const query = telling.map((word) => `"${word.replaceAll('"', '""')}"`).join(' OR ');
  return (statements(db).named.all(query, limit) as [string, string, TreatyKind | null][]).map(([id, title, kind]) => ({
    id,
    title,
    kind,
  }));
}

/** A word as the index's tokenizer keeps it (unicode61, diacritics removed): lower case, no combining marks. */
function asIndexed(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
