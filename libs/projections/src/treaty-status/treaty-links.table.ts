import type { Database } from 'better-sqlite3';
import {
  outgoingLinksOf,
  type LinkedItem,
  type RelationType,
  type TreatyHistory,
  type TreatyLinks,
} from '@timeline/treaty';
import { statementsPerDatabase } from '../statements-per-database';
import { treatyDeletedAt } from './treaty-deletions.table';

/**
 * The reverse index of what treaties say about each other: a relation stated on one treaty, or a statement,
 * negotiations or context recorded on one treaty and naming others, is kept here under each treaty it names, so
 * that treaty's views show it too. A treaty's rows are replaced whenever its own stream changes (a correction or
 * retraction of the statement, on the source treaty, changes what the others show).
 *
 * `treaty_linkers` only grows: every treaty that has ever said something about another, even what it no longer
 * says. The record as it stood at a past moment (`knownAt`) may hold a link retracted since; its view is folded
 * from those treaties' streams as they stood then.
 */
export const TREATY_LINKS_TABLE = `
  CREATE TABLE IF NOT EXISTS treaty_links (
    target_treaty_id TEXT NOT NULL,
    source_treaty_id TEXT NOT NULL,
    link_key         TEXT NOT NULL,
    kind             TEXT NOT NULL,
    data             TEXT NOT NULL,
    PRIMARY KEY (target_treaty_id, source_treaty_id, link_key)
  );
  CREATE INDEX IF NOT EXISTS treaty_links_by_source ON treaty_links (source_treaty_id);
  CREATE TABLE IF NOT EXISTS treaty_linkers (
    target_treaty_id TEXT NOT NULL,
    source_treaty_id TEXT NOT NULL,
    PRIMARY KEY (target_treaty_id, source_treaty_id)
  ) WITHOUT ROWID;
`;

type LinkRow = { kind: 'relation' | 'item'; source_treaty_id: string; data: string };

const statements = statementsPerDatabase((db: Database) => ({
  linksFrom: db.prepare('SELECT target_treaty_id, link_key, data FROM treaty_links WHERE source_treaty_id = ?'),
  deleteFrom: db.prepare('DELETE FROM treaty_links WHERE source_treaty_id = ?'),
  insert: db.prepare(
    `INSERT OR REPLACE INTO treaty_links (target_treaty_id, source_treaty_id, link_key, kind, data)
       VALUES (?, ?, ?, ?, ?)`,
  ),
  addLinker: db.prepare('INSERT OR IGNORE INTO treaty_linkers (target_treaty_id, source_treaty_id) VALUES (?, ?)'),
  linkers: db
    .prepare('SELECT source_treaty_id FROM treaty_linkers WHERE target_treaty_id = ? ORDER BY source_treaty_id')
    .pluck(),
  targetsOf: db.prepare('SELECT DISTINCT target_treaty_id FROM treaty_links WHERE source_treaty_id = ?').pluck(),
  deleteTo: db.prepare('DELETE FROM treaty_links WHERE target_treaty_id = ?'),
  deleteLinkers: db.prepare('DELETE FROM treaty_linkers WHERE source_treaty_id = ? OR target_treaty_id = ?'),
  incoming: db.prepare(
    'SELECT kind, source_treaty_id, data FROM treaty_links WHERE target_treaty_id = ? ORDER BY source_treaty_id, link_key',
  ),
}));

/**
 * Replaces what `history`'s treaty says about others (but treaties deleted for good); returns every treaty whose links from it changed (added,
 * altered or removed): their views change, and only theirs (each is published as changed, decision 0021).
 */
export function indexOutgoingLinks(db: Database, history: TreatyHistory): Set<string> {
  const prepared = statements(db);
  const source = history.treatyId;
  const before = linksByTarget(prepared.linksFrom.all(source) as IndexedLink[]);
  prepared.deleteFrom.run(source);
  const after: IndexedLink[] = [];
  for (const link of outgoingLinksOf(history)) {
    // A treaty deleted for good takes no links: it has no views to show them in. Skipped here, not only dropped
    // by the deletion, the links do not depend on whether the linker's events are applied before the deletion or
    // after it (a rebuild in parts applies them in different threads).
    if (link.toTreatyId === source || treatyDeletedAt(db, link.toTreatyId) !== undefined) continue;
    prepared.addLinker.run(link.toTreatyId, source);
    const indexed =
      link.kind === 'relation'
        ? { link_key: `relation:${link.type}`, data: JSON.stringify({ type: link.type }) }
        : { link_key: `item:${link.item.developmentId}`, data: JSON.stringify(link.item) };
    prepared.insert.run(link.toTreatyId, source, indexed.link_key, link.kind, indexed.data);
    after.push({ target_treaty_id: link.toTreatyId, ...indexed });
  }
  const now = linksByTarget(after);
  const affected = new Set<string>();
  for (const target of new Set([...before.keys(), ...now.keys()])) {
    if (before.get(target) !== now.get(target)) affected.add(target);
  }
  return affected;
}

/**
 * Remembers that `source` named these treaties (but itself, and treaties deleted for good), whether or not it still
 * does by the end of the batch: `treaty_linkers` holds every treaty that ever said something about another, and
 * must not depend on how events were batched (a statement and its retraction applied together, in a rebuild, name
 * a treaty as surely as one at a time, live).
 */
export function recordLinkers(db: Database, source: string, targets: Iterable<string>): void {
  const prepared = statements(db);
  for (const target of targets) {
    if (target === source || treatyDeletedAt(db, target) !== undefined) continue;
    prepared.addLinker.run(target, source);
  }
}

type IndexedLink = { target_treaty_id: string; link_key: string; data: string };

/**
 * Each target's links from one source, as one comparable text. A key names one link per target: a treaty listed
 * twice in a statement is one row (the insert replaces), so it is one entry here too.
 */
function linksByTarget(links: readonly IndexedLink[]): Map<string, string> {
  const byTarget = new Map<string, Map<string, string>>();
  for (const { target_treaty_id: target, link_key: key, data } of links) {
    const entries = byTarget.get(target);
    if (entries) entries.set(key, data);
    else byTarget.set(target, new Map([[key, data]]));
  }
  const text = (entries: Map<string, string>) =>
    [...entries]
      .map(([key, data]) => `${key}\u0000${data}`)
      .sort()
      .join('\u0001');
  return new Map([...byTarget].map(([target, entries]) => [target, text(entries)]));
}

/**
 * Forgets a treaty deleted for good: what it says about others and what others say about it (it has no views to
 * show them in), and that it ever said anything (its stream, which `knownAt` would fold, is gone). Returns the
 * treaties it named: their views change, and only theirs.
 */
export function forgetLinksOf(db: Database, treatyId: string): Set<string> {
  const prepared = statements(db);
  const named = new Set(prepared.targetsOf.all(treatyId) as string[]);
  named.delete(treatyId);
  prepared.deleteFrom.run(treatyId);
  prepared.deleteTo.run(treatyId);
  prepared.deleteLinkers.run(treatyId, treatyId);
  return named;
}

/** What other treaties say about this one. */
export function incomingLinks(db: Database, treatyId: string): TreatyLinks {
  const rows = statements(db).incoming.all(treatyId) as LinkRow[];
  const incomingRelations: { type: RelationType; fromTreatyId: string }[] = [];
  const items: LinkedItem[] = [];
  for (const row of rows) {
    if (row.kind === 'relation') {
      incomingRelations.push({
        type: (JSON.parse(row.data) as { type: RelationType }).type,
        fromTreatyId: row.source_treaty_id,
      });
    } else {
      items.push(JSON.parse(row.data) as LinkedItem);
    }
  }
  return { incomingRelations, items };
}

/** Every treaty that has ever said something about this one, whether it still does or not. */
export function linkersOf(db: Database, treatyId: string): string[] {
  return statements(db).linkers.all(treatyId) as string[];
}
