import type { Database } from 'better-sqlite3';
import type { TreatyEventEnvelope, TreatyHistory } from '@timeline/treaty';
import { statementsPerDatabase } from '../statements-per-database';

/** The feed of every treaty's developments; a party's feed is keyed by the party's code. */
export const EVERY_DEVELOPMENT_FEED = '';

/**
 * The versions of the Atom feeds' entries, per feed, as the log made them (decision 0057): a version is the entry as
 * the event at `position` left it. Rows are only ever added, at the position of the event being applied, so a feed's
 * versions in (position, entry_id) order only grow at the end, and its archives (50 versions each, counted from the
 * oldest) never move. Every row belongs to one treaty, so the parts of a rebuild (decision 0027) merge by copying them.
 */
export const FEED_VERSIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS feed_versions (
    feed           TEXT    NOT NULL,
    position       INTEGER NOT NULL,
    entry_id       TEXT    NOT NULL,
    treaty_id      TEXT    NOT NULL,
    development_id TEXT    NOT NULL,
    PRIMARY KEY (feed, position, entry_id)
  ) WITHOUT ROWID;
`;

/** One stored version: which entry, of which treaty's development, and where the log made it. */
export interface FeedVersionRow {
  readonly position: bigint;
  readonly entryId: string;
  readonly treatyId: string;
  readonly developmentId: string;
}

const statements = statementsPerDatabase((db: Database) => ({
  add: db.prepare(
    `INSERT OR IGNORE INTO feed_versions (feed, position, entry_id, treaty_id, development_id)
     VALUES (?, ?, ?, ?, ?)`,
  ),
  count: db.prepare('SELECT count(*) FROM feed_versions WHERE feed = ?').pluck(),
  slice: db
    .prepare(
      `SELECT position, entry_id, treaty_id, development_id FROM feed_versions WHERE feed = ?
        ORDER BY position, entry_id LIMIT ? OFFSET ?`,
    )
    .raw()
    .safeIntegers(),
}));

const entryOf = (developmentId: string) => `urn:uuid:${developmentId}`;

/**
 * The entries one event changes: a development's recording, corroboration or correction makes a version of its
 * entry; a retraction one of the retracted development's entry and the first of the retraction's own.
 */
function entriesChangedBy(envelope: TreatyEventEnvelope): [entryId: string, developmentId: string][] {
  const { event } = envelope;
  if (event.type === 'TreatyRegistered') return [];
  const { developmentId } = event.data;
  if (event.type === 'DevelopmentRetracted') {
    return [
      [entryOf(developmentId), developmentId],
      [entryOf(envelope.eventId), developmentId],
    ];
  }
  return [[entryOf(developmentId), developmentId]];
}

/** Every entry of the treaty as `history` stands: each development's, and each retraction's. */
function entriesOfTreaty(history: TreatyHistory): [entryId: string, developmentId: string][] {
  return history.developments.flatMap(({ developmentId, retraction }) => [
    [entryOf(developmentId), developmentId] as [string, string],
    ...(retraction ? [[entryOf(retraction.eventId), developmentId] as [string, string]] : []),
  ]);
}

/**
 * The versions one event of a treaty makes (applied in log order, `history` as it left the treaty): in the feed of
 * every development, and in the feed of each party the treaty had before or after it (so that a party's feed tells
 * of the event that ends its part in the treaty). A party the treaty gains here gets a version of every entry of the
 * treaty at this position: the treaty's history reaches the party's feed without being put into its past.
 */
export function addFeedVersions(
  db: Database,
  treatyId: string,
  envelope: TreatyEventEnvelope,
  history: TreatyHistory,
  partiesBefore: readonly string[],
  partiesAfter: readonly string[],
): void {
  const add = statements(db).add;
  const position = envelope.position;
  const changed = entriesChangedBy(envelope);
  const feeds = [EVERY_DEVELOPMENT_FEED, ...new Set([...partiesBefore, ...partiesAfter])];
  for (const feed of feeds) {
    for (const [entryId, developmentId] of changed) add.run(feed, position, entryId, treatyId, developmentId);
  }
  const joined = partiesAfter.filter((party) => !partiesBefore.includes(party));
  if (joined.length === 0) return;
  const everyEntry = entriesOfTreaty(history);
  for (const party of joined) {
    for (const [entryId, developmentId] of everyEntry) add.run(party, position, entryId, treatyId, developmentId);
  }
}

/** How many versions the feed holds. */
export function feedVersionCount(db: Database, feed: string): number {
  return statements(db).count.get(feed) as number;
}

/** The feed's versions from the `offset`-th (from 0, oldest first), at most `limit`, in log order. */
export function feedVersionsSlice(db: Database, feed: string, offset: number, limit: number): FeedVersionRow[] {
  const rows = statements(db).slice.all(feed, limit, offset) as [bigint, string, string, string][];
  return rows.map(([position, entryId, treatyId, developmentId]) => ({ position, entryId, treatyId, developmentId }));
}
