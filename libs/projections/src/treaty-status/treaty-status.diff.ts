import type { Database } from 'better-sqlite3';
import { treatyDeletedAt } from './treaty-deletions.table';
import { treatyViews, type ViewKind } from './treaty-views';

export interface ReadModelDifference {
  readonly treatyId: string;
  /**
   * `deletion`: deleted for good (its stream tombstoned) in one and not in the other; `feed-versions`: the versions
   * of its entries in the Atom feeds (decision 0057), as `feed position entry` lines.
   */
  readonly part: 'status' | 'timeline' | 'presence' | 'deletion' | 'feed-versions';
  readonly live: unknown;
  readonly rebuilt: unknown;
}

/**
 * Every treaty whose status or timeline differs between two treaty-status read models, e.g. the live one and one
 * rebuilt from the whole log. None, in a healthy system. Views are rendered on read, so this renders every
 * treaty's views on both sides (one treaty at a time: the views caches keep what they hold bounded).
 */
export function diffTreatyReadModels(live: Database, rebuilt: Database): ReadModelDifference[] {
  const ids = (db: Database) =>
    db
      .prepare('SELECT treaty_id FROM treaty_status UNION SELECT treaty_id FROM treaty_deletions')
      .pluck()
      .all() as string[];
  const left = treatyViews(live);
  const right = treatyViews(rebuilt);
  const feedVersions = feedVersionsThatDiffer(live, rebuilt);
  const differences: ReadModelDifference[] = [];
  for (const treatyId of [...new Set([...ids(live), ...ids(rebuilt)])].sort()) {
    const [liveDeleted, rebuiltDeleted] = [live, rebuilt].map((db) => treatyDeletedAt(db, treatyId) !== undefined);
    if (liveDeleted || rebuiltDeleted) {
      if (liveDeleted !== rebuiltDeleted) {
        differences.push({ treatyId, part: 'deletion', live: liveDeleted, rebuilt: rebuiltDeleted });
      }
      continue;
    }
    const part = (kind: ViewKind) => [left.text(treatyId, kind), right.text(treatyId, kind)] as const;
    const [liveStatus, rebuiltStatus] = part('status');
    if (liveStatus === undefined || rebuiltStatus === undefined) {
      differences.push({
        treatyId,
        part: 'presence',
        live: liveStatus !== undefined,
        rebuilt: rebuiltStatus !== undefined,
      });
      continue;
    }
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
    const versions = feedVersions.get(treatyId);
    if (versions) differences.push({ treatyId, part: 'feed-versions', ...versions });
  }
  return differences;
}

/**
 * The treaties whose feed versions differ, with each side's. Both files are read once, treaty by treaty in the same
 * order, so that neither is held whole. A treaty deleted for good keeps its versions live but has none in a rebuild
 * after a scavenge: the caller passes over deleted treaties.
 */
function feedVersionsThatDiffer(live: Database, rebuilt: Database): Map<string, { live: string[]; rebuilt: string[] }> {
  const read = (db: Database) =>
    db
      .prepare(
        `SELECT treaty_id, group_concat(feed || ' ' || position || ' ' || entry_id, char(10)
                  ORDER BY feed, position, entry_id)
           FROM feed_versions GROUP BY treaty_id ORDER BY treaty_id`,
      )
      .raw()
      .iterate() as IterableIterator<[string, string]>;
  const [left, right] = [read(live), read(rebuilt)];
  const next = (rows: IterableIterator<[string, string]>): [string, string] | undefined => {
    const row = rows.next();
    return row.done === true ? undefined : row.value;
  };
  const differ = new Map<string, { live: string[]; rebuilt: string[] }>();
  let [a, b] = [next(left), next(right)];
  while (a !== undefined || b !== undefined) {
    // The same order as SQL's: a treaty on one side only has no versions on the other.
    const treatyId = a === undefined ? b![0] : b === undefined || a[0] <= b[0] ? a[0] : b[0];
    const liveText = a?.[0] === treatyId ? a[1] : '';
    const rebuiltText = b?.[0] === treatyId ? b[1] : '';
    if (liveText !== rebuiltText) differ.set(treatyId, { live: lines(liveText), rebuilt: lines(rebuiltText) });
    if (a?.[0] === treatyId) a = next(left);
    if (b?.[0] === treatyId) b = next(right);
  }
  return differ;
}

const lines = (text: string) => (text === '' ? [] : text.split('\n'));
