import type { Database } from 'better-sqlite3';
import { treatyDeletedAt } from './treaty-deletions.table';
import { treatyViews, type ViewKind } from './treaty-views';

export interface ReadModelDifference {
  readonly treatyId: string;
  /** `deletion`: deleted for good (its stream tombstoned) in one and not in the other. */
  readonly part: 'status' | 'timeline' | 'presence' | 'deletion';
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
  }
  return differences;
}
