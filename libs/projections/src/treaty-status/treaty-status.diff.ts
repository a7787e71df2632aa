import type { Database } from 'better-sqlite3';
import { treatyDeletedAt } from './treaty-deletions.table';
import { treatyViews, type ViewKind } from './treaty-views';

export interface ReadModelDifference {
  readonly treatyId: string;
  /**
   * `deletion`: deleted for good (its stream tombstoned) in one and not in the other. `status` and `timeline`: the
   * views as rendered. The others are the rows reads filter and render from (READ_TABLES), as stored.
   */
  readonly part: 'status' | 'timeline' | 'presence' | 'deletion' | ReadTablePart;
  readonly live: unknown;
  readonly rebuilt: unknown;
}

type ReadTablePart = keyof typeof READ_TABLES;

/**
 * Every table a read answers from, as one treaty's rows, in an order that does not depend on how events were
 * batched: a listing filters on `treaty_status`'s columns (status, category) and on `treaty_parties` and
 * `treaty_status_ahead` without rendering a view; a view renders from
 * `treaty_event_chunks` (compared as the events they hold: a replay chunks them otherwise than live appends) and
 * `treaty_links`; `knownAt` reads `treaty_linkers`; the desk's extraction searches `treaties_open_to_joining`.
 */
const READ_TABLES = {
  // Not views_position: where a treaty's views last changed, as a marker for sync and live, is no earlier than the
  // rebuild's but may be later (a namer's event applied in a batch of its own, a deletion scavenged since).
  listing: 'SELECT status, category, revision, position FROM treaty_status WHERE treaty_id = ?',
  ahead: 'SELECT on_day, status FROM treaty_status_ahead WHERE treaty_id = ? ORDER BY on_day',
  parties: 'SELECT party, on_record FROM treaty_parties WHERE treaty_id = ? ORDER BY party',
  links: `SELECT source_treaty_id, link_key, kind, data FROM treaty_links WHERE target_treaty_id = ?
    ORDER BY source_treaty_id, link_key`,
  linkers: 'SELECT source_treaty_id FROM treaty_linkers WHERE target_treaty_id = ? ORDER BY source_treaty_id',
  // By a column the full-text table does not index: read whole, once (readTableRows), not once per treaty.
  'open-to-joining': 'SELECT treaty_id, title, kind FROM treaties_open_to_joining ORDER BY treaty_id',
  events: 'SELECT events FROM treaty_event_chunks WHERE treaty_id = ? ORDER BY first_revision',
} as const;

/** Every treaty any of those tables names, deleted ones included. */
const TREATY_IDS = `
  SELECT treaty_id FROM treaty_status UNION SELECT treaty_id FROM treaty_deletions
  UNION SELECT treaty_id FROM treaty_status_ahead UNION SELECT treaty_id FROM treaty_parties
  UNION SELECT target_treaty_id FROM treaty_links UNION SELECT source_treaty_id FROM treaty_links
  UNION SELECT target_treaty_id FROM treaty_linkers UNION SELECT source_treaty_id FROM treaty_linkers
  UNION SELECT treaty_id FROM treaties_open_to_joining UNION SELECT treaty_id FROM treaty_event_chunks`;

/**
 * Every difference between two treaty-status read models, e.g. the live one and one rebuilt from the whole log: in
 * what reads render (each treaty's status and timeline) and in every row reads filter or render from, which a
 * damaged table could change without changing a view (a listing by status or party answering wrongly). None, in a
 * healthy system. Views are rendered on read, so this renders every treaty's views on both sides (one treaty at a
 * time: the views caches keep what they hold bounded).
 */
export function diffTreatyReadModels(live: Database, rebuilt: Database): ReadModelDifference[] {
  const ids = (db: Database) => db.prepare(TREATY_IDS).pluck().all() as string[];
  const left = treatyViews(live);
  const right = treatyViews(rebuilt);
  const [liveRows, rebuiltRows] = [live, rebuilt].map(readTableRows);
  const differences: ReadModelDifference[] = [];
  for (const treatyId of [...new Set([...ids(live), ...ids(rebuilt)])].sort()) {
    const [liveDeleted, rebuiltDeleted] = [live, rebuilt].map((db) => treatyDeletedAt(db, treatyId) !== undefined);
    if (liveDeleted !== rebuiltDeleted) {
      differences.push({ treatyId, part: 'deletion', live: liveDeleted, rebuilt: rebuiltDeleted });
      continue;
    }
    const part = (kind: ViewKind) => [left.text(treatyId, kind), right.text(treatyId, kind)] as const;
    const [liveStatus, rebuiltStatus] = liveDeleted ? [undefined, undefined] : part('status');
    if ((liveStatus === undefined) !== (rebuiltStatus === undefined)) {
      differences.push({
        treatyId,
        part: 'presence',
        live: liveStatus !== undefined,
        rebuilt: rebuiltStatus !== undefined,
      });
      continue;
    }
    for (const table of Object.keys(READ_TABLES) as ReadTablePart[]) {
      const [liveRowsOf, rebuiltRowsOf] = [liveRows!(table, treatyId), rebuiltRows!(table, treatyId)];
      if (JSON.stringify(liveRowsOf) !== JSON.stringify(rebuiltRowsOf)) {
        differences.push({ treatyId, part: table, live: liveRowsOf, rebuilt: rebuiltRowsOf });
      }
    }
    if (liveStatus === undefined || rebuiltStatus === undefined) continue;
    if (liveStatus !== rebuiltStatus) {
      differences.push({ treatyId, part: 'status', live: JSON.parse(liveStatus), rebuilt: JSON.parse(rebuiltStatus) });
    }
    const [liveTimeline, rebuiltTimeline] = part('timeline');
    if (liveTimeline !== rebuiltTimeline) {
      differences.push({
        treatyId,
        part: 'timeline',
        live: JSON.parse(liveTimeline!),
        rebuilt: JSON.parse(rebuiltTimeline!),
      });
    }
  }
  return differences;
}

/** Revisions and positions as decimal strings (as the API gives them: 64-bit), other integers (flags) as numbers. */
function plainInteger(column: string, value: bigint): string | number {
  return column === 'revision' || column === 'position' ? value.toString() : Number(value);
}

/**
 * One treaty's rows of a read table, as plain values (revisions and positions as decimal strings): its one row (or null) of a table
 * that holds one per treaty, its events as one list.
 */
function readTableRows(db: Database): (table: ReadTablePart, treatyId: string) => unknown {
  const statements = new Map(
    Object.entries(READ_TABLES).map(([table, sql]) => [table, db.prepare(sql).safeIntegers(true)]),
  );
  const titles = new Map<string, Record<string, unknown>[]>();
  for (const { treaty_id: treatyId, ...row } of statements.get('open-to-joining')!.all() as { treaty_id: string }[]) {
    titles.set(treatyId, [...(titles.get(treatyId) ?? []), row]);
  }
  return (table, treatyId) => {
    const rows =
      table === 'open-to-joining'
        ? (titles.get(treatyId) ?? [])
        : (statements.get(table)!.all(treatyId) as Record<string, unknown>[]);
    if (table === 'events') return rows.flatMap((row) => JSON.parse(row['events'] as string) as unknown[]);
    const plain = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [
          column,
          typeof value === 'bigint' ? plainInteger(column, value) : value,
        ]),
      ),
    );
    return table === 'listing' || table === 'open-to-joining' ? (plain[0] ?? null) : plain;
  };
}
